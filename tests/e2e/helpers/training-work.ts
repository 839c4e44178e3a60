import type { CohortCreated, CohortSummary, CourseView, PlaceResult } from '../../../src/shared/contracts/training.ts';
import type { CheckinAnswers, MyCheckinView, MyTrainingView, TaskSubmissionView } from '../../../src/shared/contracts/training-work.ts';
import type { ApiSession } from './recruitment.ts';

/** The demo tenant's peer training cohort in progress, with Dana Deltagare in it (src/server/demo/training-seed.ts). */
export const DEMO_COHORT = 'PEER höst 2026';

export async function cohortNamed(team: ApiSession, title: string): Promise<CohortSummary> {
  const { items } = await team.get<{ items: CohortSummary[] }>('/api/cohorts?kind=peer_training&limit=200');
  const found = items.find((c) => c.title === title);
  if (!found) throw new Error(`No cohort "${title}" among ${items.map((c) => c.title).join(', ')}`);
  return found;
}

/** The participant's own training, as their page gets it. */
export async function myTraining(participant: ApiSession): Promise<NonNullable<MyTrainingView['participation']>> {
  const { participation } = await participant.get<MyTrainingView>('/api/my-training');
  if (!participation) throw new Error('The participant has no training');
  return participation;
}

/** Hands in a text answer to a task, as the participant's page does. */
export async function handIn(participant: ApiSession, taskId: string, text: string): Promise<TaskSubmissionView> {
  return participant.send<TaskSubmissionView>('PUT', `/api/reflection-tasks/${taskId}/submission`, { text });
}

/**
 * A check-in for the latest study week that has started, preferring one still due: answered low,
 * so the team is alerted whatever came before. Answers the week it was for.
 */
export async function checkInLow(participant: ApiSession, comment: string): Promise<MyCheckinView> {
  const { weeks } = await myTraining(participant);
  const today = new Date().toISOString().slice(0, 10);
  const started = weeks.filter((w) => w.kind === 'study' && w.startsOn <= today).sort((a, b) => b.week - a.week);
  const week = started.find((w) => w.checkinDue) ?? started[0];
  if (!week) throw new Error('No study week of the demo cohort has started');
  const answers: CheckinAnswers = { wellbeing: 2, energy: 1, belonging: 3, coping: 2 };
  return participant.send<MyCheckinView>('PUT', '/api/check-ins', { week: week.week, answers, comment });
}

/** A Monday `weeks` weeks before this one (local calendar), as `YYYY-MM-DD`. */
export function mondayWeeksAgo(weeks: number): string {
  const d = new Date();
  d.setUTCHours(12, 0, 0, 0);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7) - weeks * 7);
  return d.toISOString().slice(0, 10);
}

/**
 * A cohort of the peer training that has already ended, with one person placed by hand who was
 * present at every session and had no reflection task: someone who meets the criteria.
 */
export async function finishedCohortWithParticipant(team: ApiSession, title: string, who: { name: string; email: string }) {
  const { items: courses } = await team.get<{ items: CourseView[] }>('/api/courses?kind=peer_training');
  const course = courses[0];
  if (!course) throw new Error('The demo tenant has no peer training course');
  const cohort = await team.send<CohortCreated>('POST', '/api/cohorts', { courseId: course.id, title, startsOn: mondayWeeksAgo(8), place: 'Utbildningslokalen, plan 2' });
  const placed = await team.send<PlaceResult>('POST', `/api/cohorts/${cohort.id}/place`, { persons: [{ ...who, track: 'own_experience', locale: 'sv' }] });
  const participant = placed.placed[0];
  if (!participant) throw new Error(`Nobody was placed: ${JSON.stringify(placed.skipped)}`);
  for (const session of cohort.sessions) {
    await team.send('PUT', '/api/attendance', { sessionId: session.id, records: [{ participantId: participant.id, status: 'present' }] });
  }
  return { cohort, participant };
}
