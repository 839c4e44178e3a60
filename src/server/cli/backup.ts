import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { writeAudit } from '../modules/audit/audit.service.ts';
import { queryRows, viaCli } from './cli-context.ts';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  appliedMigrations,
  rowPrefix,
  tablesInForeignKeyOrder,
  type BackupHeader,
  type BackupTrailer,
} from './backup-format.ts';

const FETCH_ROWS = 500;

export type BackupResult = { file: string; tables: number; rows: number };

/**
 * Writes every application table to one gzip'd JSON-lines file from a single consistent snapshot.
 * Encrypted columns are copied as they are: the file is exactly as sensitive as the database, and
 * restoring it needs the same keys. The file appears only when complete (written aside, then renamed).
 */
export async function backupDatabase(database: Database, file: string, now = new Date()): Promise<BackupResult> {
  const target = path.resolve(file);
  const partial = `${target}.partial`;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  // Owner-only: the file holds the whole database, including the health data.
  const out = fs.createWriteStream(partial, { mode: 0o600 });
  const gzip = zlib.createGzip();
  gzip.pipe(out);
  const write = async (line: string) => {
    if (!gzip.write(line + '\n')) await once(gzip, 'drain');
  };
  try {
    const counts = await database.db.transaction(async (tx) => {
      // One snapshot for all tables, so a busy server cannot make the backup inconsistent.
      await tx.execute(sql`set transaction isolation level repeatable read, read only`);
      const tables = await tablesInForeignKeyOrder(tx);
      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        createdAt: now.toISOString(),
        source: database.kind,
        migrations: await appliedMigrations(tx),
        tables,
      };
      await write(JSON.stringify(header));
      const rows: Record<string, number> = {};
      for (const table of tables) {
        rows[table] = 0;
        const prefix = rowPrefix(table);
        await tx.execute(sql`declare pb_backup no scroll cursor for select row_to_json(t)::text as r from ${sql.identifier(table)} t`);
        for (;;) {
          const batch = await queryRows<{ r: string }>(tx, sql.raw(`fetch ${FETCH_ROWS} from pb_backup`));
          for (const { r } of batch) await write(`${prefix}${r}}`);
          rows[table] += batch.length;
          if (batch.length < FETCH_ROWS) break;
        }
        await tx.execute(sql`close pb_backup`);
      }
      const trailer: BackupTrailer = { end: true, rows };
      await write(JSON.stringify(trailer));
      return rows;
    });
    gzip.end();
    await finished(out);
    fs.renameSync(partial, target);
    const tables = Object.keys(counts).length;
    const rows = Object.values(counts).reduce((a, b) => a + b, 0);
    // Copying out all data is itself worth a line in the log (after the snapshot, so not inside it).
    await database.db.transaction((tx) => writeAudit(tx, { actor: null, now }, { action: 'backup.create', recordType: 'database', details: { ...viaCli, tables, rows } }));
    return { file: target, tables, rows };
  } catch (err) {
    gzip.destroy();
    out.destroy();
    fs.rmSync(partial, { force: true });
    throw err;
  }
}
