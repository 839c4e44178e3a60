import { loadConfig } from './config.ts';
import { openDatabase, migrateDatabase, type Database } from './db/client.ts';
import { lockDataDir } from './db/lock.ts';
import { loadKeyring } from './lib/keys.ts';
import { createServices } from './services.ts';
import { buildApp } from './app.ts';
import { seedDemo } from './demo/seed.ts';
import { startJobs } from './modules/jobs/jobs.ts';
import { startRevocationListener } from './modules/auth/revocation.ts';
import pino from 'pino';
import path from 'node:path';

const config = (() => {
  try {
    return loadConfig();
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
})();
const log = pino({ level: config.logLevel });

let release: (() => void) | undefined;
let database: Database | undefined;
try {
  // Without a key (outside demo mode) nothing is touched: refuse before opening the database.
  const keyring = loadKeyring(config, (msg) => log.warn(msg));
  if (!config.databaseUrl) release = lockDataDir(config.dataDir);
  database = config.databaseUrl
    ? await openDatabase({ kind: 'postgres', url: config.databaseUrl })
    : await openDatabase({ kind: 'pglite', dataDir: path.join(config.dataDir, 'pglite') });
  await migrateDatabase(database);
  const svc = createServices({ config, database, keyring });
  if (config.demo && (await seedDemo(database.db, keyring))) log.info('Loaded the demo data (Region Demo). Demo users are listed in README.md.');
  const stopListener = await startRevocationListener(svc);
  const jobs = config.jobs ? await startJobs(svc, log) : null;
  const app = await buildApp(svc, { logger: true });
  await app.listen({ port: config.port, host: config.host });
  log.info(`Peerbridge is running at ${config.publicOrigin} on ${database.kind === 'pglite' ? `the embedded database in ${config.dataDir}` : 'PostgreSQL'}`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'Shutting down');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    await app.close();
    await jobs?.stop();
    await stopListener();
    await database?.close();
    release?.();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
} catch (err) {
  log.fatal((err as Error).message);
  await database?.close().catch(() => {});
  release?.();
  process.exit(1);
}
