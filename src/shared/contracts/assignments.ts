import { z } from 'zod';
import { tracks } from './recruitment.ts';
import { feeBreakdown, feeInput, incomeCheck } from './brokering.ts';
import { assignmentTypes } from './peers.ts';

/**
 * Assignments of the brokering service (issue 5), the ranked list of peers for one, and the offers
 * that go out to peers: request and response schemas of those routes.
 */

export const assignmentStatuses = ['open', 'filled', 'completed', 'confirmed', 'cancelled'] as const;
export const offerStatuses = ['open', 'accepted', 'declined', 'taken', 'expired', 'withdrawn'] as const;

const isoDateTime = z.iso.datetime({ offset: true });
const nullableText = (max: number) => z.string().trim().max(max).optional();

// ---------------------------------------------------------------- assignments (coordinator)

/**
 * An open assignment with its description, created by the coordinator (the booking form comes later).
 * The fee is computed from the tenant's rules for the year and fixed here; what it is priced from
 * besides the length (travel, agreed extra preparation, the hourly alternative) comes with the body.
 */
export const assignmentBody = z.object({
  type: z.enum(assignmentTypes),
  title: z.string().trim().min(1).max(200),
  /** The assignment description (uppdragsbeskrivning): what, where, who to meet. */
  description: z.string().trim().max(5000).default(''),
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  remote: z.boolean().default(false),
  municipality: nullableText(100),
  address: nullableText(300),
  ...feeInput.omit({ minutes: true }).shape,
}).strict();
export type AssignmentBody = z.infer<typeof assignmentBody>;

export const assignmentsQuery = z.object({
  status: z.enum(assignmentStatuses).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export const assignmentView = z.object({
  id: z.string(),
  type: z.enum(assignmentTypes),
  title: z.string(),
  description: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  remote: z.boolean(),
  municipality: z.string().nullable(),
  address: z.string().nullable(),
  fee: feeBreakdown.nullable(),
  status: z.enum(assignmentStatuses),
  /** The peer who holds it, once an offer was accepted. */
  peer: z.object({ id: z.string(), name: z.string() }).nullable(),
  filledAt: z.string().nullable(),
  createdAt: z.string(),
});
export type AssignmentView = z.infer<typeof assignmentView>;

// ---------------------------------------------------------------- matching

const oneOrMany = z.union([z.string().trim().min(1).max(100), z.array(z.string().trim().min(1).max(100)).max(10)]);

/** The booker's wishes to rank by (the booking request will carry them; until then the coordinator's). */
export const matchQuery = z.object({
  track: z.enum(tracks).optional(),
  language: z.string().trim().min(2).max(8).optional(),
  topic: oneOrMany.optional().transform((t) => (t === undefined ? [] : typeof t === 'string' ? [t] : t)),
});

export const matchReasonCodes = [
  'type', 'track', 'track_other', 'topic', 'topic_missing', 'language', 'language_missing', 'place', 'remote', 'free', 'below_limit', 'workload',
] as const;

/** Why a peer ranks where they do; the web words each code with its params. */
export const matchReasonView = z.object({
  code: z.enum(matchReasonCodes),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  /** `coordinator`: never shown to a booker (workload, income, a coordinator-only topic). */
  audience: z.enum(['coordinator', 'bookers']),
});

export const rankedPeerView = z.object({
  peerProfileId: z.string(),
  name: z.string(),
  track: z.enum([...tracks, 'both']),
  /** How well the peer fits the wishes; among equal fit the lighter workload of the last 12 months ranks first. */
  fit: z.number().int(),
  slot: z.object({ startsAt: z.string(), endsAt: z.string() }),
  reasons: z.array(matchReasonView),
});
export type RankedPeerView = z.infer<typeof rankedPeerView>;

// ---------------------------------------------------------------- offers

/** The link in the offer e-mail is `/offers/answer#<token>`; the page posts the token in the body. */
export const offersBody = z.object({
  peerProfileIds: z.array(z.uuid()).min(1).max(50),
  deadline: isoDateTime,
}).strict();

export const offerTokenBody = z.object({ token: z.string().min(20).max(200) }).strict();

/** An offer as the coordinator sees it, with the peer's income check (null: no limit set). */
export const offerView = z.object({
  id: z.string(),
  assignmentId: z.string(),
  peerProfileId: z.string(),
  name: z.string(),
  status: z.enum(offerStatuses),
  deadline: z.string(),
  incomeCheck: incomeCheck.nullable(),
});
export type OfferView = z.infer<typeof offerView>;

/** An offer as the peer sees it: the assignment description and fee, the deadline, and the income check. */
export const myOfferView = z.object({
  id: z.string(),
  status: z.enum(offerStatuses),
  deadline: z.string(),
  assignment: assignmentView.omit({ peer: true, filledAt: true, createdAt: true, status: true }),
  /** Would accepting pass the yearly income the peer wants to stay under? A help, not advice. */
  incomeCheck: incomeCheck.nullable(),
});
export type MyOfferView = z.infer<typeof myOfferView>;
