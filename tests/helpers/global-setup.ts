import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, migrateDatabase } from '../../src/server/db/client.ts';
import { seedDemo } from '../../src/server/demo/seed.ts';
import { PG_TEMPLATE_DB, adminUrl, buildPgliteTemplate, templateFile, testKeyring } from './template.ts';

/** Builds the template database once per run: PGlite as a tarball, PostgreSQL as a template database. */
export default async function setup(): Promise<void> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${PG_TEMPLATE_DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${PG_TEMPLATE_DB}`);
    await admin.end();
    const database = await openDatabase({ kind: 'postgres', url: adminUrl(url, PG_TEMPLATE_DB), poolSize: 1 });
    await migrateDatabase(database);
    await seedDemo(database.db, testKeyring(), new Date('2026-11-01T08:00:00Z'));
    await database.close();
    return;
  }
  const dump = await buildPgliteTemplate();
  fs.mkdirSync(path.dirname(templateFile), { recursive: true });
  fs.writeFileSync(templateFile, Buffer.from(await dump.arrayBuffer()));
}
