import { pgTable, text, timestamp, uuid, index, bigserial, jsonb } from 'drizzle-orm/pg-core';

/**
 * Append-only, hash-chained audit log. The database refuses UPDATE, DELETE and TRUNCATE on it
 * (triggers in the migrations). It holds ids and action names, never the content of a record.
 */
export const auditEvents = pgTable('audit_events', {
  seq: bigserial('seq', { mode: 'number' }).primaryKey(),
  tenantId: uuid('tenant_id'),
  actorUserId: uuid('actor_user_id'),
  actorRole: text('actor_role'),
  unitId: uuid('unit_id'),
  subjectPersonId: uuid('subject_person_id'),
  action: text('action').notNull(),
  recordType: text('record_type').notNull(),
  recordId: text('record_id'),
  details: jsonb('details').$type<Record<string, unknown>>(),
  at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
}, (t) => [
  index('audit_tenant_at_idx').on(t.tenantId, t.at),
  index('audit_subject_idx').on(t.subjectPersonId),
  index('audit_actor_idx').on(t.actorUserId),
]);
