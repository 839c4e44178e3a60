import { inArray, lte } from 'drizzle-orm';
import type { RetentionRule } from '../retention/retention.rules.ts';
import { dayOf } from '../recruitment/recruitment.policy.ts';
import { checkins, cohorts, followUpNotes, participants, taskSubmissions } from './training.tables.ts';

/** How long the record of a participant's process is kept after their cohort ends. */
export const TRAINING_PROCESS_RETENTION_MONTHS = 12;

/** The day `months` before `day` (the end of a shorter month stays in that month). */
export function monthsBefore(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 - months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return first.toISOString().slice(0, 10);
}

/**
 * The team's follow-up notes, the weekly check-ins and the hand-ins with their feedback are about
 * the process of the training and are not needed after it: they are deleted 12 months after the
 * cohort ends. Completion, certificate number and attendance stay, since they prove the training.
 */
export const trainingRetention: RetentionRule = {
  name: 'trainingProcess',
  purge: async (svc) => {
    const cutoff = monthsBefore(dayOf(svc.now()), TRAINING_PROCESS_RETENTION_MONTHS);
    const ended = svc.db.select({ id: cohorts.id }).from(cohorts).where(lte(cohorts.endsOn, cutoff));
    const ids = (await svc.db.select({ id: participants.id }).from(participants).where(inArray(participants.cohortId, ended))).map((r) => r.id);
    if (ids.length === 0) return 0;
    const notes = await svc.db.delete(followUpNotes).where(inArray(followUpNotes.participantId, ids)).returning({ id: followUpNotes.id });
    const answers = await svc.db.delete(checkins).where(inArray(checkins.participantId, ids)).returning({ id: checkins.id });
    const handIns = await svc.db.delete(taskSubmissions).where(inArray(taskSubmissions.participantId, ids)).returning({ id: taskSubmissions.id });
    return notes.length + answers.length + handIns.length;
  },
};
