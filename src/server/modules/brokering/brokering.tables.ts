import { pgTable, text, timestamp, uuid, index, uniqueIndex, integer, boolean, jsonb } from 'drizzle-orm/pg-core';
import { tenants } from '../tenants/tenants.tables.ts';
import { users } from '../users/users.tables.ts';
import { peerProfiles } from '../training/training.tables.ts';
import type { AssignmentType } from './matching.ts';
import type { FeeBreakdown } from '../../../shared/contracts/brokering.ts';

/** A topic a peer will speak about, and who may see that they do (issue 5). */
export type PeerTopic = { topic: string; visibility: 'coordinator' | 'bookers' };
/** Local times of day (HH:MM) a peer is free on an ISO weekday (1 = Monday). */
export type WeeklyAvailability = Partial<Record<'1' | '2' | '3' | '4' | '5' | '6' | '7', { from: string; to: string }[]>>;
/** A day off, or extra hours on a day, against the weekly pattern. */
export type AvailabilityException = { date: string; kind: 'off' | 'extra'; from?: string; to?: string };

/**
 * What a peer takes on and when: kept by the peer. A pause needs no reason and means the peer is
 * never offered anything (for their own well-being).
 */
export const peerSettings = pgTable('peer_settings', {
  peerProfileId: uuid('peer_profile_id').primaryKey().references(() => peerProfiles.id, { onDelete: 'cascade' }),
  tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
  assignmentTypes: jsonb('assignment_types').$type<AssignmentType[]>().notNull().default([]),
  topics: jsonb('topics').$type<PeerTopic[]>().notNull().default([]),
  languages: jsonb('languages').$type<string[]>().notNull().default([]),
  municipalities: jsonb('municipalities').$type<string[]>().notNull().default([]),
  worksRemotely: boolean('works_remotely').notNull().default(false),
  weeklyAvailability: jsonb('weekly_availability').$type<WeeklyAvailability>().notNull().default({}),
  exceptions: jsonb('exceptions').$type<AvailabilityException[]>().notNull().default([]),
  maxPerMonth: integer('max_per_month').notNull().default(4),
  paused: boolean('paused').notNull().default(false),
  pausedAt: timestamp('paused_at', { withTimezone: true }),
  /** The yearly income (öre/øre) the peer wants to stay under; warned before an offer would pass it. */
  yearlyIncomeLimit: integer('yearly_income_limit'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Payment details: for finance only, encrypted, masked elsewhere, never in logs or URLs. */
export const peerPaymentDetails = pgTable('peer_payment_details', {
  peerProfileId: uuid('peer_profile_id').primaryKey().references(() => peerProfiles.id, { onDelete: 'cascade' }),
  tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
  /** 12 digits, no hyphen, encrypted. */
  personnummerEncrypted: text('personnummer_encrypted'),
  bankAccountEncrypted: text('bank_account_encrypted'),
  /** The payroll system's id for the peer, if it has one. */
  employeeNumber: text('employee_number'),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * An assignment a peer takes, with its description and fee agreed beforehand. A peer can never hold
 * two that overlap: the database refuses it (an exclusion constraint, in the migration).
 */
export const assignments = pgTable('assignments', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
  /** The booking request it answers (its table comes with the booking form). */
  bookingRequestId: uuid('booking_request_id'),
  type: text('type').$type<AssignmentType>().notNull(),
  title: text('title').notNull(),
  /** The assignment description (uppdragsbeskrivning): what, where, who to meet. */
  description: text('description').notNull().default(''),
  startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
  endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
  remote: boolean('remote').notNull().default(false),
  municipality: text('municipality'),
  address: text('address'),
  fee: jsonb('fee').$type<FeeBreakdown>(),
  status: text('status', { enum: ['open', 'filled', 'completed', 'confirmed', 'cancelled'] }).notNull().default('open'),
  peerProfileId: uuid('peer_profile_id').references(() => peerProfiles.id),
  filledAt: timestamp('filled_at', { withTimezone: true }),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('assignments_tenant_status_idx').on(t.tenantId, t.status, t.startsAt), index('assignments_peer_idx').on(t.peerProfileId, t.startsAt)]);

/** An offer of an assignment to one peer, until a deadline; the first accept wins, exactly once. */
export const offers = pgTable('offers', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
  assignmentId: uuid('assignment_id').notNull().references(() => assignments.id, { onDelete: 'cascade' }),
  peerProfileId: uuid('peer_profile_id').notNull().references(() => peerProfiles.id),
  status: text('status', { enum: ['open', 'accepted', 'declined', 'taken', 'expired', 'withdrawn'] }).notNull().default('open'),
  deadline: timestamp('deadline', { withTimezone: true }).notNull(),
  /** For answering from the e-mail without signing in: found by hash, kept encrypted for reminders. */
  tokenHash: text('token_hash').notNull(),
  tokenEncrypted: text('token_encrypted').notNull(),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  respondedAt: timestamp('responded_at', { withTimezone: true }),
}, (t) => [
  uniqueIndex('offers_assignment_peer_key').on(t.assignmentId, t.peerProfileId),
  uniqueIndex('offers_token_key').on(t.tokenHash),
  index('offers_peer_idx').on(t.peerProfileId, t.status),
]);
