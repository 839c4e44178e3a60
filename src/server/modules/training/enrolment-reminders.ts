import { and, asc, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { Services } from '../../context.ts';
import { dayOf } from '../recruitment/recruitment.policy.ts';
import { addDays, dayIn } from './schedule.ts';
import { cohorts, courses, enrolments } from './training.tables.ts';
import { findRun, mailEnrolment, type RunDetails } from './recovery-college.service.ts';

const BATCH = 50;

/**
 * The reminder goes out from the day before the run's first day until its first session begins.
 * Someone who gets a place within that time is not reminded: the e-mail giving the place was it.
 */
export function isReminderDue(run: RunDetails, now: Date): boolean {
  const first = run.sessions[0];
  if (first && first.startsAt <= now) return false;
  const today = dayIn(now, run.tenant.country);
  return today >= addDays(run.cohort.startsOn, -1) && today <= run.cohort.startsOn;
}

/**
 * E-mails everyone holding a place in a Recovery College run that starts tomorrow (or today, later
 * on) a reminder with the cancel link, in their language, and marks them reminded: a second run
 * sends nothing new. Rows another run is busy with are skipped. Answers how many were sent.
 */
export async function sendEnrolmentReminders(svc: Services): Promise<number> {
  const now = svc.now();
  // Across tenants, the programs' day: Sweden and Denmark share the time zone.
  const today = dayOf(now);
  let sent = 0;
  for (;;) {
    const batch = await svc.db.transaction(async (tx) => {
      const candidates = await tx
        .select({ enrolment: enrolments })
        .from(enrolments)
        .innerJoin(cohorts, eq(cohorts.id, enrolments.cohortId))
        .innerJoin(courses, eq(courses.id, cohorts.courseId))
        .where(and(
          eq(enrolments.status, 'enrolled'),
          isNull(enrolments.reminderSentAt),
          eq(courses.kind, 'recovery_college'),
          ne(cohorts.status, 'cancelled'),
          // Runs starting today or tomorrow only: a run missed (job down) is not reminded once over.
          inArray(cohorts.startsOn, [today, addDays(today, 1)]),
        ))
        .orderBy(asc(enrolments.cohortId), asc(enrolments.createdAt))
        .limit(BATCH)
        .for('update', { of: enrolments, skipLocked: true });
      const runs = new Map<string, RunDetails>();
      const reminded: string[] = [];
      let mailed = 0;
      for (const { enrolment } of candidates) {
        const run = runs.get(enrolment.cohortId) ?? (await findRun(tx, enrolment.cohortId))!;
        runs.set(enrolment.cohortId, run);
        // Marked even when the first session has begun, so that it is not looked at again.
        reminded.push(enrolment.id);
        if (!isReminderDue(run, now)) continue;
        await mailEnrolment(tx, svc, run, enrolment, 'reminder');
        mailed++;
      }
      if (reminded.length > 0) await tx.update(enrolments).set({ reminderSentAt: now }).where(inArray(enrolments.id, reminded));
      return { seen: candidates.length, mailed };
    });
    sent += batch.mailed;
    if (batch.seen < BATCH) break;
  }
  if (sent > 0) svc.mailer.kick();
  return sent;
}
