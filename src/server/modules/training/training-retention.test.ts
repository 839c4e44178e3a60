import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { asBrowser, createTestApp, type TestApp } from '../../../../tests/helpers/test-app.ts';
import { runRetention } from '../retention/retention.service.ts';
import { monthsBefore } from './training.retention.ts';
import { attendance, checkins, followUpNotes, participants, peerProfiles, taskSubmissions } from './training.tables.ts';
import { teamOf } from './training.test-support.ts';
import { cohortWithParticipants, makeTask, setAttendance, type SignedInParticipant, type Team } from './training-work.test-support.ts';

let t: TestApp;
let team: Team;
beforeAll(async () => {
  t = await createTestApp();
  team = await teamOf(t);
});
afterAll(() => t.close());

const post = (url: string, payload: object, cookie = team.tove) => t.app.inject({ method: 'POST', url, payload, headers: asBrowser(cookie) });
const put = (url: string, payload: object, cookie: string) => t.app.inject({ method: 'PUT', url, payload, headers: asBrowser(cookie) });

/** A participant with a note, a check-in and a hand-in with feedback, completed. */
async function trainedParticipant(name: string): Promise<{ p: SignedInParticipant; endsOn: string }> {
  const { cohort, people } = await cohortWithParticipants(t, team, [name]);
  const p = people[0]!;
  const task = await makeTask(t, team.tove, cohort.id);
  const handIn = await put(`/api/reflection-tasks/${task.id}/submission`, { text: `Reflektion av ${name}: modet att berätta.` }, p.cookie);
  await post(`/api/task-submissions/${handIn.json().id}/feedback`, { feedback: 'Starkt skrivet.' });
  await put('/api/check-ins', { week: 1, answers: { wellbeing: 4, energy: 4, belonging: 4, coping: 4 }, comment: 'Lugn vecka.' }, p.cookie);
  await post(`/api/participants/${p.id}/notes`, { note: 'Växer i rollen.' });
  await setAttendance(t, { ...p, tenantId: team.tenantId }, (n) => n);
  expect((await post(`/api/participants/${p.id}/complete`, {})).statusCode).toBe(200);
  return { p, endsOn: cohort.endsOn };
}

const processRows = async (participantId: string) => ({
  notes: (await t.svc.db.select().from(followUpNotes).where(eq(followUpNotes.participantId, participantId))).length,
  checkins: (await t.svc.db.select().from(checkins).where(eq(checkins.participantId, participantId))).length,
  handIns: (await t.svc.db.select().from(taskSubmissions).where(eq(taskSubmissions.participantId, participantId))).length,
});

describe('retention and personal data of training', () => {
  it('counts twelve months back to the same day, or the end of a shorter month', () => {
    expect(monthsBefore('2027-12-11', 12)).toBe('2026-12-11');
    expect(monthsBefore('2027-02-28', 12)).toBe('2026-02-28');
    expect(monthsBefore('2025-03-31', 1)).toBe('2025-02-28');
  });

  it('deletes notes, check-ins and hand-ins 12 months after the cohort ends, and keeps the completion and attendance', async () => {
    const { p, endsOn } = await trainedParticipant('Ann Andersson');
    expect(await processRows(p.id)).toEqual({ notes: 1, checkins: 1, handIns: 1 });

    const [y, m, d] = endsOn.split('-');
    t.clock.current = new Date(`${Number(y) + 1}-${m}-${d}T09:00:00Z`);
    t.clock.advance(-24 * 3_600_000);
    await runRetention(t.svc);
    expect(await processRows(p.id)).toEqual({ notes: 1, checkins: 1, handIns: 1 });

    t.clock.advance(24 * 3_600_000);
    const deleted = await runRetention(t.svc);
    expect(deleted.trainingProcess).toBeGreaterThanOrEqual(3);
    expect(await processRows(p.id)).toEqual({ notes: 0, checkins: 0, handIns: 0 });
    const [kept] = await t.svc.db.select().from(participants).where(eq(participants.id, p.id));
    expect(kept).toMatchObject({ status: 'completed', certificateNumber: expect.stringMatching(/^PB-C-2026-/) });
    expect((await t.svc.db.select().from(attendance).where(eq(attendance.participantId, p.id))).length).toBeGreaterThan(0);
    // A year on, the team signs in again (sessions end).
    const certificate = await t.app.inject({ url: `/api/participants/${p.id}/certificate.pdf`, headers: { cookie: await t.signIn('trainer') } });
    expect(certificate.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
  });

  it("exports a person's training with the hand-in, feedback, check-ins and the team's notes, and erases it all", async () => {
    t.clock.current = new Date('2026-11-23T09:00:00Z');
    team = await teamOf(t);
    const { p } = await trainedParticipant('Bo Berg');
    const admin = await t.signIn('admin');
    const exported = (await t.app.inject({ url: `/api/persons/${p.personId}/export`, headers: { cookie: admin } })).json();
    const [participation] = exported.training.participations;
    expect(participation).toMatchObject({
      status: 'completed',
      certificateNumber: expect.stringMatching(/^PB-C-2026-/),
      handIns: [{ text: 'Reflektion av Bo Berg: modet att berätta.', feedback: 'Starkt skrivet.' }],
      checkins: [{ week: 1, comment: 'Lugn vecka.' }],
      followUpNotes: [{ note: 'Växer i rollen.' }],
    });
    expect(participation.sessions.every((s: { attendance: string }) => s.attendance === 'present')).toBe(true);
    expect(exported.training.peerProfile).toMatchObject({ track: 'own_experience' });

    const erased = await t.app.inject({ method: 'POST', url: `/api/persons/${p.personId}/erase`, headers: asBrowser(admin) });
    expect(erased.statusCode).toBe(200);
    expect(erased.json().erased).toMatchObject({ training: 2 });
    expect(await t.svc.db.select().from(participants).where(eq(participants.id, p.id))).toEqual([]);
    expect(await t.svc.db.select().from(peerProfiles).where(inArray(peerProfiles.personId, [p.personId]))).toEqual([]);
  });
});
