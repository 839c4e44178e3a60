import { and, desc, eq, gte, ilike, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { auditEvents } from './audit.tables.ts';
import { users } from '../users/users.tables.ts';
import type { AuditEventView } from '../../../shared/contracts/audit.ts';
import { escapeLike } from '../users/users.repo.ts';

export type AuditFilter = {
  q?: string;
  actorUserId?: string;
  subjectPersonId?: string;
  action?: string;
  recordType?: string;
  recordId?: string;
  from?: string;
  to?: string;
  /** Only reads (actions ending in `.read`), for "who has read my data?". */
  readsOnly?: boolean;
  beforeSeq?: number;
  limit: number;
};

/** Newest first, keyset-paged by `seq`, always inside one tenant. */
export async function listAuditEvents(db: Db, tenantId: string, f: AuditFilter): Promise<AuditEventView[]> {
  const where: SQL[] = [eq(auditEvents.tenantId, tenantId)];
  if (f.actorUserId) where.push(eq(auditEvents.actorUserId, f.actorUserId));
  if (f.subjectPersonId) where.push(eq(auditEvents.subjectPersonId, f.subjectPersonId));
  if (f.action) where.push(eq(auditEvents.action, f.action));
  if (f.recordType) where.push(eq(auditEvents.recordType, f.recordType));
  if (f.recordId) where.push(eq(auditEvents.recordId, f.recordId));
  if (f.from) where.push(gte(auditEvents.at, new Date(`${f.from}T00:00:00Z`)));
  if (f.to) where.push(lt(auditEvents.at, sql`(${f.to}::date + 1)::timestamptz`));
  if (f.readsOnly) where.push(sql`${auditEvents.action} like '%.read'`);
  if (f.beforeSeq) where.push(lt(auditEvents.seq, f.beforeSeq));
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    where.push(or(ilike(auditEvents.action, like), ilike(auditEvents.recordType, like), ilike(auditEvents.recordId, like), ilike(users.name, like), ilike(users.email, like))!);
  }
  const rows = await db
    .select({ e: auditEvents, actorName: users.name })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(and(...where))
    .orderBy(desc(auditEvents.seq))
    .limit(f.limit + 1);
  return rows.map(({ e, actorName }) => ({
    seq: e.seq,
    at: e.at.toISOString(),
    actor: e.actorUserId ? { id: e.actorUserId, name: actorName ?? '—' } : null,
    actorRole: e.actorRole,
    action: e.action,
    recordType: e.recordType,
    recordId: e.recordId,
    subjectPersonId: e.subjectPersonId,
  }));
}

export function auditPage(rows: AuditEventView[], limit: number) {
  const hasMore = rows.length > limit;
  const items = hasMore ? rows.slice(0, limit) : rows;
  return { items, nextCursor: hasMore ? String(items[items.length - 1]!.seq) : null };
}
