import { and, asc, count, eq, inArray, lte, max, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { LocalizedText } from '../../../shared/contracts/recruitment.ts';
import type { AttendanceSummary, CohortSummary, LeaderOption, ParticipantView, SessionView } from '../../../shared/contracts/training.ts';
import type { Locale } from '../../../shared/i18n/locale.ts';
import { persons } from '../persons/persons.tables.ts';
import { tenants } from '../tenants/tenants.tables.ts';
import { userRoles, users } from '../users/users.tables.ts';
import { attendance, cohorts, courses, enrolments, participants, trainingSessions } from './training.tables.ts';
import type { Country } from './schedule.ts';

export type CourseRow = typeof courses.$inferSelect;
export type CohortRow = typeof cohorts.$inferSelect;
export type SessionRow = typeof trainingSessions.$inferSelect;
export type ParticipantRow = typeof participants.$inferSelect;

/** The reader's language first, then Swedish, Danish, English: a text the team wrote in only one still shows. */
export function pickText(text: LocalizedText, locale: Locale): string {
  return text[locale] || text.sv || text.da || text.en || '';
}

export async function tenantOf(db: Db, tenantId: string): Promise<{ name: string; country: Country; locale: Locale }> {
  const [row] = await db.select({ name: tenants.name, country: tenants.country, locale: tenants.defaultLocale }).from(tenants).where(eq(tenants.id, tenantId));
  return row!;
}

export async function findCourseRow(db: Db, tenantId: string, id: string): Promise<CourseRow | undefined> {
  const [row] = await db.select().from(courses).where(and(eq(courses.tenantId, tenantId), eq(courses.id, id)));
  return row;
}

/** A cohort of the tenant; `update` holds it while participants are placed into it. */
export async function findCohortRow(db: Db, tenantId: string, id: string, lock?: 'update'): Promise<CohortRow | undefined> {
  const query = db.select().from(cohorts).where(and(eq(cohorts.tenantId, tenantId), eq(cohorts.id, id))).$dynamic();
  const [row] = await (lock ? query.for(lock) : query);
  return row;
}

export async function findSessionRow(db: Db, tenantId: string, id: string): Promise<SessionRow | undefined> {
  const [row] = await db.select().from(trainingSessions).where(and(eq(trainingSessions.tenantId, tenantId), eq(trainingSessions.id, id)));
  return row;
}

/** Who may lead a session: active users of the tenant with role trainer or peer (a trainer when both). */
export async function findLeaderOptions(db: Db, tenantId: string, ids?: readonly string[]): Promise<LeaderOption[]> {
  const where: SQL[] = [eq(users.tenantId, tenantId), eq(users.status, 'active'), inArray(userRoles.role, ['trainer', 'peer'])];
  if (ids) where.push(inArray(users.id, ids.length > 0 ? [...ids] : ['00000000-0000-0000-0000-000000000000']));
  const rows = await db.select({ id: users.id, name: users.name, role: max(userRoles.role) }).from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id)).where(and(...where))
    .groupBy(users.id, users.name).orderBy(asc(users.name), asc(users.id));
  return rows.map((r) => ({ ...r, role: r.role === 'trainer' ? 'trainer' : 'peer' }));
}

async function userNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Sessions as the API shows them: leaders by name, and whether attendance was taken. */
export async function toSessionViews(db: Db, rows: SessionRow[]): Promise<SessionView[]> {
  const names = await userNames(db, [...new Set(rows.flatMap((r) => r.leaderUserIds))]);
  const taken = rows.length === 0 ? [] : await db
    .selectDistinct({ sessionId: attendance.sessionId })
    .from(attendance)
    .where(inArray(attendance.sessionId, rows.map((r) => r.id)));
  const takenIds = new Set(taken.map((r) => r.sessionId));
  return rows.map((s) => ({
    id: s.id,
    cohortId: s.cohortId,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    place: s.place,
    topic: s.topic,
    week: s.week,
    leaders: s.leaderUserIds.map((id) => ({ id, name: names.get(id) ?? '' })),
    materials: s.materials,
    holidayName: s.holidayName,
    attendanceTaken: takenIds.has(s.id),
  }));
}

export async function sessionsOfCohort(db: Db, tenantId: string, cohortId: string): Promise<SessionRow[]> {
  return db.select().from(trainingSessions)
    .where(and(eq(trainingSessions.tenantId, tenantId), eq(trainingSessions.cohortId, cohortId)))
    .orderBy(asc(trainingSessions.startsAt), asc(trainingSessions.id));
}

/** Cohorts with their course and counts, by start date (newest first). */
export async function listCohortSummaries(
  db: Db,
  tenantId: string,
  f: { id?: string; courseId?: string; status?: CohortRow['status']; kind?: CourseRow['kind']; limit?: number; offset?: number },
  now: Date,
): Promise<CohortSummary[]> {
  const where: SQL[] = [eq(cohorts.tenantId, tenantId)];
  if (f.id) where.push(eq(cohorts.id, f.id));
  if (f.courseId) where.push(eq(cohorts.courseId, f.courseId));
  if (f.status) where.push(eq(cohorts.status, f.status));
  if (f.kind) where.push(eq(courses.kind, f.kind));
  const query = db.select({ cohort: cohorts, course: { kind: courses.kind, title: courses.title } })
    .from(cohorts).innerJoin(courses, eq(courses.id, cohorts.courseId)).where(and(...where))
    .orderBy(sql`${cohorts.startsOn} desc`, asc(cohorts.id)).$dynamic();
  const rows = await (f.limit !== undefined ? query.limit(f.limit + 1).offset(f.offset ?? 0) : query);
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.cohort.id);
  const sessionCounts = await db
    .select({ cohortId: trainingSessions.cohortId, total: count(), held: sql<number>`count(*) filter (where ${trainingSessions.startsAt} <= ${now.toISOString()})`.mapWith(Number) })
    .from(trainingSessions).where(inArray(trainingSessions.cohortId, ids)).groupBy(trainingSessions.cohortId);
  const participantCounts = await db
    .select({ cohortId: participants.cohortId, status: participants.status, n: count() })
    .from(participants).where(inArray(participants.cohortId, ids)).groupBy(participants.cohortId, participants.status);
  const enrolmentCounts = await db
    .select({ cohortId: enrolments.cohortId, status: enrolments.status, n: count() })
    .from(enrolments).where(inArray(enrolments.cohortId, ids)).groupBy(enrolments.cohortId, enrolments.status);
  return rows.map(({ cohort: c, course }) => {
    const s = sessionCounts.find((x) => x.cohortId === c.id);
    const enrolled = (status: 'enrolled' | 'waitlisted') => enrolmentCounts.find((x) => x.cohortId === c.id && x.status === status)?.n ?? 0;
    const by = (status: ParticipantRow['status']) => participantCounts.find((x) => x.cohortId === c.id && x.status === status)?.n ?? 0;
    return {
      id: c.id,
      courseId: c.courseId,
      courseKind: course.kind,
      courseTitle: course.title,
      title: c.title,
      startsOn: c.startsOn,
      endsOn: c.endsOn,
      place: c.place,
      status: c.status,
      intakeId: c.intakeId,
      unitId: c.unitId,
      capacity: c.capacity,
      leaders: c.leaders,
      counts: {
        sessions: s?.total ?? 0,
        sessionsHeld: s?.held ?? 0,
        participants: by('active') + by('completed') + by('interrupted'),
        active: by('active'),
        completed: by('completed'),
        interrupted: by('interrupted'),
        enrolled: enrolled('enrolled'),
        waitlisted: enrolled('waitlisted'),
      },
      createdAt: c.createdAt.toISOString(),
    };
  });
}

/**
 * Attendance per participant over the sessions of their cohort that have started: present ÷ held.
 * Excused is shown apart but is not presence (the completion rule counts attendance, not reasons).
 */
export async function attendanceSummaries(db: Db, rows: Pick<ParticipantRow, 'id' | 'cohortId'>[], now: Date): Promise<Map<string, AttendanceSummary>> {
  if (rows.length === 0) return new Map();
  const cohortIds = [...new Set(rows.map((r) => r.cohortId))];
  const held = await db.select({ cohortId: trainingSessions.cohortId, n: count() }).from(trainingSessions)
    .where(and(inArray(trainingSessions.cohortId, cohortIds), lte(trainingSessions.startsAt, now))).groupBy(trainingSessions.cohortId);
  const marks = await db.select({ participantId: attendance.participantId, status: attendance.status, n: count() })
    .from(attendance).innerJoin(trainingSessions, eq(trainingSessions.id, attendance.sessionId))
    .where(and(inArray(attendance.participantId, rows.map((r) => r.id)), lte(trainingSessions.startsAt, now)))
    .groupBy(attendance.participantId, attendance.status);
  return new Map(rows.map((p) => {
    const heldCount = held.find((h) => h.cohortId === p.cohortId)?.n ?? 0;
    const of = (status: string) => marks.find((m) => m.participantId === p.id && m.status === status)?.n ?? 0;
    const present = of('present');
    return [p.id, { held: heldCount, present, absent: of('absent'), excused: of('excused'), percent: heldCount === 0 ? null : Math.round((present / heldCount) * 100) }];
  }));
}

/** Participants as the training team sees them, with their attendance, by name. */
export async function listParticipantViews(
  db: Db,
  tenantId: string,
  f: { id?: string; ids?: string[]; cohortId?: string; personId?: string; status?: ParticipantRow['status']; limit?: number; offset?: number },
  now: Date,
): Promise<ParticipantView[]> {
  const where: SQL[] = [eq(participants.tenantId, tenantId)];
  if (f.id) where.push(eq(participants.id, f.id));
  if (f.ids) where.push(inArray(participants.id, f.ids.length > 0 ? f.ids : ['00000000-0000-0000-0000-000000000000']));
  if (f.cohortId) where.push(eq(participants.cohortId, f.cohortId));
  if (f.personId) where.push(eq(participants.personId, f.personId));
  if (f.status) where.push(eq(participants.status, f.status));
  const query = db
    .select({
      p: participants,
      cohortTitle: cohorts.title,
      name: persons.fullName,
      email: persons.email,
      userId: sql<string | null>`(select ${users.id} from ${users} where ${users.personId} = ${participants.personId} and ${users.tenantId} = ${participants.tenantId} limit 1)`,
    })
    .from(participants)
    .innerJoin(cohorts, eq(cohorts.id, participants.cohortId))
    .innerJoin(persons, eq(persons.id, participants.personId))
    .where(and(...where))
    .orderBy(asc(persons.fullName), asc(participants.id))
    .$dynamic();
  const rows = await (f.limit !== undefined ? query.limit(f.limit + 1).offset(f.offset ?? 0) : query);
  const rates = await attendanceSummaries(db, rows.map((r) => r.p), now);
  return rows.map(({ p, cohortTitle, name, email, userId }) => ({
    id: p.id,
    cohortId: p.cohortId,
    cohortTitle,
    personId: p.personId,
    userId,
    applicationId: p.applicationId,
    name,
    email,
    track: p.track,
    livelihood: p.livelihood,
    status: p.status,
    attendance: rates.get(p.id)!,
    completedAt: p.completedAt?.toISOString() ?? null,
    interruptedAt: p.interruptedAt?.toISOString() ?? null,
    createdAt: p.createdAt.toISOString(),
  }));
}
