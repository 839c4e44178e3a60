/**
 * `npx tsx bench/matching.ts` (also the last step of `npm run bench`)
 *
 * Ranks 10,000 generated peers for one assignment, a window of two weeks, as the coordinator's
 * matching list does: issue 5 wants p95 under 20 ms. The peers come from a seeded generator, so
 * every run measures the same pool.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { addDays, localTime } from '../src/server/modules/training/schedule.ts';
import { assignmentTypes, rankPeers, type MatchAssignment, type MatchPeer, type TimeRange } from '../src/server/modules/brokering/matching.ts';
import { repoRoot } from './processes.ts';

const { values: args } = parseArgs({
  options: {
    peers: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '200' },
    warmup: { type: 'string', default: '50' },
    out: { type: 'string', default: path.join(repoRoot, 'bench/results/matching.json') },
  },
});
const TARGET_P95_MS = 20;
const WINDOW_DAYS = 14;

/** mulberry32: small, fast and the same on every machine. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const random = seeded(2026);
const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const chance = (p: number) => random() < p;
const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)]!;
const some = <T>(items: readonly T[], p: number): T[] => items.filter(() => chance(p));
const hhmm = (quarters: number) => `${String(Math.floor(quarters / 4)).padStart(2, '0')}:${String((quarters % 4) * 15).padStart(2, '0')}`;

const municipalities = ['Uppsala', 'Enköping', 'Tierp', 'Östhammar', 'Knivsta', 'Heby', 'Håbo', 'Älvkarleby'];
const topics = ['psychosis', 'self_harm', 'eating', 'addiction', 'relatives', 'suicide', 'trauma', 'adhd', 'autism', 'bipolar', 'anxiety', 'compulsory_care'];
const languages = ['en', 'da', 'ar', 'fa', 'so', 'ti', 'fi'];
const firstDay = '2026-11-30';
const days = Array.from({ length: 28 }, (_, i) => addDays('2026-11-16', i));

function range(): TimeRange {
  const from = int(28, 56);
  return { from: hhmm(from), to: hhmm(Math.min(from + int(8, 40), 88)) };
}

function generatePeer(i: number): MatchPeer {
  const dayRange = range();
  const weekly: MatchPeer['weekly'] = {};
  for (let d = 1; d <= 7; d++) if (chance(d <= 5 ? 0.6 : 0.1)) weekly[d] = chance(0.2) ? [range(), range()] : [dayRange];
  const booked = Array.from({ length: int(0, 8) }, () => {
    const start = localTime(pick(days), hhmm(int(32, 64)), 'SE').getTime();
    return { startsAt: new Date(start), endsAt: new Date(start + int(4, 24) * 15 * 60_000) };
  });
  const assignments = int(0, 40);
  return {
    id: `peer-${String(i).padStart(5, '0')}`,
    track: pick(['own_experience', 'own_experience', 'relative', 'both'] as const),
    assignmentTypes: chance(0.3) ? [...assignmentTypes] : [pick(assignmentTypes), ...some(assignmentTypes, 0.3)],
    topics: some(topics, 0.25).map((topic) => ({ topic, visibility: chance(0.3) ? 'coordinator' : 'bookers' })),
    languages: ['sv', ...some(languages, 0.1)],
    municipalities: chance(0.5) ? some(municipalities, 0.4) : ['Uppsala', ...some(municipalities, 0.2)],
    worksRemotely: chance(0.5),
    weekly,
    exceptions: Array.from({ length: int(0, 4) }, () => (chance(0.7) ? { date: pick(days), kind: 'off' as const } : { date: pick(days), kind: 'extra' as const, range: range() })),
    maxPerMonth: chance(0.4) ? null : int(1, 6),
    paused: chance(0.1),
    booked,
    last12Months: { assignments, feesOre: assignments * int(50_000, 213_120) },
  };
}

const peers = Array.from({ length: Number(args.peers) }, (_, i) => generatePeer(i));
const assignment: MatchAssignment = {
  type: 'share_story',
  wishes: { track: 'relative', language: 'sv', topics: ['psychosis', 'relatives'] },
  place: { kind: 'onsite', municipality: 'Uppsala' },
  when: { kind: 'window', firstDay, lastDay: addDays(firstDay, WINDOW_DAYS - 1), minutes: 150, hours: { from: '09:00', to: '16:00' } },
  country: 'SE',
};
const now = new Date('2026-11-23T09:00:00Z');

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const round = (ms: number) => Math.round(ms * 100) / 100;

const loadBefore = os.loadavg()[0]!;
let listed = 0;
for (let i = 0; i < Number(args.warmup); i++) listed = rankPeers(assignment, peers, now).length;
const times: number[] = [];
for (let i = 0; i < Number(args.runs); i++) {
  const started = performance.now();
  rankPeers(assignment, peers, now);
  times.push(performance.now() - started);
}
times.sort((a, b) => a - b);

const result = {
  at: new Date().toISOString(),
  machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', node: process.version },
  dataset: { peers: peers.length, listed, windowDays: WINDOW_DAYS },
  /** One-minute load average before and after: other work on the machine skews the figures. */
  loadAverage: [loadBefore, os.loadavg()[0]!].map((l) => Math.round(l * 10) / 10),
  runs: times.length,
  p50Ms: round(percentile(times, 50)),
  p95Ms: round(percentile(times, 95)),
  maxMs: round(times.at(-1)!),
  target: { p95Ms: TARGET_P95_MS, met: percentile(times, 95) < TARGET_P95_MS },
};
console.log(`\nMatching ${result.dataset.peers} peers for one assignment (a ${WINDOW_DAYS}-day window; ${listed} listed), ${result.runs} runs after ${args.warmup} warm-up runs; load average ${result.loadAverage.join(' before, ')} after:`);
console.log(`  p50 ${result.p50Ms} ms, p95 ${result.p95Ms} ms, max ${result.maxMs} ms`);
console.log(`Target: p95 under ${TARGET_P95_MS} ms: ${result.target.met ? 'met' : 'NOT met'}.`);
fs.mkdirSync(path.dirname(args.out), { recursive: true });
fs.writeFileSync(args.out, JSON.stringify(result, null, 2) + '\n');
console.log(`Results written to ${path.relative(process.cwd(), args.out)}`);
