import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { createKeyring, generateKey, keyIdOf, parseKey, type Keyring } from '../lib/crypto.ts';
import { demoKeyFile, demoPreviousKeysFile, loadKeyring } from '../lib/keys.ts';
import { describeColumn, encryptedColumns, type EncryptedColumn } from '../lib/encrypted-columns.ts';
import { writeAudit } from '../modules/audit/audit.service.ts';
import { queryRows, viaCli } from './cli-context.ts';

export type ColumnCounts = { reencrypted: number; unreadable: number };

export type RotationReport = {
  keyId: string;
  columns: Record<string, ColumnCounts>;
  reencrypted: number;
  /** Values sealed with a key that is not configured: left as they are, and the command fails. */
  unreadable: number;
  /** Key ids other than the current one that some value still uses. */
  olderKeysInUse: string[];
  /** Demo mode only: old keys removed from the previous-keys file because nothing uses them. */
  droppedKeys: number;
  demo: boolean;
};

/**
 * Re-encrypts, batch by batch, every value of every registered column that is not sealed with the
 * current key. Each batch is one transaction and only replaces a value it has locked, so a running
 * server (on PostgreSQL) may keep working meanwhile.
 */
export async function reencryptStaleValues(db: Db, keyring: Keyring, batchSize = 200): Promise<Record<string, ColumnCounts>> {
  const columns: Record<string, ColumnCounts> = {};
  for (const c of encryptedColumns) columns[describeColumn(c)] = await reencryptColumn(db, keyring, c, batchSize);
  return columns;
}

async function reencryptColumn(db: Db, keyring: Keyring, c: EncryptedColumn, batchSize: number): Promise<ColumnCounts> {
  const [table, pk, column] = [sql.identifier(c.table), sql.identifier(c.pk), sql.identifier(c.column)];
  const counts: ColumnCounts = { reencrypted: 0, unreadable: 0 };
  let after: string | undefined;
  for (;;) {
    const seen = await db.transaction(async (tx) => {
      const rows = await queryRows<{ pk: string; value: string }>(tx, sql`
        select ${pk}::text as pk, ${column} as value from ${table}
        where ${column} is not null and split_part(${column}, '.', 2) <> ${keyring.currentKeyId}
        ${after === undefined ? sql`` : sql`and ${pk} > ${after}`}
        order by ${pk} limit ${batchSize} for update`);
      for (const row of rows) {
        let plain: string;
        try {
          plain = keyring.decrypt(row.value);
        } catch {
          counts.unreadable++;
          continue;
        }
        await tx.execute(sql`update ${table} set ${column} = ${keyring.encrypt(plain)} where ${pk} = ${row.pk} and ${column} = ${row.value}`);
        counts.reencrypted++;
      }
      return rows;
    });
    if (seen.length < batchSize) return counts;
    after = seen[seen.length - 1]!.pk;
  }
}

/** Every key id some registered value is sealed with. */
export async function keyIdsInUse(db: Db): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const c of encryptedColumns) {
    const column = sql.identifier(c.column);
    const rows = await queryRows<{ id: string }>(db, sql`select distinct split_part(${column}, '.', 2) as id from ${sql.identifier(c.table)} where ${column} is not null`);
    for (const r of rows) ids.add(r.id);
  }
  return ids;
}

const readKeyLines = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean) : []);

/** Replaces a key file in one step, so a crash leaves either the old or the new file, never half of one. */
function writeKeyFile(file: string, keys: string[]): void {
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, keys.map((k) => `${k}\n`).join(''), { mode: 0o600 });
  fs.renameSync(tmp, file);
}

/** True when keys come from DATA_DIR (demo mode without PEERBRIDGE_ENCRYPTION_KEY), as loadKeyring decides. */
export const usesDemoKeyFile = (config: Config) => !config.encryptionKey && config.demo;

/**
 * Demo mode: makes a new key file. The old key is saved in the previous-keys file first, so that
 * whatever happens next, every value stays readable.
 */
export function rotateDemoKeyFile(config: Config): Keyring {
  fs.mkdirSync(config.dataDir, { recursive: true });
  const keyFile = demoKeyFile(config.dataDir);
  const previousFile = demoPreviousKeysFile(config.dataDir);
  const old = readKeyLines(keyFile)[0];
  const previous = readKeyLines(previousFile);
  const next = generateKey();
  if (old && !previous.includes(old)) previous.push(old);
  if (previous.length > 0) writeKeyFile(previousFile, previous);
  writeKeyFile(keyFile, [next]);
  return createKeyring(next, [...config.previousKeys, ...previous]);
}

/** Demo mode: removes old keys from the previous-keys file once no value uses them. */
export function dropUnusedDemoKeys(config: Config, inUse: Set<string>): number {
  const previousFile = demoPreviousKeysFile(config.dataDir);
  const previous = readKeyLines(previousFile);
  const kept = previous.filter((k) => inUse.has(keyIdOf(parseKey(k))));
  if (kept.length === previous.length) return 0;
  if (kept.length === 0) fs.rmSync(previousFile, { force: true });
  else writeKeyFile(previousFile, kept);
  return previous.length - kept.length;
}

/**
 * The key rotation. Outside demo mode the operator has already set the new key as
 * PEERBRIDGE_ENCRYPTION_KEY and the old one in PEERBRIDGE_PREVIOUS_KEYS; in demo mode the new key
 * is made here. Audited as `crypto.rotate_key` with the counts.
 */
export async function rotateKey(
  db: Db,
  config: Config,
  opts: { batchSize?: number; keepOldKeys?: boolean; now?: Date; warn?: (msg: string) => void } = {},
): Promise<RotationReport> {
  const demo = usesDemoKeyFile(config);
  const keyring = demo ? rotateDemoKeyFile(config) : loadKeyring(config, opts.warn ?? (() => {}));
  const columns = await reencryptStaleValues(db, keyring, opts.batchSize);
  const inUse = await keyIdsInUse(db);
  const droppedKeys = demo && !opts.keepOldKeys ? dropUnusedDemoKeys(config, inUse) : 0;
  const counts = Object.values(columns);
  const report: RotationReport = {
    keyId: keyring.currentKeyId,
    columns,
    reencrypted: counts.reduce((n, c) => n + c.reencrypted, 0),
    unreadable: counts.reduce((n, c) => n + c.unreadable, 0),
    olderKeysInUse: [...inUse].filter((id) => id !== keyring.currentKeyId).sort(),
    droppedKeys,
    demo,
  };
  await db.transaction((tx) =>
    writeAudit(tx, { actor: null, now: opts.now ?? new Date() }, {
      action: 'crypto.rotate_key',
      recordType: 'encryption_key',
      recordId: report.keyId,
      details: { ...viaCli, reencrypted: report.reencrypted, unreadable: report.unreadable, columns, droppedKeys },
    }),
  );
  return report;
}
