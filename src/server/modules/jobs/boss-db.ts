import type PgBoss from 'pg-boss';
import type { Database } from '../../db/client.ts';

type Rows = { rows: unknown[] };

/**
 * Lets pg-boss use the app's own database, the PGlite instance or the PostgreSQL pool, instead
 * of opening a pool of its own (tests and PGlite have no connection string to give it).
 *
 * SQL without parameters may hold several statements: pg-boss wraps its migrations in
 * `BEGIN; …; COMMIT;`. If one of them fails, the session would stay in an aborted transaction,
 * which on PGlite (one session for the whole app) or on a pooled connection would break the next
 * query of an unrelated request. So such SQL runs on a session that is rolled back on failure.
 */
export function bossDbOf(database: Database): PgBoss.Db {
  const { pglite, pool } = database;
  if (pglite) {
    return {
      executeSql: async (text, values): Promise<Rows> => {
        if (values && values.length > 0) return pglite.query(text, values);
        // Inside PGlite's transaction the inner BEGIN/COMMIT are harmless warnings, and a failure
        // is rolled back while PGlite still holds its lock, before any other query can run.
        return pglite.transaction(async (tx) => (await tx.exec(text)).at(-1) ?? { rows: [] });
      },
    };
  }
  if (!pool) throw new Error('The database has neither a PGlite instance nor a pool');
  return {
    executeSql: async (text, values): Promise<Rows> => {
      if (values && values.length > 0) return pool.query(text, values);
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        const result = (await client.query(text)) as unknown as Rows | Rows[];
        return Array.isArray(result) ? (result.at(-1) ?? { rows: [] }) : result;
      } catch (err) {
        await client.query('ROLLBACK').catch((e: Error) => (broken = e));
        throw err;
      } finally {
        client.release(broken);
      }
    },
  };
}

// Any constant shared by all app processes; distinct from the audit chain's lock.
const STARTUP_LOCK = 724_100_2;

/**
 * Runs the queue setup of one process at a time. pg-boss creates a queue with DDL (a partition
 * of its job table), and two processes creating the same queue at once deadlock on PostgreSQL.
 * The lock is held on a connection of its own, so the pool needs at least two connections.
 * PGlite serves a single process (the data directory is locked), so it needs no lock.
 */
export async function withStartupLock<T>(database: Database, fn: () => Promise<T>): Promise<T> {
  if (!database.pool) return fn();
  const client = await database.pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [STARTUP_LOCK]);
    return await fn();
  } finally {
    await client.query('select pg_advisory_unlock($1)', [STARTUP_LOCK]).catch(() => {});
    client.release();
  }
}
