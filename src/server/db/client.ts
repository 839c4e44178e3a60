import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';

/** The Drizzle handle every repo uses; a transaction is the same type, so repos take either. */
export type Db = PgDatabase<PgQueryResultHKT>;

export type DatabaseKind = 'pglite' | 'postgres';

/** A raw SQL door for the few things Drizzle does not do: the job queue, backups, LISTEN. */
export type RawSql = {
  /** Runs statements without parameters; several may be sent at once. */
  exec(sql: string): Promise<void>;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
};

export type Database = {
  db: Db;
  kind: DatabaseKind;
  raw: RawSql;
  pglite?: PGlite;
  pool?: pg.Pool;
  close(): Promise<void>;
};

const migrationsFolder = path.resolve(import.meta.dirname, '../../../migrations');

export type OpenOptions =
  | { kind: 'postgres'; url: string; poolSize?: number }
  | { kind: 'pglite'; dataDir?: string; loadDataDir?: Blob };

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize ?? 10 });
    // An idle client that loses its server must not crash the process.
    pool.on('error', () => {});
    await pool.query('select 1');
    return {
      db: drizzlePg(pool) as unknown as Db,
      kind: 'postgres',
      pool,
      raw: {
        exec: async (sql) => {
          await pool.query(sql);
        },
        query: async <T,>(sql: string, params?: unknown[]) => {
          const r = await pool.query(sql, params as unknown[]);
          return { rows: r.rows as T[] };
        },
      },
      close: () => pool.end(),
    };
  }
  if (opts.dataDir) fs.mkdirSync(opts.dataDir, { recursive: true });
  // btree_gist: a peer's assignments may not overlap in time, enforced by an exclusion constraint.
  const client = await PGlite.create({ dataDir: opts.dataDir, loadDataDir: opts.loadDataDir, extensions: { btree_gist } });
  return {
    db: drizzlePglite(client) as unknown as Db,
    kind: 'pglite',
    pglite: client,
    raw: {
      exec: async (sql) => {
        await client.exec(sql);
      },
      query: async <T,>(sql: string, params?: unknown[]) => {
        const r = await client.query<T>(sql, params);
        return { rows: r.rows };
      },
    },
    close: () => client.close(),
  };
}

export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    await migratePglite(database.db as never, { migrationsFolder });
  } else {
    await migratePg(database.db as never, { migrationsFolder });
  }
}
