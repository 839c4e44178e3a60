import { sql, desc } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { auditEvents } from './audit.tables.ts';
import { sha256Hex } from '../../lib/crypto.ts';
import type { Actor } from '../../context.ts';

export type AuditInput = {
  action: string;
  recordType: string;
  recordId?: string | null;
  subjectPersonId?: string | null;
  unitId?: string | null;
  /** Ids and flags only: the audit log never holds the content of a record. */
  details?: Record<string, unknown> | null;
};

type AuditRow = {
  tenantId: string | null;
  actorUserId: string | null;
  actorRole: string | null;
  unitId: string | null;
  subjectPersonId: string | null;
  action: string;
  recordType: string;
  recordId: string | null;
  details: Record<string, unknown> | null;
  at: Date;
};

// One lock id for the whole chain: appends are serialised so each event links to the one before.
const AUDIT_CHAIN_LOCK = 724_100_1;
export const GENESIS_HASH = '0'.repeat(64);

/** Writes one audit event inside the caller's transaction. */
export async function writeAudit(
  tx: Db,
  who: { actor: Actor | null; tenantId?: string | null; now: Date },
  input: AuditInput,
): Promise<void> {
  const row: AuditRow = {
    tenantId: who.actor?.tenantId ?? who.tenantId ?? null,
    actorUserId: who.actor?.userId ?? null,
    actorRole: who.actor ? [...who.actor.roles].sort().join(',') : null,
    unitId: input.unitId ?? null,
    subjectPersonId: input.subjectPersonId ?? null,
    action: input.action,
    recordType: input.recordType,
    recordId: input.recordId ?? null,
    details: input.details ?? null,
    at: new Date(Math.floor(who.now.getTime())),
  };
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const [last] = await tx.select({ hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1);
  const prevHash = last?.hash ?? GENESIS_HASH;
  await tx.insert(auditEvents).values({ ...row, prevHash, hash: hashEvent(prevHash, row) });
}

export function hashEvent(prevHash: string, row: AuditRow): string {
  return sha256Hex(
    canonicalJson([
      prevHash,
      row.tenantId,
      row.actorUserId,
      row.actorRole,
      row.unitId,
      row.subjectPersonId,
      row.action,
      row.recordType,
      row.recordId,
      row.details,
      row.at.toISOString(),
    ]),
  );
}

/** JSON with object keys sorted, so a jsonb round trip (which reorders keys) hashes the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export type ChainVerdict = { ok: true; events: number } | { ok: false; events: number; brokenAtSeq: number; reason: string };

/** Walks the whole chain in order and recomputes every hash. */
export async function verifyAuditChain(db: Db, batchSize = 1000): Promise<ChainVerdict> {
  let prevHash = GENESIS_HASH;
  let afterSeq = 0;
  let count = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(sql`${auditEvents.seq} > ${afterSeq}`)
      .orderBy(auditEvents.seq)
      .limit(batchSize);
    if (rows.length === 0) return { ok: true, events: count };
    for (const r of rows) {
      count++;
      if (r.prevHash !== prevHash) return { ok: false, events: count, brokenAtSeq: r.seq, reason: 'prev_hash does not match the event before' };
      const expected = hashEvent(prevHash, { ...r, details: r.details ?? null });
      if (expected !== r.hash) return { ok: false, events: count, brokenAtSeq: r.seq, reason: 'hash does not match the content' };
      prevHash = r.hash;
      afterSeq = r.seq;
    }
  }
}
