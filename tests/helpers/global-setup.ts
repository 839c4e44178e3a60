import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, migrateDatabase } from '../../src/server/db/client.ts';
import { seedDemo } from '../../src/server/demo/seed.ts';
import { pgTemplateDb, runOnServer, adminUrl, buildPgliteTemplate, templateFile, testKeyring } from './template.ts';

/** Builds the template database once per run: PGlite as a tarball, PostgreSQL as a template database. */
export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    // Test workers are forked after this and inherit the name.
    process.env.PEERBRIDGE_TEST_TEMPLATE_DB = `peerbridge_test_template_${process.pid}`;
    const name = pgTemplateDb();
    const run = (statement: string) => runOnServer(url, statement);
    await run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await run(`CREATE DATABASE ${name}`);
    const database = await openDatabase({ kind: 'postgres', url: adminUrl(url, name), poolSize: 1 });
    await migrateDatabase(database);
    await seedDemo(database.db, testKeyring(), new Date('2026-11-01T08:00:00Z'));
    await database.close();
    return () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
  process.env.PEERBRIDGE_TEST_TEMPLATE_FILE = path.resolve(import.meta.dirname, `../../.test-cache/pglite-template-${process.pid}.tar.gz`);
  const file = templateFile();
  const dump = await buildPgliteTemplate();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  return async () => fs.rmSync(file, { force: true });
}
