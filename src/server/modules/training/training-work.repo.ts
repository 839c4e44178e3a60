import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../context.ts';
import { notFound } from '../../lib/errors.ts';
import type { AttendanceFigures } from '../../../shared/contracts/training-work.ts';
import { persons } from '../persons/persons.tables.ts';
import { userRoles, users } from '../users/users.tables.ts';
import { addDays } from '../recruitment/recruitment.policy.ts';
import { attendance, cohorts, courses, participants, trainingSessions } from './training.tables.ts';

export type ParticipantRow = typeof participants.$inferSelect;
export type CohortRow = typeof cohorts.$inferSelect;
export type CourseRow = typeof courses.$inferSelect;
export type PersonRow = typeof persons.$inferSelect;

/** A participant with what the training work needs around them. */
export type ParticipantRecord = { participant: ParticipantRow; cohort: CohortRow; course: CourseRow; person: PersonRow };

const recordColumns = { participant: participants, cohort: cohorts, course: courses, person: persons };

/** A participant of the actor's tenant; another tenant's is not found. */
export async function getParticipantRecord(db: Db, tenantId: string, participantId: string): Promise<ParticipantRecord> {
  const [row] = await db
    .select(recordColumns)
    .from(participants)
    .innerJoin(cohorts, eq(cohorts.id, participants.cohortId))
    .innerJoin(courses, eq(courses.id, cohorts.courseId))
    .innerJoin(persons, eq(persons.id, participants.personId))
    .where(and(eq(participants.id, participantId), eq(participants.tenantId, tenantId)));
  if (!row) throw notFound();
  return row;
}

/** The actor's own participations: the active ones first, then the most recent cohort first. */
export async function findOwnParticipations(db: Db, actor: Actor): Promise<ParticipantRecord[]> {
  return db
    .select(recordColumns)
    .from(participants)
    .innerJoin(cohorts, eq(cohorts.id, participants.cohortId))
    .innerJoin(courses, eq(courses.id, cohorts.courseId))
    .innerJoin(persons, eq(persons.id, participants.personId))
    .where(and(eq(participants.personId, actor.personId), eq(participants.tenantId, actor.tenantId)))
    .orderBy(sql`case when ${participants.status} = 'active' then 0 else 1 end`, desc(cohorts.startsOn));
}

/** A cohort of the tenant with its course. */
export async function getCohortWithCourse(db: Db, tenantId: string, cohortId: string): Promise<{ cohort: CohortRow; course: CourseRow }> {
  const [row] = await db
    .select({ cohort: cohorts, course: courses })
    .from(cohorts)
    .innerJoin(courses, eq(courses.id, cohorts.courseId))
    .where(and(eq(cohorts.id, cohortId), eq(cohorts.tenantId, tenantId)));
  if (!row) throw notFound();
  return row;
}

/** The first day of a week of the course (1-based), counted from the cohort's start. */
export const weekStartOn = (cohortStartsOn: string, week: number): string => addDays(cohortStartsOn, (week - 1) * 7);

export const weekKindOf = (course: CourseRow, week: number) => course.scheduleTemplate.weeks.find((w) => w.week === week)?.kind ?? null;

const HOUR_MS = 3_600_000;

/** A participant's attendance: the rate so far, and the completion measure over every session of the cohort. */
export async function attendanceFiguresOf(db: Db, p: { id: string; cohortId: string }, now: Date): Promise<AttendanceFigures> {
  const sessions = await db
    .select({ id: trainingSessions.id, startsAt: trainingSessions.startsAt, endsAt: trainingSessions.endsAt })
    .from(trainingSessions)
    .where(eq(trainingSessions.cohortId, p.cohortId));
  const marks = await db.select({ sessionId: attendance.sessionId, status: attendance.status }).from(attendance).where(eq(attendance.participantId, p.id));
  const statusOf = new Map(marks.map((m) => [m.sessionId, m.status]));
  const held = sessions.filter((s) => s.startsAt <= now).length;
  const attended = sessions.filter((s) => statusOf.get(s.id) === 'present');
  const present = attended.length;
  const hours = attended.reduce((sum, s) => sum + (s.endsAt.getTime() - s.startsAt.getTime()) / HOUR_MS, 0);
  return {
    sessions: sessions.length,
    held,
    present,
    excused: marks.filter((m) => m.status === 'excused').length,
    ratePercent: held > 0 ? Math.round((present / held) * 100) : null,
    percent: sessions.length > 0 ? Math.floor((present * 100) / sessions.length) : 0,
    hoursAttended: Math.round(hours * 10) / 10,
  };
}

/** The names of users by id (authors of notes and feedback, who saw a flag). */
export async function userNamesOf(db: Db, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The training team of a tenant: its active trainers, each with their own language. */
export async function findTrainingTeam(db: Db, tenantId: string): Promise<{ id: string; name: string; email: string; locale: 'sv' | 'da' | 'en' }[]> {
  return db
    .selectDistinct({ id: users.id, name: users.name, email: users.email, locale: users.locale })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(eq(users.tenantId, tenantId), eq(users.status, 'active'), eq(userRoles.role, 'trainer')))
    .orderBy(asc(users.name));
}
