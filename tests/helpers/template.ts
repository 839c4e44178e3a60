import path from 'node:path';
import { openDatabase, migrateDatabase } from '../../src/server/db/client.ts';
import { seedDemo } from '../../src/server/demo/seed.ts';
import { createKeyring } from '../../src/server/lib/crypto.ts';

/** A fixed key for tests, so the template's encrypted demo notes can be read by every test. */
export const TEST_KEY = Buffer.alloc(32, 7).toString('base64');
export const testKeyring = () => createKeyring(TEST_KEY);

export const templateFile = path.resolve(import.meta.dirname, '../../.test-cache/pglite-template.tar.gz');
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
