import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asBrowser, createTestApp, type TestApp } from '../../../../tests/helpers/test-app.ts';
import type { CohortDetail, CohortSummary, SessionView } from '../../../shared/contracts/training.ts';
import { makeCohort, makeParticipant, makeUser, teamOf } from './training.test-support.ts';

let t: TestApp;
let team: Awaited<ReturnType<typeof teamOf>>;
beforeAll(async () => {
  t = await createTestApp();
  team = await teamOf(t);
});
afterAll(() => t.close());

const get = (url: string, cookie = team.tove) => t.app.inject({ url, headers: { cookie } });
const send = (method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, cookie = team.tove) =>
  t.app.inject({ method, url, headers: asBrowser(cookie), ...(payload ? { payload } : {}) });

describe('cohorts', () => {
  it('shows the demo: one cohort in progress (6 participants, with their rates) and one completed', async () => {
    const running = (await get('/api/cohorts?status=in_progress&kind=peer_training')).json().items as CohortSummary[];
    const autumn = running.find((c) => c.title === 'PEER höst 2026')!;
    expect(autumn).toMatchObject({ courseTitle: { sv: 'PEER Support-utbildning' }, counts: { sessions: 15, active: 6 } });
    const completed = (await get('/api/cohorts?status=completed')).json().items as CohortSummary[];
    expect(completed.find((c) => c.title === 'PEER vår 2026')).toMatchObject({ startsOn: '2026-03-02', counts: { completed: 5 } });
    // A Recovery College run counts its enrolments: the demo's first run is full, with two waiting.
    const runs = (await get('/api/cohorts?kind=recovery_college')).json().items as CohortSummary[];
    expect(runs.map((r) => [r.capacity, r.counts.enrolled, r.counts.waitlisted])).toContainEqual([12, 12, 2]);

    const detail = (await get(`/api/cohorts/${autumn.id}`)).json() as CohortDetail;
    expect(detail.participants.map((p) => p.name)).toContain('Dana Deltagare');
    // Attendance was taken until the demo was made (a Sunday, after week 3); the test clock is later, so week 5 counts as held, not taken.
    const dana = detail.participants.find((p) => p.name === 'Dana Deltagare')!;
    expect(dana.attendance).toMatchObject({ held: 15, present: 9, excused: 1 });
    expect(detail.sessions.filter((s) => s.attendanceTaken)).toHaveLength(10);
  });

  it('filters by course, and changes title, place and status; the end may not come before the start', async () => {
    const cohort = await makeCohort(t, team.tove);
    const byCourse = (await get(`/api/cohorts?courseId=${cohort.courseId}`)).json().items as CohortSummary[];
    expect(byCourse.map((c) => c.id)).toEqual([cohort.id]);
    const res = await send('PATCH', `/api/cohorts/${cohort.id}`, { title: 'PEER vinter 2026', place: 'Hamngatan 3', status: 'in_progress' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ title: 'PEER vinter 2026', place: 'Hamngatan 3', status: 'in_progress', startsOn: cohort.startsOn });
    const bad = await send('PATCH', `/api/cohorts/${cohort.id}`, { endsOn: '2026-01-01' });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields)).toEqual(['endsOn']);
  });
});

describe('sessions', () => {
  it('adds a session, edits topic, leaders and materials, and lists them by time', async () => {
    const cohort = await makeCohort(t, team.tove, { startsOn: '2026-12-07' });
    const added = await send('POST', '/api/sessions', { cohortId: cohort.id, startsAt: '2026-12-19T09:00:00+01:00', endsAt: '2026-12-19T12:00:00+01:00', topic: 'Extra: julfika' });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ week: 2, place: cohort.place, topic: 'Extra: julfika', leaders: [] });

    const first = cohort.sessions[0]!;
    const edited = await send('PATCH', `/api/sessions/${first.id}`, {
      topic: 'Återhämtning – vad är det?',
      leaderUserIds: [team.tageId, team.peerId],
      materials: [{ label: 'Övningsblad', url: 'https://example.org/ovning.pdf' }],
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ topic: 'Återhämtning – vad är det?', leaders: [{ id: team.tageId, name: 'Tage Utbildare' }, { id: team.peerId, name: 'Pelle Peer' }] });
    expect(edited.json().materials).toEqual([{ label: 'Övningsblad', url: 'https://example.org/ovning.pdf' }]);

    const list = (await get(`/api/sessions?cohortId=${cohort.id}`)).json().items as SessionView[];
    expect(list.map((s) => s.topic)).toContain('Extra: julfika');
    expect(list.map((s) => s.startsAt)).toEqual([...list.map((s) => s.startsAt)].sort());

    const peer = await t.signIn('peer');
    const mine = (await get('/api/sessions/mine?from=2026-12-01', peer)).json().items;
    expect(mine.find((s: { id: string }) => s.id === first.id)).toMatchObject({ role: 'leader', cohortTitle: cohort.title, courseTitle: { sv: expect.stringContaining('PEER') } });
  });

  it('takes only active trainers and peers of the tenant as leaders, and an end after the start', async () => {
    const cohort = await makeCohort(t, team.tove);
    const id = cohort.sessions[0]!.id;
    const participantLeader = await send('PATCH', `/api/sessions/${id}`, { leaderUserIds: [team.participantUserId] });
    expect(Object.keys(participantLeader.json().error.fields)).toEqual(['leaderUserIds']);
    const other = await makeUser(t, team.otherTenantId, 'trainer', 'Mads Underviser');
    expect((await send('PATCH', `/api/sessions/${id}`, { leaderUserIds: [other.id] })).statusCode).toBe(400);
    const backwards = await send('PATCH', `/api/sessions/${id}`, { endsAt: '2026-01-01T08:00:00Z' });
    expect(Object.keys(backwards.json().error.fields)).toEqual(['endsAt']);
    const options = (await get('/api/course-leaders')).json().items as { name: string; role: string }[];
    expect(options).toEqual(expect.arrayContaining([{ id: team.toveId, name: 'Tove Utbildare', role: 'trainer' }, { id: team.peerId, name: 'Pelle Peer', role: 'peer' }]));
    expect(options.map((o) => o.name)).not.toContain('Dana Deltagare');
  });

  it('removes a session without attendance; one with attendance is a conflict', async () => {
    const cohort = await makeCohort(t, team.tove);
    const p = await makeParticipant(t, team.tove, cohort.id);
    const [taken, free] = cohort.sessions;
    await t.app.inject({ method: 'PUT', url: '/api/attendance', headers: asBrowser(team.tove), payload: { sessionId: taken!.id, records: [{ participantId: p.id, status: 'present' }] } });
    expect((await send('DELETE', `/api/sessions/${taken!.id}`)).statusCode).toBe(409);
    expect((await send('DELETE', `/api/sessions/${free!.id}`)).statusCode).toBe(204);
    expect((await get(`/api/cohorts/${cohort.id}`)).json().counts.sessions).toBe(14);
  });

  it("answers 404 to another tenant's trainer and 403 to roles outside the team", async () => {
    const cohort = await makeCohort(t, team.tove);
    const session = cohort.sessions[0]!;
    const other = await makeUser(t, team.otherTenantId, 'trainer', 'Mads Underviser');
    expect((await get(`/api/cohorts/${cohort.id}`, other.cookie)).statusCode).toBe(404);
    expect((await send('PATCH', `/api/cohorts/${cohort.id}`, { title: 'x' }, other.cookie)).statusCode).toBe(404);
    expect((await send('PATCH', `/api/sessions/${session.id}`, { topic: 'x' }, other.cookie)).statusCode).toBe(404);
    expect((await send('DELETE', `/api/sessions/${session.id}`, undefined, other.cookie)).statusCode).toBe(404);
    expect((await get(`/api/sessions?cohortId=${cohort.id}`, other.cookie)).statusCode).toBe(404);
    expect((await send('POST', '/api/cohorts', { courseId: cohort.courseId, title: 'x', startsOn: '2026-12-07' }, other.cookie)).statusCode).toBe(400);
    const peer = await t.signIn('peer');
    expect((await get(`/api/cohorts/${cohort.id}`, peer)).statusCode).toBe(403);
    expect((await send('PATCH', `/api/sessions/${session.id}`, { topic: 'x' }, peer)).statusCode).toBe(403);
  });
});
