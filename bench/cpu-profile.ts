import fs from 'node:fs';
import path from 'node:path';
import { measure, type LoadSettings } from './load.ts';
import { stopServer, type Server } from './processes.ts';

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type CpuProfile = { nodes: ProfileNode[]; startTime: number; samples: number[]; timeDeltas: number[] };

/** CPU microseconds per request, by package or file, by function (self) and by app function (inclusive). */
export type ProfileSummary = {
  requestsPerSecond: number;
  busyUsPerRequest: number;
  areas: Map<string, number>;
  functions: Map<string, number>;
  appInclusive: Map<string, number>;
};

/**
 * Loads one case against a server started with --cpu-prof (after a warm-up), stops it (Node
 * writes the profile on exit) and sums where its CPU went while the measured load ran.
 */
export async function profileCase(server: Server, url: string, cookie: string, s: LoadSettings, dir: string): Promise<ProfileSummary> {
  await measure(url, cookie, { ...s, durationSeconds: 1 });
  const from = Date.now() - server.spawnedAt;
  const m = await measure(url, cookie, { ...s, warmupSeconds: 0 });
  const to = Date.now() - server.spawnedAt;
  await stopServer(server);
  const file = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error(`No CPU profile was written to ${dir}`);
  const profile = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as CpuProfile;
  return summarize(profile, from * 1000, to * 1000, m.requests, m.requestsPerSecond);
}

function areaOf(url: string, functionName: string): string {
  if (!url) return functionName || '(anonymous)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith('node:')) return 'node core';
  if (url.startsWith('wasm:')) return 'PGlite WebAssembly (Postgres itself)';
  const src = /\/((?:src|bench)\/.+)$/.exec(url);
  return src ? src[1]! : url;
}

const keyOf = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'}  ${areaOf(n.callFrame.url, '')}`;
const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);

function summarize(p: CpuProfile, fromUs: number, toUs: number, requests: number, requestsPerSecond: number): ProfileSummary {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const areas = new Map<string, number>();
  const functions = new Map<string, number>();
  const appInclusive = new Map<string, number>();
  let t = 0;
  let busy = 0;
  for (let i = 0; i < p.samples.length; i++) {
    t += p.timeDeltas[i] ?? 0;
    if (t < fromUs || t > toUs) continue;
    const dt = p.timeDeltas[i + 1] ?? 0;
    const leaf = byId.get(p.samples[i]!)!;
    if (leaf.callFrame.functionName === '(idle)') continue;
    busy += dt;
    add(functions, keyOf(leaf), dt);
    add(areas, areaOf(leaf.callFrame.url, leaf.callFrame.functionName), dt);
    const seen = new Set<string>();
    for (let id: number | undefined = leaf.id; id !== undefined; id = parent.get(id)) {
      const n = byId.get(id)!;
      if (!n.callFrame.url.includes('/src/')) continue;
      const k = keyOf(n);
      if (!seen.has(k)) add(appInclusive, k, dt);
      seen.add(k);
    }
  }
  const perRequest = (m: Map<string, number>) => new Map([...m].map(([k, v]) => [k, v / Math.max(requests, 1)]));
  return { requestsPerSecond, busyUsPerRequest: busy / Math.max(requests, 1), areas: perRequest(areas), functions: perRequest(functions), appInclusive: perRequest(appInclusive) };
}

const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
const us = (v: number | undefined) => `${Math.round(v ?? 0)}`.padStart(6);

/** App beside bare, in CPU microseconds per request: the difference is what the app's layers cost. */
export function printProfiles(casePath: string, app: ProfileSummary, bare: ProfileSummary): void {
  console.log(`\nCPU per request under GET ${casePath}, in microseconds (app ${app.requestsPerSecond} req/s, bare ${bare.requestsPerSecond} req/s while profiled):`);
  console.log(`  ${'total busy'.padEnd(48)} app ${us(app.busyUsPerRequest)}   bare ${us(bare.busyUsPerRequest)}`);
  const keys = new Set([...top(app.areas, 16), ...top(bare.areas, 8)].map(([k]) => k));
  const rows = [...keys].map((k) => [k, app.areas.get(k) ?? 0, bare.areas.get(k) ?? 0] as const).sort((a, b) => b[1] - a[1]);
  for (const [k, a, b] of rows) console.log(`  ${k.slice(0, 48).padEnd(48)} app ${us(a)}   bare ${us(b)}   diff ${us(a - b)}`);
  console.log('\n  app, self time by function:');
  for (const [k, v] of top(app.functions, 20)) console.log(`  ${us(v)}  ${k}`);
  console.log("\n  app, inclusive time of the app's own functions (src/):");
  for (const [k, v] of top(app.appInclusive, 15)) console.log(`  ${us(v)}  ${k}`);
}
