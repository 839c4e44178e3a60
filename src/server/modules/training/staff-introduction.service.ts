import { and, count, countDistinct, desc, eq, inArray, ne } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { notFound } from '../../lib/errors.ts';
import { randomToken, sha256Hex } from '../../lib/crypto.ts';
import type { StaffAttendeesBody, StaffAttendeesResult, UnitIntroductionView } from '../../../shared/contracts/recovery-college.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { normalizeEmail } from '../auth/auth.service.ts';
import { units } from '../tenants/tenants.tables.ts';
import { cohorts, courses, enrolmentAttendance, enrolments, trainingSessions } from './training.tables.ts';
import { assertCan } from './training.policy.ts';
import { enrolmentViewsOf, lockRun, nextQueueTime } from './enrolments.service.ts';

/**
 * Adds a unit's staff to its introduction training (seed 001: the staff of every unit that starts
 * with peer support get one). The team adds them; no e-mail goes out. An address already on the
 * run is left as it is, a cancelled one is put back.
 */
export async function addStaffAttendees(ctx: Ctx, cohortId: string, body: StaffAttendeesBody): Promise<StaffAttendeesResult> {
  assertCan(ctx.actor, 'training.manage');
  const now = ctx.now();
  const added = await ctx.db.transaction(async (tx) => {
    const run = await lockRun(tx, cohortId);
    if (!run || run.tenant.id !== ctx.actor.tenantId || run.course.kind !== 'staff_introduction') throw notFound();
    const people = new Map(body.people.map((p) => [normalizeEmail(p.email), p.name]));
    let n = 0;
    for (const [email, name] of people) {
      // Staff get no cancel link, but every enrolment carries a token (one shape for all runs).
      const token = randomToken();
      const inserted = await tx
        .insert(enrolments)
        .values({
          tenantId: run.tenant.id,
          cohortId,
          name,
          email,
          locale: ctx.actor.locale,
          status: 'enrolled',
          cancelTokenHash: sha256Hex(token),
          cancelTokenEncrypted: ctx.keyring.encrypt(token),
          createdAt: await nextQueueTime(tx, cohortId, now),
        })
        .onConflictDoUpdate({
          target: [enrolments.cohortId, enrolments.email],
          set: { name, status: 'enrolled', cancelledAt: null },
          setWhere: eq(enrolments.status, 'cancelled'),
        })
        .returning({ id: enrolments.id });
      n += inserted.length;
    }
    await writeAudit(tx, { actor: ctx.actor, now }, { action: 'staff_introduction.add_attendees', recordType: 'cohort', recordId: cohortId, unitId: run.cohort.unitId, details: { added: n } });
    return n;
  });
  return { added, items: await enrolmentViewsOf(ctx.db, cohortId) };
}

/** A unit's introduction trainings, newest first, with how many staff were added and attended. */
export async function findUnitIntroduction(ctx: Ctx, unitId: string): Promise<UnitIntroductionView> {
  assertCan(ctx.actor, 'training.manage');
  const [unit] = await ctx.db.select({ id: units.id, name: units.name }).from(units).where(and(eq(units.id, unitId), eq(units.tenantId, ctx.actor.tenantId)));
  if (!unit) throw notFound();
  const runs = await ctx.db
    .select({ cohort: cohorts, title: courses.title })
    .from(cohorts)
    .innerJoin(courses, eq(courses.id, cohorts.courseId))
    .where(and(eq(cohorts.unitId, unitId), eq(courses.kind, 'staff_introduction')))
    .orderBy(desc(cohorts.startsOn), desc(cohorts.id));
  const ids = runs.map((r) => r.cohort.id);
  const [sessionCounts, added, attended] = ids.length === 0 ? [[], [], []] : await Promise.all([
    ctx.db.select({ cohortId: trainingSessions.cohortId, n: count() }).from(trainingSessions).where(inArray(trainingSessions.cohortId, ids)).groupBy(trainingSessions.cohortId),
    ctx.db
      .select({ cohortId: enrolments.cohortId, n: count() })
      .from(enrolments)
      .where(and(inArray(enrolments.cohortId, ids), ne(enrolments.status, 'cancelled')))
      .groupBy(enrolments.cohortId),
    ctx.db
      .select({ cohortId: enrolments.cohortId, n: countDistinct(enrolments.id) })
      .from(enrolments)
      .innerJoin(enrolmentAttendance, and(eq(enrolmentAttendance.enrolmentId, enrolments.id), eq(enrolmentAttendance.status, 'present')))
      .where(inArray(enrolments.cohortId, ids))
      .groupBy(enrolments.cohortId),
  ]);
  const countIn = (rows: { cohortId: string; n: number }[], id: string) => rows.find((r) => r.cohortId === id)?.n ?? 0;
  const trainings = runs.map(({ cohort, title }) => ({
    cohortId: cohort.id,
    courseTitle: title,
    startsOn: cohort.startsOn,
    endsOn: cohort.endsOn,
    place: cohort.place,
    status: cohort.status,
    sessions: countIn(sessionCounts, cohort.id),
    staffAdded: countIn(added, cohort.id),
    staffAttended: countIn(attended, cohort.id),
  }));
  return { unit, trainings, isDone: trainings.some((t) => t.status !== 'cancelled' && t.staffAttended > 0) };
}
