import { and, asc, eq, gte, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { AppError, fieldError, notFound } from '../../lib/errors.ts';
import type { LeaderOption, MySessionView, SessionView, sessionBody, SessionPatch } from '../../../shared/contracts/training.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { assertCan } from './training.policy.ts';
import { dayIn, localTime } from './schedule.ts';
import { findCohortRow, findLeaderOptions, findSessionRow, sessionsOfCohort, tenantOf, toSessionViews, type SessionRow } from './training.repo.ts';
import { attendance, cohorts, courses, participants, trainingSessions } from './training.tables.ts';

/** Course leaders must be active trainers or peers of the tenant: a session's leaders take its attendance. */
export async function assertLeaders(db: Db, tenantId: string, ids: readonly string[] | undefined, field = 'leaderUserIds'): Promise<void> {
  if (!ids || ids.length === 0) return;
  const unique = [...new Set(ids)];
  if ((await findLeaderOptions(db, tenantId, unique)).length !== unique.length) throw fieldError(field, 'field.invalid');
}

export async function findLeaders(ctx: Ctx): Promise<LeaderOption[]> {
  assertCan(ctx.actor, 'training.manage');
  return findLeaderOptions(ctx.db, ctx.actor.tenantId);
}

export async function findSessions(ctx: Ctx, cohortId: string): Promise<SessionView[]> {
  assertCan(ctx.actor, 'training.manage');
  if (!(await findCohortRow(ctx.db, ctx.actor.tenantId, cohortId))) throw notFound();
  return toSessionViews(ctx.db, await sessionsOfCohort(ctx.db, ctx.actor.tenantId, cohortId));
}

async function readSession(ctx: Ctx, id: string): Promise<SessionView> {
  const row = await findSessionRow(ctx.db, ctx.actor.tenantId, id);
  if (!row) throw notFound();
  const [view] = await toSessionViews(ctx.db, [row]);
  return view!;
}

function assertTimes(startsAt: Date, endsAt: Date): void {
  if (endsAt <= startsAt) throw fieldError('endsAt', 'field.ends_before_start');
}

/** The week of the course a day falls in, counted from the cohort's first Monday. */
const weekOf = (startsOn: string, day: string): number => Math.max(1, Math.floor((Date.parse(day) - Date.parse(startsOn)) / (7 * 86_400_000)) + 1);

export async function addSession(ctx: Ctx, input: z.output<typeof sessionBody>): Promise<SessionView> {
  assertCan(ctx.actor, 'training.manage');
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  assertTimes(startsAt, endsAt);
  const now = ctx.now();
  const id = await ctx.db.transaction(async (tx) => {
    const cohort = await findCohortRow(tx, ctx.actor.tenantId, input.cohortId);
    if (!cohort) throw notFound();
    await assertLeaders(tx, ctx.actor.tenantId, input.leaderUserIds);
    const { country } = await tenantOf(tx, ctx.actor.tenantId);
    const [row] = await tx.insert(trainingSessions).values({
      tenantId: ctx.actor.tenantId,
      cohortId: cohort.id,
      startsAt,
      endsAt,
      place: input.place ?? cohort.place,
      topic: input.topic,
      week: input.week ?? weekOf(cohort.startsOn, dayIn(startsAt, country)),
      leaderUserIds: [...new Set(input.leaderUserIds)],
      materials: input.materials,
      createdAt: now,
    }).returning({ id: trainingSessions.id });
    await writeAudit(tx, { actor: ctx.actor, now }, { action: 'session.create', recordType: 'training_session', recordId: row!.id, details: { cohortId: cohort.id } });
    return row!.id;
  });
  return readSession(ctx, id);
}

export async function updateSession(ctx: Ctx, id: string, input: SessionPatch): Promise<SessionView> {
  assertCan(ctx.actor, 'training.manage');
  await ctx.db.transaction(async (tx) => {
    const before = await findSessionRow(tx, ctx.actor.tenantId, id);
    if (!before) throw notFound();
    const startsAt = input.startsAt ? new Date(input.startsAt) : before.startsAt;
    const endsAt = input.endsAt ? new Date(input.endsAt) : before.endsAt;
    assertTimes(startsAt, endsAt);
    await assertLeaders(tx, ctx.actor.tenantId, input.leaderUserIds);
    const { leaderUserIds, ...rest } = input;
    await tx.update(trainingSessions)
      .set({ ...rest, startsAt, endsAt, ...(leaderUserIds ? { leaderUserIds: [...new Set(leaderUserIds)] } : {}) })
      .where(eq(trainingSessions.id, id));
    await writeAudit(tx, { actor: ctx.actor, now: ctx.now() }, { action: 'session.update', recordType: 'training_session', recordId: id, details: { cohortId: before.cohortId, fields: Object.keys(input) } });
  });
  return readSession(ctx, id);
}

/** A session with attendance happened: removing it would rewrite participants' attendance and leaders' hours. */
export async function deleteSession(ctx: Ctx, id: string): Promise<void> {
  assertCan(ctx.actor, 'training.manage');
  await ctx.db.transaction(async (tx) => {
    const row = await findSessionRow(tx, ctx.actor.tenantId, id);
    if (!row) throw notFound();
    const [taken] = await tx.select({ id: attendance.id }).from(attendance).where(eq(attendance.sessionId, id)).limit(1);
    if (taken) throw new AppError('CONFLICT');
    await tx.delete(trainingSessions).where(eq(trainingSessions.id, id));
    await writeAudit(tx, { actor: ctx.actor, now: ctx.now() }, { action: 'session.delete', recordType: 'training_session', recordId: id, details: { cohortId: row.cohortId } });
  });
}

type MySessionRow = { session: SessionRow; cohortTitle: string; courseTitle: MySessionView['courseTitle']; courseKind: MySessionView['courseKind']; isLeader: boolean };

/**
 * Sessions of a user, soonest first: those they lead, and those of the cohorts they take part in
 * (their person's active participations). Shared by "my sessions" and the calendar feed; no
 * participant's data but their own cohort's sessions.
 */
export async function mySessionRows(db: Db, who: { tenantId: string; userId: string; personId: string }, from: Date, page: { limit: number; offset: number }): Promise<MySessionRow[]> {
  const isLeader = sql<boolean>`${trainingSessions.leaderUserIds} @> ${JSON.stringify([who.userId])}::jsonb`;
  const isParticipant = sql<boolean>`${trainingSessions.cohortId} in (select ${participants.cohortId} from ${participants} where ${participants.personId} = ${who.personId} and ${participants.status} = 'active')`;
  return db
    .select({ session: trainingSessions, cohortTitle: cohorts.title, courseTitle: courses.title, courseKind: courses.kind, isLeader })
    .from(trainingSessions)
    .innerJoin(cohorts, eq(cohorts.id, trainingSessions.cohortId))
    .innerJoin(courses, eq(courses.id, cohorts.courseId))
    .where(and(eq(trainingSessions.tenantId, who.tenantId), ne(cohorts.status, 'cancelled'), gte(trainingSessions.endsAt, from), sql`(${isLeader} or ${isParticipant})`))
    .orderBy(asc(trainingSessions.startsAt), asc(trainingSessions.id))
    .limit(page.limit)
    .offset(page.offset);
}

export async function toMySessionViews(db: Db, rows: MySessionRow[]): Promise<MySessionView[]> {
  const views = await toSessionViews(db, rows.map((r) => r.session));
  return rows.map((r, i) => ({ ...views[i]!, cohortTitle: r.cohortTitle, courseTitle: r.courseTitle, courseKind: r.courseKind, role: r.isLeader ? 'leader' : 'participant' }));
}

/** My sessions from a day (default today, where the tenant is), soonest first. */
export async function findMySessions(ctx: Ctx, f: { from?: string; limit: number; offset: number }): Promise<MySessionView[]> {
  const { country } = await tenantOf(ctx.db, ctx.actor.tenantId);
  const from = localTime(f.from ?? dayIn(ctx.now(), country), '00:00', country);
  const rows = await mySessionRows(ctx.db, ctx.actor, from, { limit: f.limit + 1, offset: f.offset });
  return toMySessionViews(ctx.db, rows);
}
