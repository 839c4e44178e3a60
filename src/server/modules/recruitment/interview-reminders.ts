import { and, asc, eq, gt, inArray, isNull, lte } from 'drizzle-orm';
import type { Services } from '../../context.ts';
import { applications, interviews, interviewSlots } from './recruitment.tables.ts';
import { findInterviewParties } from './interviews.repo.ts';
import { mailApplicant } from './interview-mail.ts';

/** The day-before reminder goes out once the interview is this close. */
export const REMINDER_WINDOW_MS = 24 * 60 * 60 * 1000;
const BATCH = 50;

/**
 * E-mails every applicant whose interview starts within the next 24 hours and who has not been
 * reminded, in their language, and marks the interview reminded: a second run sends nothing new.
 * One transaction per batch; rows another run is busy with are skipped. Answers how many were sent.
 */
export async function sendInterviewReminders(svc: Services): Promise<number> {
  const now = svc.now();
  const until = new Date(now.getTime() + REMINDER_WINDOW_MS);
  let sent = 0;
  for (;;) {
    const count = await svc.db.transaction(async (tx) => {
      const due = await tx
        .select({ interview: interviews, slot: interviewSlots })
        .from(interviews)
        .innerJoin(interviewSlots, eq(interviewSlots.id, interviews.slotId))
        .innerJoin(applications, eq(applications.id, interviews.applicationId))
        .where(and(
          isNull(interviews.reminderSentAt),
          gt(interviewSlots.startsAt, now),
          lte(interviewSlots.startsAt, until),
          // Withdrawn or decided applicants are not reminded; an invited one is.
          eq(applications.stage, 'interview_invited'),
        ))
        .orderBy(asc(interviewSlots.startsAt))
        .limit(BATCH)
        .for('update', { of: interviews, skipLocked: true });
      for (const { interview, slot } of due) {
        const parties = (await findInterviewParties(tx, interview.applicationId, { lock: false }))!;
        // A reminder carries no calendar file, so no calendar sequence either.
        await mailApplicant(svc, tx, 'reminder', { interviewId: interview.id, sequence: 0, parties, slot });
      }
      if (due.length > 0) {
        await tx.update(interviews).set({ reminderSentAt: now }).where(inArray(interviews.id, due.map((d) => d.interview.id)));
      }
      return due.length;
    });
    sent += count;
    if (count < BATCH) break;
  }
  if (sent > 0) svc.mailer.kick();
  return sent;
}
