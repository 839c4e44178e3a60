import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { asBrowser, createTestApp, type TestApp } from '../../../../tests/helpers/test-app.ts';
import { auditEvents } from '../audit/audit.tables.ts';
import { followUpNotes } from './training.tables.ts';
import { teamOf } from './training.test-support.ts';
import { cohortWithParticipants, makeTask, setAttendance, type SignedInParticipant, type Team } from './training-work.test-support.ts';

let t: TestApp;
let team: Team;
let ann: SignedInParticipant;
let bo: SignedInParticipant;
let cohortId: string;
beforeAll(async () => {
  t = await createTestApp();
  team = await teamOf(t);
  const made = await cohortWithParticipants(t, team, ['Ann Andersson', 'Bo Berg']);
  cohortId = made.cohort.id;
  [ann, bo] = made.people as [SignedInParticipant, SignedInParticipant];
});
afterAll(() => t.close());

const secretNote = 'Orolig för boendesituationen, ringer socialtjänsten';
const myTraining = async (cookie: string) => t.app.inject({ url: '/api/my-training', headers: { cookie } });

describe('follow-up notes', () => {
  it('keeps dated notes with their author for the team, encrypted and audited', async () => {
    const created = await t.app.inject({ method: 'POST', url: `/api/participants/${ann.id}/notes`, headers: asBrowser(team.tove), payload: { note: secretNote } });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ note: secretNote, authorName: 'Tove Utbildare', createdAt: t.clock.now().toISOString() });
    const [row] = await t.svc.db.select().from(followUpNotes).where(eq(followUpNotes.participantId, ann.id));
    expect(row!.noteEncrypted).not.toContain('boende');

    const list = await t.app.inject({ url: `/api/participants/${ann.id}/notes`, headers: { cookie: team.tage } });
    expect(list.json().items.map((n: { note: string }) => n.note)).toEqual([secretNote]);
    const audited = await t.svc.db.select().from(auditEvents).where(and(eq(auditEvents.subjectPersonId, ann.personId), eq(auditEvents.action, 'follow_up_note.read')));
    expect(audited).toHaveLength(1);
    expect(JSON.stringify(audited)).not.toContain('boende');
  });

  it('never shows the notes to the participant: 403 on the notes route, and nothing in their own view', async () => {
    expect((await t.app.inject({ url: `/api/participants/${ann.id}/notes`, headers: { cookie: ann.cookie } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: `/api/participants/${ann.id}/notes`, headers: asBrowser(ann.cookie), payload: { note: 'Min egen' } })).statusCode).toBe(403);
    const livelihood = await t.app.inject({ method: 'PATCH', url: `/api/participants/${ann.id}`, headers: asBrowser(team.tove), payload: { livelihood: 'sickness_compensation' } });
    expect(livelihood.statusCode).toBe(200);
    await t.app.inject({ method: 'PUT', url: '/api/check-ins', headers: asBrowser(ann.cookie), payload: { week: 1, answers: { wellbeing: 2, energy: 2, belonging: 4, coping: 4 } } });
    const own = await myTraining(ann.cookie);
    expect(own.statusCode).toBe(200);
    expect(own.body).not.toContain('boendesituationen');
    expect(own.body).not.toMatch(/livelihood|sickness_compensation|flag/i);
  });
});

describe("the participant's own view", () => {
  it('shows my cohort, sessions with my attendance, tasks with hand-in and feedback, and which check-ins are due', async () => {
    await setAttendance(t, { ...bo, tenantId: team.tenantId }, () => 3);
    const task = await makeTask(t, team.tove, cohortId, { title: 'Min väg hit', dueOn: '2026-11-20' });
    const later = await makeTask(t, team.tove, cohortId, { week: 4, title: 'Mötet', dueOn: '2026-12-04' });
    const handIn = await t.app.inject({ method: 'PUT', url: `/api/reflection-tasks/${task.id}/submission`, headers: asBrowser(bo.cookie), payload: { text: 'Så kom jag hit.' } });
    await t.app.inject({ method: 'POST', url: `/api/task-submissions/${handIn.json().id}/feedback`, headers: asBrowser(team.tove), payload: { feedback: 'Tack, Bo!' } });
    await t.app.inject({ method: 'PUT', url: '/api/check-ins', headers: asBrowser(bo.cookie), payload: { week: 1, answers: { wellbeing: 4, energy: 4, belonging: 5, coping: 4 }, comment: 'Bra vecka.' } });

    const res = await myTraining(bo.cookie);
    expect(res.statusCode).toBe(200);
    const p = res.json().participation;
    expect(p).toMatchObject({ participantId: bo.id, status: 'active', cohort: { id: cohortId }, completedAt: null, certificateUrl: null });
    expect(p.sessions.slice(0, 4).map((s: { myAttendance: string | null }) => s.myAttendance)).toEqual(['present', 'present', 'present', 'absent']);
    expect(p.attendance).toMatchObject({ present: 3, sessions: p.sessions.length });
    expect(p.tasks.map((x: { title: string }) => x.title)).toEqual(['Min väg hit', 'Mötet']);
    expect(p.tasks[0].submission).toMatchObject({ text: 'Så kom jag hit.', feedback: 'Tack, Bo!', feedbackByName: 'Tove Utbildare', canReplace: false });
    expect(p.tasks.find((x: { id: string }) => x.id === later.id).submission).toBeNull();
    // Week 1 is done, week 3 has started and waits, week 5 is still ahead; reflection weeks take no check-in.
    expect(p.weeks.map((w: { week: number; checkinDue: boolean }) => `${w.week}:${w.checkinDue}`)).toEqual(['1:false', '2:false', '3:true', '4:false', '5:false']);
    expect(p.weeks[0].checkin).toMatchObject({ comment: 'Bra vecka.', answers: { belonging: 5 } });
  });

  it('is for participants only', async () => {
    expect((await myTraining(team.tove)).statusCode).toBe(403);
  });
});
