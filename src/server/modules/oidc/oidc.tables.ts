import { pgTable, text, timestamp, uuid, boolean } from 'drizzle-orm/pg-core';
import { tenants } from '../tenants/tenants.tables.ts';

/** OIDC sign-in per tenant (authorization code + PKCE). The client secret is encrypted at rest. */
export const oidcProviders = pgTable('oidc_providers', {
  tenantId: uuid('tenant_id').primaryKey().references(() => tenants.id),
  issuer: text('issuer').notNull(),
  clientId: text('client_id').notNull(),
  clientSecretEncrypted: text('client_secret_encrypted'),
  displayName: text('display_name').notNull(),
  enabled: boolean('enabled').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A sign-in under way: state, nonce and PKCE verifier, kept for ten minutes. */
export const oidcLogins = pgTable('oidc_logins', {
  state: text('state').primaryKey(),
  tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
  nonce: text('nonce').notNull(),
  codeVerifier: text('code_verifier').notNull(),
  returnTo: text('return_to').notNull().default('/'),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});
