import crypto from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../context.ts';
import { fieldError, notFound } from '../../lib/errors.ts';
import type { FunnelView, IntakeView, intakeBody } from '../../../shared/contracts/recruitment.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { defaultCriteria, defaultQuestions } from './intake-defaults.ts';
import { assertCan, dayOf, daysBetween } from './recruitment.policy.ts';
import { countInterviewed, countReviewed, interviewToDecisionTimes, pipelineCountsOf } from './applications.repo.ts';
import { intakes } from './recruitment.tables.ts';

type IntakeRow = typeof intakes.$inferSelect;
type IntakeInput = z.output<typeof intakeBody>;
type IntakeChanges = Partial<IntakeInput>;

export function intakeDefaults(ctx: Ctx) {
  assertCan(ctx.actor, 'intakes.manage');
  return { criteria: [...defaultCriteria], questions: [...defaultQuestions] };
}

function toView(row: IntakeRow, pipeline: { counts: IntakeView['counts']; overdue: number }, now: Date): IntakeView {
  return {
    id: row.id,
    title: row.title,
    courseName: row.courseName,
    description: row.description,
    tracks: row.tracks,
    deadline: row.deadline.toISOString(),
    places: row.places,
    criteria: row.criteria,
    questions: row.questions,
    decisionDays: row.decisionDays,
    retentionMonths: row.retentionMonths,
    status: row.status,
    isOpen: row.status === 'open' && row.deadline > now,
    createdAt: row.createdAt.toISOString(),
    counts: pipeline.counts,
    overdueDecisions: pipeline.overdue,
  };
}

async function viewsOf(ctx: Ctx, rows: IntakeRow[]): Promise<IntakeView[]> {
  const now = ctx.now();
  const pipelines = await pipelineCountsOf(ctx.db, ctx.actor.tenantId, rows.map((r) => r.id), now);
  return rows.map((r) => toView(r, pipelines.get(r.id)!, now));
}

async function getIntakeRow(ctx: Ctx, id: string): Promise<IntakeRow> {
  const [row] = await ctx.db.select().from(intakes).where(and(eq(intakes.id, id), eq(intakes.tenantId, ctx.actor.tenantId)));
  if (!row) throw notFound();
  return row;
}

/** The tenant's intakes, the latest deadline first, each with its pipeline counts. */
export async function findIntakes(ctx: Ctx, page: { status?: IntakeRow['status']; limit: number; offset: number }): Promise<IntakeView[]> {
  assertCan(ctx.actor, 'applications.read');
  const where = [eq(intakes.tenantId, ctx.actor.tenantId)];
  if (page.status) where.push(eq(intakes.status, page.status));
  const rows = await ctx.db.select().from(intakes).where(and(...where)).orderBy(desc(intakes.deadline), desc(intakes.id)).limit(page.limit + 1).offset(page.offset);
  return viewsOf(ctx, rows);
}

export async function getIntake(ctx: Ctx, id: string): Promise<IntakeView> {
  assertCan(ctx.actor, 'applications.read');
  return (await viewsOf(ctx, [await getIntakeRow(ctx, id)]))[0]!;
}

/** Items the team adds get an id; edited items keep theirs, so assessments stay attached. */
function withIds<T extends { id?: string }>(items: T[], field: string, prefix: string): (T & { id: string })[] {
  const out = items.map((item) => ({ ...item, id: item.id ?? `${prefix}-${crypto.randomBytes(4).toString('hex')}` }));
  if (new Set(out.map((i) => i.id)).size !== out.length) throw fieldError(field, 'field.invalid');
  return out;
}

// Opening an intake whose deadline has passed would publish a form nobody can send.
function assertDeadlineAhead(status: IntakeRow['status'], deadline: Date, now: Date): void {
  if (status === 'open' && deadline <= now) throw fieldError('deadline', 'field.invalid');
}

export async function createIntake(ctx: Ctx, input: IntakeInput): Promise<IntakeView> {
  assertCan(ctx.actor, 'intakes.manage');
  const now = ctx.now();
  const deadline = new Date(input.deadline);
  assertDeadlineAhead(input.status, deadline, now);
  const values = {
    ...input,
    tenantId: ctx.actor.tenantId,
    tracks: [...new Set(input.tracks)],
    deadline,
    criteria: withIds(input.criteria, 'criteria', 'c'),
    questions: withIds(input.questions, 'questions', 'q'),
    createdBy: ctx.actor.userId,
    createdAt: now,
    updatedAt: now,
  };
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(intakes).values(values).returning({ id: intakes.id });
    await writeAudit(tx, { actor: ctx.actor, now }, { action: 'intake.create', recordType: 'intake', recordId: row!.id, details: { status: input.status } });
    return row!.id;
  });
  return getIntake(ctx, id);
}

export async function updateIntake(ctx: Ctx, id: string, changes: IntakeChanges): Promise<IntakeView> {
  assertCan(ctx.actor, 'intakes.manage');
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const before = await getIntakeRow({ ...ctx, db: tx }, id);
    const { deadline, tracks, criteria, questions, ...rest } = changes;
    const set: Partial<typeof intakes.$inferInsert> = { ...rest, updatedAt: now };
    if (deadline !== undefined) set.deadline = new Date(deadline);
    if (tracks) set.tracks = [...new Set(tracks)];
    if (criteria) set.criteria = withIds(criteria, 'criteria', 'c');
    if (questions) set.questions = withIds(questions, 'questions', 'q');
    if (deadline !== undefined || changes.status === 'open') assertDeadlineAhead(set.status ?? before.status, set.deadline ?? before.deadline, now);
    await tx.update(intakes).set(set).where(eq(intakes.id, id));
    await writeAudit(tx, { actor: ctx.actor, now }, { action: 'intake.update', recordType: 'intake', recordId: id, details: { fields: Object.keys(changes) } });
  });
  return getIntake(ctx, id);
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** How an intake's applicants moved through selection, and how long decisions took after interviews. */
export async function funnelOf(ctx: Ctx, id: string): Promise<FunnelView> {
  assertCan(ctx.actor, 'applications.read');
  const intake = await getIntake(ctx, id);
  const times = await interviewToDecisionTimes(ctx.db, id);
  const applied = Object.values(intake.counts).reduce((a, b) => a + b, 0);
  return {
    applied,
    reviewed: await countReviewed(ctx.db, id),
    interviewed: await countInterviewed(ctx.db, id),
    admitted: intake.counts.admitted,
    waitlisted: intake.counts.waitlisted,
    notAdmitted: intake.counts.not_admitted,
    withdrawn: intake.counts.withdrawn,
    medianDaysInterviewToDecision: median(times.map((t) => daysBetween(dayOf(t.interviewAt), dayOf(t.decidedAt!)))),
    overdueDecisions: intake.overdueDecisions,
  };
}
