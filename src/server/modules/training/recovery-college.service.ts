import { and, asc, count, eq, gte, inArray, ne } from 'drizzle-orm';
import type { Services } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { notFound } from '../../lib/errors.ts';
import type { Locale } from '../../../shared/i18n/locale.ts';
import type { PublicCourseView, PublicRunView } from '../../../shared/contracts/recovery-college.ts';
import { tenants } from '../tenants/tenants.tables.ts';
import { dayOf } from '../recruitment/recruitment.policy.ts';
import { cohorts, courses, enrolments, trainingSessions } from './training.tables.ts';
import { formatSessions, recoveryCollegeText, titleIn, type RecoveryCollegeTextKey } from './recovery-college.texts.ts';
import { dayIn, type Country } from './schedule.ts';

type CohortRow = typeof cohorts.$inferSelect;
type CourseRow = typeof courses.$inferSelect;
type SessionRow = typeof trainingSessions.$inferSelect;
type TenantOfRun = { id: string; name: string; slug: string; country: Country };

/** A run (cohort) with what the catalogue, the cancel page and every e-mail about it show. */
export type RunDetails = { cohort: CohortRow; course: CourseRow; tenant: TenantOfRun; sessions: SessionRow[] };

const tenantColumns = { id: tenants.id, name: tenants.name, slug: tenants.slug, country: tenants.country };

async function sessionsByCohort(db: Db, cohortIds: string[]): Promise<Map<string, SessionRow[]>> {
  const map = new Map<string, SessionRow[]>(cohortIds.map((id) => [id, []]));
  if (cohortIds.length === 0) return map;
  const rows = await db.select().from(trainingSessions).where(inArray(trainingSessions.cohortId, cohortIds)).orderBy(asc(trainingSessions.startsAt));
  for (const s of rows) map.get(s.cohortId)!.push(s);
  return map;
}

/** The run of a cohort, with its course, tenant and sessions; absent when it does not exist. */
export async function findRun(db: Db, cohortId: string): Promise<RunDetails | null> {
  const [row] = await db
    .select({ cohort: cohorts, course: courses, tenant: tenantColumns })
    .from(cohorts)
    .innerJoin(courses, eq(courses.id, cohorts.courseId))
    .innerJoin(tenants, eq(tenants.id, cohorts.tenantId))
    .where(eq(cohorts.id, cohortId));
  if (!row) return null;
  return { ...row, sessions: (await sessionsByCohort(db, [cohortId])).get(cohortId)! };
}

/** How many hold a place and how many wait, per run. */
export async function countsByCohort(db: Db, cohortIds: string[]): Promise<Map<string, { enrolled: number; waitlisted: number }>> {
  const map = new Map(cohortIds.map((id) => [id, { enrolled: 0, waitlisted: 0 }]));
  if (cohortIds.length === 0) return map;
  const rows = await db
    .select({ cohortId: enrolments.cohortId, status: enrolments.status, n: count() })
    .from(enrolments)
    .where(and(inArray(enrolments.cohortId, cohortIds), ne(enrolments.status, 'cancelled')))
    .groupBy(enrolments.cohortId, enrolments.status);
  for (const r of rows) {
    if (r.status !== 'cancelled') map.get(r.cohortId)![r.status] = r.n;
  }
  return map;
}

export const placesLeftOf = (capacity: number | null, enrolled: number): number | null => (capacity === null ? null : Math.max(0, capacity - enrolled));

/** A run is open for enrolment until the day it starts (where the tenant is), unless cancelled. */
export const isOpenForEnrolment = (run: RunDetails, now: Date): boolean => run.cohort.status !== 'cancelled' && run.cohort.startsOn >= dayIn(now, run.tenant.country);

export const publicSessionsOf = (sessions: SessionRow[]) =>
  sessions.map((s) => ({ startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString(), place: s.place }));

/**
 * The public catalogue: Recovery College courses with their upcoming runs (not cancelled, starting
 * today or later), soonest first; one organisation's when `filter.tenantSlug` is given.
 */
async function findCatalogue(svc: Services, filter: { tenantSlug?: string; courseId?: string }): Promise<PublicCourseView[]> {
  // Across tenants, "today" is the programs' day: Sweden and Denmark share the time zone.
  const where = [eq(courses.kind, 'recovery_college'), ne(cohorts.status, 'cancelled'), gte(cohorts.startsOn, dayOf(svc.now()))];
  if (filter.tenantSlug) where.push(eq(tenants.slug, filter.tenantSlug));
  if (filter.courseId) where.push(eq(courses.id, filter.courseId));
  const rows = await svc.db
    .select({ cohort: cohorts, course: courses, tenant: tenantColumns })
    .from(cohorts)
    .innerJoin(courses, eq(courses.id, cohorts.courseId))
    .innerJoin(tenants, eq(tenants.id, cohorts.tenantId))
    .where(and(...where))
    .orderBy(asc(cohorts.startsOn), asc(cohorts.id));
  const ids = rows.map((r) => r.cohort.id);
  const [sessions, counts] = await Promise.all([sessionsByCohort(svc.db, ids), countsByCohort(svc.db, ids)]);
  const byCourse = new Map<string, PublicCourseView>();
  for (const { cohort, course, tenant } of rows) {
    const view = byCourse.get(course.id) ?? courseViewOf(course, tenant);
    byCourse.set(course.id, view);
    const c = counts.get(cohort.id)!;
    view.runs.push(runViewOf(cohort, sessions.get(cohort.id)!, c));
  }
  return [...byCourse.values()];
}

const courseViewOf = (course: CourseRow, tenant: TenantOfRun): PublicCourseView => ({
  id: course.id,
  tenantSlug: tenant.slug,
  tenantName: tenant.name,
  title: course.title,
  description: course.description,
  runs: [],
});

const runViewOf = (cohort: CohortRow, sessions: SessionRow[], c: { enrolled: number; waitlisted: number }): PublicRunView => ({
  id: cohort.id,
  startsOn: cohort.startsOn,
  endsOn: cohort.endsOn,
  place: cohort.place,
  sessions: publicSessionsOf(sessions),
  // Only what the catalogue shows: a leader's user id stays inside.
  leaders: cohort.leaders.map((l) => ({ name: l.name, livedExperience: l.livedExperience })),
  capacity: cohort.capacity,
  placesLeft: placesLeftOf(cohort.capacity, c.enrolled),
  waitingListLength: c.waitlisted,
});

export const findPublicCourses = (svc: Services, tenantSlug?: string) => findCatalogue(svc, { tenantSlug });

/** One Recovery College course with its upcoming runs (none, when none is planned). */
export async function getPublicCourse(svc: Services, courseId: string): Promise<PublicCourseView> {
  const [found] = await findCatalogue(svc, { courseId });
  if (found) return found;
  const [row] = await svc.db
    .select({ course: courses, tenant: tenantColumns })
    .from(courses)
    .innerJoin(tenants, eq(tenants.id, courses.tenantId))
    .where(and(eq(courses.id, courseId), eq(courses.kind, 'recovery_college')));
  if (!row) throw notFound();
  return courseViewOf(row.course, row.tenant);
}

export const cancelUrlOf = (publicOrigin: string, token: string) => `${publicOrigin}/recovery-college/cancel#${token}`;

export type EnrolmentMailKind = 'enrolled' | 'waitlisted' | 'already' | 'promoted' | 'reminder' | 'cancelled';

/** E-mails someone about their enrolment in a run, in their language, with the cancel link. */
export async function mailEnrolment(
  tx: Db,
  svc: Services,
  run: RunDetails,
  person: { email: string; name: string; locale: Locale; cancelTokenEncrypted: string },
  kind: EnrolmentMailKind,
  position?: number,
): Promise<void> {
  const { locale } = person;
  const sessions = run.sessions.length > 0 ? formatSessions(locale, run.tenant.country, run.sessions) : `– ${run.cohort.startsOn} – ${run.cohort.endsOn}`;
  const params = {
    name: person.name,
    course: titleIn(locale, run.course.title),
    sessions,
    place: run.cohort.place,
    position: position ?? '',
    link: cancelUrlOf(svc.config.publicOrigin, svc.keyring.decrypt(person.cancelTokenEncrypted)),
  };
  await svc.mailer.enqueue(tx, {
    tenantId: run.tenant.id,
    to: person.email,
    subject: recoveryCollegeText(locale, `mail.${kind}.subject` as RecoveryCollegeTextKey, params),
    text: recoveryCollegeText(locale, `mail.${kind}.body` as RecoveryCollegeTextKey, params),
  });
}
