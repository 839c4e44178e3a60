import { z } from 'zod';
import { money } from './brokering.ts';

/**
 * A peer's own profile in the brokering service (issue 5): what they take on and when, a pause
 * without a reason, and payment details that only finance reads in full (masked everywhere else).
 */

/**
 * The kinds of assignment (seed 000); the matching (`matching.ts`) uses this list too.
 */
export const assignmentTypes = ['share_story', 'co_development', 'improvement_work', 'event', 'course_leader'] as const;
export const peerTracks = ['own_experience', 'relative', 'both'] as const;
export const topicVisibilities = ['coordinator', 'bookers'] as const;
export const weekdays = ['1', '2', '3', '4', '5', '6', '7'] as const;

/** Wall-clock `HH:MM` where the tenant is; `24:00` ends a day. */
const clockTime = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/);
const timeRange = z.object({ from: clockTime, to: clockTime }).strict();

const availabilityException = z.discriminatedUnion('kind', [
  z.object({ date: z.iso.date(), kind: z.literal('off') }).strict(),
  z.object({ date: z.iso.date(), kind: z.literal('extra'), from: clockTime, to: clockTime }).strict(),
]);

const topic = z.object({ topic: z.string().trim().min(1).max(100), visibility: z.enum(topicVisibilities) }).strict();

/**
 * The settings a peer keeps. A range must end after it starts (`field.ends_before_start` on
 * `weeklyAvailability.<weekday>` or `exceptions`); the income limit is in the tenant's currency.
 */
export const peerSettingsBody = z.object({
  track: z.enum(peerTracks),
  assignmentTypes: z.array(z.enum(assignmentTypes)).max(assignmentTypes.length),
  topics: z.array(topic).max(20),
  /** ISO 639-1 codes. */
  languages: z.array(z.string().regex(/^[a-z]{2}$/)).max(20),
  municipalities: z.array(z.string().trim().min(1).max(100)).max(100),
  worksRemotely: z.boolean(),
  weeklyAvailability: z.partialRecord(z.enum(weekdays), z.array(timeRange).max(6)),
  exceptions: z.array(availabilityException).max(366),
  maxPerMonth: z.int().min(1).max(31),
  yearlyIncomeLimit: money.extend({ amount: z.int().min(0) }).nullable(),
}).strict();
export type PeerSettingsBody = z.infer<typeof peerSettingsBody>;

/** Payment details as anyone but finance sees them: masked, and whether they are set at all. */
export const maskedPaymentDetails = z.object({
  isSet: z.boolean(),
  /** `19900101-****` */
  personnummer: z.string().nullable(),
  /** `****1234` */
  bankAccount: z.string().nullable(),
});

export const myPeerView = peerSettingsBody.extend({
  id: z.string(),
  status: z.enum(['active', 'paused', 'inactive']),
  paused: z.boolean(),
  pausedAt: z.string().nullable(),
  paymentDetails: maskedPaymentDetails,
  updatedAt: z.string(),
});
export type MyPeerView = z.infer<typeof myPeerView>;

/** A peer as the coordinator sees them, coordinator-only topics included. */
export const peerListItem = z.object({
  id: z.string(),
  personId: z.string(),
  name: z.string(),
  track: z.enum(peerTracks),
  status: z.enum(['active', 'paused', 'inactive']),
  paused: z.boolean(),
  assignmentTypes: z.array(z.enum(assignmentTypes)),
  topics: z.array(topic),
  languages: z.array(z.string()),
  municipalities: z.array(z.string()),
  worksRemotely: z.boolean(),
  maxPerMonth: z.int(),
});
export type PeerListItem = z.infer<typeof peerListItem>;

export const peersQuery = z.object({ paused: z.enum(['true', 'false']).optional() });

/**
 * Finance only. The personnummer (12 digits, hyphen optional) must pass the Luhn check; the bank
 * account is clearing and account number, 5–20 digits once spaces and hyphens are removed.
 */
export const paymentDetailsBody = z.object({
  personnummer: z.string().trim().min(1).max(20),
  bankAccount: z.string().trim().min(1).max(40),
  employeeNumber: z.string().trim().max(50).nullable().default(null),
}).strict();
export type PaymentDetailsBody = z.input<typeof paymentDetailsBody>;

export const paymentDetailsView = z.object({
  peerId: z.string(),
  /** 12 digits, no hyphen. */
  personnummer: z.string().nullable(),
  /** Digits only. */
  bankAccount: z.string().nullable(),
  employeeNumber: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type PaymentDetailsView = z.infer<typeof paymentDetailsView>;
