import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { asBrowser, createTestApp, type TestApp } from '../../../../tests/helpers/test-app.ts';
import { OTHER_TENANT_ADMIN, demoEmail } from '../../demo/seed.ts';
import type { CohortCreated, PlaceResult } from '../../../shared/contracts/training.ts';
import { auditEvents } from '../audit/audit.tables.ts';
import { personStages } from '../persons/persons.tables.ts';
import { userRoles, users } from '../users/users.tables.ts';
import { apply, createIntake, mailTo, otherTenantApplication } from '../recruitment/applications.test-support.ts';
import { participants } from './training.tables.ts';
import { admittedApplication, makeCohort, makeUser, teamOf } from './training.test-support.ts';

let t: TestApp;
let team: Awaited<ReturnType<typeof teamOf>>;
let cohort: CohortCreated;
beforeAll(async () => {
  t = await createTestApp();
  team = await teamOf(t);
  // Starts next Monday, so the welcome names its first session.
  cohort = await makeCohort(t, team.tove, { startsOn: '2026-11-30', place: 'Storgatan 12, Demostad' });
});
afterAll(() => t.close());

const place = async (payload: object, cookie = team.tove) => {
  const res = await t.app.inject({ method: 'POST', url: `/api/cohorts/${cohort.id}/place`, headers: asBrowser(cookie), payload });
  return { status: res.statusCode, body: res.json() as PlaceResult };
};

describe('placing admitted applicants in a cohort', () => {
  it('makes a participant, starts their participant stage, gives them an account and welcomes them with a link to choose a password', async () => {
    const app = await admittedApplication(t, team.tove, { name: 'Siri Ström', track: 'relative', locale: 'en' });
    const { status, body } = await place({ applicationIds: [app.id] });
    expect(status).toBe(200);
    expect(body.skipped).toEqual([]);
    expect(body.placed).toHaveLength(1);
    expect(body.placed[0]).toMatchObject({ name: 'Siri Ström', email: app.email, track: 'relative', applicationId: app.id, status: 'active', personId: app.personId });
    expect(body.placed[0]!.attendance).toEqual({ held: 0, present: 0, absent: 0, excused: 0, percent: null });

    const stages = await t.svc.db.select().from(personStages).where(eq(personStages.personId, app.personId));
    expect(stages.find((s) => s.kind === 'applicant')?.endedOn).toBe('2026-11-23');
    expect(stages.find((s) => s.kind === 'participant')).toMatchObject({ startedOn: '2026-11-23', endedOn: null });

    const [account] = await t.svc.db.select().from(users).where(eq(users.email, app.email));
    expect(account).toMatchObject({ personId: app.personId, passwordHash: null, locale: 'en' });
    const roles = await t.svc.db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, account!.id));
    expect(roles.map((r) => r.role)).toEqual(['participant']);
    expect(body.placed[0]!.userId).toBe(account!.id);

    const welcome = (await mailTo(t, app.email)).at(-1)!;
    expect(welcome.subject).toBe(`Welcome to ${cohort.title}`);
    expect(welcome.text).toMatch(/First session: Monday(,)? 30 November 2026/);
    expect(welcome.text).toContain('Place: Storgatan 12, Demostad');
    expect(welcome.text).toMatch(/http:\/\/localhost:3000\/set-password#[A-Za-z0-9_-]{43}/);

    const [audit] = await t.svc.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'cohort.place'), eq(auditEvents.recordId, cohort.id)));
    expect(audit?.details).toMatchObject({ placed: [body.placed[0]!.id] });
  });

  it('names who it left out and why: not admitted, already placed, not found (another tenant)', async () => {
    const intake = await createIntake(t, team.tove);
    const pending = await apply(t, intake, { name: 'Pontus Väntan' });
    const admitted = await admittedApplication(t, team.tove, { name: 'Alma Antagen' });
    const foreign = await otherTenantApplication(t, team.otherTenantId);
    const first = await place({ applicationIds: [pending.id, admitted.id, foreign.applicationId] });
    expect(first.status).toBe(200);
    expect(first.body.placed.map((p) => p.name)).toEqual(['Alma Antagen']);
    expect(first.body.skipped).toEqual([
      { applicationId: pending.id, name: 'Pontus Väntan', email: pending.email, reason: 'not_admitted' },
      { applicationId: foreign.applicationId, name: null, email: null, reason: 'not_found' },
    ]);
    const again = await place({ applicationIds: [admitted.id] });
    expect(again.body).toMatchObject({ placed: [], skipped: [{ applicationId: admitted.id, reason: 'already_placed' }] });
    const rows = await t.svc.db.select().from(participants).where(eq(participants.applicationId, admitted.id));
    expect(rows).toHaveLength(1);
  });

  it('adds people by hand: a new person gets an account; an existing account gets the participant role and signs in as usual', async () => {
    const { status, body } = await place({
      persons: [
        { name: 'Nora Handlagd', email: 'Nora.Handlagd@Example.org', track: 'own_experience' },
        { name: 'Amira Sökande', email: demoEmail('applicant') },
        { name: 'Karen Administrator', email: OTHER_TENANT_ADMIN },
      ],
    });
    expect(status).toBe(200);
    expect(body.placed.map((p) => [p.name, p.email, p.track])).toEqual([
      ['Amira Sökande', demoEmail('applicant'), null],
      ['Nora Handlagd', 'nora.handlagd@example.org', 'own_experience'],
    ]);
    expect(body.skipped).toEqual([{ applicationId: null, name: 'Karen Administrator', email: OTHER_TENANT_ADMIN, reason: 'email_in_other_tenant' }]);
    expect((await mailTo(t, 'nora.handlagd@example.org')).at(-1)!.text).toContain('/set-password#');
    const amiraMail = (await mailTo(t, demoEmail('applicant'))).at(-1)!;
    expect(amiraMail.subject).toBe(`Välkommen till ${cohort.title}`);
    expect(amiraMail.text).toContain('http://localhost:3000/sign-in');
    expect(amiraMail.text).not.toContain('/set-password');

    // Her session now carries the new role: she sees the cohort's sessions as a participant.
    const amira = await t.signIn('applicant');
    const mine = await t.app.inject({ url: '/api/sessions/mine', headers: { cookie: amira } });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items[0]).toMatchObject({ cohortId: cohort.id, cohortTitle: cohort.title, role: 'participant' });
    expect(mine.json().items).toHaveLength(cohort.sessions.length);
  });

  it('is for the training team only, and answers 404 for a cohort of another tenant', async () => {
    const peer = await t.signIn('peer');
    expect((await place({ persons: [{ name: 'X', email: 'x@example.org' }] }, peer)).status).toBe(403);
    const otherTrainer = await makeUser(t, team.otherTenantId, 'trainer', 'Mads Underviser');
    expect((await place({ persons: [{ name: 'X', email: 'x@example.org' }] }, otherTrainer.cookie)).status).toBe(404);
  });
});
