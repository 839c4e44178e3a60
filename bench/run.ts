/**
 * `npm run bench [-- --database-url postgres://postgres@127.0.0.1:5432/test] [--cpu-prof]`
 * (then bench/matching.ts: matching 10,000 peers for one assignment, no server involved)
 *
 * Seeds a generated data set, starts the real server (src/server/main.ts) as a child process and
 * loads two signed-in reads with autocannon, each beside a bare Fastify + driver baseline doing
 * the same SQL (bench/bare-server.ts), both running at once and loaded in turn. On PGlite (the
 * default) the baseline opens a copy of the app's DATA_DIR, as one embedded database serves one process.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { seedBenchData } from './seed.ts';
import { killAllServersNow, repoRoot, startServer, stopAllServers, stopServer, type Server } from './processes.ts';
import { measure, type LoadSettings, type Measurement } from './load.ts';
import { buildRun, printRun, ratioOf, saveRun, type CaseResult } from './report.ts';
import { checkSameAnswers, signIn } from './answers.ts';
import { printProfiles, profileCase } from './cpu-profile.ts';

const { values: args } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    users: { type: 'string', default: '2000' },
    connections: { type: 'string', default: '10' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    'cpu-prof': { type: 'boolean', default: false },
    // Another checkout of the app (e.g. a branch with a fix) to load instead of this one.
    'app-root': { type: 'string' },
    out: { type: 'string', default: path.join(repoRoot, 'bench/results/latest.json') },
  },
});

const adminUrl = args['database-url'] ?? process.env.BENCH_DATABASE_URL;
const userCount = Number(args.users);
const settings: LoadSettings = { connections: Number(args.connections), durationSeconds: Number(args.duration), warmupSeconds: Number(args.warmup) };
const cases = [
  { name: 'me', path: '/api/auth/me' },
  { name: 'list', path: '/api/users?limit=50' },
];
const BENCH_DB = 'peerbridge_bench';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'peerbridge-bench-'));
const bareDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'peerbridge-bench-bare-'));
let dbCreated = false;

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function benchDbUrl(): string {
  const u = new URL(adminUrl!);
  u.pathname = `/${BENCH_DB}`;
  return u.toString();
}

let cleaning: Promise<void> | undefined;
function cleanUp(): Promise<void> {
  return (cleaning ??= (async () => {
    await stopAllServers();
    if (dbCreated) await adminQuery(`drop database if exists ${BENCH_DB} with (force)`).catch((e) => console.error(`Could not drop ${BENCH_DB}: ${(e as Error).message}`));
    for (const dir of [dataDir, bareDataDir]) fs.rmSync(dir, { recursive: true, force: true });
  })());
}

process.on('exit', killAllServersNow);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping the servers and cleaning up`);
    void cleanUp().finally(() => process.exit(130));
  });
}
// The whole run is bounded: a hung server must not keep CI waiting.
setTimeout(() => {
  console.error('The bench took longer than 5 minutes; giving up.');
  void cleanUp().finally(() => process.exit(1));
}, 5 * 60_000).unref();

/** The same environment a real deployment gets, with rate limits out of the way of the load. */
function appEnv(): Record<string, string | undefined> {
  return {
    DATA_DIR: dataDir,
    DATABASE_URL: adminUrl ? benchDbUrl() : undefined,
    PEERBRIDGE_DEMO: '1',
    LOG_LEVEL: 'warn',
    JOBS: '0',
    RATE_LIMIT_PER_MINUTE: '1000000',
    PUBLIC_ORIGIN: undefined,
    PEERBRIDGE_ENCRYPTION_KEY: undefined,
    PEERBRIDGE_PREVIOUS_KEYS: undefined,
  };
}

const startApp = (nodeArgs: string[] = []) =>
  startServer({ name: 'app server', entry: 'src/server/main.ts', env: appEnv(), readyPath: '/api/health', nodeArgs, cwd: args['app-root'] });

const startBare = (tenantId: string, nodeArgs: string[] = []) =>
  startServer({
    nodeArgs,
    name: 'bare server',
    entry: 'bench/bare-server.ts',
    env: { BARE_TENANT_ID: tenantId, ...(adminUrl ? { BARE_DATABASE_URL: benchDbUrl() } : { BARE_DATA_DIR: bareDataDir }) },
    readyPath: '/health',
  });

async function load(server: Server, casePath: string, cookie: string): Promise<Measurement> {
  const m = await measure(`http://127.0.0.1:${server.port}${casePath}`, cookie, settings);
  if (m.failures > 0) throw new Error(`${server.name} ${casePath}: ${m.failures} failed requests of ${m.requests}\n${server.output()}`);
  process.stdout.write(`  ${server.name.padEnd(11)} ${casePath.padEnd(22)} ${String(m.requestsPerSecond).padStart(6)} req/s (after ${m.warmedUpSeconds} s warm-up)\n`);
  return m;
}

async function main(): Promise<void> {
  const kind = adminUrl ? 'postgres' : 'pglite';
  const loadBefore = os.loadavg()[0]!;
  console.log(`Seeding ${userCount} users into ${kind === 'pglite' ? dataDir : BENCH_DB} ...`);
  if (adminUrl) {
    await adminQuery(`drop database if exists ${BENCH_DB} with (force)`);
    await adminQuery(`create database ${BENCH_DB}`);
    dbCreated = true;
  }
  const tenantId = await seedBenchData(adminUrl ? { kind: 'postgres', url: benchDbUrl(), dataDir } : { kind: 'pglite', dataDir }, userCount);

  let app = await startApp();
  const cookie = await signIn(app.port);
  if (kind === 'pglite') {
    // One embedded database serves one process: the baseline gets a copy taken after the sign-in
    // (so it holds the session too), and both servers can run side by side like on PostgreSQL.
    await stopServer(app);
    fs.cpSync(path.join(dataDir, 'pglite'), path.join(bareDataDir, 'pglite'), { recursive: true });
    app = await startApp();
  }
  const bare = await startBare(tenantId);
  await checkSameAnswers(app, bare, cookie, cases.map((c) => c.path));

  console.log('Loading (each side warms up until steady, then is measured; app and bare interleaved) ...');
  const results: CaseResult[] = [];
  for (const c of cases) {
    const appM = await load(app, c.path, cookie);
    const bareM = await load(bare, c.path, cookie);
    results.push({ ...c, app: appM, bare: bareM, ratio: ratioOf(appM, bareM) });
  }
  await Promise.all([stopServer(app), stopServer(bare)]);

  const run = buildRun(kind, userCount, settings, results, [loadBefore, os.loadavg()[0]!]);
  printRun(run);
  saveRun(run, args.out);
  // Matching peers is pure computation: measured in a fresh process, with the servers stopped.
  execFileSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'bench/matching.ts')], { stdio: 'inherit' });

  if (args['cpu-prof']) {
    // One at a time, each in a fresh process, so neither profile holds the other's load.
    const listPath = cases.find((c) => c.name === 'list')!.path;
    const profileArgs = (name: string) => ['--cpu-prof', `--cpu-prof-dir=${path.join(dataDir, `profile-${name}`)}`];
    const profiledApp = await startApp(profileArgs('app'));
    const appProfile = await profileCase(profiledApp, `http://127.0.0.1:${profiledApp.port}${listPath}`, cookie, settings, path.join(dataDir, 'profile-app'));
    const profiledBare = await startBare(tenantId, profileArgs('bare'));
    const bareProfile = await profileCase(profiledBare, `http://127.0.0.1:${profiledBare.port}${listPath}`, cookie, settings, path.join(dataDir, 'profile-bare'));
    printProfiles(listPath, appProfile, bareProfile);
  }
}

const started = Date.now();
main()
  .then(() => console.log(`Done in ${Math.round((Date.now() - started) / 1000)} s.`))
  .catch((err) => {
    console.error(`Bench failed: ${(err as Error).stack ?? String(err)}`);
    process.exitCode = 1;
  })
  .finally(() => cleanUp());
