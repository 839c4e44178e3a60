import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { fieldError, notFound } from '../../lib/errors.ts';
import type { CohortCreated, CohortDetail, CohortSummary, cohortBody, cohortPatch, cohortsQuery } from '../../../shared/contracts/training.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { intakes } from '../recruitment/recruitment.tables.ts';
import { units } from '../tenants/tenants.tables.ts';
import { assertCan } from './training.policy.ts';
import { isoWeekday, layOutSchedule } from './schedule.ts';
import { assertLeaders } from './sessions.service.ts';
import { findCohortRow, findCourseRow, listCohortSummaries, listParticipantViews, sessionsOfCohort, tenantOf, toSessionViews } from './training.repo.ts';
import { auditLivelihoodReads } from './placement.service.ts';
import { cohorts, trainingSessions } from './training.tables.ts';

type CohortsFilter = Omit<z.output<typeof cohortsQuery>, 'cursor' | 'limit'> & { limit: number; offset: number };

export async function findCohorts(ctx: Ctx, f: CohortsFilter): Promise<CohortSummary[]> {
  assertCan(ctx.actor, 'training.manage');
  return listCohortSummaries(ctx.db, ctx.actor.tenantId, f, ctx.now());
}

/** A cohort with its sessions and participants (with their attendance), for the training team. */
export async function getCohort(ctx: Ctx, id: string): Promise<CohortDetail> {
  assertCan(ctx.actor, 'training.manage');
  const [summary] = await listCohortSummaries(ctx.db, ctx.actor.tenantId, { id }, ctx.now());
  if (!summary) throw notFound();
  const sessions = await toSessionViews(ctx.db, await sessionsOfCohort(ctx.db, ctx.actor.tenantId, id));
  const participants = await auditLivelihoodReads(ctx, await listParticipantViews(ctx.db, ctx.actor.tenantId, { cohortId: id }, ctx.now()));
  return { ...summary, sessions, participants };
}

/** An intake or unit named in a body must be the tenant's own; another tenant's is as unknown as a made-up id. */
async function assertOwn(db: Db, tenantId: string, input: { intakeId?: string; unitId?: string }): Promise<void> {
  if (input.intakeId) {
    const [row] = await db.select({ id: intakes.id }).from(intakes).where(and(eq(intakes.tenantId, tenantId), eq(intakes.id, input.intakeId)));
    if (!row) throw fieldError('intakeId', 'field.invalid');
  }
  if (input.unitId) {
    const [row] = await db.select({ id: units.id }).from(units).where(and(eq(units.tenantId, tenantId), eq(units.id, input.unitId)));
    if (!row) throw fieldError('unitId', 'field.invalid');
  }
}

/**
 * Makes a cohort from its course's template and a start date: the sessions are laid out week by week
 * (public holidays of the tenant's country skipped and reported, or kept and flagged), then edited freely.
 */
export async function createCohort(ctx: Ctx, input: z.output<typeof cohortBody>): Promise<CohortCreated> {
  assertCan(ctx.actor, 'training.manage');
  // The template counts weeks from a Monday: a start on another day would shift every study week.
  if (isoWeekday(input.startsOn) !== 1) throw fieldError('startsOn', 'field.not_monday');
  const now = ctx.now();
  const { id, skippedHolidays } = await ctx.db.transaction(async (tx) => {
    const course = await findCourseRow(tx, ctx.actor.tenantId, input.courseId);
    if (!course) throw fieldError('courseId', 'field.invalid');
    await assertOwn(tx, ctx.actor.tenantId, input);
    await assertLeaders(tx, ctx.actor.tenantId, input.leaderUserIds);
    const tenant = await tenantOf(tx, ctx.actor.tenantId);
    const schedule = layOutSchedule(course.scheduleTemplate, input.startsOn, { country: tenant.country, locale: tenant.locale, keepHolidays: input.keepHolidays });
    const [cohort] = await tx.insert(cohorts).values({
      tenantId: ctx.actor.tenantId,
      courseId: course.id,
      title: input.title,
      startsOn: input.startsOn,
      endsOn: schedule.endsOn,
      place: input.place,
      intakeId: input.intakeId ?? null,
      unitId: input.unitId ?? null,
      capacity: input.capacity ?? null,
      leaders: input.leaders,
      createdAt: now,
    }).returning({ id: cohorts.id });
    const leaderUserIds = [...new Set(input.leaderUserIds)];
    if (schedule.sessions.length > 0) {
      await tx.insert(trainingSessions).values(schedule.sessions.map((s) => ({
        tenantId: ctx.actor.tenantId, cohortId: cohort!.id, ...s, place: input.place, topic: '', leaderUserIds, createdAt: now,
      })));
    }
    await writeAudit(tx, { actor: ctx.actor, now }, {
      action: 'cohort.create',
      recordType: 'cohort',
      recordId: cohort!.id,
      details: { courseId: course.id, sessions: schedule.sessions.length, skippedHolidays: schedule.skippedHolidays.length },
    });
    return { id: cohort!.id, skippedHolidays: schedule.skippedHolidays };
  });
  return { ...(await getCohort(ctx, id)), skippedHolidays };
}

export async function updateCohort(ctx: Ctx, id: string, input: z.output<typeof cohortPatch>): Promise<CohortDetail> {
  assertCan(ctx.actor, 'training.manage');
  await ctx.db.transaction(async (tx) => {
    const before = await findCohortRow(tx, ctx.actor.tenantId, id, 'update');
    if (!before) throw notFound();
    if ((input.endsOn ?? before.endsOn) < (input.startsOn ?? before.startsOn)) throw fieldError('endsOn', 'field.ends_before_start');
    await tx.update(cohorts).set(input).where(eq(cohorts.id, id));
    await writeAudit(tx, { actor: ctx.actor, now: ctx.now() }, {
      action: 'cohort.update',
      recordType: 'cohort',
      recordId: id,
      details: { fields: Object.keys(input), ...(input.status && input.status !== before.status ? { status: { from: before.status, to: input.status } } : {}) },
    });
  });
  return getCohort(ctx, id);
}
