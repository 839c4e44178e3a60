import crypto from 'node:crypto';
import { inArray } from 'drizzle-orm';
import { asBrowser, type TestApp } from '../../../../tests/helpers/test-app.ts';
import { DEMO_PASSWORD, demoEmail } from '../../demo/seed.ts';
import type { Role } from '../../../shared/permissions.ts';
import type { CohortBody, CohortCreated, CourseBody, CourseView, ParticipantView } from '../../../shared/contracts/training.ts';
import { DAY, apply, createIntake, holdInterview, teamOf as recruitmentTeamOf, type Applied } from '../recruitment/applications.test-support.ts';
import { hashPassword } from '../auth/password.ts';
import { persons } from '../persons/persons.tables.ts';
import { userRoles, users } from '../users/users.tables.ts';
import { addDays, dayIn, mondayOf } from './schedule.ts';

/**
 * Helpers for the training tests, through the team's API: a course, a cohort made from it, a
 * participant placed by hand. Other training tests import these; keep their signatures stable.
 */

/** The training team (Tove and Tage signed in), the demo peer's and participant's user ids, and both tenants. */
export async function teamOf(t: TestApp) {
  const team = await recruitmentTeamOf(t);
  const rows = await t.svc.db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, [demoEmail('peer'), demoEmail('participant')]));
  return {
    ...team,
    peerId: rows.find((r) => r.email === demoEmail('peer'))!.id,
    participantUserId: rows.find((r) => r.email === demoEmail('participant'))!.id,
  };
}

async function created<T>(res: { statusCode: number; body: string; json: () => unknown }, what: string): Promise<T> {
  if (res.statusCode !== 201) throw new Error(`${what} not created: ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

export async function makeCourse(t: TestApp, cookie: string, overrides: Partial<CourseBody> = {}): Promise<CourseView> {
  const tag = crypto.randomBytes(3).toString('hex');
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/courses',
    headers: asBrowser(cookie),
    payload: { kind: 'peer_training', title: { sv: `PEER Support-utbildning ${tag}` }, description: { sv: 'Fem veckor: studieveckor 1, 3 och 5.' }, ...overrides },
  });
  return created(res, 'course');
}

/**
 * A cohort (with a new five-week course unless `courseId` is given). By default it started on the
 * Monday two weeks before the test clock, so week 1 is past and week 3 is under way.
 */
export async function makeCohort(t: TestApp, cookie: string, overrides: Partial<CohortBody> = {}): Promise<CohortCreated> {
  const courseId = overrides.courseId ?? (await makeCourse(t, cookie)).id;
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/cohorts',
    headers: asBrowser(cookie),
    payload: { courseId, title: `PEER ${crypto.randomBytes(3).toString('hex')}`, startsOn: addDays(mondayOf(dayIn(t.clock.now(), 'SE')), -14), place: 'Storgatan 1, Demostad', ...overrides },
  });
  return created(res, 'cohort');
}

/** Someone placed in a cohort by hand (a new person with a new participant account). */
export async function makeParticipant(t: TestApp, cookie: string, cohortId: string, who: { name?: string; email?: string } = {}): Promise<ParticipantView> {
  const name = who.name ?? `Deltagare ${crypto.randomBytes(2).toString('hex')}`;
  const email = who.email ?? `${crypto.randomBytes(5).toString('hex')}@example.org`;
  const res = await t.app.inject({ method: 'POST', url: `/api/cohorts/${cohortId}/place`, headers: asBrowser(cookie), payload: { persons: [{ name, email }] } });
  const placed = res.json().placed as ParticipantView[] | undefined;
  if (res.statusCode !== 200 || placed?.length !== 1) throw new Error(`participant not placed: ${res.statusCode} ${res.body}`);
  return placed[0]!;
}

/** A signed-in user made for the test (e.g. a trainer of the other tenant, a second peer); answers their id and cookie. */
export async function makeUser(t: TestApp, tenantId: string, role: Role, name: string): Promise<{ id: string; personId: string; email: string; cookie: string }> {
  const email = `${role}-${crypto.randomBytes(4).toString('hex')}@example.org`;
  const [person] = await t.svc.db.insert(persons).values({ tenantId, fullName: name, email }).returning({ id: persons.id });
  const [user] = await t.svc.db.insert(users).values({ tenantId, personId: person!.id, email, name, passwordHash: await hashPassword(DEMO_PASSWORD) }).returning({ id: users.id });
  await t.svc.db.insert(userRoles).values({ tenantId, userId: user!.id, role });
  return { id: user!.id, personId: person!.id, email, cookie: await t.signIn(email) };
}

/** An application through the public form, interviewed, and admitted by the team (the way into a cohort). */
export async function admittedApplication(t: TestApp, cookie: string, who: Parameters<typeof apply>[2]): Promise<Applied> {
  const intake = await createIntake(t, cookie);
  const app = await apply(t, intake, who);
  await holdInterview(t, app, new Date(t.clock.now().getTime() - 2 * DAY));
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/applications/${app.id}/decide`,
    headers: asBrowser(cookie),
    payload: { decision: 'admitted', letter: 'Välkommen till utbildningen! Vi hör av oss med datum.' },
  });
  if (res.statusCode !== 200) throw new Error(`not admitted: ${res.statusCode} ${res.body}`);
  return app;
}
