import { pgTable, text, timestamp, uuid, index, integer } from 'drizzle-orm/pg-core';
import { tenants } from '../tenants/tenants.tables.ts';

/**
 * Every e-mail the app sends is written here first, in the same transaction as the change that
 * causes it, then sent by a job. Without SMTP (demo mode) messages stay here as the outbox that
 * an admin can read. The body is encrypted at rest: it may hold personal links.
 */
export const emails = pgTable('emails', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id').references(() => tenants.id),
  toAddress: text('to_address').notNull(),
  subject: text('subject').notNull(),
  bodyEncrypted: text('body_encrypted').notNull(),
  /** JSON of `MailAttachment[]` (e.g. an interview's .ics), encrypted like the body; null when none. */
  attachmentsEncrypted: text('attachments_encrypted'),
  status: text('status', { enum: ['queued', 'sent', 'failed', 'outbox'] }).notNull().default('queued'),
  attempts: integer('attempts').notNull().default(0),
  /** A refused e-mail waits until then before the next try (growing back-off). */
  nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
  /** A delivery run holds the e-mail until then while it talks to the SMTP server, outside any transaction. */
  claimedUntil: timestamp('claimed_until', { withTimezone: true }),
  lastError: text('last_error'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  sentAt: timestamp('sent_at', { withTimezone: true }),
}, (t) => [index('emails_tenant_created_idx').on(t.tenantId, t.createdAt)]);
