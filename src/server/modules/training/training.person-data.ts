import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { PersonDataPart } from '../persons/person-data.ts';
import { persons } from '../persons/persons.tables.ts';
import { emails } from '../mail/mail.tables.ts';
import { users } from '../users/users.tables.ts';
import {
  attendance,
  checkins,
  cohorts,
  courses,
  enrolmentAttendance,
  followUpNotes,
  leaderHours,
  participants,
  peerProfiles,
  reflectionTasks,
  taskSubmissions,
  trainingSessions,
} from './training.tables.ts';

const userIdsOf = async (db: Db, personId: string) => (await db.select({ id: users.id }).from(users).where(eq(users.personId, personId))).map((u) => u.id);

/**
 * As a course leader or in the team, the person's accounts are named on others' records: their own
 * hours go, and the marks they made (attendance taken, feedback given, a flag seen) stay without their name.
 */
async function eraseAsStaff(db: Db, personId: string): Promise<number> {
  const ids = await userIdsOf(db, personId);
  if (ids.length === 0) return 0;
  const hours = await db.delete(leaderHours).where(inArray(leaderHours.userId, ids)).returning({ id: leaderHours.id });
  await db.update(attendance).set({ recordedBy: null }).where(inArray(attendance.recordedBy, ids));
  await db.update(enrolmentAttendance).set({ recordedBy: null }).where(inArray(enrolmentAttendance.recordedBy, ids));
  await db.update(taskSubmissions).set({ feedbackBy: null }).where(inArray(taskSubmissions.feedbackBy, ids));
  await db.update(checkins).set({ flagSeenBy: null }).where(inArray(checkins.flagSeenBy, ids));
  for (const id of ids) {
    await db.update(trainingSessions).set({ leaderUserIds: sql`${trainingSessions.leaderUserIds} - ${id}::text` }).where(sql`${trainingSessions.leaderUserIds} ? ${id}`);
  }
  return hours.length;
}

/**
 * A person's trainings: each participation with the sessions and their attendance, hand-ins and
 * feedback, check-ins, the team's follow-up notes (notes about a person are their data too; who
 * wrote them stays with the team), completion and certificate; their peer profile; and their hours
 * as a course leader.
 */
export const trainingPart: PersonDataPart = {
  name: 'training',
  async exportFor(db, personId, keyring) {
    const open = (v: string | null) => (v ? keyring.decrypt(v) : null);
    const rows = await db
      .select({ p: participants, cohort: cohorts, courseTitle: courses.title })
      .from(participants)
      .innerJoin(cohorts, eq(cohorts.id, participants.cohortId))
      .innerJoin(courses, eq(courses.id, cohorts.courseId))
      .where(eq(participants.personId, personId))
      .orderBy(asc(cohorts.startsOn));
    const participations = await Promise.all(rows.map(async ({ p, cohort, courseTitle }) => {
      const sessions = await db
        .select({ startsAt: trainingSessions.startsAt, topic: trainingSessions.topic, status: attendance.status, note: attendance.note })
        .from(trainingSessions)
        .leftJoin(attendance, and(eq(attendance.sessionId, trainingSessions.id), eq(attendance.participantId, p.id)))
        .where(eq(trainingSessions.cohortId, cohort.id))
        .orderBy(asc(trainingSessions.startsAt));
      const handIns = await db
        .select({ s: taskSubmissions, title: reflectionTasks.title, week: reflectionTasks.week })
        .from(taskSubmissions)
        .innerJoin(reflectionTasks, eq(reflectionTasks.id, taskSubmissions.taskId))
        .where(eq(taskSubmissions.participantId, p.id))
        .orderBy(asc(reflectionTasks.week));
      const weekly = await db.select().from(checkins).where(eq(checkins.participantId, p.id)).orderBy(asc(checkins.week));
      const notes = await db.select().from(followUpNotes).where(eq(followUpNotes.participantId, p.id)).orderBy(asc(followUpNotes.createdAt));
      return {
        cohort: cohort.title,
        course: courseTitle,
        startsOn: cohort.startsOn,
        endsOn: cohort.endsOn,
        track: p.track,
        livelihood: p.livelihood,
        status: p.status,
        completedAt: p.completedAt,
        certificateNumber: p.certificateNumber,
        interruptedAt: p.interruptedAt,
        interruptionReason: open(p.interruptionReasonEncrypted),
        sessions: sessions.map((s) => ({ startsAt: s.startsAt, topic: s.topic, attendance: s.status, note: s.note })),
        handIns: handIns.map(({ s, title, week }) => ({
          task: title,
          week,
          text: open(s.textEncrypted),
          file: s.fileName ? { filename: s.fileName, mimeType: s.fileMimeType, sizeBytes: s.fileSizeBytes } : null,
          submittedAt: s.submittedAt,
          feedback: open(s.feedbackEncrypted),
          feedbackAt: s.feedbackAt,
        })),
        checkins: weekly.map((c) => ({ week: c.week, answers: c.answers, comment: open(c.commentEncrypted), flagged: c.flagged, flagReasons: c.flagReasons, submittedAt: c.submittedAt })),
        followUpNotes: notes.map((n) => ({ createdAt: n.createdAt, note: open(n.noteEncrypted) })),
      };
    }));
    const [profile] = await db.select().from(peerProfiles).where(eq(peerProfiles.personId, personId));
    const ids = await userIdsOf(db, personId);
    const led = ids.length === 0 ? [] : await db
      .select({ startsAt: trainingSessions.startsAt, topic: trainingSessions.topic, cohort: cohorts.title, hours: leaderHours.hours })
      .from(leaderHours)
      .innerJoin(trainingSessions, eq(trainingSessions.id, leaderHours.sessionId))
      .innerJoin(cohorts, eq(cohorts.id, trainingSessions.cohortId))
      .where(inArray(leaderHours.userId, ids))
      .orderBy(asc(trainingSessions.startsAt));
    return {
      participations,
      peerProfile: profile ? { track: profile.track, status: profile.status, createdAt: profile.createdAt } : null,
      hoursAsCourseLeader: led.map((h) => ({ ...h, hours: Number(h.hours) })),
    };
  },
  // Everything of the participations goes with them (attendance, hand-ins, check-ins, notes cascade),
  // and the e-mails about them (feedback, the certificate).
  async eraseFor(db, personId) {
    const gone = await db.delete(participants).where(eq(participants.personId, personId)).returning({ id: participants.id, tenantId: participants.tenantId });
    const profiles = await db.delete(peerProfiles).where(eq(peerProfiles.personId, personId)).returning({ id: peerProfiles.id });
    const [person] = await db.select({ email: persons.email, tenantId: persons.tenantId }).from(persons).where(eq(persons.id, personId));
    if (person?.email && gone.length > 0) {
      await db.delete(emails).where(and(eq(emails.tenantId, person.tenantId), sql`lower(${emails.toAddress}) = ${person.email.toLowerCase()}`));
    }
    return gone.length + profiles.length + (await eraseAsStaff(db, personId));
  },
};
