import type { Track } from '../../../shared/contracts/recruitment.ts';
import { addDays, dayIn, isoWeekday, localTime, type Country } from '../training/schedule.ts';

import { assignmentTypes } from '../../../shared/contracts/peers.ts';

/** The kinds of assignment the brokering service takes bookings for (seed 000): one list, in the shared contract. */
export { assignmentTypes };
export type AssignmentType = (typeof assignmentTypes)[number];

export type PeerTrack = Track | 'both';
/** Who may read a reason: `coordinator` only, or `bookers` too (the coordinator sees everything). */
export type Audience = 'coordinator' | 'bookers';
/** Wall-clock times `HH:MM` where the tenant is; `24:00` ends a day. */
export type TimeRange = { from: string; to: string };
export type AvailabilityException = { date: string; kind: 'off' } | { date: string; kind: 'extra'; range: TimeRange };
export type Interval = { startsAt: Date; endsAt: Date };

export type MatchPeer = {
  id: string;
  track: PeerTrack;
  assignmentTypes: readonly AssignmentType[];
  /** Keys from the tenant's topic list; a coordinator-only topic still counts, but bookers never see it named. */
  topics: readonly { topic: string; visibility: Audience }[];
  /** ISO 639-1 codes. */
  languages: readonly string[];
  municipalities: readonly string[];
  worksRemotely: boolean;
  /** ISO weekday (1 = Monday) to the times the peer is available that day. */
  weekly: Partial<Record<number, readonly TimeRange[]>>;
  exceptions: readonly AvailabilityException[];
  maxPerMonth: number | null;
  paused: boolean;
  /** Every assignment the peer holds or has done, at least in the months the assignment may fall in. */
  booked: readonly Interval[];
  /** Fees in minor units of the tenant's currency (öre, øre). */
  last12Months: { assignments: number; feesOre: number };
};

export type MatchAssignment = {
  type: AssignmentType;
  wishes: { track?: Track; language?: string; topics?: readonly string[] };
  place: { kind: 'onsite'; municipality: string } | { kind: 'remote' };
  /** Within one local day: a fixed time, or a window of days with a length (and the hours it may lie in). */
  when: { kind: 'fixed'; startsAt: Date; endsAt: Date } | { kind: 'window'; firstDay: string; lastDay: string; minutes: number; hours?: TimeRange };
  /** Days and the peers' weekly patterns are the tenant's local time, like training sessions. */
  country: Country;
};

type ReasonParams = {
  type: { type: AssignmentType };
  track: { track: PeerTrack };
  track_other: { track: PeerTrack; wished: Track };
  topic: { topic: string };
  topic_missing: { topic: string };
  language: { language: string };
  language_missing: { language: string };
  place: { municipality: string };
  remote: Record<string, never>;
  /** The slot itself is the ranked peer's `slot`. */
  free: Record<string, never>;
  below_limit: { booked: number; max: number };
  workload: { assignments: number; feesOre: number; averageAssignments: number; averageFeesOre: number };
};
export type ReasonCode = keyof ReasonParams;
export type MatchReason = { [C in ReasonCode]: { code: C; params: ReasonParams[C]; audience: Audience } }[ReasonCode];

export type RankedPeer = { peerId: string; fit: number; slot: Interval; reasons: MatchReason[] };

/**
 * Track and language decide whether the peer can do the assignment as the booker meant it; each
 * wished topic is a nuance on top. A wish the booker did not make scores nobody.
 */
const WEIGHT = { track: 2, language: 2, topic: 1 } as const;
const MINUTE_MS = 60_000;
const DAY_MINUTES = 24 * 60;
const DAY_MS = DAY_MINUTES * MINUTE_MS;
/** A window's slot starts on a quarter hour from now, not at 10:07. */
const QUARTER_MS = 15 * MINUTE_MS;

type Day = { date: string; weekday: number; midnight: number; nextMidnight: number; month: number; from: number; to: number };
type Month = { start: number; end: number };
type Plan = { country: Country; days: Day[]; months: Month[]; duration: number; irregular: Map<number, number> };
type Fit = { peer: MatchPeer; fit: number; start: number; reasons: MatchReason[]; workload: number };

const minutesOf = (t: string): number =>
  (t.charCodeAt(0) - 48) * 600 + (t.charCodeAt(1) - 48) * 60 + (t.charCodeAt(3) - 48) * 10 + (t.charCodeAt(4) - 48);
const hhmm = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
/**
 * Local midnights by country and day. The calendar lookup behind them is the slow part of planning
 * (Intl), and a few hundred days a year are ever asked for, so they are kept for the process's life.
 */
const midnights = new Map<string, number>();
function midnightOf(day: string, country: Country): number {
  const key = country + day;
  let at = midnights.get(key);
  if (at === undefined) {
    at = localTime(day, '00:00', country).getTime();
    midnights.set(key, at);
  }
  return at;
}

/** Everything that depends on the assignment only, worked out once rather than once per peer. */
function planOf(a: MatchAssignment, now: Date): Plan {
  const dates = a.when.kind === 'fixed' ? [dayIn(a.when.startsAt, a.country)] : [];
  if (a.when.kind === 'window') for (let d = a.when.firstDay; d <= a.when.lastDay; d = addDays(d, 1)) dates.push(d);
  const plan: Plan = { country: a.country, days: [], months: [], duration: 0, irregular: new Map() };
  const monthIndex = new Map<string, number>();
  for (const date of dates) {
    const key = date.slice(0, 7);
    if (!monthIndex.has(key)) {
      monthIndex.set(key, plan.months.length);
      const next = addDays(`${key}-28`, 4).slice(0, 7);
      plan.months.push({ start: midnightOf(`${key}-01`, a.country), end: midnightOf(`${next}-01`, a.country) });
    }
    const midnight = midnightOf(date, a.country);
    const nextMidnight = midnightOf(addDays(date, 1), a.country);
    plan.days.push({ date, weekday: isoWeekday(date), midnight, nextMidnight, month: monthIndex.get(key)!, from: 0, to: 0 });
  }
  if (a.when.kind === 'fixed') {
    plan.days[0]!.from = Math.max(a.when.startsAt.getTime(), now.getTime());
    plan.days[0]!.to = a.when.endsAt.getTime();
    plan.duration = a.when.endsAt.getTime() - a.when.startsAt.getTime();
  } else {
    const earliest = Math.ceil(now.getTime() / QUARTER_MS) * QUARTER_MS;
    const hours = a.when.hours ?? { from: '00:00', to: '24:00' };
    plan.days.forEach((d, i) => {
      d.from = Math.max(toUtc(plan, i, minutesOf(hours.from)), earliest);
      d.to = toUtc(plan, i, minutesOf(hours.to));
    });
    plan.duration = a.when.minutes * MINUTE_MS;
  }
  return plan;
}

/** The moment of a local time on a plan day: plain arithmetic, except on the days summer time starts or ends. */
function toUtc(plan: Plan, i: number, minutes: number): number {
  const day = plan.days[i]!;
  if (minutes >= DAY_MINUTES) return day.nextMidnight;
  if (day.nextMidnight - day.midnight === DAY_MS) return day.midnight + minutes * MINUTE_MS;
  const key = i * DAY_MINUTES + minutes;
  let at = plan.irregular.get(key);
  if (at === undefined) {
    at = localTime(day.date, hhmm(minutes), plan.country).getTime();
    plan.irregular.set(key, at);
  }
  return at;
}

/** The earliest start in [from, to) where the assignment fits without touching a booking, or -1. */
function earliestStart(booked: readonly Interval[], from: number, to: number, duration: number): number {
  let t = from;
  for (let moved = true; moved; ) {
    if (t + duration > to) return -1;
    moved = false;
    for (const b of booked) {
      const end = b.endsAt.getTime();
      if (b.startsAt.getTime() < t + duration && end > t) {
        t = end;
        moved = true;
      }
    }
  }
  return t;
}

function startInRange(plan: Plan, i: number, peer: MatchPeer, range: TimeRange): number {
  const day = plan.days[i]!;
  const from = Math.max(day.from, toUtc(plan, i, minutesOf(range.from)));
  const to = Math.min(day.to, toUtc(plan, i, minutesOf(range.to)));
  return earliestStart(peer.booked, from, to, plan.duration);
}

const earlier = (best: number, t: number): number => (t >= 0 && (best < 0 || t < best) ? t : best);
const NO_RANGES: readonly TimeRange[] = [];

function isOff(exceptions: readonly AvailabilityException[], date: string): boolean {
  for (const e of exceptions) if (e.kind === 'off' && e.date === date) return true;
  return false;
}

/** The first slot the peer is free for: in their pattern, not off, not booked, and the month below their limit. */
function firstSlot(plan: Plan, peer: MatchPeer): { start: number; bookedInMonth: number } | null {
  let month = -1;
  let bookedInMonth = 0;
  for (let i = 0; i < plan.days.length; i++) {
    const day = plan.days[i]!;
    if (day.month !== month) {
      month = day.month;
      const { start, end } = plan.months[month]!;
      bookedInMonth = 0;
      for (const b of peer.booked) {
        const at = b.startsAt.getTime();
        if (at >= start && at < end) bookedInMonth++;
      }
    }
    if (peer.maxPerMonth !== null && bookedInMonth >= peer.maxPerMonth) continue;
    if (isOff(peer.exceptions, day.date)) continue;
    let best = -1;
    for (const range of peer.weekly[day.weekday] ?? NO_RANGES) best = earlier(best, startInRange(plan, i, peer, range));
    for (const e of peer.exceptions) if (e.kind === 'extra' && e.date === day.date) best = earlier(best, startInRange(plan, i, peer, e.range));
    if (best >= 0) return { start: best, bookedInMonth };
  }
  return null;
}

const takesPlace = (a: MatchAssignment, peer: MatchPeer): boolean =>
  a.place.kind === 'remote' ? peer.worksRemotely : peer.municipalities.includes(a.place.municipality);

function frozen(r: MatchReason): MatchReason {
  Object.freeze(r.params);
  return Object.freeze(r);
}

/**
 * The reasons that depend on the assignment alone (or on it and a peer's track or a topic's
 * visibility), made once per list and shared, frozen, by the peers they apply to.
 */
function sharedReasons(a: MatchAssignment) {
  const { track: wished, language, topics = [] } = a.wishes;
  const audience = 'bookers';
  const byTrack = (track: PeerTrack, wished: Track) => frozen(track === wished || track === 'both'
    ? { code: 'track', params: { track }, audience }
    : { code: 'track_other', params: { track, wished }, audience });
  return {
    type: frozen({ code: 'type', params: { type: a.type }, audience }),
    byTrack: wished ? { own_experience: byTrack('own_experience', wished), relative: byTrack('relative', wished), both: byTrack('both', wished) } : null,
    topics: topics.map((topic) => ({
      topic,
      held: { bookers: frozen({ code: 'topic', params: { topic }, audience }), coordinator: frozen({ code: 'topic', params: { topic }, audience: 'coordinator' }) },
      missing: frozen({ code: 'topic_missing', params: { topic }, audience }),
    })),
    language: language
      ? { language, spoken: frozen({ code: 'language', params: { language }, audience }), missing: frozen({ code: 'language_missing', params: { language }, audience }) }
      : null,
    place: frozen(a.place.kind === 'remote' ? { code: 'remote', params: {}, audience } : { code: 'place', params: { municipality: a.place.municipality }, audience }),
    free: frozen({ code: 'free', params: {}, audience }),
  };
}

type Shared = ReturnType<typeof sharedReasons>;

function heldTopic(peer: MatchPeer, topic: string): MatchPeer['topics'][number] | undefined {
  for (const t of peer.topics) if (t.topic === topic) return t;
  return undefined;
}

/** The fit to the booker's wishes and its reasons, worked out together so the two cannot disagree. */
function assess(shared: Shared, peer: MatchPeer, start: number, bookedInMonth: number): Fit {
  const reasons = [shared.type];
  let fit = 0;
  if (shared.byTrack) {
    const r = shared.byTrack[peer.track];
    if (r.code === 'track') fit += WEIGHT.track;
    reasons.push(r);
  }
  for (const { topic, held, missing } of shared.topics) {
    const t = heldTopic(peer, topic);
    if (t) fit += WEIGHT.topic;
    reasons.push(t ? held[t.visibility] : missing);
  }
  if (shared.language) {
    const spoken = peer.languages.includes(shared.language.language);
    if (spoken) fit += WEIGHT.language;
    reasons.push(spoken ? shared.language.spoken : shared.language.missing);
  }
  reasons.push(shared.place, shared.free);
  if (peer.maxPerMonth !== null) reasons.push({ code: 'below_limit', params: { booked: bookedInMonth, max: peer.maxPerMonth }, audience: 'coordinator' });
  return { peer, fit, start, reasons, workload: 0 };
}

/**
 * The peers who can take the assignment, best first, each with the reasons for its place.
 *
 * What a peer has said about themselves is a limit we keep: a paused peer, one who does not take this
 * type, does not go to this place (or work remotely), is not free then by their pattern, is booked
 * then, or has reached their own monthly limit is left out, not ranked low (the pause and the limits
 * are there for their well-being, and an offer past them is pressure). What the booker wished (track,
 * language, topics) is a preference: it is scored, and a peer who misses a wish ranks lower with a
 * reason saying so. Among equal fit the lighter workload of the last 12 months ranks first, counted as
 * the peer's share of the pool's assignments plus their share of the pool's fees, so both the work and
 * the income are spread; ties go by id, so the list is the same every time. Reasons that do not
 * depend on the peer are shared between peers and frozen.
 */
export function rankPeers(a: MatchAssignment, peers: readonly MatchPeer[], now: Date): RankedPeer[] {
  const plan = planOf(a, now);
  const shared = sharedReasons(a);
  const fitting: Fit[] = [];
  let assignments = 0;
  let fees = 0;
  for (const peer of peers) {
    if (peer.paused || !peer.assignmentTypes.includes(a.type) || !takesPlace(a, peer)) continue;
    const slot = firstSlot(plan, peer);
    if (!slot) continue;
    fitting.push(assess(shared, peer, slot.start, slot.bookedInMonth));
    assignments += peer.last12Months.assignments;
    fees += peer.last12Months.feesOre;
  }
  // a/A + f/F compared as a·F + f·A: whole numbers, exact for any real pool (far below 2^53).
  const perAssignment = Math.max(fees, 1);
  const perFee = Math.max(assignments, 1);
  for (const f of fitting) f.workload = f.peer.last12Months.assignments * perAssignment + f.peer.last12Months.feesOre * perFee;
  fitting.sort((x, y) => y.fit - x.fit || x.workload - y.workload || (x.peer.id < y.peer.id ? -1 : x.peer.id > y.peer.id ? 1 : 0));
  const averageAssignments = fitting.length ? Math.round((assignments / fitting.length) * 10) / 10 : 0;
  const averageFeesOre = fitting.length ? Math.round(fees / fitting.length) : 0;
  return fitting.map(({ peer, fit, start, reasons }) => {
    const { assignments, feesOre } = peer.last12Months;
    // The peer's income is theirs and the coordinator's business, never the booker's.
    reasons.push({ code: 'workload', params: { assignments, feesOre, averageAssignments, averageFeesOre }, audience: 'coordinator' });
    return { peerId: peer.id, fit, slot: { startsAt: new Date(start), endsAt: new Date(start + plan.duration) }, reasons };
  });
}
