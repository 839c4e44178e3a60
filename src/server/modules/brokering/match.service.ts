import type { Ctx } from '../../context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import type { RankedPeerView } from '../../../shared/contracts/assignments.ts';
import type { Track } from '../../../shared/contracts/recruitment.ts';
import { assertCan } from './assignments.service.ts';
import { findAssignment, findBookedIntervals, findPeersWithSettings, findTenant, findWorkloads } from './assignments.repo.ts';
import type { AvailabilityException as StoredException, WeeklyAvailability } from './brokering.tables.ts';
import { rankPeers, type AvailabilityException, type Interval, type MatchPeer } from './matching.ts';

const DAY_MS = 24 * 60 * 60_000;
/** A month each side of the assignment holds every booking that counts toward the peer's monthly limit. */
const MONTH_MARGIN_MS = 32 * DAY_MS;

const weeklyOf = (w: WeeklyAvailability): MatchPeer['weekly'] => Object.fromEntries(Object.entries(w).map(([day, ranges]) => [Number(day), ranges ?? []]));

function exceptionsOf(stored: readonly StoredException[]): AvailabilityException[] {
  const out: AvailabilityException[] = [];
  for (const e of stored) {
    if (e.kind === 'off') out.push({ date: e.date, kind: 'off' });
    else if (e.from && e.to) out.push({ date: e.date, kind: 'extra', range: { from: e.from, to: e.to } });
  }
  return out;
}

function twelveMonthsBefore(now: Date): Date {
  const d = new Date(now);
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  return d;
}

/**
 * The ranked list of peers for an open assignment, with the reasons for each place (the coordinator
 * sees every reason, also those never shown to bookers). Paused, double-booked, unavailable or
 * full-for-the-month peers are left out by the matching itself. The workload counts the last 12
 * months and the assignments already given out ahead, so that work promised counts as work.
 */
export async function matchPeers(ctx: Ctx, assignmentId: string, wishes: { track?: Track; language?: string; topic: string[] }): Promise<RankedPeerView[]> {
  assertCan(ctx.actor, 'assignments.manage');
  const tenantId = ctx.actor.tenantId;
  const a = await findAssignment(ctx.db, tenantId, assignmentId);
  if (!a) throw notFound();
  if (a.status !== 'open') throw new AppError('CONFLICT');
  const now = ctx.now();
  const [tenant, rows, booked, history] = await Promise.all([
    findTenant(ctx.db, tenantId),
    findPeersWithSettings(ctx.db, tenantId),
    findBookedIntervals(ctx.db, tenantId, new Date(a.startsAt.getTime() - MONTH_MARGIN_MS), new Date(a.endsAt.getTime() + MONTH_MARGIN_MS)),
    findWorkloads(ctx.db, tenantId, { from: twelveMonthsBefore(now) }),
  ]);
  const bookedBy = new Map<string, Interval[]>();
  for (const b of booked) bookedBy.set(b.peerProfileId!, [...(bookedBy.get(b.peerProfileId!) ?? []), { startsAt: b.startsAt, endsAt: b.endsAt }]);
  const peers: MatchPeer[] = rows.map(({ p, s }) => ({
    id: p.id,
    track: p.track,
    assignmentTypes: s.assignmentTypes,
    topics: s.topics,
    languages: s.languages,
    municipalities: s.municipalities,
    worksRemotely: s.worksRemotely,
    weekly: weeklyOf(s.weeklyAvailability),
    exceptions: exceptionsOf(s.exceptions),
    maxPerMonth: s.maxPerMonth,
    paused: s.paused || p.status !== 'active',
    booked: bookedBy.get(p.id) ?? [],
    last12Months: history.get(p.id) ?? { assignments: 0, feesOre: 0 },
  }));
  const ranked = rankPeers(
    {
      type: a.type,
      wishes: { track: wishes.track, language: wishes.language, topics: wishes.topic },
      place: a.remote ? { kind: 'remote' } : { kind: 'onsite', municipality: a.municipality ?? '' },
      when: { kind: 'fixed', startsAt: a.startsAt, endsAt: a.endsAt },
      country: tenant.country,
    },
    peers,
    now,
  );
  const byId = new Map(rows.map((r) => [r.p.id, r]));
  return ranked.map((r) => {
    const { p, name } = byId.get(r.peerId)!;
    return {
      peerProfileId: r.peerId,
      name,
      track: p.track,
      fit: r.fit,
      slot: { startsAt: r.slot.startsAt.toISOString(), endsAt: r.slot.endsAt.toISOString() },
      reasons: r.reasons.map(({ code, params, audience }) => ({ code, params, audience })),
    };
  });
}
