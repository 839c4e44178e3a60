import { asc, eq } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import type { MyTrainingView } from '../../../shared/contracts/training-work.ts';
import { dayOf } from '../recruitment/recruitment.policy.ts';
import { assertCan } from './training.policy.ts';
import { myCheckinViewOf } from './checkins.service.ts';
import { certificateUrlOf } from './completion.service.ts';
import { submissionViewOf } from './task-submissions.service.ts';
import { attendanceFiguresOf, findOwnParticipations, userNamesOf, weekStartOn } from './training-work.repo.ts';
import { attendance, checkins, reflectionTasks, taskSubmissions, trainingSessions } from './training.tables.ts';

/**
 * The participant's own training: their active participation (else the most recent), sessions with
 * their attendance, tasks with their hand-ins and feedback, the weeks' check-ins, and the certificate.
 * Built from an explicit list of fields: the team's livelihood record, notes and flags never appear.
 */
export async function getMyTraining(ctx: Ctx): Promise<MyTrainingView> {
  assertCan(ctx.actor, 'training.participate');
  const now = ctx.now();
  const [rec] = await findOwnParticipations(ctx.db, ctx.actor);
  if (!rec) return { participation: null };
  const { participant: p, cohort, course } = rec;

  const sessions = await ctx.db.select().from(trainingSessions).where(eq(trainingSessions.cohortId, cohort.id)).orderBy(asc(trainingSessions.startsAt));
  const marks = await ctx.db.select({ sessionId: attendance.sessionId, status: attendance.status }).from(attendance).where(eq(attendance.participantId, p.id));
  const statusOf = new Map(marks.map((m) => [m.sessionId, m.status]));
  const tasks = await ctx.db.select().from(reflectionTasks).where(eq(reflectionTasks.cohortId, cohort.id)).orderBy(asc(reflectionTasks.dueOn), asc(reflectionTasks.createdAt));
  const submissions = await ctx.db.select().from(taskSubmissions).where(eq(taskSubmissions.participantId, p.id));
  const submissionOf = new Map(submissions.map((s) => [s.taskId, s]));
  const names = await userNamesOf(ctx.db, submissions.map((s) => s.feedbackBy));
  const myCheckins = await ctx.db.select().from(checkins).where(eq(checkins.participantId, p.id));
  const checkinOf = new Map(myCheckins.map((c) => [c.week, c]));
  const today = dayOf(now);

  return {
    participation: {
      participantId: p.id,
      status: p.status,
      cohort: { id: cohort.id, title: cohort.title, startsOn: cohort.startsOn, endsOn: cohort.endsOn, place: cohort.place },
      courseTitle: course.title,
      sessions: sessions.map((s) => ({
        id: s.id,
        startsAt: s.startsAt.toISOString(),
        endsAt: s.endsAt.toISOString(),
        place: s.place,
        topic: s.topic,
        week: s.week,
        myAttendance: statusOf.get(s.id) ?? null,
      })),
      attendance: await attendanceFiguresOf(ctx.db, p, now),
      tasks: tasks.map((t) => {
        const s = submissionOf.get(t.id);
        return { id: t.id, week: t.week, title: t.title, instructions: t.instructions, dueOn: t.dueOn, submission: s ? submissionViewOf(ctx.keyring, s, names) : null };
      }),
      weeks: course.scheduleTemplate.weeks.map((w) => {
        const startsOn = weekStartOn(cohort.startsOn, w.week);
        const c = checkinOf.get(w.week);
        return {
          week: w.week,
          kind: w.kind,
          startsOn,
          checkinDue: p.status === 'active' && w.kind === 'study' && startsOn <= today && !c,
          checkin: c ? myCheckinViewOf(ctx.keyring, c) : null,
        };
      }),
      completedAt: p.completedAt?.toISOString() ?? null,
      certificateNumber: p.certificateNumber,
      certificateUrl: p.status === 'completed' ? certificateUrlOf(p.id) : null,
    },
  };
}
