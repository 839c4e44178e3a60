import { sql } from 'drizzle-orm';
import type { Db, DatabaseKind } from '../db/client.ts';
import { CliError, queryRows } from './cli-context.ts';

/**
 * The backup file: gzip'd JSON lines. Line 1 is the header, then one line per row
 * (`{"t":<table>,"r":<row as PostgreSQL's row_to_json>}`) in foreign-key order, then a trailer with
 * the row count per table, so a cut-off file is refused instead of half restored. Rows are written
 * and read by the database itself (row_to_json / json_populate_recordset), so every type round-trips
 * exactly and a backup of the embedded database restores onto a PostgreSQL server and back.
 */
export const BACKUP_FORMAT = 'peerbridge-backup';
export const BACKUP_VERSION = 1;

export type Migration = { hash: string; createdAt: string };

export type BackupHeader = {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  source: DatabaseKind;
  migrations: Migration[];
  tables: string[];
};

export type BackupTrailer = { end: true; rows: Record<string, number> };

/** The prefix of a row line; restore cuts the row text out without parsing it in JavaScript. */
export const rowPrefix = (table: string) => `{"t":${JSON.stringify(table)},"r":`;

export async function appliedMigrations(db: Db): Promise<Migration[]> {
  const [exists] = await queryRows<{ present: boolean }>(db, sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`);
  if (!exists?.present) return [];
  const rows = await queryRows<{ hash: string; created_at: string }>(db, sql`select hash, created_at::text as created_at from drizzle.__drizzle_migrations order by created_at, id`);
  return rows.map((r) => ({ hash: r.hash, createdAt: r.created_at }));
}

/**
 * The application's tables (schema public; the job queue keeps its own schema and is not data),
 * parents before children so that a restore never inserts a row before the row it references.
 */
export async function tablesInForeignKeyOrder(db: Db): Promise<string[]> {
  const tables = (
    await queryRows<{ name: string }>(db, sql`
      select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition order by c.relname`)
  ).map((r) => r.name);
  const edges = await queryRows<{ child: string; parent: string }>(db, sql`
    select child.relname as child, parent.relname as parent from pg_constraint k
    join pg_class child on child.oid = k.conrelid
    join pg_class parent on parent.oid = k.confrelid
    join pg_namespace n on n.oid = child.relnamespace
    where k.contype = 'f' and n.nspname = 'public'`);
  const parents = new Map<string, Set<string>>(tables.map((t) => [t, new Set<string>()]));
  // A table that references itself is ordered within its own rows by the database, not here.
  for (const e of edges) if (e.child !== e.parent) parents.get(e.child)?.add(e.parent);
  const ordered: string[] = [];
  const done = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.filter((t) => !done.has(t) && [...parents.get(t)!].every((p) => done.has(p) || !parents.has(p)));
    if (ready.length === 0) {
      const left = tables.filter((t) => !done.has(t));
      throw new CliError(`The foreign keys between these tables form a cycle, which this backup format cannot order: ${left.join(', ')}`);
    }
    for (const t of ready) {
      ordered.push(t);
      done.add(t);
    }
  }
  return ordered;
}

/** Insertable columns per table, in table order (generated columns are computed, not restored). */
export async function insertableColumns(db: Db): Promise<Map<string, string[]>> {
  const rows = await queryRows<{ table_name: string; column_name: string }>(db, sql`
    select c.relname as table_name, a.attname as column_name from pg_attribute a
    join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
    order by c.relname, a.attnum`);
  const columns = new Map<string, string[]>();
  for (const r of rows) columns.set(r.table_name, [...(columns.get(r.table_name) ?? []), r.column_name]);
  return columns;
}

export function sameMigrations(a: Migration[], b: Migration[]): boolean {
  return a.length === b.length && a.every((m, i) => m.hash === b[i]!.hash && m.createdAt === b[i]!.createdAt);
}
