import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LoadSettings, Measurement } from './load.ts';

export type CaseResult = { name: string; path: string; app: Measurement; bare: Measurement; ratio: number };

export type BenchRun = {
  database: 'pglite' | 'postgres';
  at: string;
  machine: { cpus: number; cpuModel: string; node: string };
  dataset: { generatedUsers: number };
  /** One-minute load average before and after: other work on the machine skews the figures. */
  loadAverage: [number, number];
  settings: LoadSettings;
  cases: CaseResult[];
  target: { case: string; minRatio: number; ratio: number; met: boolean };
};

export const TARGET = { case: 'list', minRatio: 0.7 };

export function ratioOf(app: Measurement, bare: Measurement): number {
  return bare.requestsPerSecond > 0 ? Math.round((app.requestsPerSecond / bare.requestsPerSecond) * 100) / 100 : 0;
}

export function buildRun(database: BenchRun['database'], generatedUsers: number, settings: LoadSettings, cases: CaseResult[], loadAverage: [number, number]): BenchRun {
  const target = cases.find((c) => c.name === TARGET.case);
  const ratio = target?.ratio ?? 0;
  return {
    database,
    at: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', node: process.version },
    dataset: { generatedUsers },
    loadAverage: [Math.round(loadAverage[0] * 10) / 10, Math.round(loadAverage[1] * 10) / 10],
    settings,
    cases,
    target: { ...TARGET, ratio, met: ratio >= TARGET.minRatio },
  };
}

export function printRun(run: BenchRun): void {
  const db = run.database === 'pglite' ? 'PGlite (embedded, in the server process)' : 'PostgreSQL server';
  console.log(`\n${db}; ${run.dataset.generatedUsers} generated users in Region Demo; ${run.settings.connections} keep-alive connections, ` +
    `${run.settings.durationSeconds} s per case after a warm-up (${run.settings.warmupSeconds} s steps until steady); ${run.machine.cpus} CPUs, Node ${run.machine.node}; ` +
    `load average ${run.loadAverage[0]} before, ${run.loadAverage[1]} after`);
  if (run.loadAverage[0] > run.machine.cpus) console.log('Note: the machine was busy with other work; absolute figures are low, compare the ratios.');
  // autocannon keeps latencies in whole milliseconds.
  const ms = (v: number) => (v === 0 ? '<1' : String(v));
  const rows: string[][] = [['case', 'server', 'req/s', 'p50 ms', 'p99 ms', 'app/bare']];
  for (const c of run.cases) {
    rows.push([`signed-in GET ${c.path}`, 'app', String(c.app.requestsPerSecond), ms(c.app.p50Ms), ms(c.app.p99Ms), c.ratio.toFixed(2)]);
    rows.push(['', 'bare', String(c.bare.requestsPerSecond), ms(c.bare.p50Ms), ms(c.bare.p99Ms), '']);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((cell, i) => (i >= 2 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ');
  console.log(line(rows[0]!));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows.slice(1)) console.log(line(r));
  const t = run.target;
  console.log(`Target: signed-in list at >= ${t.minRatio.toFixed(2)} x bare (req/s): ${t.ratio.toFixed(2)}, ${t.met ? 'met' : 'NOT met'}.`);
}

/** bench/results/latest.json keeps the latest run per database, so both figures sit side by side. */
export function saveRun(run: BenchRun, file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let all: Record<string, BenchRun> = {};
  try {
    all = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, BenchRun>;
  } catch {
    // first run, or a file from an older layout: start over
  }
  all[run.database] = run;
  fs.writeFileSync(file, JSON.stringify(all, null, 2) + '\n');
  console.log(`Results written to ${path.relative(process.cwd(), file)}`);
}
