import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { asBrowser, createTestApp, type TestApp } from '../../../../tests/helpers/test-app.ts';
import { auditEvents } from '../audit/audit.tables.ts';
import { persons } from '../persons/persons.tables.ts';
import { mailTo } from '../recruitment/applications.test-support.ts';
import { pdfOf, pngBytes } from '../recruitment/public-applications.test-support.ts';
import { taskSubmissions } from './training.tables.ts';
import { teamOf } from './training.test-support.ts';
import { cohortWithParticipants, handInForm, makeTask, type SignedInParticipant, type Team } from './training-work.test-support.ts';

let t: TestApp;
let team: Team;
let cohortId: string;
let ann: SignedInParticipant;
let bo: SignedInParticipant;
beforeAll(async () => {
  t = await createTestApp();
  team = await teamOf(t);
  const made = await cohortWithParticipants(t, team, ['Ann Andersson', 'Bo Berg']);
  cohortId = made.cohort.id;
  [ann, bo] = made.people as [SignedInParticipant, SignedInParticipant];
});
afterAll(() => t.close());

const put = (url: string, cookie: string, payload: object) => t.app.inject({ method: 'PUT', url, payload, headers: asBrowser(cookie) });
const putForm = async (url: string, cookie: string, text: string | undefined, file?: { name: string; content: Buffer; type?: string }) => {
  const form = await handInForm(text, file);
  return t.app.inject({ method: 'PUT', url, payload: form.payload, headers: { ...asBrowser(cookie), 'content-type': form.contentType } });
};

describe('reflection tasks', () => {
  it('sets a task only in a reflection week, with a field error naming the week otherwise', async () => {
    const studyWeek = await t.app.inject({ method: 'POST', url: '/api/reflection-tasks', headers: asBrowser(team.tove), payload: { cohortId, week: 3, title: 'Fel vecka', dueOn: '2026-11-27' } });
    expect(studyWeek.statusCode).toBe(400);
    expect(Object.keys(studyWeek.json().error.fields)).toEqual(['week']);

    const task = await makeTask(t, team.tove, cohortId, { week: 4, title: 'Mötet med personalen' });
    expect(task).toMatchObject({ week: 4, title: 'Mötet med personalen', submittedCount: 0, participantCount: 2 });
    const list = await t.app.inject({ url: `/api/reflection-tasks?cohortId=${cohortId}`, headers: { cookie: team.tove } });
    expect(list.json().items.map((x: { id: string }) => x.id)).toContain(task.id);
    expect((await t.app.inject({ url: `/api/reflection-tasks?cohortId=${cohortId}`, headers: { cookie: ann.cookie } })).statusCode).toBe(403);
  });

  it('takes a hand-in as text and then a PDF, encrypted; replaced until feedback is given, refused after', async () => {
    const task = await makeTask(t, team.tove, cohortId);
    const url = `/api/reflection-tasks/${task.id}/submission`;
    const first = await put(url, ann.cookie, { text: 'Min vändpunkt var när jag fick prata med någon som förstod.' });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ text: expect.stringContaining('vändpunkt'), file: null, canReplace: true });

    const pdf = await pdfOf('Min reflektion om vecka 2');
    const replaced = await putForm(url, ann.cookie, 'Se bifogad fil.', { name: 'reflektion.pdf', content: pdf, type: 'application/pdf' });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json()).toMatchObject({ text: 'Se bifogad fil.', file: { filename: 'reflektion.pdf', mimeType: 'application/pdf', sizeBytes: pdf.length } });
    const [row] = await t.svc.db.select().from(taskSubmissions).where(eq(taskSubmissions.taskId, task.id));
    expect(row!.textEncrypted).toMatch(/^v1\./);
    expect(Buffer.from(t.svc.keyring.decrypt(row!.fileEncrypted!), 'base64').equals(pdf)).toBe(true);

    const fileUrl = `/api/task-submissions/${row!.id}/file`;
    const own = await t.app.inject({ url: fileUrl, headers: { cookie: ann.cookie } });
    expect(own.statusCode).toBe(200);
    expect(own.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    expect((await t.app.inject({ url: fileUrl, headers: { cookie: bo.cookie } })).statusCode).toBe(403);
    expect((await t.app.inject({ url: fileUrl, headers: { cookie: team.tage } })).statusCode).toBe(200);

    const all = await t.app.inject({ url: `/api/reflection-tasks/${task.id}/submissions`, headers: { cookie: team.tove } });
    const byName = Object.fromEntries(all.json().items.map((r: { participantName: string; submission: unknown }) => [r.participantName, r.submission]));
    expect(byName['Ann Andersson']).toMatchObject({ text: 'Se bifogad fil.', file: { filename: 'reflektion.pdf' } });
    expect(byName['Bo Berg']).toBeNull();
    const reads = await t.svc.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'task_submission.read'), eq(auditEvents.subjectPersonId, ann.personId)));
    expect(reads.length).toBeGreaterThanOrEqual(2);
    // Opening one participant reads (and audits) only their hand-in.
    const before = (await t.svc.db.select().from(auditEvents).where(eq(auditEvents.action, 'task_submission.read'))).length;
    const one = await t.app.inject({ url: `/api/reflection-tasks/${task.id}/submissions?participantId=${ann.id}`, headers: { cookie: team.tove } });
    expect(one.json().items.map((r: { participantName: string }) => r.participantName)).toEqual(['Ann Andersson']);
    expect((await t.svc.db.select().from(auditEvents).where(eq(auditEvents.action, 'task_submission.read'))).length).toBe(before + 1);

    const feedback = await t.app.inject({ method: 'POST', url: `/api/task-submissions/${row!.id}/feedback`, headers: asBrowser(team.tove), payload: { feedback: 'Tack, fint skrivet om mötet.' } });
    expect(feedback.json()).toMatchObject({ feedback: 'Tack, fint skrivet om mötet.', feedbackByName: 'Tove Utbildare', canReplace: false });
    const late = await put(url, ann.cookie, { text: 'En ny version.' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('WRONG_STAGE');
  });

  it("e-mails the participant, in their language, that feedback is there, without quoting it", async () => {
    await t.svc.db.update(persons).set({ preferredLocale: 'en' }).where(eq(persons.id, bo.personId));
    const task = await makeTask(t, team.tove, cohortId, { title: 'Att dela erfarenhet' });
    const handIn = await put(`/api/reflection-tasks/${task.id}/submission`, bo.cookie, { text: 'Jag berättade om min tid på avdelningen.' });
    await t.app.inject({ method: 'POST', url: `/api/task-submissions/${handIn.json().id}/feedback`, headers: asBrowser(team.tage), payload: { feedback: 'Modigt och klokt.' } });
    const mails = (await mailTo(t, bo.email!)).filter((m) => m.subject.includes('Att dela erfarenhet'));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('You have feedback: Att dela erfarenhet');
    expect(mails[0]!.text).toContain(`${t.config.publicOrigin}/my-training`);
    expect(mails[0]!.text).not.toContain('Modigt');
  });

  it('refuses a file that is not a document or an image with 415 naming the file field, and one over 10 MB with 413', async () => {
    const task = await makeTask(t, team.tove, cohortId);
    const url = `/api/reflection-tasks/${task.id}/submission`;
    const text = await putForm(url, ann.cookie, 'Här är filen.', { name: 'reflektion.pdf', content: Buffer.from('bara vanlig text'), type: 'application/pdf' });
    expect(text.statusCode).toBe(415);
    expect(Object.keys(text.json().error.fields)).toEqual(['file']);
    const big = await putForm(url, ann.cookie, undefined, { name: 'stor.pdf', content: Buffer.concat([await pdfOf('stor'), Buffer.alloc(10 * 1024 * 1024)]), type: 'application/pdf' });
    expect(big.statusCode).toBe(413);
    expect(Object.keys(big.json().error.fields)).toEqual(['file']);
    const png = await putForm(url, ann.cookie, undefined, { name: 'tavla.png', content: pngBytes(), type: 'image/png' });
    expect(png.statusCode).toBe(200);
    expect(png.json().file).toMatchObject({ mimeType: 'image/png' });
    const empty = await put(url, bo.cookie, { text: '' });
    expect(empty.statusCode).toBe(400);
    expect(Object.keys(empty.json().error.fields)).toEqual(['text']);
  });

  it("keeps hand-ins to the participant's own cohort, and keeps a task that has hand-ins", async () => {
    const other = await cohortWithParticipants(t, team, ['Cecilia Ceder']);
    const foreign = await makeTask(t, team.tove, other.cohort.id);
    expect((await put(`/api/reflection-tasks/${foreign.id}/submission`, ann.cookie, { text: 'Fel kurs.' })).statusCode).toBe(404);

    const task = await makeTask(t, team.tove, cohortId);
    await put(`/api/reflection-tasks/${task.id}/submission`, ann.cookie, { text: 'Klart.' });
    expect((await t.app.inject({ method: 'DELETE', url: `/api/reflection-tasks/${task.id}`, headers: asBrowser(team.tove) })).statusCode).toBe(409);
    const empty = await makeTask(t, team.tove, cohortId);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/reflection-tasks/${empty.id}`, headers: asBrowser(team.tove) })).statusCode).toBe(204);
  });
});
