import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { asBrowser, createTestApp, type TestApp } from '../../../../tests/helpers/test-app.ts';
import { SECOND_TRAINER } from '../../demo/seed.ts';
import { applications, interviews, interviewScores } from './recruitment.tables.ts';
import { addSlot, book, demoTeam, makeApplication, makeIntake, type TestApplicant } from './interviews.test-support.ts';

let t: TestApp;
let team: Awaited<ReturnType<typeof demoTeam>>;
let intakeId: string;
let applicant: TestApplicant;
let laterApplicant: TestApplicant;
let interviewId: string;

const HOUR = 3_600_000;
const complete = {
  questionScores: [{ questionId: 'q1', score: 4 }, { questionId: 'q2', score: 3 }],
  criterionScores: [{ criterionId: 'c1', score: 5 }, { criterionId: 'c2', score: 2 }],
};
const score = (cookie: string, payload: Record<string, unknown>, id = interviewId) =>
  t.app.inject({ method: 'POST', url: `/api/interviews/${id}/scores`, headers: asBrowser(cookie), payload });
const stageOf = async (id: string) => (await t.svc.db.select({ stage: applications.stage }).from(applications).where(eq(applications.id, id)))[0]!.stage;

beforeAll(async () => {
  t = await createTestApp();
  team = await demoTeam(t);
  intakeId = await makeIntake(t, team.tenantId);
  const trainer = await t.signIn('trainer');
  // Tove alone interviews the first applicant tomorrow; both interview the second the day after.
  const tomorrow = await addSlot(t, trainer, { intakeId, hoursFromNow: 24, interviewerUserIds: [team.trainerId] });
  const dayAfter = await addSlot(t, trainer, { intakeId, hoursFromNow: 48, interviewerUserIds: [team.trainerId, team.trainer2Id] });
  applicant = await makeApplication(t, { tenantId: team.tenantId, intakeId, name: 'Ada Andersson' });
  laterApplicant = await makeApplication(t, { tenantId: team.tenantId, intakeId, name: 'Bo Berg' });
  await book(t, laterApplicant.token, dayAfter);
  await book(t, applicant.token, tomorrow);
  interviewId = (await t.svc.db.select().from(interviews).where(eq(interviews.applicationId, applicant.id)))[0]!.id;
});
afterAll(() => t.close());

describe('my interviews', () => {
  it('lists the interviews you are an interviewer in, soonest first', async () => {
    const tove = await t.signIn('trainer');
    const mine = (await t.app.inject({ url: `/api/interviews?intakeId=${intakeId}`, headers: { cookie: tove } })).json().items;
    expect(mine.map((i: { reference: string }) => i.reference)).toEqual([applicant.reference, laterApplicant.reference]);
    expect(mine[0]).toMatchObject({ name: 'Ada Andersson', myScoreSubmitted: false, slot: { mode: 'place', location: 'Storgatan 1, Lund' } });
    const tage = await t.signIn(SECOND_TRAINER.email);
    const theirs = (await t.app.inject({ url: `/api/interviews?intakeId=${intakeId}`, headers: { cookie: tage } })).json().items;
    expect(theirs.map((i: { reference: string }) => i.reference)).toEqual([laterApplicant.reference]);
  });
});

describe('scoring an interview', () => {
  it('refuses a team member who is not an interviewer of the slot (403)', async () => {
    const tage = await t.signIn(SECOND_TRAINER.email);
    expect((await score(tage, { ...complete, submit: false })).statusCode).toBe(403);
  });

  it('saves a draft before the interview, and refuses to submit one until it has begun', async () => {
    const tove = await t.signIn('trainer');
    const draft = await score(tove, { questionScores: [{ questionId: 'q1', score: 2 }], criterionScores: [], notes: 'Förbered fråga 2', submit: false });
    expect(draft.statusCode).toBe(200);
    expect(draft.json()).toMatchObject({ interviewerName: 'Tove Utbildare', questionScores: [{ questionId: 'q1', score: 2 }], submittedAt: null });
    const early = await score(tove, { ...complete, submit: true });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('WRONG_STAGE');
  });

  it('names the field when a submitted score misses a question or names an unknown criterion', async () => {
    t.clock.advance(25 * HOUR);
    const tove = await t.signIn('trainer');
    const missing = await score(tove, { ...complete, questionScores: [{ questionId: 'q1', score: 4 }], submit: true });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields).toEqual({ questionScores: 'Svara på varje kriterium.' });
    const unknown = await score(tove, { ...complete, criterionScores: [...complete.criterionScores, { criterionId: 'c9', score: 3 }], submit: true });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toEqual({ criterionScores: 'Kriteriet finns inte i den här utbildningsomgången.' });
    expect(await stageOf(applicant.id)).toBe('interview_invited');
  });

  it('submits a complete score: the application is interviewed, the notes are encrypted, and the score is final', async () => {
    const tove = await t.signIn('trainer');
    const res = await score(tove, { ...complete, notes: 'Lugn och lyhörd', submit: true });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ...complete, notes: 'Lugn och lyhörd' });
    expect(res.json().submittedAt).toBe(t.clock.now().toISOString());
    expect(await stageOf(applicant.id)).toBe('interviewed');

    const [row] = await t.svc.db.select().from(interviewScores).where(and(eq(interviewScores.interviewId, interviewId), eq(interviewScores.interviewerUserId, team.trainerId)));
    expect(row!.notesEncrypted).toMatch(/^v1\./);
    expect(row!.notesEncrypted).not.toContain('lyhörd');

    const again = await score(tove, { ...complete, submit: false });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CONFLICT');
    const mine = (await t.app.inject({ url: '/api/interviews', headers: { cookie: tove } })).json().items;
    expect(mine.find((i: { id: string }) => i.id === interviewId).myScoreSubmitted).toBe(true);
  });

  it('keeps interviewers independent: each answer holds only the caller\'s own scores', async () => {
    t.clock.advance(24 * HOUR);
    const later = (await t.svc.db.select().from(interviews).where(eq(interviews.applicationId, laterApplicant.id)))[0]!.id;
    const tove = await t.signIn('trainer');
    await score(tove, { ...complete, notes: 'Toves anteckning', submit: true }, later);
    const tage = await t.signIn(SECOND_TRAINER.email);
    const res = await score(tage, { questionScores: [{ questionId: 'q2', score: 1 }], criterionScores: [], submit: false }, later);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('Toves anteckning');
    expect(res.json()).toMatchObject({ interviewerUserId: team.trainer2Id, questionScores: [{ questionId: 'q2', score: 1 }], criterionScores: [], notes: '' });
  });

  it('no longer books a slot once interviewed', async () => {
    const tove = await t.signIn('trainer');
    const slot = await addSlot(t, tove, { intakeId, hoursFromNow: 5, interviewerUserIds: [team.trainerId] });
    const res = await book(t, applicant.token, slot);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('WRONG_STAGE');
  });
});
