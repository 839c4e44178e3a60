import fs from 'node:fs';
import zlib from 'node:zlib';
import readline from 'node:readline';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { verifyAuditChain, writeAudit, type ChainVerdict } from '../modules/audit/audit.service.ts';
import { CliError, queryRows, viaCli } from './cli-context.ts';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  appliedMigrations,
  insertableColumns,
  rowPrefix,
  sameMigrations,
  type BackupHeader,
  type BackupTrailer,
} from './backup-format.ts';

const BATCH_ROWS = 500;
const BATCH_CHARS = 4_000_000;

export type RestoreResult = { tables: number; rows: number; audit: ChainVerdict };

/**
 * Loads a backup into an empty, freshly migrated database of the same schema version, in one
 * transaction (a damaged or cut-off file leaves the database as empty as it was), then sets the
 * sequences past the restored rows and verifies the audit chain.
 */
export async function restoreDatabase(db: Db, file: string, now = new Date()): Promise<RestoreResult> {
  if (!fs.existsSync(file)) throw new CliError(`No backup file at ${file}.`);
  const lines = readline.createInterface({ input: fs.createReadStream(file).pipe(zlib.createGunzip()), crlfDelay: Infinity });
  const it = lines[Symbol.asyncIterator]();
  try {
    const header = parseHeader((await it.next().catch(unreadable)).value);
    await assertRestorable(db, header);
    const columns = await insertableColumns(db);
    const counts = await db.transaction(async (tx) => {
      const rows: Record<string, number> = Object.fromEntries(header.tables.map((t) => [t, 0]));
      let tableIndex = 0;
      let batch: string[] = [];
      let batchChars = 0;
      const flush = async () => {
        if (batch.length === 0) return;
        const table = header.tables[tableIndex]!;
        const cols = sql.join(columns.get(table)!.map((c) => sql.identifier(c)), sql`, `);
        // The database parses the rows into the table's own types, exactly as row_to_json wrote them.
        await tx.execute(sql`insert into ${sql.identifier(table)} (${cols}) overriding system value
          select ${cols} from json_populate_recordset(null::${sql.identifier(table)}, ${`[${batch.join(',')}]`}::json)`);
        rows[table]! += batch.length;
        batch = [];
        batchChars = 0;
      };
      let trailer: BackupTrailer | undefined;
      for (;;) {
        const next = await it.next().catch(unreadable);
        if (next.done) break;
        const line: string = next.value;
        if (!line) continue;
        if (trailer) throw damaged('rows after the end marker');
        if (line.startsWith('{"t":')) {
          // Rows come table by table in header order; move forward to the row's table.
          let index = tableIndex;
          while (index < header.tables.length && !line.startsWith(rowPrefix(header.tables[index]!))) index++;
          if (index === header.tables.length) throw damaged('a row of an unknown table, or out of order');
          if (index !== tableIndex) {
            await flush();
            tableIndex = index;
          }
          const prefix = rowPrefix(header.tables[tableIndex]!);
          batch.push(line.slice(prefix.length, -1));
          batchChars += line.length;
          if (batch.length >= BATCH_ROWS || batchChars >= BATCH_CHARS) await flush();
          continue;
        }
        trailer = parseTrailer(line);
        await flush();
      }
      if (!trailer) throw damaged('the end marker is missing (the file is cut off)');
      for (const t of header.tables) {
        if ((trailer.rows[t] ?? 0) !== rows[t]) throw damaged(`table ${t} has ${rows[t]} rows, the end marker says ${trailer.rows[t] ?? 0}`);
      }
      await resetSequences(tx);
      const total = Object.values(rows).reduce((a, b) => a + b, 0);
      await writeAudit(tx, { actor: null, now }, {
        action: 'backup.restore',
        recordType: 'database',
        details: { ...viaCli, tables: header.tables.length, rows: total, backupCreatedAt: header.createdAt, source: header.source },
      });
      return rows;
    });
    return {
      tables: header.tables.length,
      rows: Object.values(counts).reduce((a, b) => a + b, 0),
      audit: await verifyAuditChain(db),
    };
  } finally {
    lines.close();
  }
}

function unreadable(err: unknown): never {
  throw new CliError(`The backup file cannot be read (${(err as Error).message}); is it a Peerbridge backup (.jsonl.gz)?`);
}

const damaged = (what: string) => new CliError(`The backup file is damaged: ${what}. Nothing was restored.`);

function parseHeader(line: string | undefined): BackupHeader {
  let header: Partial<BackupHeader> | undefined;
  try {
    header = line ? (JSON.parse(line) as Partial<BackupHeader>) : undefined;
  } catch {
    header = undefined;
  }
  if (header?.format !== BACKUP_FORMAT || !Array.isArray(header.tables) || !Array.isArray(header.migrations)) {
    throw new CliError('This file is not a Peerbridge backup (no backup header on its first line).');
  }
  if (header.version !== BACKUP_VERSION) {
    throw new CliError(`This backup has format version ${header.version}; this Peerbridge reads version ${BACKUP_VERSION}.`);
  }
  return header as BackupHeader;
}

function parseTrailer(line: string): BackupTrailer {
  try {
    const trailer = JSON.parse(line) as Partial<BackupTrailer>;
    if (trailer.end === true && trailer.rows && typeof trailer.rows === 'object') return trailer as BackupTrailer;
  } catch {
    // reported below
  }
  throw damaged('a line that is neither a row nor the end marker');
}

async function assertRestorable(db: Db, header: BackupHeader): Promise<void> {
  const here = await appliedMigrations(db);
  if (!sameMigrations(here, header.migrations)) {
    throw new CliError(
      `The backup was taken at schema version ${header.migrations.length} (migrations applied), this database is at ${here.length}. ` +
        'Restore with the Peerbridge version that made the backup, then upgrade.',
    );
  }
  const columns = await insertableColumns(db);
  const missing = header.tables.filter((t) => !columns.has(t));
  if (missing.length > 0) throw new CliError(`This database has no table ${missing.join(', ')}; it does not match the backup.`);
  // Tenants first, so the common mistake (restoring onto a running installation) gets the plainest answer.
  for (const table of ['tenants', ...header.tables.filter((t) => t !== 'tenants')].filter((t) => columns.has(t))) {
    const [row] = await queryRows<{ present: boolean }>(db, sql`select exists (select 1 from ${sql.identifier(table)}) as present`);
    if (!row?.present) continue;
    // The audit log cannot be emptied (the database refuses it), so restoring over data would mix two histories.
    throw new CliError(
      table === 'tenants'
        ? 'The target database already has tenants. Restore only into an empty, freshly migrated database.'
        : `The target database is not empty (table ${table} has rows). Restore only into an empty, freshly migrated database.`,
    );
  }
}

/** Moves every serial or identity sequence past the highest restored value (audit_events.seq above all). */
async function resetSequences(tx: Db): Promise<void> {
  const seqs = await queryRows<{ table_name: string; column_name: string; seq: string }>(tx, sql`
    select * from (
      select c.relname as table_name, a.attname as column_name,
             pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) as seq
      from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
    ) s where seq is not null`);
  for (const s of seqs) {
    const col = sql.identifier(s.column_name);
    await tx.execute(sql`select setval(${s.seq}::regclass, coalesce(max(${col}), 1), max(${col}) is not null) from ${sql.identifier(s.table_name)}`);
  }
}
