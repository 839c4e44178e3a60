import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { asBrowser, createTestApp, type TestApp } from '../../../../tests/helpers/test-app.ts';
import { personStages } from '../persons/persons.tables.ts';
import { mailTo } from '../recruitment/applications.test-support.ts';
import { participants, peerProfiles } from './training.tables.ts';
import { teamOf } from './training.test-support.ts';
import { cohortWithParticipants, makeTask, setAttendance, type SignedInParticipant, type Team } from './training-work.test-support.ts';

let t: TestApp;
let team: Team;
let tenantId: string;
let people: SignedInParticipant[];
let taskId: string;
beforeAll(async () => {
  t = await createTestApp();
  team = await teamOf(t);
  tenantId = team.tenantId;
  const made = await cohortWithParticipants(t, team, ['Ann Andersson', 'Bo Berg', 'Cilla Carlsson']);
  people = made.people;
  taskId = (await makeTask(t, team.tove, made.cohort.id)).id;
});
afterAll(() => t.close());

const post = (url: string, payload: object = {}, cookie = team.tove) => t.app.inject({ method: 'POST', url, payload, headers: asBrowser(cookie) });
const handIn = (p: SignedInParticipant) => t.app.inject({ method: 'PUT', url: `/api/reflection-tasks/${taskId}/submission`, payload: { text: 'Min reflektion.' }, headers: asBrowser(p.cookie) });
const stagesOf = async (personId: string) =>
  (await t.svc.db.select().from(personStages).where(eq(personStages.personId, personId))).map((s) => `${s.kind}:${s.endedOn ? 'ended' : 'open'}`).sort();

describe('completion', () => {
  it('shows the criteria with the figures, and refuses below 80 % attendance unless overridden with a reason', async () => {
    const bo = people[1]!;
    // One session short of 80 % of every session of the cohort.
    await setAttendance(t, { ...bo, tenantId }, (n) => Math.ceil(n * 0.8) - 1);
    await handIn(bo);
    const status = (await t.app.inject({ url: `/api/participants/${bo.id}/completion`, headers: { cookie: team.tove } })).json();
    expect(status).toMatchObject({ status: 'active', rule: { minAttendancePercent: 80, allReflectionTasks: true }, attendanceMet: false, tasksMet: true, criteriaMet: false, tasks: { total: 1, handedIn: 1 } });
    expect(status.attendance.percent).toBeLessThan(80);

    const refused = await post(`/api/participants/${bo.id}/complete`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('WRONG_STAGE');
    const noReason = await post(`/api/participants/${bo.id}/complete`, { override: true });
    expect(noReason.statusCode).toBe(400);
    expect(Object.keys(noReason.json().error.fields)).toEqual(['reason']);

    const done = await post(`/api/participants/${bo.id}/complete`, { override: true, reason: 'Sjuk en vecka, tog igen allt med kursledaren.' });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'completed', certificateNumber: expect.stringMatching(/^PB-C-2026-\d{4}$/) });
    const notes = (await t.app.inject({ url: `/api/participants/${bo.id}/notes`, headers: { cookie: team.tove } })).json().items;
    expect(notes.map((n: { note: string }) => n.note)).toEqual([expect.stringContaining('Sjuk en vecka')]);
  });

  it('completes at 80 % with every task: certificate, peer profile, stages moved, e-mail with the PDF', async () => {
    const ann = people[0]!;
    await setAttendance(t, { ...ann, tenantId }, (n) => Math.ceil(n * 0.8));
    const missingTask = (await t.app.inject({ url: `/api/participants/${ann.id}/completion`, headers: { cookie: team.tove } })).json();
    expect(missingTask).toMatchObject({ attendanceMet: true, tasksMet: false, criteriaMet: false });
    await handIn(ann);

    const done = await post(`/api/participants/${ann.id}/complete`);
    expect(done.statusCode).toBe(200);
    const view = done.json();
    expect(view).toMatchObject({ status: 'completed', criteriaMet: true, certificateUrl: `/api/participants/${ann.id}/certificate.pdf`, peerProfileId: expect.any(String) });
    expect(view.attendance.percent).toBeGreaterThanOrEqual(80);

    const [profile] = await t.svc.db.select().from(peerProfiles).where(eq(peerProfiles.personId, ann.personId));
    expect(profile).toMatchObject({ id: view.peerProfileId, track: 'own_experience', status: 'active', trainedInCohortId: ann.cohortId });
    expect(await stagesOf(ann.personId)).toEqual(['participant:ended', 'peer:open']);

    const mail = (await mailTo(t, ann.email!)).find((m) => m.subject.startsWith('Grattis'))!;
    expect(mail.text).toContain(view.certificateNumber);
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]!.filename).toBe(`intyg-${view.certificateNumber}.pdf`);
    expect(Buffer.from(mail.attachments[0]!.content, 'base64').subarray(0, 4).toString()).toBe('%PDF');

    const own = await t.app.inject({ url: view.certificateUrl, headers: { cookie: ann.cookie } });
    expect(own.statusCode).toBe(200);
    expect(own.headers['content-type']).toBe('application/pdf');
    expect(own.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    expect((await t.app.inject({ url: view.certificateUrl, headers: { cookie: people[2]!.cookie } })).statusCode).toBe(403);
    expect((await t.app.inject({ url: view.certificateUrl, headers: { cookie: team.tage } })).statusCode).toBe(200);
    expect((await post(`/api/participants/${ann.id}/complete`)).statusCode).toBe(409);
  });

  it('interrupts with an encrypted reason and ends the participant stage; no completion after', async () => {
    const cilla = people[2]!;
    const res = await post(`/api/participants/${cilla.id}/interrupt`, { reason: 'Behöver fokusera på sin hälsa just nu.', returnLater: true });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'interrupted', interruption: { reason: 'Behöver fokusera på sin hälsa just nu.' }, certificateUrl: null });
    const [row] = await t.svc.db.select().from(participants).where(and(eq(participants.id, cilla.id)));
    expect(row!.interruptionReasonEncrypted).toMatch(/^v1\./);
    expect(await stagesOf(cilla.personId)).toEqual(['participant:ended']);
    expect((await post(`/api/participants/${cilla.id}/complete`, { override: true, reason: 'Ändå?' })).statusCode).toBe(409);
    expect((await t.app.inject({ url: `/api/participants/${cilla.id}/certificate.pdf`, headers: { cookie: team.tove } })).statusCode).toBe(404);
  });
});
