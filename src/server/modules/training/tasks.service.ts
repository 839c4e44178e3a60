import { and, asc, count, eq, ne } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { AppError, fieldError, notFound } from '../../lib/errors.ts';
import type { ReflectionTaskBody, ReflectionTaskPatch, ReflectionTaskView } from '../../../shared/contracts/training-work.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { assertCan } from './training.policy.ts';
import { getCohortWithCourse, weekKindOf, type CourseRow } from './training-work.repo.ts';
import { participants, reflectionTasks, taskSubmissions } from './training.tables.ts';

type TaskRow = typeof reflectionTasks.$inferSelect;

/** A task of the tenant's; another tenant's is not found. */
export async function getTask(db: Db, tenantId: string, id: string): Promise<TaskRow> {
  const [task] = await db.select().from(reflectionTasks).where(and(eq(reflectionTasks.id, id), eq(reflectionTasks.tenantId, tenantId)));
  if (!task) throw notFound();
  return task;
}

// Homework belongs to the weeks for reflection, recovery and homework (seed 002), not the study weeks.
function assertReflectionWeek(course: CourseRow, week: number): void {
  if (weekKindOf(course, week) !== 'reflection') throw fieldError('week', 'field.invalid_value');
}

async function viewsOf(db: Db, cohortId: string, tasks: TaskRow[]): Promise<ReflectionTaskView[]> {
  // Interrupted participants no longer hand in: they are left out of both counts.
  const stillIn = and(eq(participants.cohortId, cohortId), ne(participants.status, 'interrupted'));
  const [people] = await db.select({ n: count() }).from(participants).where(stillIn);
  const handedIn = await db
    .select({ taskId: taskSubmissions.taskId, n: count() })
    .from(taskSubmissions)
    .innerJoin(participants, eq(participants.id, taskSubmissions.participantId))
    .where(stillIn)
    .groupBy(taskSubmissions.taskId);
  const countOf = new Map(handedIn.map((r) => [r.taskId, Number(r.n)]));
  return tasks.map((t) => ({
    id: t.id,
    cohortId: t.cohortId,
    week: t.week,
    title: t.title,
    instructions: t.instructions,
    dueOn: t.dueOn,
    submittedCount: countOf.get(t.id) ?? 0,
    participantCount: Number(people?.n ?? 0),
    createdAt: t.createdAt.toISOString(),
  }));
}

export async function findTasks(ctx: Ctx, cohortId: string): Promise<ReflectionTaskView[]> {
  assertCan(ctx.actor, 'training.manage');
  await getCohortWithCourse(ctx.db, ctx.actor.tenantId, cohortId);
  const tasks = await ctx.db.select().from(reflectionTasks).where(eq(reflectionTasks.cohortId, cohortId)).orderBy(asc(reflectionTasks.dueOn), asc(reflectionTasks.createdAt));
  return viewsOf(ctx.db, cohortId, tasks);
}

export async function readTask(ctx: Ctx, id: string): Promise<ReflectionTaskView> {
  assertCan(ctx.actor, 'training.manage');
  const task = await getTask(ctx.db, ctx.actor.tenantId, id);
  const [view] = await viewsOf(ctx.db, task.cohortId, [task]);
  return view!;
}

export async function createTask(ctx: Ctx, input: ReflectionTaskBody): Promise<ReflectionTaskView> {
  assertCan(ctx.actor, 'training.manage');
  const now = ctx.now();
  const { course } = await getCohortWithCourse(ctx.db, ctx.actor.tenantId, input.cohortId);
  assertReflectionWeek(course, input.week);
  const id = await ctx.db.transaction(async (tx) => {
    const [task] = await tx
      .insert(reflectionTasks)
      .values({ tenantId: ctx.actor.tenantId, cohortId: input.cohortId, week: input.week, title: input.title, instructions: input.instructions ?? '', dueOn: input.dueOn, createdAt: now })
      .returning({ id: reflectionTasks.id });
    await writeAudit(tx, { actor: ctx.actor, now }, { action: 'reflection_task.create', recordType: 'reflection_task', recordId: task!.id, details: { cohortId: input.cohortId, week: input.week } });
    return task!.id;
  });
  return readTask(ctx, id);
}

export async function updateTask(ctx: Ctx, id: string, patch: ReflectionTaskPatch): Promise<ReflectionTaskView> {
  assertCan(ctx.actor, 'training.manage');
  const now = ctx.now();
  const task = await getTask(ctx.db, ctx.actor.tenantId, id);
  if (patch.week !== undefined) {
    const { course } = await getCohortWithCourse(ctx.db, ctx.actor.tenantId, task.cohortId);
    assertReflectionWeek(course, patch.week);
  }
  await ctx.db.transaction(async (tx) => {
    await tx.update(reflectionTasks).set(patch).where(eq(reflectionTasks.id, id));
    await writeAudit(tx, { actor: ctx.actor, now }, { action: 'reflection_task.update', recordType: 'reflection_task', recordId: id, details: { fields: Object.keys(patch) } });
  });
  return readTask(ctx, id);
}

/** A task with hand-ins stays: deleting it would delete what participants wrote. */
export async function deleteTask(ctx: Ctx, id: string): Promise<void> {
  assertCan(ctx.actor, 'training.manage');
  const now = ctx.now();
  await getTask(ctx.db, ctx.actor.tenantId, id);
  await ctx.db.transaction(async (tx) => {
    const [handedIn] = await tx.select({ n: count() }).from(taskSubmissions).where(eq(taskSubmissions.taskId, id));
    if (Number(handedIn?.n ?? 0) > 0) throw new AppError('CONFLICT');
    await tx.delete(reflectionTasks).where(eq(reflectionTasks.id, id));
    await writeAudit(tx, { actor: ctx.actor, now }, { action: 'reflection_task.delete', recordType: 'reflection_task', recordId: id });
  });
}
