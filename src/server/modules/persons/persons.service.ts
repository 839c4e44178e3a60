import { and, asc, eq, ilike, inArray, or } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { can } from '../../../shared/permissions.ts';
import { forbidden, notFound } from '../../lib/errors.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { listAuditEvents } from '../audit/audit.repo.ts';
import { escapeLike } from '../users/users.repo.ts';
import { persons, personStages } from './persons.tables.ts';
import { personDataParts } from './person-data.ts';
import { users } from '../users/users.tables.ts';

async function getPersonRow(ctx: Ctx, id: string) {
  const [p] = await ctx.db.select().from(persons).where(and(eq(persons.id, id), eq(persons.tenantId, ctx.actor.tenantId)));
  if (!p) throw notFound();
  return p;
}

async function stagesOf(ctx: Ctx, ids: string[]) {
  if (ids.length === 0) return new Map<string, { kind: typeof personStages.$inferSelect.kind; startedOn: string; endedOn: string | null }[]>();
  const rows = await ctx.db.select().from(personStages).where(inArray(personStages.personId, ids)).orderBy(asc(personStages.startedOn));
  const map = new Map<string, { kind: (typeof rows)[number]['kind']; startedOn: string; endedOn: string | null }[]>();
  for (const s of rows) map.set(s.personId, [...(map.get(s.personId) ?? []), { kind: s.kind, startedOn: s.startedOn, endedOn: s.endedOn }]);
  return map;
}

export async function findPersons(ctx: Ctx, f: { q?: string; limit: number; offset: number }) {
  if (!can(ctx.actor.roles, 'persons.read')) throw forbidden();
  const where = [eq(persons.tenantId, ctx.actor.tenantId)];
  if (f.q) where.push(or(ilike(persons.fullName, `%${escapeLike(f.q)}%`), ilike(persons.email, `%${escapeLike(f.q)}%`))!);
  const rows = await ctx.db.select().from(persons).where(and(...where)).orderBy(asc(persons.fullName), asc(persons.id)).limit(f.limit + 1).offset(f.offset);
  const stages = await stagesOf(ctx, rows.map((r) => r.id));
  return rows.map((p) => ({ id: p.id, fullName: p.fullName, email: p.email, stages: stages.get(p.id) ?? [] }));
}

/** Reads one person with their sensitive notes decrypted; the read itself is audited. */
export async function readPerson(ctx: Ctx, id: string) {
  if (!can(ctx.actor.roles, 'persons.read')) throw forbidden();
  return ctx.db.transaction(async (tx) => {
    const p = await getPersonRow({ ...ctx, db: tx }, id);
    await writeAudit(tx, { actor: ctx.actor, now: ctx.now() }, { action: 'person.read', recordType: 'person', recordId: id, subjectPersonId: id });
    const stages = await stagesOf({ ...ctx, db: tx }, [id]);
    return {
      id: p.id,
      fullName: p.fullName,
      email: p.email,
      phone: p.phone,
      preferredLocale: p.preferredLocale,
      notes: p.notesEncrypted ? ctx.keyring.decrypt(p.notesEncrypted) : null,
      createdAt: p.createdAt.toISOString(),
      stages: stages.get(id) ?? [],
    };
  });
}

/** "Who has read my data?": every audited read of this person's records, newest first. */
export async function accessLogOf(ctx: Ctx, personId: string, page: { limit: number; beforeSeq?: number }) {
  const own = personId === ctx.actor.personId;
  if (!own && !can(ctx.actor.roles, 'audit.read')) throw forbidden();
  if (!own) await getPersonRow(ctx, personId);
  return listAuditEvents(ctx.db, ctx.actor.tenantId, { subjectPersonId: personId, readsOnly: true, ...page });
}

/** Everything held about a person, from every domain's part, as one JSON document. */
export async function exportPerson(ctx: Ctx, personId: string) {
  const own = personId === ctx.actor.personId;
  if (!own && !can(ctx.actor.roles, 'persons.manage')) throw forbidden();
  return ctx.db.transaction(async (tx) => {
    await getPersonRow({ ...ctx, db: tx }, personId);
    const parts: Record<string, unknown> = {};
    for (const part of personDataParts) parts[part.name] = await part.exportFor(tx, personId, ctx.keyring);
    await writeAudit(tx, { actor: ctx.actor, now: ctx.now() }, { action: 'person.export.read', recordType: 'person', recordId: personId, subjectPersonId: personId });
    return { personId, exportedAt: ctx.now().toISOString(), ...parts };
  });
}

/** Erases a person and everything hung on them; the audit event keeps only ids. */
export async function erasePerson(ctx: Ctx, personId: string): Promise<{ erased: Record<string, number> }> {
  if (!can(ctx.actor.roles, 'persons.manage')) throw forbidden();
  if (personId === ctx.actor.personId) throw forbidden();
  const erased: Record<string, number> = {};
  const userIds: string[] = [];
  await ctx.db.transaction(async (tx) => {
    await getPersonRow({ ...ctx, db: tx }, personId);
    userIds.push(...(await tx.select({ id: users.id }).from(users).where(eq(users.personId, personId))).map((u) => u.id));
    for (const part of [...personDataParts].reverse()) erased[part.name] = await part.eraseFor(tx, personId);
    await writeAudit(tx, { actor: ctx.actor, now: ctx.now() }, { action: 'person.erase', recordType: 'person', recordId: personId, subjectPersonId: personId, details: { erased } });
  });
  for (const id of userIds) ctx.sessions.revokeUser(id);
  return { erased };
}
