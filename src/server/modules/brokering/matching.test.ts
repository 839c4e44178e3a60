import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tracks } from '../../../shared/contracts/recruitment.ts';
import { addDays, dayIn, isoWeekday, localTime } from '../training/schedule.ts';
import { assignmentTypes, rankPeers, type MatchAssignment, type MatchPeer, type RankedPeer, type TimeRange } from './matching.ts';

const at = (iso: string) => new Date(iso);
const now = at('2026-11-23T09:00:00Z');
const weekdays = (range: TimeRange) => ({ 1: [range], 2: [range], 3: [range], 4: [range], 5: [range] });
const officeHours = weekdays({ from: '09:00', to: '17:00' });

const peer = (id: string, over: Partial<MatchPeer> = {}): MatchPeer => ({
  id,
  track: 'own_experience',
  assignmentTypes: ['share_story'],
  topics: [],
  languages: ['sv'],
  municipalities: ['Uppsala'],
  worksRemotely: false,
  weekly: officeHours,
  exceptions: [],
  maxPerMonth: null,
  paused: false,
  booked: [],
  last12Months: { assignments: 0, feesOre: 0 },
  ...over,
});

/** Tuesday 1 December 2026, 10:00-12:00 in Uppsala (CET, UTC+1). */
const assignment = (over: Partial<MatchAssignment> = {}): MatchAssignment => ({
  type: 'share_story',
  wishes: {},
  place: { kind: 'onsite', municipality: 'Uppsala' },
  when: { kind: 'fixed', startsAt: at('2026-12-01T09:00:00Z'), endsAt: at('2026-12-01T11:00:00Z') },
  country: 'SE',
  ...over,
});

const window = (firstDay: string, lastDay: string, minutes: number, hours?: TimeRange): MatchAssignment['when'] =>
  ({ kind: 'window', firstDay, lastDay, minutes, ...(hours ? { hours } : {}) });
const ids = (ranked: RankedPeer[]) => ranked.map((r) => r.peerId);
const starts = (ranked: RankedPeer[]) => Object.fromEntries(ranked.map((r) => [r.peerId, r.slot.startsAt.toISOString()]));
const booking = (startsAt: string, endsAt: string) => ({ startsAt: at(startsAt), endsAt: at(endsAt) });

describe('who is left out of the list', () => {
  it.each<[string, Partial<MatchPeer>]>([
    ['a paused peer', { paused: true }],
    ['a peer booked at an overlapping time', { booked: [booking('2026-12-01T10:30:00Z', '2026-12-01T12:00:00Z')] }],
    ['a peer who does not take this type of assignment', { assignmentTypes: ['event', 'course_leader'] }],
    ['a peer who does not go to the municipality', { municipalities: ['Tierp', 'Enköping'] }],
    ['a peer who is not available on Tuesdays', { weekly: { 1: [{ from: '09:00', to: '17:00' }] } }],
    ['a peer who is available only in the afternoon', { weekly: weekdays({ from: '13:00', to: '17:00' }) }],
    ['a peer who took the day off', { exceptions: [{ date: '2026-12-01', kind: 'off' }] }],
    ['a peer at their own monthly limit', { maxPerMonth: 1, booked: [booking('2026-12-15T09:00:00Z', '2026-12-15T11:00:00Z')] }],
  ])('leaves out %s, and keeps the peer who fits', (_, over) => {
    expect(ids(rankPeers(assignment(), [peer('left-out', over), peer('fits')], now))).toEqual(['fits']);
  });

  it('keeps a peer whose booking ends when the assignment starts', () => {
    const back = peer('back-to-back', { booked: [booking('2026-12-01T07:00:00Z', '2026-12-01T09:00:00Z')] });
    expect(ids(rankPeers(assignment(), [back], now))).toEqual(['back-to-back']);
  });

  it('counts the monthly limit in the month of the assignment, by local time', () => {
    // 00:30 on 1 December in Uppsala is still 30 November in UTC: it counts for December.
    const late = booking('2026-11-30T23:30:00Z', '2026-12-01T00:30:00Z');
    const inNovember = peer('november', { maxPerMonth: 1, booked: [booking('2026-11-25T09:00:00Z', '2026-11-25T11:00:00Z')] });
    const inDecember = peer('december', { maxPerMonth: 1, booked: [late] });
    const [ranked] = rankPeers(assignment(), [inNovember, inDecember], now);
    expect(ranked?.peerId).toBe('november');
    expect(ranked?.reasons).toContainEqual({ code: 'below_limit', params: { booked: 0, max: 1 }, audience: 'coordinator' });
  });

  it('lists only peers who work remotely for a remote assignment, wherever they live', () => {
    const ranked = rankPeers(assignment({ place: { kind: 'remote' } }), [peer('on-site'), peer('remote', { worksRemotely: true, municipalities: [] })], now);
    expect(ids(ranked)).toEqual(['remote']);
    expect(ranked[0]?.reasons).toContainEqual({ code: 'remote', params: {}, audience: 'bookers' });
  });

  it('lists nobody for a fixed time that has already begun', () => {
    expect(rankPeers(assignment(), [peer('fits')], at('2026-12-01T09:30:00Z'))).toEqual([]);
  });
});

describe('the reasons beside each peer', () => {
  const wished = assignment({ wishes: { track: 'relative', language: 'en', topics: ['psychosis', 'self_harm'] } });
  const close = peer('close', {
    track: 'both',
    languages: ['sv', 'en'],
    topics: [{ topic: 'psychosis', visibility: 'bookers' }, { topic: 'self_harm', visibility: 'coordinator' }],
    maxPerMonth: 4,
    booked: [booking('2026-12-08T09:00:00Z', '2026-12-08T11:00:00Z')],
    last12Months: { assignments: 3, feesOre: 450_000 },
  });
  const far = peer('far');

  it('names every wish met or missed, the place, the slot, the limit and the workload', () => {
    const [first, second] = rankPeers(wished, [far, close], now);
    expect(first).toEqual({
      peerId: 'close',
      fit: 6,
      slot: { startsAt: at('2026-12-01T09:00:00Z'), endsAt: at('2026-12-01T11:00:00Z') },
      reasons: [
        { code: 'type', params: { type: 'share_story' }, audience: 'bookers' },
        { code: 'track', params: { track: 'both' }, audience: 'bookers' },
        { code: 'topic', params: { topic: 'psychosis' }, audience: 'bookers' },
        { code: 'topic', params: { topic: 'self_harm' }, audience: 'coordinator' },
        { code: 'language', params: { language: 'en' }, audience: 'bookers' },
        { code: 'place', params: { municipality: 'Uppsala' }, audience: 'bookers' },
        { code: 'free', params: {}, audience: 'bookers' },
        { code: 'below_limit', params: { booked: 1, max: 4 }, audience: 'coordinator' },
        { code: 'workload', params: { assignments: 3, feesOre: 450_000, averageAssignments: 1.5, averageFeesOre: 225_000 }, audience: 'coordinator' },
      ],
    });
    // Fewer assignments does not lift a peer above one who meets the booker's wishes.
    expect(second?.peerId).toBe('far');
    expect(second?.fit).toBe(0);
    expect(second?.reasons.map((r) => r.code)).toEqual(['type', 'track_other', 'topic_missing', 'topic_missing', 'language_missing', 'place', 'free', 'workload']);
  });

  it('never names a coordinator-only topic, nor the income, in the reasons bookers may see', () => {
    const [first] = rankPeers(wished, [close], now);
    const forBookers = JSON.stringify(first?.reasons.filter((r) => r.audience === 'bookers'));
    expect(forBookers).toContain('psychosis');
    expect(forBookers).not.toContain('self_harm');
    expect(forBookers).not.toContain('450000');
  });
});

describe('fairness among equally fitting peers', () => {
  const withHistory = (id: string, assignments: number, feesOre: number) => peer(id, { last12Months: { assignments, feesOre } });

  it('ranks the peer with fewer assignments in the last 12 months first', () => {
    expect(ids(rankPeers(assignment(), [withHistory('a', 5, 500_000), withHistory('b', 2, 200_000)], now))).toEqual(['b', 'a']);
  });

  it('ranks the peer with lower fees first when the assignments are as many', () => {
    expect(ids(rankPeers(assignment(), [withHistory('a', 3, 900_000), withHistory('b', 3, 300_000)], now))).toEqual(['b', 'a']);
  });

  it('spreads the income too: fewer but far better paid assignments do not rank first', () => {
    // a: 2 of the pool's 5 assignments but 87 % of its fees; b: 3 assignments, 13 % of the fees.
    expect(ids(rankPeers(assignment(), [withHistory('a', 2, 1_000_000), withHistory('b', 3, 150_000)], now))).toEqual(['b', 'a']);
  });

  it('orders equals by id, whatever order they come in', () => {
    const equals = ['c', 'a', 'b'].map((id) => withHistory(id, 1, 100_000));
    expect(ids(rankPeers(assignment(), equals, now))).toEqual(['a', 'b', 'c']);
    expect(ids(rankPeers(assignment(), equals.toReversed(), now))).toEqual(['a', 'b', 'c']);
  });
});

describe('finding a slot in a window of days', () => {
  it('gives each peer the first slot they are free, within the hours asked for', () => {
    // Monday 30 November to Friday 4 December, two hours between 09:00 and 16:00 local time.
    const when = window('2026-11-30', '2026-12-04', 120, { from: '09:00', to: '16:00' });
    const busyMonday = peer('busy-monday', { booked: [booking('2026-11-30T08:00:00Z', '2026-11-30T14:00:00Z')] });
    const afternoons = peer('afternoons', {
      weekly: weekdays({ from: '13:00', to: '17:00' }),
      exceptions: [{ date: '2026-11-30', kind: 'off' }, { date: '2026-12-01', kind: 'off' }],
    });
    const ranked = rankPeers(assignment({ when }), [busyMonday, afternoons], now);
    // Monday after the booking leaves only one hour before 16:00.
    expect(starts(ranked)).toEqual({ 'busy-monday': '2026-12-01T08:00:00.000Z', afternoons: '2026-12-02T12:00:00.000Z' });
    expect(ranked.find((r) => r.peerId === 'busy-monday')?.slot.endsAt.toISOString()).toBe('2026-12-01T10:00:00.000Z');
  });

  it('offers a weekend day the peer added as an exception', () => {
    const extra = peer('extra', { exceptions: [{ date: '2026-12-06', kind: 'extra', range: { from: '10:00', to: '14:00' } }] });
    expect(starts(rankPeers(assignment({ when: window('2026-12-05', '2026-12-06', 180) }), [extra, peer('weekdays')], now)))
      .toEqual({ extra: '2026-12-06T09:00:00.000Z' });
  });

  it('starts no earlier than the next quarter hour from now', () => {
    const ranked = rankPeers(assignment({ when: window('2026-11-23', '2026-11-23', 60) }), [peer('today')], at('2026-11-23T09:05:00Z'));
    expect(starts(ranked)).toEqual({ today: '2026-11-23T09:15:00.000Z' });
  });

  it('moves on to the next month when the peer has reached their limit in this one', () => {
    const limited = peer('limited', { maxPerMonth: 2, booked: [booking('2026-11-02T09:00:00Z', '2026-11-02T10:00:00Z'), booking('2026-11-03T09:00:00Z', '2026-11-03T10:00:00Z')] });
    expect(starts(rankPeers(assignment({ when: window('2026-11-30', '2026-12-01', 60) }), [limited], now))).toEqual({ limited: '2026-12-01T08:00:00.000Z' });
  });
});

describe('local time across summer time', () => {
  const before = at('2026-03-01T00:00:00Z');

  it('holds the weekly pattern at 09:00 local time on both sides of the end of summer time', () => {
    const fridaysAndMondays = { 1: [{ from: '09:00', to: '12:00' }], 5: [{ from: '09:00', to: '12:00' }] };
    const free = peer('free', { weekly: fridaysAndMondays });
    const busyFriday = peer('busy-friday', { weekly: fridaysAndMondays, booked: [booking('2026-10-23T07:00:00Z', '2026-10-23T10:00:00Z')] });
    const ranked = rankPeers(assignment({ when: window('2026-10-23', '2026-10-26', 120) }), [free, busyFriday], before);
    // Friday 23 October is summer time (UTC+2), Monday 26 October winter time (UTC+1).
    expect(starts(ranked)).toEqual({ free: '2026-10-23T07:00:00.000Z', 'busy-friday': '2026-10-26T08:00:00.000Z' });
  });

  it('places a time on the very day summer time starts, in Denmark too', () => {
    const sunday = peer('sunday', { exceptions: [{ date: '2026-03-29', kind: 'extra', range: { from: '08:00', to: '10:00' } }] });
    for (const country of ['SE', 'DK'] as const) {
      expect(starts(rankPeers(assignment({ country, when: window('2026-03-29', '2026-03-29', 120) }), [sunday], before))).toEqual({ sunday: '2026-03-29T06:00:00.000Z' });
    }
  });

  it('leaves out a fixed time that falls outside the pattern once the clocks change', () => {
    // 07:30 UTC is 09:30 in summer time but 08:30 in winter time, before the peer's 09:00.
    const fixed = (day: string): MatchAssignment['when'] => ({ kind: 'fixed', startsAt: at(`${day}T07:30:00Z`), endsAt: at(`${day}T09:30:00Z`) });
    expect(ids(rankPeers(assignment({ when: fixed('2026-10-23') }), [peer('p')], before))).toEqual(['p']);
    expect(ids(rankPeers(assignment({ when: fixed('2026-10-26') }), [peer('p')], before))).toEqual([]);
  });
});

describe('properties over generated pools', () => {
  // Twelve days across the end of summer time (25 October) and a month end.
  const days = Array.from({ length: 12 }, (_, i) => addDays('2026-10-22', i));
  const QUARTER = 15 * 60_000;
  const hhmm = (q: number) => `${String(Math.floor(q / 4)).padStart(2, '0')}:${String((q % 4) * 15).padStart(2, '0')}`;
  const localCache = new Map<string, number>();
  const local = (day: string, time: string) => {
    const key = `${day} ${time}`;
    if (!localCache.has(key)) localCache.set(key, time === '24:00' ? localTime(addDays(day, 1), '00:00', 'SE').getTime() : localTime(day, time, 'SE').getTime());
    return localCache.get(key)!;
  };
  const places = ['Uppsala', 'Tierp', 'Enköping'];
  const topics = ['psychosis', 'self_harm', 'eating', 'relatives'];
  const languages = ['sv', 'da', 'en'];

  const range = fc.tuple(fc.integer({ min: 24, max: 80 }), fc.integer({ min: 2, max: 40 })).map(([q, n]) => ({ from: hhmm(q), to: hhmm(Math.min(q + n, 96)) }));
  const day = fc.constantFrom(...days);
  const interval = fc.tuple(day, fc.integer({ min: 0, max: 92 }), fc.integer({ min: 1, max: 16 }))
    .map(([d, q, n]) => ({ startsAt: new Date(local(d, hhmm(q))), endsAt: new Date(local(d, hhmm(q)) + n * QUARTER) }));
  const peerBody = fc.record({
    track: fc.constantFrom('own_experience', 'relative', 'both') as fc.Arbitrary<MatchPeer['track']>,
    assignmentTypes: fc.subarray([...assignmentTypes], { minLength: 1 }),
    topics: fc.subarray(topics).chain((ts) => fc.tuple(...ts.map((topic) => fc.constantFrom('coordinator', 'bookers').map((visibility) => ({ topic, visibility }))))),
    languages: fc.subarray(languages),
    municipalities: fc.subarray(places),
    worksRemotely: fc.boolean(),
    weekly: fc.array(fc.array(range, { maxLength: 2 }), { minLength: 7, maxLength: 7 }).map((byDay) => Object.fromEntries(byDay.map((r, i) => [i + 1, r]))),
    exceptions: fc.array(fc.oneof(
      day.map((date) => ({ date, kind: 'off' as const })),
      fc.tuple(day, range).map(([date, r]) => ({ date, kind: 'extra' as const, range: r })),
    ), { maxLength: 3 }),
    maxPerMonth: fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }),
    paused: fc.boolean(),
    booked: fc.array(interval, { maxLength: 5 }),
    last12Months: fc.record({ assignments: fc.nat(30), feesOre: fc.nat(3_000_000) }),
  });
  const pool = fc.array(peerBody, { maxLength: 14 }).map((bodies) => bodies.map((b, i): MatchPeer => ({ id: `p${String(i).padStart(2, '0')}`, ...b })));
  const fixed = interval.map(({ startsAt, endsAt }) => ({ kind: 'fixed' as const, startsAt, endsAt }));
  const windowed = fc.tuple(fc.integer({ min: 0, max: 11 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 1, max: 24 }), fc.option(range, { nil: undefined }))
    .map(([first, span, n, hours]) => window(days[first]!, days[Math.min(first + span, 11)]!, n * 15, hours));
  const task = fc.record({
    type: fc.constantFrom(...assignmentTypes),
    wishes: fc.record({ track: fc.constantFrom(...tracks), language: fc.constantFrom(...languages), topics: fc.subarray(topics) }, { requiredKeys: [] }),
    place: fc.oneof(fc.constantFrom(...places).map((municipality) => ({ kind: 'onsite' as const, municipality })), fc.constant({ kind: 'remote' as const })),
    when: fc.oneof(fixed, windowed),
    country: fc.constant('SE' as const),
  });
  const moment = fc.constantFrom(at('2026-10-01T00:00:00Z'), at('2026-10-24T08:07:00Z'));

  /** A slow, plain reading of the rules: every quarter hour of every day, checked one by one. */
  function referenceSlot(a: MatchAssignment, p: MatchPeer, now: Date): number | null {
    if (p.paused || !p.assignmentTypes.includes(a.type)) return null;
    if (a.place.kind === 'remote' ? !p.worksRemotely : !p.municipalities.includes(a.place.municipality)) return null;
    const earliest = Math.ceil(now.getTime() / QUARTER) * QUARTER;
    const w = a.when;
    const candidateDays = w.kind === 'fixed' ? [dayIn(w.startsAt, 'SE')] : days.filter((d) => d >= w.firstDay && d <= w.lastDay);
    const duration = w.kind === 'fixed' ? w.endsAt.getTime() - w.startsAt.getTime() : w.minutes * 60_000;
    for (const d of candidateDays) {
      const inMonth = p.booked.filter((b) => dayIn(b.startsAt, 'SE').slice(0, 7) === d.slice(0, 7)).length;
      if ((p.maxPerMonth !== null && inMonth >= p.maxPerMonth) || p.exceptions.some((e) => e.date === d && e.kind === 'off')) continue;
      const ranges = [...(p.weekly[isoWeekday(d)] ?? []), ...p.exceptions.flatMap((e) => (e.kind === 'extra' && e.date === d ? [e.range] : []))];
      const startsOfDay: number[] = [];
      if (w.kind === 'fixed') startsOfDay.push(w.startsAt.getTime());
      else for (let s = local(d, '00:00'); s < local(d, '24:00'); s += QUARTER) startsOfDay.push(s);
      for (const s of startsOfDay) {
        const e = s + duration;
        if (s < earliest || (w.kind === 'window' && w.hours && (s < local(d, w.hours.from) || e > local(d, w.hours.to)))) continue;
        if (!ranges.some((r) => s >= local(d, r.from) && e <= local(d, r.to))) continue;
        if (p.booked.some((b) => b.startsAt.getTime() < e && b.endsAt.getTime() > s)) continue;
        return s;
      }
    }
    return null;
  }

  it('never lists a paused peer, nor one booked during the slot it is given', () => {
    fc.assert(fc.property(task, pool, moment, (a, peers, now) => {
      for (const r of rankPeers(a, peers, now)) {
        const p = peers.find((x) => x.id === r.peerId)!;
        expect(p.paused).toBe(false);
        expect(p.booked.some((b) => b.startsAt < r.slot.endsAt && b.endsAt > r.slot.startsAt)).toBe(false);
        if (a.when.kind === 'fixed') expect(r.slot).toEqual({ startsAt: a.when.startsAt, endsAt: a.when.endsAt });
      }
    }));
  });

  it('lists exactly the fitting peers, once each, best fit first, at the first slot each is free', () => {
    fc.assert(fc.property(task, pool, moment, (a, peers, now) => {
      const ranked = rankPeers(a, peers, now);
      const expected = peers.flatMap((p) => {
        const s = referenceSlot(a, p, now);
        return s === null ? [] : [[p.id, new Date(s).toISOString()] as const];
      });
      expect(ranked.map((r) => r.peerId).toSorted()).toEqual(expected.map(([id]) => id));
      expect(starts(ranked)).toEqual(Object.fromEntries(expected));
      expect(ranked.map((r) => r.fit)).toEqual(ranked.map((r) => r.fit).toSorted((x, y) => y - x));
    }), { numRuns: 200 });
  });

  it('gives the same list whatever order the peers come in', () => {
    fc.assert(fc.property(task, pool, moment, (a, peers, now) => {
      expect(rankPeers(a, peers.toReversed(), now)).toEqual(rankPeers(a, peers, now));
    }));
  });

  it('never moves a peer up for one more assignment in their history', () => {
    fc.assert(fc.property(task, pool, moment, fc.nat(), fc.nat(500_000), (a, peers, now, pick, feeOre) => {
      const before = ids(rankPeers(a, peers, now));
      fc.pre(before.length > 0);
      const id = before[pick % before.length]!;
      const busier = peers.map((p) => (p.id === id ? { ...p, last12Months: { assignments: p.last12Months.assignments + 1, feesOre: p.last12Months.feesOre + feeOre } } : p));
      expect(ids(rankPeers(a, busier, now)).indexOf(id)).toBeGreaterThanOrEqual(before.indexOf(id));
    }), { numRuns: 300 });
  });
});
