import path from 'node:path';
import crypto from 'node:crypto';
import pg from 'pg';
import type { Database } from '../../src/server/db/client.ts';
import { openDatabase, migrateDatabase } from '../../src/server/db/client.ts';
import { seedDemo } from '../../src/server/demo/seed.ts';
import { createKeyring } from '../../src/server/lib/crypto.ts';

/** A fixed key for tests, so the template's encrypted demo notes can be read by every test. */
export const TEST_KEY = Buffer.alloc(32, 7).toString('base64');
export const testKeyring = () => createKeyring(TEST_KEY);

/** One tarball per run (set by the global setup), so that runs side by side never read a half-written one. */
export const templateFile = () => process.env.PEERBRIDGE_TEST_TEMPLATE_FILE ?? path.resolve(import.meta.dirname, '../../.test-cache/pglite-template.tar.gz');
/** One template database per test run, so that runs sharing a server do not drop each other's. */
export const pgTemplateDb = () => process.env.PEERBRIDGE_TEST_TEMPLATE_DB ?? 'peerbridge_test_template';

/** Migrated and seeded once per run; every test file starts from a copy of it. */
export async function buildPgliteTemplate(): Promise<Blob> {
  const database = await openDatabase({ kind: 'pglite' });
  await migrateDatabase(database);
  await seedDemo(database.db, testKeyring(), new Date('2026-11-01T08:00:00Z'));
  const dump = await database.pglite!.dumpDataDir('gzip');
  await database.close();
  return dump;
}

export function adminUrl(url: string, dbName: string): string {
  const u = new URL(url);
  u.pathname = `/${dbName}`;
  return u.toString();
}

/** Runs one statement on the server as the test user (CREATE/DROP DATABASE cannot run in a pool transaction). */
export async function runOnServer(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A new database on the test server, empty or copied from a template, dropped again by `drop`. */
export async function openScratchServerDatabase(
  url: string,
  opts: { prefix: string; template?: string; poolSize?: number },
): Promise<{ database: Database; drop: () => Promise<void> }> {
  const name = `${opts.prefix}_${crypto.randomBytes(6).toString('hex')}`;
  await runOnServer(url, `CREATE DATABASE ${name}${opts.template ? ` TEMPLATE ${opts.template}` : ''}`);
  const database = await openDatabase({ kind: 'postgres', url: adminUrl(url, name), poolSize: opts.poolSize ?? 5 });
  return {
    database,
    drop: async () => {
      await database.close();
      await runOnServer(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
