import { pgTable, text, timestamp, uuid, uniqueIndex, index } from 'drizzle-orm/pg-core';

/** An organisation that runs a peer support program: a region, a municipality or a user organisation. */
export const tenants = pgTable('tenants', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull(),
  name: text('name').notNull(),
  kind: text('kind', { enum: ['region', 'municipality', 'user_organisation'] }).notNull(),
  country: text('country', { enum: ['SE', 'DK'] }).notNull().default('SE'),
  defaultLocale: text('default_locale', { enum: ['sv', 'da', 'en'] }).notNull().default('sv'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('tenants_slug_key').on(t.slug)]);

/** A unit (verksamhet) of a tenant: inpatient, outpatient, social psychiatry, habilitation. */
export const units = pgTable('units', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
  name: text('name').notNull(),
  kind: text('kind', { enum: ['inpatient', 'outpatient', 'social_psychiatry', 'habilitation', 'other'] }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('units_tenant_idx').on(t.tenantId)]);
