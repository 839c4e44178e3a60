import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { AppError, fieldError, forbidden, notFound } from '../../lib/errors.ts';
import { can } from '../../../shared/permissions.ts';
import type { EnrolmentAttendanceBody, EnrolmentAttendanceView } from '../../../shared/contracts/recovery-college.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { tenants } from '../tenants/tenants.tables.ts';
import { cohorts, courses, enrolmentAttendance, enrolments, trainingSessions } from './training.tables.ts';
import { assertCan } from './training.policy.ts';
import { isNotErased } from './recovery-college.retention.ts';
import { recordLeaderHours } from './attendance.service.ts';
import { dayIn } from './schedule.ts';

type SessionRow = typeof trainingSessions.$inferSelect;

/**
 * A session of a Recovery College run or a staff introduction, of the actor's tenant, that the
 * actor may take attendance for: the training team always, a course leader only for the sessions
 * they lead. Peer training sessions take attendance by participant, elsewhere.
 */
async function getSessionToTake(ctx: Ctx, sessionId: string) {
  assertCan(ctx.actor, 'training.lead');
  const [row] = await ctx.db
    .select({ session: trainingSessions, kind: courses.kind, country: tenants.country })
    .from(trainingSessions)
    .innerJoin(cohorts, eq(cohorts.id, trainingSessions.cohortId))
    .innerJoin(courses, eq(courses.id, cohorts.courseId))
    .innerJoin(tenants, eq(tenants.id, trainingSessions.tenantId))
    .where(and(eq(trainingSessions.id, sessionId), eq(trainingSessions.tenantId, ctx.actor.tenantId)));
  if (!row || row.kind === 'peer_training') throw notFound();
  if (!can(ctx.actor.roles, 'training.manage') && !row.session.leaderUserIds.includes(ctx.actor.userId)) throw forbidden();
  return row;
}

async function attendanceViewOf(db: Db, session: SessionRow): Promise<EnrolmentAttendanceView> {
  const rows = await db
    .select({ id: enrolments.id, name: enrolments.name, status: enrolmentAttendance.status })
    .from(enrolments)
    .leftJoin(enrolmentAttendance, and(eq(enrolmentAttendance.enrolmentId, enrolments.id), eq(enrolmentAttendance.sessionId, session.id)))
    // Those holding a place, and anyone already marked who has since cancelled (their record stays).
    .where(and(eq(enrolments.cohortId, session.cohortId), isNotErased, or(eq(enrolments.status, 'enrolled'), sql`${enrolmentAttendance.id} is not null`)))
    .orderBy(asc(enrolments.name), asc(enrolments.id));
  return {
    session: { id: session.id, cohortId: session.cohortId, startsAt: session.startsAt.toISOString(), endsAt: session.endsAt.toISOString(), place: session.place, topic: session.topic },
    records: rows.map((r) => ({ enrolmentId: r.id, name: r.name, status: r.status })),
  };
}

export async function findEnrolmentAttendance(ctx: Ctx, sessionId: string): Promise<EnrolmentAttendanceView> {
  return attendanceViewOf(ctx.db, (await getSessionToTake(ctx, sessionId)).session);
}

/**
 * Saves attendance for a session (a record per person, changed in place when taken again) and
 * records the session's hours for each leader who is a peer, as for a cohort: a peer's hours as
 * course leader are the basis of their fee.
 */
export async function saveEnrolmentAttendance(ctx: Ctx, body: EnrolmentAttendanceBody): Promise<EnrolmentAttendanceView> {
  const { session, country } = await getSessionToTake(ctx, body.sessionId);
  const now = ctx.now();
  // Attendance says who came, and a leader's hours are paid: a session on a later day has not happened.
  if (dayIn(session.startsAt, country) > dayIn(now, country)) throw new AppError('CONFLICT');
  await ctx.db.transaction(async (tx) => {
    const ids = [...new Set(body.records.map((r) => r.enrolmentId))];
    const known = await tx
      .select({ id: enrolments.id })
      .from(enrolments)
      .where(and(inArray(enrolments.id, ids), eq(enrolments.cohortId, session.cohortId), isNotErased));
    if (known.length !== ids.length) throw fieldError('records', 'field.invalid');
    for (const r of body.records) {
      await tx
        .insert(enrolmentAttendance)
        .values({ tenantId: session.tenantId, sessionId: session.id, enrolmentId: r.enrolmentId, status: r.status, recordedBy: ctx.actor.userId, recordedAt: now })
        .onConflictDoUpdate({ target: [enrolmentAttendance.sessionId, enrolmentAttendance.enrolmentId], set: { status: r.status, recordedBy: ctx.actor.userId, recordedAt: now } });
    }
    await recordLeaderHours(tx, session, now);
    await writeAudit(tx, { actor: ctx.actor, now }, {
      action: 'enrolment_attendance.save',
      recordType: 'training_session',
      recordId: session.id,
      details: { cohortId: session.cohortId, records: body.records.length },
    });
  });
  return attendanceViewOf(ctx.db, session);
}
