import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { asBrowser, createTestApp, type TestApp } from '../../../../tests/helpers/test-app.ts';
import type { AttendanceRoll, CohortCreated, ParticipantView } from '../../../shared/contracts/training.ts';
import { auditEvents } from '../audit/audit.tables.ts';
import { leaderHours } from './training.tables.ts';
import { makeCohort, makeUser, teamOf } from './training.test-support.ts';

let t: TestApp;
let team: Awaited<ReturnType<typeof teamOf>>;
let cohort: CohortCreated;
let group: ParticipantView[];
beforeAll(async () => {
  t = await createTestApp();
  team = await teamOf(t);
  // Started 2026-11-09: the five sessions of week 1 are past, and week 3 began this morning (the clock: Monday 2026-11-23 10:00 local).
  cohort = await makeCohort(t, team.tove, { leaderUserIds: [team.toveId] });
  const persons = Array.from({ length: 16 }, (_, i) => ({ name: `Deltagare ${String(i + 1).padStart(2, '0')}`, email: `deltagare-${i + 1}@example.org` }));
  const res = await t.app.inject({ method: 'POST', url: `/api/cohorts/${cohort.id}/place`, headers: asBrowser(team.tove), payload: { persons } });
  group = res.json().placed;
});
afterAll(() => t.close());

const roll = (sessionId: string, cookie = team.tove) => t.app.inject({ url: `/api/attendance?sessionId=${sessionId}`, headers: { cookie } });
const save = (sessionId: string, records: object[], cookie = team.tove) =>
  t.app.inject({ method: 'PUT', url: '/api/attendance', headers: asBrowser(cookie), payload: { sessionId, records } });
const allPresent = () => group.map((p) => ({ participantId: p.id, status: 'present' }));

describe('attendance', () => {
  it('takes the roll of 16 in one call: everyone present but a few', async () => {
    const first = cohort.sessions[0]!;
    const before = (await roll(first.id)).json() as AttendanceRoll;
    expect(before.items).toHaveLength(16);
    expect(before.items.every((i) => i.status === null)).toBe(true);
    expect(before.recordedAt).toBeNull();
    expect(before.session).toMatchObject({ id: first.id, cohortTitle: cohort.title, week: 1 });

    const records = allPresent();
    records[3] = { participantId: group[3]!.id, status: 'absent' };
    records[7] = { participantId: group[7]!.id, status: 'excused', note: 'Läkarbesök' } as (typeof records)[number];
    const res = await save(first.id, records);
    expect(res.statusCode).toBe(200);
    const after = res.json() as AttendanceRoll;
    expect(after.items.filter((i) => i.status === 'present')).toHaveLength(14);
    expect(after.items[7]).toMatchObject({ name: 'Deltagare 08', status: 'excused', note: 'Läkarbesök' });
    expect(after.session.attendanceTaken).toBe(true);
    expect(after.recordedAt).toBe(t.clock.now().toISOString());

    const [audit] = await t.svc.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'attendance.save'), eq(auditEvents.recordId, first.id)));
    expect(audit?.details).toMatchObject({ present: 14, absent: 1, excused: 1 });
  });

  it('shows each participant’s rate: present out of the sessions held so far, excused apart but not counted as present', async () => {
    await save(cohort.sessions[1]!.id, [{ participantId: group[7]!.id, status: 'excused' }, { participantId: group[0]!.id, status: 'present' }]);
    const list = await t.app.inject({ url: `/api/participants?cohortId=${cohort.id}`, headers: { cookie: team.tove } });
    const byName = new Map((list.json().items as ParticipantView[]).map((p) => [p.name, p.attendance]));
    // Six sessions have started: week 1 and this morning's.
    expect(byName.get('Deltagare 01')).toEqual({ held: 6, present: 2, absent: 0, excused: 0, percent: 33 });
    expect(byName.get('Deltagare 04')).toEqual({ held: 6, present: 0, absent: 1, excused: 0, percent: 0 });
    expect(byName.get('Deltagare 08')).toEqual({ held: 6, present: 0, absent: 0, excused: 2, percent: 0 });
    const detail = await t.app.inject({ url: `/api/cohorts/${cohort.id}`, headers: { cookie: team.tove } });
    expect(detail.json().counts).toMatchObject({ sessions: 15, sessionsHeld: 6, participants: 16, active: 16 });
  });

  it('lets a peer take attendance for a session they lead, records their hours, and refuses another peer', async () => {
    const today = cohort.sessions.find((s) => s.startsAt.startsWith('2026-11-23'))!;
    await t.app.inject({ method: 'PATCH', url: `/api/sessions/${today.id}`, headers: asBrowser(team.tove), payload: { leaderUserIds: [team.toveId, team.peerId] } });
    const peer = await t.signIn('peer');
    const otherPeer = await makeUser(t, team.tenantId, 'peer', 'Petra Peer');
    expect((await roll(today.id, peer)).statusCode).toBe(200);
    expect((await roll(today.id, otherPeer.cookie)).statusCode).toBe(403);
    expect((await save(today.id, allPresent(), otherPeer.cookie)).statusCode).toBe(403);
    expect((await save(today.id, allPresent(), peer)).statusCode).toBe(200);

    const hours = await t.svc.db.select().from(leaderHours).where(eq(leaderHours.sessionId, today.id));
    // Only the peer is paid per session; the trainer leads as part of the job.
    expect(hours.map((h) => [h.userId, Number(h.hours)])).toEqual([[team.peerId, 6]]);
    // Saving again corrects the roll without a second row of hours.
    expect((await save(today.id, [{ participantId: group[0]!.id, status: 'absent' }], peer)).statusCode).toBe(200);
    expect(await t.svc.db.select().from(leaderHours).where(eq(leaderHours.sessionId, today.id))).toHaveLength(1);
  });

  it('refuses a participant, a session days ahead, someone not in the cohort, and a session of another tenant', async () => {
    const dana = await t.signIn('participant');
    expect((await roll(cohort.sessions[0]!.id, dana)).statusCode).toBe(403);
    const later = cohort.sessions.at(-1)!;
    expect((await save(later.id, allPresent())).json().error.code).toBe('CONFLICT');
    const stranger = await makeCohort(t, team.tove);
    const outsider = await t.app.inject({ method: 'POST', url: `/api/cohorts/${stranger.id}/place`, headers: asBrowser(team.tove), payload: { persons: [{ name: 'Ute Från', email: 'ute@example.org' }] } });
    const wrong = await save(cohort.sessions[0]!.id, [{ participantId: outsider.json().placed[0].id, status: 'present' }]);
    expect(wrong.statusCode).toBe(400);
    expect(Object.keys(wrong.json().error.fields)).toEqual(['records']);
    const otherTrainer = await makeUser(t, team.otherTenantId, 'trainer', 'Mads Underviser');
    expect((await roll(cohort.sessions[0]!.id, otherTrainer.cookie)).statusCode).toBe(404);
  });
});

describe("livelihood: the team's eyes only", () => {
  it('is recorded by the team (audited) and never appears in what a participant can call', async () => {
    const placed = await t.app.inject({ method: 'POST', url: `/api/cohorts/${cohort.id}/place`, headers: asBrowser(team.tove), payload: { persons: [{ name: 'Dana Deltagare', email: 'participant@demo.peerbridge.test' }] } });
    const danaId = placed.json().placed[0].id as string;
    const res = await t.app.inject({ method: 'PATCH', url: `/api/participants/${danaId}`, headers: asBrowser(team.tove), payload: { livelihood: 'sickness_compensation' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Dana Deltagare', livelihood: 'sickness_compensation' });
    const [audit] = await t.svc.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'participant.livelihood'), eq(auditEvents.recordId, danaId)));
    expect(audit?.details ?? {}).not.toHaveProperty('livelihood');

    const me = await t.signIn('participant');
    const mine = await t.app.inject({ url: '/api/sessions/mine?from=2026-11-01', headers: { cookie: me } });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items.some((s: { cohortId: string }) => s.cohortId === cohort.id)).toBe(true);
    expect(mine.body).not.toMatch(/livelihood|sickness/);
    for (const url of [`/api/participants/${danaId}`, `/api/participants?cohortId=${cohort.id}`, `/api/cohorts/${cohort.id}`]) {
      expect((await t.app.inject({ url, headers: { cookie: me } })).statusCode).toBe(403);
    }
    const peerPatch = await t.app.inject({ method: 'PATCH', url: `/api/participants/${danaId}`, headers: asBrowser(await t.signIn('peer')), payload: { livelihood: 'salary' } });
    expect(peerPatch.statusCode).toBe(403);
  });

  it("audits every list that shows a participant's livelihood, so their access log names the reader", async () => {
    const reads = async () => (await t.svc.db.select().from(auditEvents).where(eq(auditEvents.action, 'participant.livelihood_read'))).length;
    const before = await reads();
    const list = await t.app.inject({ url: `/api/participants?cohortId=${cohort.id}`, headers: { cookie: team.tove } });
    const shown = (list.json().items as ParticipantView[]).filter((p) => p.livelihood !== null);
    expect(shown.length).toBeGreaterThan(0);
    expect(await reads()).toBe(before + shown.length);
    await t.app.inject({ url: `/api/cohorts/${cohort.id}`, headers: { cookie: team.tove } });
    expect(await reads()).toBe(before + 2 * shown.length);
    const [event] = await t.svc.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'participant.livelihood_read'), eq(auditEvents.recordId, shown[0]!.id)));
    expect(event).toMatchObject({ subjectPersonId: shown[0]!.personId, details: null });
  });
});
