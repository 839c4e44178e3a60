import { and, asc, eq, inArray, max, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { AppError, fieldError, forbidden, notFound } from '../../lib/errors.ts';
import { can } from '../../../shared/permissions.ts';
import type { AttendanceRoll, attendanceBody } from '../../../shared/contracts/training.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { persons } from '../persons/persons.tables.ts';
import { userRoles } from '../users/users.tables.ts';
import { dayIn } from './schedule.ts';
import { findSessionRow, tenantOf, toSessionViews, type SessionRow } from './training.repo.ts';
import { attendance, cohorts, courses, leaderHours, participants } from './training.tables.ts';

/**
 * The training team takes attendance for any session; a course leader (a peer, say) only for the
 * sessions they lead. Another tenant's session is not found.
 */
async function sessionForAttendance(ctx: Ctx, db: Db, sessionId: string): Promise<SessionRow> {
  const canManage = can(ctx.actor.roles, 'training.manage');
  if (!canManage && !can(ctx.actor.roles, 'training.lead')) throw forbidden();
  const session = await findSessionRow(db, ctx.actor.tenantId, sessionId);
  if (!session) throw notFound();
  if (!canManage && !session.leaderUserIds.includes(ctx.actor.userId)) throw forbidden();
  return session;
}

async function rollOf(db: Db, session: SessionRow): Promise<AttendanceRoll> {
  const [context] = await db.select({ cohortTitle: cohorts.title, courseTitle: courses.title, courseKind: courses.kind })
    .from(cohorts).innerJoin(courses, eq(courses.id, cohorts.courseId)).where(eq(cohorts.id, session.cohortId));
  const [view] = await toSessionViews(db, [session]);
  const items = await db
    .select({ participantId: participants.id, name: persons.fullName, status: attendance.status, note: attendance.note })
    .from(participants)
    .innerJoin(persons, eq(persons.id, participants.personId))
    .leftJoin(attendance, and(eq(attendance.participantId, participants.id), eq(attendance.sessionId, session.id)))
    .where(and(eq(participants.cohortId, session.cohortId), eq(participants.status, 'active')))
    .orderBy(asc(persons.fullName), asc(participants.id));
  const [last] = await db.select({ at: max(attendance.recordedAt) }).from(attendance).where(eq(attendance.sessionId, session.id));
  return {
    session: { ...view!, ...context! },
    items: items.map((i) => ({ participantId: i.participantId, name: i.name, status: i.status, note: i.note ?? '' })),
    recordedAt: last?.at?.toISOString() ?? null,
  };
}

/** The roll of a session: the cohort's active participants and what was recorded for each (null: not yet). */
export async function getRoll(ctx: Ctx, sessionId: string): Promise<AttendanceRoll> {
  const session = await sessionForAttendance(ctx, ctx.db, sessionId);
  return rollOf(ctx.db, session);
}

/**
 * A course leader who is a peer is paid per session led (the brokering service's fee): once the
 * session's attendance is saved, it took place, and their hours are recorded (again on a re-save).
 */
export async function recordLeaderHours(tx: Db, session: SessionRow, now: Date): Promise<void> {
  if (session.leaderUserIds.length === 0) return;
  const peers = await tx.select({ userId: userRoles.userId }).from(userRoles)
    .where(and(inArray(userRoles.userId, session.leaderUserIds), eq(userRoles.role, 'peer')));
  if (peers.length === 0) return;
  const hours = ((session.endsAt.getTime() - session.startsAt.getTime()) / 3_600_000).toFixed(2);
  await tx.insert(leaderHours)
    .values(peers.map((p) => ({ tenantId: session.tenantId, sessionId: session.id, userId: p.userId, hours, recordedAt: now })))
    .onConflictDoUpdate({ target: [leaderHours.sessionId, leaderHours.userId], set: { hours, recordedAt: now } });
}

/** Saves the whole group's attendance in one call (the phone page marks everyone present and changes a few). */
export async function saveAttendance(ctx: Ctx, input: z.output<typeof attendanceBody>): Promise<AttendanceRoll> {
  const now = ctx.now();
  const session = await ctx.db.transaction(async (tx) => {
    const session = await sessionForAttendance(ctx, tx, input.sessionId);
    const { country } = await tenantOf(tx, ctx.actor.tenantId);
    // Attendance says who came: a session on a later day has not happened yet.
    if (dayIn(session.startsAt, country) > dayIn(now, country)) throw new AppError('CONFLICT');
    const active = await tx.select({ id: participants.id }).from(participants)
      .where(and(eq(participants.cohortId, session.cohortId), eq(participants.status, 'active')));
    const activeIds = new Set(active.map((p) => p.id));
    const records = new Map(input.records.map((r) => [r.participantId, r]));
    if ([...records.keys()].some((id) => !activeIds.has(id))) throw fieldError('records', 'field.invalid');
    await tx.insert(attendance)
      .values([...records.values()].map((r) => ({ tenantId: session.tenantId, sessionId: session.id, participantId: r.participantId, status: r.status, note: r.note, recordedBy: ctx.actor.userId, recordedAt: now })))
      .onConflictDoUpdate({
        target: [attendance.sessionId, attendance.participantId],
        set: { status: sql`excluded.status`, note: sql`excluded.note`, recordedBy: ctx.actor.userId, recordedAt: now },
      });
    await recordLeaderHours(tx, session, now);
    const tally = (status: string) => [...records.values()].filter((r) => r.status === status).length;
    await writeAudit(tx, { actor: ctx.actor, now }, {
      action: 'attendance.save',
      recordType: 'training_session',
      recordId: session.id,
      details: { cohortId: session.cohortId, present: tally('present'), absent: tally('absent'), excused: tally('excused') },
    });
    return session;
  });
  return rollOf(ctx.db, session);
}
