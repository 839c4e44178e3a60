import { and, asc, eq, ilike, inArray, isNotNull, isNull, lte, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { ApplicationStage, Track } from '../../../shared/contracts/recruitment.ts';
import { applicationStages } from '../../../shared/contracts/recruitment.ts';
import { persons } from '../persons/persons.tables.ts';
import { users } from '../users/users.tables.ts';
import { escapeLike } from '../users/users.repo.ts';
import { finalStages } from './application-stages.ts';
import { PROGRAM_TIME_ZONE, dayOf } from './recruitment.policy.ts';
import {
  applicationEvents,
  applicationFiles,
  applicationReviews,
  applications,
  intakes,
  interviews,
  interviewScores,
  interviewSlots,
} from './recruitment.tables.ts';

const zone = sql.raw(`'${PROGRAM_TIME_ZONE}'`);

/**
 * Interviewed (the slot has started) and still without a decision after the promised number of
 * days: SQL twin of `decisionDueOn`, for the `overdue` filter and the counts.
 */
function overdueWhere(now: Date): SQL {
  return and(
    notInArray(applications.stage, [...finalStages]),
    isNull(applications.decision),
    lte(interviewSlots.startsAt, now),
    sql`((${interviewSlots.startsAt} at time zone ${zone})::date + ${intakes.decisionDays}) < ${dayOf(now)}::date`,
  )!;
}

const submittedReviews = sql<number>`(select count(*)::int from ${applicationReviews} where ${applicationReviews.applicationId} = ${applications.id} and ${applicationReviews.submittedAt} is not null)`;

function summaryQuery(db: Db, userId: string) {
  return db
    .select({
      id: applications.id,
      intakeId: applications.intakeId,
      intakeTitle: intakes.title,
      decisionDays: intakes.decisionDays,
      reference: applications.reference,
      name: persons.fullName,
      email: applications.email,
      municipality: applications.municipality,
      track: applications.track,
      stage: applications.stage,
      submittedAt: applications.submittedAt,
      decision: applications.decision,
      interviewAt: interviewSlots.startsAt,
      reviewsSubmitted: submittedReviews,
      myReviewSubmitted: sql<boolean>`exists (select 1 from ${applicationReviews} where ${applicationReviews.applicationId} = ${applications.id} and ${applicationReviews.reviewerUserId} = ${userId} and ${applicationReviews.submittedAt} is not null)`,
    })
    .from(applications)
    .innerJoin(persons, eq(persons.id, applications.personId))
    .innerJoin(intakes, eq(intakes.id, applications.intakeId))
    .leftJoin(interviews, eq(interviews.applicationId, applications.id))
    .leftJoin(interviewSlots, eq(interviewSlots.id, interviews.slotId))
    .$dynamic();
}

export type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>['execute']>>[number];

export type ApplicationFilter = {
  intakeId?: string;
  stage?: ApplicationStage;
  track?: Track;
  overdue?: boolean;
  q?: string;
  limit: number;
  offset: number;
};

export async function listSummaryRows(db: Db, tenantId: string, userId: string, f: ApplicationFilter, now: Date): Promise<SummaryRow[]> {
  const where: SQL[] = [eq(applications.tenantId, tenantId)];
  if (f.intakeId) where.push(eq(applications.intakeId, f.intakeId));
  if (f.stage) where.push(eq(applications.stage, f.stage));
  if (f.track) where.push(eq(applications.track, f.track));
  if (f.overdue !== undefined) where.push(f.overdue ? overdueWhere(now) : sql`not coalesce((${overdueWhere(now)}), false)`);
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    where.push(or(ilike(persons.fullName, like), ilike(applications.email, like), ilike(applications.reference, like), ilike(applications.municipality, like))!);
  }
  return summaryQuery(db, userId)
    .where(and(...where))
    .orderBy(asc(applications.submittedAt), asc(applications.id))
    .limit(f.limit + 1)
    .offset(f.offset);
}

export async function findSummaryRow(db: Db, tenantId: string, userId: string, id: string): Promise<SummaryRow | undefined> {
  const [row] = await summaryQuery(db, userId).where(and(eq(applications.tenantId, tenantId), eq(applications.id, id)));
  return row;
}

/** The application with its person and intake; another tenant's is simply not there. */
/** `lock`: inside a change, hold the application row so a concurrent change (the applicant withdrawing) waits. */
export async function findApplicationInTenant(db: Db, tenantId: string, id: string, lock = false) {
  const query = db
    .select({ app: applications, person: { fullName: persons.fullName, phone: persons.phone }, intake: intakes })
    .from(applications)
    .innerJoin(persons, eq(persons.id, applications.personId))
    .innerJoin(intakes, eq(intakes.id, applications.intakeId))
    .where(and(eq(applications.tenantId, tenantId), eq(applications.id, id)))
    .$dynamic();
  const [row] = await (lock ? query.for('update', { of: applications }) : query);
  return row;
}

export type ApplicationRecord = NonNullable<Awaited<ReturnType<typeof findApplicationInTenant>>>;

export async function timelineOf(db: Db, applicationId: string) {
  const rows = await db
    .select({ stage: applicationEvents.toStage, at: applicationEvents.at })
    .from(applicationEvents)
    .where(eq(applicationEvents.applicationId, applicationId));
  // Steps in the same instant (a fixed clock, or one request) keep the pipeline's order.
  const rank = (r: (typeof rows)[number]) => r.at.getTime() * 10 + applicationStages.indexOf(r.stage);
  return rows.sort((a, b) => rank(a) - rank(b)).map((r) => ({ stage: r.stage, at: r.at.toISOString() }));
}

export async function letterFileOf(db: Db, applicationId: string) {
  const [file] = await db
    .select()
    .from(applicationFiles)
    .where(eq(applicationFiles.applicationId, applicationId))
    .orderBy(sql`${applicationFiles.createdAt} desc`)
    .limit(1);
  return file;
}

export async function reviewsOf(db: Db, applicationId: string) {
  return db
    .select({ review: applicationReviews, reviewerName: users.name })
    .from(applicationReviews)
    .innerJoin(users, eq(users.id, applicationReviews.reviewerUserId))
    .where(eq(applicationReviews.applicationId, applicationId))
    .orderBy(asc(applicationReviews.submittedAt), asc(applicationReviews.id));
}

export async function interviewOf(db: Db, applicationId: string) {
  const [row] = await db
    .select({ interview: interviews, slot: interviewSlots })
    .from(interviews)
    .innerJoin(interviewSlots, eq(interviewSlots.id, interviews.slotId))
    .where(eq(interviews.applicationId, applicationId));
  if (!row) return null;
  const ids = row.slot.interviewerUserIds;
  const interviewers = ids.length ? await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids)) : [];
  const scores = await db
    .select({ score: interviewScores, interviewerName: users.name })
    .from(interviewScores)
    .innerJoin(users, eq(users.id, interviewScores.interviewerUserId))
    .where(eq(interviewScores.interviewId, row.interview.id))
    .orderBy(asc(interviewScores.submittedAt), asc(interviewScores.id));
  return { ...row, interviewers, scores };
}

export async function userNameOf(db: Db, id: string | null): Promise<string | null> {
  if (!id) return null;
  const [u] = await db.select({ name: users.name }).from(users).where(eq(users.id, id));
  return u?.name ?? null;
}

const emptyCounts = () => Object.fromEntries(applicationStages.map((s) => [s, 0])) as Record<ApplicationStage, number>;

/** Per intake: how many applications in each stage, and how many decisions are overdue. */
export async function pipelineCountsOf(db: Db, tenantId: string, intakeIds: string[], now: Date) {
  const result = new Map<string, { counts: Record<ApplicationStage, number>; overdue: number }>(
    intakeIds.map((id) => [id, { counts: emptyCounts(), overdue: 0 }]),
  );
  if (intakeIds.length === 0) return result;
  const stageRows = await db
    .select({ intakeId: applications.intakeId, stage: applications.stage, n: sql<number>`count(*)::int` })
    .from(applications)
    .where(and(eq(applications.tenantId, tenantId), inArray(applications.intakeId, intakeIds)))
    .groupBy(applications.intakeId, applications.stage);
  for (const r of stageRows) result.get(r.intakeId)!.counts[r.stage] = r.n;
  const overdueRows = await db
    .select({ intakeId: applications.intakeId, n: sql<number>`count(*)::int` })
    .from(applications)
    .innerJoin(intakes, eq(intakes.id, applications.intakeId))
    .innerJoin(interviews, eq(interviews.applicationId, applications.id))
    .innerJoin(interviewSlots, eq(interviewSlots.id, interviews.slotId))
    .where(and(eq(applications.tenantId, tenantId), inArray(applications.intakeId, intakeIds), overdueWhere(now)))
    .groupBy(applications.intakeId);
  for (const r of overdueRows) result.get(r.intakeId)!.overdue = r.n;
  return result;
}

/** Applications assessed by at least two reviewers: the seed's "each judged by two, alone". */
export async function countReviewed(db: Db, intakeId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(applications)
    .where(and(eq(applications.intakeId, intakeId), sql`${submittedReviews} >= 2`));
  return row?.n ?? 0;
}

const reachedInterviewed = sql`exists (select 1 from ${applicationEvents} where ${applicationEvents.applicationId} = ${applications.id} and ${applicationEvents.toStage} = 'interviewed')`;

export async function countInterviewed(db: Db, intakeId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(applications).where(and(eq(applications.intakeId, intakeId), reachedInterviewed));
  return row?.n ?? 0;
}

/** Interview start and decision time of each decided, interviewed application of an intake. */
export async function interviewToDecisionTimes(db: Db, intakeId: string) {
  return db
    .select({ interviewAt: interviewSlots.startsAt, decidedAt: applications.decidedAt })
    .from(applications)
    .innerJoin(interviews, eq(interviews.applicationId, applications.id))
    .innerJoin(interviewSlots, eq(interviewSlots.id, interviews.slotId))
    .where(and(eq(applications.intakeId, intakeId), isNotNull(applications.decidedAt), reachedInterviewed));
}
