import { pgTable, text, timestamp, uuid, index, uniqueIndex, integer } from 'drizzle-orm/pg-core';
import { tenants, units } from '../tenants/tenants.tables.ts';
import { persons } from '../persons/persons.tables.ts';
import { roles } from '../../../shared/permissions.ts';

/** A sign-in account. E-mail is unique across tenants, so sign-in needs no tenant choice. */
export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
  personId: uuid('person_id').notNull().references(() => persons.id),
  email: text('email').notNull(),
  name: text('name').notNull(),
  passwordHash: text('password_hash'),
  locale: text('locale', { enum: ['sv', 'da', 'en'] }).notNull().default('sv'),
  status: text('status', { enum: ['active', 'deactivated'] }).notNull().default('active'),
  oidcSubject: text('oidc_subject'),
  /** Bumped on deactivation and role changes, so cached sessions see the change at once. */
  securityVersion: integer('security_version').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
}, (t) => [uniqueIndex('users_email_key').on(t.email), index('users_tenant_name_idx').on(t.tenantId, t.name, t.id)]);

export const userRoles = pgTable('user_roles', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  role: text('role', { enum: roles }).notNull(),
  unitId: uuid('unit_id').references(() => units.id),
  grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
  grantedBy: uuid('granted_by'),
}, (t) => [uniqueIndex('user_roles_user_role_key').on(t.userId, t.role)]);
