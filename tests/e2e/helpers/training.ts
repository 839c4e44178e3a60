import type { Page } from 'playwright-core';
import type { CohortBody, CohortCreated, CourseView, LeaderOption, PlaceResult, SessionView } from '../../../src/shared/contracts/training.ts';
import type { ApiSession } from './recruitment.ts';

/** The demo tenant's peer training course (src/server/demo/training-seed.ts). */
export const PEER_COURSE = 'PEER Support-utbildning';

/** A course of the team's tenant by its Swedish title. */
export async function courseTitled(team: ApiSession, title: string): Promise<CourseView> {
  const { items } = await team.get<{ items: CourseView[] }>('/api/courses?limit=200');
  const found = items.find((c) => c.title.sv === title);
  if (!found) throw new Error(`No course "${title}" in the demo data; there are: ${items.map((c) => c.title.sv).join(', ')}`);
  return found;
}

/** A trainer or peer who may lead sessions, by name. */
export async function leaderNamed(team: ApiSession, name: string): Promise<LeaderOption> {
  const { items } = await team.get<{ items: LeaderOption[] }>('/api/course-leaders');
  const found = items.find((l) => l.name === name);
  if (!found) throw new Error(`No course leader "${name}"; there are: ${items.map((l) => l.name).join(', ')}`);
  return found;
}

export async function createCohort(team: ApiSession, body: CohortBody): Promise<CohortCreated> {
  return team.send<CohortCreated>('POST', '/api/cohorts', body);
}

/** People placed by hand, as the team would add them one by one; each gets the welcome e-mail. */
export async function placePeople(team: ApiSession, cohortId: string, people: readonly { name: string; email: string }[]): Promise<PlaceResult> {
  return team.send<PlaceResult>('POST', `/api/cohorts/${cohortId}/place`, { persons: people.map((p) => ({ ...p, track: 'own_experience' })) });
}

/**
 * A session of the cohort that began a few minutes ago, so attendance can be taken now (and it is
 * still today, where "my sessions" start).
 */
export async function addSessionUnderWay(team: ApiSession, cohortId: string, leaderUserIds: string[], topic: string): Promise<SessionView> {
  const startsAt = new Date(Math.floor((Date.now() - 5 * 60_000) / 60_000) * 60_000);
  const endsAt = new Date(startsAt.getTime() + 3 * 3_600_000);
  return team.send<SessionView>('POST', '/api/sessions', {
    cohortId,
    startsAt: startsAt.toISOString(),
    endsAt: endsAt.toISOString(),
    place: 'Storgatan 1, rum Ekan',
    topic,
    week: 1,
    leaderUserIds,
  });
}

/** The next Monday after today (never today), as `YYYY-MM-DD`. */
export function nextMonday(from = new Date()): string {
  const d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()));
  d.setUTCDate(d.getUTCDate() + (((8 - d.getUTCDay()) % 7) || 7));
  return d.toISOString().slice(0, 10);
}

/** The attendance shown in the participants table for one person: its first line, e.g. "100 %". */
export async function rateShownFor(page: Page, name: string): Promise<string> {
  const row = page.getByRole('table', { name: 'Deltagare och närvaro' }).getByRole('row').filter({ hasText: name });
  await row.waitFor();
  return (await row.locator('td').nth(2).innerText()).split('\n')[0]!.trim();
}
