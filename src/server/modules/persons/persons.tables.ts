import { pgTable, text, timestamp, uuid, index, date } from 'drizzle-orm/pg-core';
import { tenants } from '../tenants/tenants.tables.ts';

/**
 * A person, apart from any sign-in account: the one record that carries someone from applicant to
 * participant, peer, course leader, employed peer supporter and network member. Later domains hang
 * their records on `persons.id`, so export and erasure start here.
 */
export const persons = pgTable('persons', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
  fullName: text('full_name').notNull(),
  email: text('email'),
  phone: text('phone'),
  preferredLocale: text('preferred_locale', { enum: ['sv', 'da', 'en'] }).notNull().default('sv'),
  /** Free text about the person: encrypted at rest (see lib/crypto). */
  notesEncrypted: text('notes_encrypted'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('persons_tenant_idx').on(t.tenantId), index('persons_tenant_email_idx').on(t.tenantId, t.email)]);

export const personStageKinds = ['applicant', 'participant', 'peer', 'course_leader', 'peer_supporter', 'network_member'] as const;

/** One stage of a person's story; an open stage has no `endedOn`. */
export const personStages = pgTable('person_stages', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
  personId: uuid('person_id').notNull().references(() => persons.id, { onDelete: 'cascade' }),
  kind: text('kind', { enum: personStageKinds }).notNull(),
  startedOn: date('started_on').notNull(),
  endedOn: date('ended_on'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('person_stages_person_idx').on(t.personId)]);
