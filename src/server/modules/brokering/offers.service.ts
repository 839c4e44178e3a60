import { and, eq, isNull } from 'drizzle-orm';
import type { Actor, Ctx, Services } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { AppError, notFound, type FieldReason } from '../../lib/errors.ts';
import { randomToken, sha256Hex } from '../../lib/crypto.ts';
import type { MyOfferView, OfferView } from '../../../shared/contracts/assignments.ts';
import type { IncomeCheck } from '../../../shared/contracts/brokering.ts';
import { violatedConstraint } from '../../lib/db-errors.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { dayIn, localTime, type Country } from '../training/schedule.ts';
import { assertCan } from './assignments.service.ts';
import {
  findAssignment,
  findOffersOfAssignment,
  findOfferWithAssignment,
  findOpenOffersOf,
  findPeerContacts,
  findPeerProfileOf,
  findTenant,
  findWorkloads,
  toAssignmentView,
  type AssignmentRow,
  type OfferRow,
  type PeerContact,
} from './assignments.repo.ts';
import { assignments, offers } from './brokering.tables.ts';
import { taxableAmount } from './fees.ts';
import { incomeAfterAccepting } from './income-warning.ts';
import { mailConfirmation, mailOffer, mailTaken } from './brokering.texts.ts';

/*
 * Until the shared error catalogue has codes of its own for these (OFFER_TAKEN, OFFER_CLOSED,
 * DOUBLE_BOOKED), each is a 409 CONFLICT and the field names what collided.
 */
const offerTaken = () => new AppError('OFFER_TAKEN');
const offerClosed = () => new AppError('OFFER_CLOSED');
const doubleBooked = () => new AppError('DOUBLE_BOOKED');

type Tenant = Awaited<ReturnType<typeof findTenant>>;

/** The moments the local calendar year of `at` begins and ends where the tenant is. */
function yearOf(at: Date, country: Country): { from: Date; to: Date } {
  const year = Number(dayIn(at, country).slice(0, 4));
  return { from: localTime(`${year}-01-01`, '00:00', country), to: localTime(`${year + 1}-01-01`, '00:00', country) };
}

/**
 * Would accepting take each peer past the yearly income they want to stay under? Counts the taxable
 * fees of the assignments they hold that year (paid or not: all will be paid that year). Null for a
 * peer without a limit.
 */
async function incomeChecksFor(db: Db, tenant: Tenant, a: AssignmentRow, peers: readonly PeerContact[]): Promise<Map<string, IncomeCheck>> {
  const limited = peers.filter((p) => p.yearlyIncomeLimit !== null);
  const out = new Map<string, IncomeCheck>();
  if (!a.fee || limited.length === 0) return out;
  const workloads = await findWorkloads(db, tenant.id, { ...yearOf(a.startsAt, tenant.country), peerIds: limited.map((p) => p.id) });
  const offered = taxableAmount(a.fee);
  const currency = offered.currency;
  for (const p of limited) {
    const pending = { amount: workloads.get(p.id)?.feesOre ?? 0, currency };
    out.set(p.id, incomeAfterAccepting({ amount: 0, currency }, pending, offered, { amount: p.yearlyIncomeLimit!, currency }));
  }
  return out;
}

const offerViewOf = (o: OfferRow, peer: PeerContact, check: IncomeCheck | undefined): OfferView => ({
  id: o.id,
  assignmentId: o.assignmentId,
  peerProfileId: o.peerProfileId,
  name: peer.name,
  status: o.status,
  deadline: o.deadline.toISOString(),
  incomeCheck: check ?? null,
});

function myOfferViewOf(o: OfferRow, a: AssignmentRow, check: IncomeCheck | null): MyOfferView {
  const { peer: _peer, filledAt: _filledAt, createdAt: _createdAt, status: _status, ...assignment } = toAssignmentView(a, null);
  return { id: o.id, status: o.status, deadline: o.deadline.toISOString(), assignment, incomeCheck: check };
}

/**
 * Offers an open assignment to peers at once, each by e-mail in their language with a link to answer
 * in the app or directly. A paused peer is never offered anything; a peer gets one offer per
 * assignment. The answer shows each peer's income check to the coordinator.
 */
export async function createOffers(ctx: Ctx, assignmentId: string, input: { peerProfileIds: string[]; deadline: string }): Promise<OfferView[]> {
  assertCan(ctx.actor, 'assignments.manage');
  const tenantId = ctx.actor.tenantId;
  const now = ctx.now();
  const deadline = new Date(input.deadline);
  const ids = [...new Set(input.peerProfileIds)];
  const a = await findAssignment(ctx.db, tenantId, assignmentId);
  if (!a) throw notFound();
  if (a.status !== 'open') throw new AppError('CONFLICT');
  const peers = await findPeerContacts(ctx.db, tenantId, ids);
  const fields: Record<string, FieldReason> = {};
  // The answer must come before the assignment, with time left to prepare.
  if (deadline <= now || deadline >= a.startsAt) fields.deadline = { key: 'field.invalid' };
  if (peers.length !== ids.length || peers.some((p) => !p.available)) fields.peerProfileIds = { key: 'field.invalid' };
  if (Object.keys(fields).length > 0) throw new AppError('VALIDATION_FAILED', { fields });
  if ((await findOffersOfAssignment(ctx.db, a.id, ids)).length > 0) throw new AppError('CONFLICT', { fields: { peerProfileIds: { key: 'field.invalid' } } });

  const tenant = await findTenant(ctx.db, tenantId);
  const checks = await incomeChecksFor(ctx.db, tenant, a, peers);
  try {
    const views = await ctx.db.transaction(async (tx) => {
      const out: OfferView[] = [];
      for (const peer of peers) {
        const token = randomToken();
        const [offer] = await tx
          .insert(offers)
          .values({ tenantId, assignmentId: a.id, peerProfileId: peer.id, deadline, tokenHash: sha256Hex(token), tokenEncrypted: ctx.keyring.encrypt(token), createdBy: ctx.actor.userId, createdAt: now })
          .returning();
        await writeAudit(tx, { actor: ctx.actor, now }, { action: 'offer.create', recordType: 'offer', recordId: offer!.id, subjectPersonId: peer.personId, details: { assignmentId: a.id, deadline: deadline.toISOString() } });
        await mailOffer(ctx, tx, { tenant, assignment: a, peer, deadline, token });
        out.push(offerViewOf(offer!, peer, checks.get(peer.id)));
      }
      return out;
    });
    ctx.mailer.kick();
    return views;
  } catch (err) {
    if (violatedConstraint(err, '23505') === 'offers_assignment_peer_key') throw new AppError('CONFLICT', { fields: { peerProfileIds: { key: 'field.invalid' } } });
    throw err;
  }
}

/** The signed-in peer's open offers, soonest deadline first, each with their income check. */
export async function findMyOffers(ctx: Ctx): Promise<MyOfferView[]> {
  assertCan(ctx.actor, 'peers.own');
  const profileId = await findPeerProfileOf(ctx.db, ctx.actor.tenantId, ctx.actor.personId);
  if (!profileId) return [];
  const rows = await findOpenOffersOf(ctx.db, profileId, ctx.now());
  if (rows.length === 0) return [];
  const [tenant, [peer]] = await Promise.all([findTenant(ctx.db, ctx.actor.tenantId), findPeerContacts(ctx.db, ctx.actor.tenantId, [profileId])]);
  const out: MyOfferView[] = [];
  for (const r of rows) out.push(myOfferViewOf(r.offer, r.assignment, (await incomeChecksFor(ctx.db, tenant, r.assignment, [peer!])).get(profileId) ?? null));
  return out;
}

type Answer = 'accept' | 'decline';

/** The signed-in peer answers one of their own offers (another's is not found). */
export async function answerMyOffer(ctx: Ctx, offerId: string, answer: Answer): Promise<MyOfferView> {
  assertCan(ctx.actor, 'peers.own');
  const peerProfileId = await findPeerProfileOf(ctx.db, ctx.actor.tenantId, ctx.actor.personId);
  if (!peerProfileId) throw notFound();
  return answerOffer(ctx, { id: offerId, peerProfileId }, answer, ctx.actor);
}

/** The peer answers from the e-mail's link, without signing in: the token is the authority. */
export async function answerOfferByToken(svc: Services, token: string, answer: Answer): Promise<MyOfferView> {
  return answerOffer(svc, { tokenHash: sha256Hex(token) }, answer, null);
}

/**
 * Accepts or declines an open offer before its deadline, in one transaction. The first accept wins,
 * exactly once: the assignment is filled only if it is still open and without a peer, so of any
 * number of accepts in the same instant one gets the row and the rest are told it is taken. The
 * database refuses a peer two overlapping assignments (an exclusion constraint); then their offer
 * stays open for the others. Answering the same way again answers the same.
 */
async function answerOffer(svc: Services, by: Parameters<typeof findOfferWithAssignment>[1], answer: Answer, actor: Actor | null): Promise<MyOfferView> {
  const now = svc.now();
  const found = await findOfferWithAssignment(svc.db, by);
  if (!found || (actor && found.offer.tenantId !== actor.tenantId)) throw notFound();
  const { offer, assignment: a } = found;
  if (offer.status === (answer === 'accept' ? 'accepted' : 'declined')) return myOfferViewOf(offer, a, null);
  if (offer.status === 'taken') throw offerTaken();
  if (offer.status !== 'open' || offer.deadline <= now) throw offerClosed();
  try {
    const result = await svc.db.transaction(async (tx) => {
      const tenant = await findTenant(tx, offer.tenantId);
      const [peer] = await findPeerContacts(tx, offer.tenantId, [offer.peerProfileId]);
      let filled = a;
      if (answer === 'accept') {
        const [row] = await tx
          .update(assignments)
          .set({ peerProfileId: offer.peerProfileId, status: 'filled', filledAt: now })
          .where(and(eq(assignments.id, a.id), isNull(assignments.peerProfileId), eq(assignments.status, 'open')))
          .returning();
        if (!row) throw offerTaken();
        filled = row;
      }
      const [answered] = await tx
        .update(offers)
        .set({ status: answer === 'accept' ? 'accepted' : 'declined', respondedAt: now })
        .where(and(eq(offers.id, offer.id), eq(offers.status, 'open')))
        .returning();
      // Declined from another tab meanwhile: nothing of this answer stays.
      if (!answered) throw offerClosed();
      await writeAudit(tx, { actor, tenantId: offer.tenantId, now }, { action: `offer.${answer}`, recordType: 'offer', recordId: offer.id, subjectPersonId: peer!.personId, details: { assignmentId: a.id, via: actor ? 'app' : 'link' } });
      if (answer === 'accept') {
        const others = await tx.update(offers).set({ status: 'taken' }).where(and(eq(offers.assignmentId, a.id), eq(offers.status, 'open'))).returning({ peerProfileId: offers.peerProfileId });
        await mailConfirmation(svc, tx, { tenant, assignment: filled, peer: peer! });
        for (const other of await findPeerContacts(tx, offer.tenantId, others.map((o) => o.peerProfileId))) await mailTaken(svc, tx, { tenant, assignment: filled, peer: other });
      }
      return myOfferViewOf(answered, filled, null);
    });
    svc.mailer.kick();
    return result;
  } catch (err) {
    if (violatedConstraint(err, '23P01') === 'assignments_peer_no_overlap') throw doubleBooked();
    throw err;
  }
}
