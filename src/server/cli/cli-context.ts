import path from 'node:path';
import type { SQL } from 'drizzle-orm';
import type { Config } from '../config.ts';
import { openDatabase, migrateDatabase, type Database, type Db } from '../db/client.ts';
import { lockDataDir } from '../db/lock.ts';

/** A refusal the operator can act on: printed as is, exit code 1, never a stack trace. */
export class CliError extends Error {}

/** What a command prints: plain lines, never personal data (ids and counts only). */
export type Print = (line: string) => void;

/** The details every CLI audit event carries, so the log tells console work from app work. */
export const viaCli = { via: 'cli' } as const;

export type CliDatabase = { database: Database; close(): Promise<void> };

/**
 * Opens the database the server would use. On the embedded database the CLI takes the same lock
 * as the server, so it refuses to run while a server (or another CLI) has that DATA_DIR open.
 */
export async function openCliDatabase(config: Config, opts: { migrate: boolean }): Promise<CliDatabase> {
  const release = config.databaseUrl ? undefined : lockDataDir(config.dataDir);
  let database: Database | undefined;
  try {
    database = config.databaseUrl
      ? await openDatabase({ kind: 'postgres', url: config.databaseUrl, poolSize: 2 })
      : await openDatabase({ kind: 'pglite', dataDir: path.join(config.dataDir, 'pglite') });
    if (opts.migrate) await migrateDatabase(database);
  } catch (err) {
    await database?.close().catch(() => {});
    release?.();
    throw err;
  }
  const opened = database;
  return {
    database: opened,
    close: async () => {
      await opened.close();
      release?.();
    },
  };
}

/** Rows of a raw statement run through Drizzle; node-postgres and PGlite both answer `{ rows }`. */
export async function queryRows<T>(db: Db, statement: SQL): Promise<T[]> {
  const result = (await db.execute(statement)) as unknown as { rows: T[] };
  return result.rows;
}
