import { and, asc, count, eq, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../context.ts';
import { fieldError, notFound } from '../../lib/errors.ts';
import type { CourseKind, CourseView, ScheduleTemplate, courseBody, coursePatch } from '../../../shared/contracts/training.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { assertCan } from './training.policy.ts';
import { templateProblem } from './schedule.ts';
import { findCourseRow, type CourseRow } from './training.repo.ts';
import { cohorts, courses } from './training.tables.ts';

const toView = (c: CourseRow, cohortCountValue: number): CourseView => ({
  id: c.id,
  kind: c.kind,
  title: c.title,
  description: c.description,
  scheduleTemplate: c.scheduleTemplate,
  completion: c.completion,
  cohortCount: cohortCountValue,
  createdAt: c.createdAt.toISOString(),
});

function assertTemplate(template: ScheduleTemplate | undefined): void {
  const problem = template && templateProblem(template);
  if (problem) throw fieldError('scheduleTemplate', problem === 'ends_before_start' ? 'field.ends_before_start' : 'field.invalid');
}

export async function findCourses(ctx: Ctx, f: { kind?: CourseKind; limit: number; offset: number }): Promise<CourseView[]> {
  assertCan(ctx.actor, 'training.manage');
  const where: SQL[] = [eq(courses.tenantId, ctx.actor.tenantId)];
  if (f.kind) where.push(eq(courses.kind, f.kind));
  const rows = await ctx.db.select({ course: courses, cohortCount: count(cohorts.id) }).from(courses)
    .leftJoin(cohorts, eq(cohorts.courseId, courses.id)).where(and(...where)).groupBy(courses.id)
    .orderBy(asc(courses.kind), asc(courses.createdAt), asc(courses.id)).limit(f.limit + 1).offset(f.offset);
  return rows.map((r) => toView(r.course, r.cohortCount));
}

export async function getCourse(ctx: Ctx, id: string): Promise<CourseView> {
  assertCan(ctx.actor, 'training.manage');
  const row = await findCourseRow(ctx.db, ctx.actor.tenantId, id);
  if (!row) throw notFound();
  const [n] = await ctx.db.select({ n: count() }).from(cohorts).where(eq(cohorts.courseId, id));
  return toView(row, n?.n ?? 0);
}

export async function createCourse(ctx: Ctx, input: z.output<typeof courseBody>): Promise<CourseView> {
  assertCan(ctx.actor, 'training.manage');
  assertTemplate(input.scheduleTemplate);
  const now = ctx.now();
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(courses).values({ tenantId: ctx.actor.tenantId, ...input, createdAt: now }).returning({ id: courses.id });
    await writeAudit(tx, { actor: ctx.actor, now }, { action: 'course.create', recordType: 'course', recordId: row!.id, details: { kind: input.kind } });
    return row!.id;
  });
  return getCourse(ctx, id);
}

export async function updateCourse(ctx: Ctx, id: string, input: z.output<typeof coursePatch>): Promise<CourseView> {
  assertCan(ctx.actor, 'training.manage');
  assertTemplate(input.scheduleTemplate);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.update(courses).set(input).where(and(eq(courses.tenantId, ctx.actor.tenantId), eq(courses.id, id))).returning({ id: courses.id });
    if (!row) throw notFound();
    await writeAudit(tx, { actor: ctx.actor, now: ctx.now() }, { action: 'course.update', recordType: 'course', recordId: id, details: { fields: Object.keys(input) } });
  });
  return getCourse(ctx, id);
}
