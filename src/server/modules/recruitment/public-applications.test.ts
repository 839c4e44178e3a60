import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../../tests/helpers/test-app.ts';
import { serverText } from '../../../shared/i18n/errors.ts';
import { auditEvents } from '../audit/audit.tables.ts';
import { idempotencyKeys } from '../idempotency/idempotency.tables.ts';
import { persons, personStages } from '../persons/persons.tables.ts';
import { applicationEvents, applicationFiles, applications } from './recruitment.tables.ts';
import { moveToStage } from './application-stages.ts';
import {
  apply,
  applyMultipart,
  demoTenantId,
  lastLinkToken,
  mailsTo,
  makeIntake,
  pdfOf,
  pngBytes,
  submission,
  uniqueEmail,
} from './public-applications.test-support.ts';

let t: TestApp;
let tenantId: string;
let intakeId: string;
beforeAll(async () => {
  t = await createTestApp();
  tenantId = await demoTenantId(t);
  intakeId = await makeIntake(t, { tenantId });
});
afterAll(() => t.close());

const applicationOf = async (email: string) => (await t.svc.db.select().from(applications).where(eq(applications.email, email)))[0];
const statusWith = (token: string) => t.app.inject({ url: '/api/public/applications/current', headers: { 'x-application-token': token } });

describe('open intakes', () => {
  it('lists open intakes soonest deadline first, leaving out drafts, closed and past ones', async () => {
    const soon = await makeIntake(t, { tenantId, title: 'Snart stängd', deadline: new Date(t.clock.now().getTime() + 86_400_000) });
    const draft = await makeIntake(t, { tenantId, status: 'draft' });
    const closed = await makeIntake(t, { tenantId, status: 'closed' });
    const past = await makeIntake(t, { tenantId, deadline: new Date(t.clock.now().getTime() - 1000) });
    const res = await t.app.inject({ url: '/api/public/intakes?tenant=region-demo' });
    expect(res.statusCode).toBe(200);
    const ids = res.json().items.map((i: { id: string }) => i.id);
    expect(ids.indexOf(soon)).toBeLessThan(ids.indexOf(intakeId));
    expect(ids).not.toContain(draft);
    expect(ids).not.toContain(closed);
    expect(ids).not.toContain(past);
    expect(res.json().items.find((i: { id: string }) => i.id === intakeId)).toMatchObject({ tenantName: 'Region Demo', tenantSlug: 'region-demo', isOpen: true, consentVersion: '2026-11' });
    expect((await t.app.inject({ url: '/api/public/intakes?tenant=demo-kommune' })).json().items.map((i: { id: string }) => i.id)).not.toContain(intakeId);
  });

  it('shows a closed intake as closed, and a draft or unknown one as absent', async () => {
    const closed = await makeIntake(t, { tenantId, status: 'closed' });
    expect((await t.app.inject({ url: `/api/public/intakes/${closed}` })).json().isOpen).toBe(false);
    const draft = await makeIntake(t, { tenantId, status: 'draft' });
    expect((await t.app.inject({ url: `/api/public/intakes/${draft}` })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/public/intakes/not-an-id' })).statusCode).toBe(404);
  });
});

describe('applying', () => {
  it('creates one application with a reference, e-mails the personal link, and the link opens the status page', async () => {
    const body = submission();
    const res = await apply(t, intakeId, body);
    expect(res.statusCode).toBe(201);
    const { reference, statusToken, statusUrl, outcome } = res.json();
    expect(outcome).toBe('created');
    expect(reference).toMatch(/^PB-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(statusUrl).toBe(`http://localhost:3000/application#${statusToken}`);

    const [mail] = await mailsTo(t, body.email);
    expect(mail!.subject).toContain(reference);
    expect(mail!.text).toContain(statusUrl);
    const status = await statusWith(await lastLinkToken(t, body.email));
    expect(status.statusCode).toBe(200);
    expect(status.json()).toMatchObject({ reference, stage: 'received', name: 'Sara Sökande', tenantName: 'Region Demo', canWithdraw: true, canBookInterview: false, decision: null });
    expect(status.json().timeline.map((e: { stage: string }) => e.stage)).toEqual(['received']);

    const app = (await applicationOf(body.email))!;
    const [person] = await t.svc.db.select().from(persons).where(eq(persons.id, app.personId));
    expect(person).toMatchObject({ fullName: 'Sara Sökande', phone: '070-123 45 67', tenantId });
    const stages = await t.svc.db.select().from(personStages).where(eq(personStages.personId, app.personId));
    expect(stages).toMatchObject([{ kind: 'applicant', startedOn: '2026-11-23', endedOn: null }]);
    const [audit] = await t.svc.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'application.submit'), eq(auditEvents.recordId, app.id)));
    expect(audit).toMatchObject({ actorUserId: null, tenantId, subjectPersonId: app.personId });
  });

  it('keeps the letter and the self-assessment encrypted at rest', async () => {
    const body = submission();
    await apply(t, intakeId, body);
    const app = (await applicationOf(body.email))!;
    expect(app.letterEncrypted).toMatch(/^v1\./);
    expect(app.letterEncrypted).not.toContain('depression');
    expect(app.selfAssessmentEncrypted).not.toContain('återhämtning');
    expect(JSON.parse(t.svc.keyring.decrypt(app.letterEncrypted!)).experience).toContain('depression');
  });

  it('accepts the letter as a real PDF in a multipart form, and keeps the file encrypted', async () => {
    const body = submission({ letter: undefined });
    const pdf = await pdfOf('Mitt personliga brev');
    const res = await applyMultipart(t, intakeId, body, { name: 'mitt brev.pdf', content: pdf, type: 'application/pdf' });
    expect(res.statusCode).toBe(201);
    const app = (await applicationOf(body.email))!;
    expect(app.letterEncrypted).toBeNull();
    const [file] = await t.svc.db.select().from(applicationFiles).where(eq(applicationFiles.applicationId, app.id));
    expect(file).toMatchObject({ filename: 'mitt brev.pdf', mimeType: 'application/pdf', sizeBytes: pdf.length });
    expect(Buffer.from(t.svc.keyring.decrypt(file!.contentEncrypted), 'base64').equals(pdf)).toBe(true);
  });

  it('refuses a text field posing as the file (a JSON part shaped like an upload), so no type check is skipped', async () => {
    // A field part without a filename, declared as JSON: the multipart parser turns it into an object.
    const forged = { filename: 'brev.html', mimeType: 'text/html', sizeBytes: 25, content: '<script>alert(1)</script>' };
    const boundary = 'forged-boundary-1';
    const part = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\nContent-Type: application/json\r\n\r\n${value}\r\n`;
    const payload = part('application', JSON.stringify(submission({ letter: undefined }))) + part('letterFile', JSON.stringify(forged)) + `--${boundary}--\r\n`;
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/public/intakes/${intakeId}/applications`,
      payload,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields)).toContain('letterFile');
    expect(await t.svc.db.select().from(applicationFiles).where(eq(applicationFiles.mimeType, 'text/html'))).toEqual([]);
  });

  it('refuses an image or a text file named .pdf, naming the file field and what it really is', async () => {
    const png = await applyMultipart(t, intakeId, submission(), { name: 'brev.pdf', content: pngBytes(), type: 'application/pdf' });
    expect(png.statusCode).toBe(415);
    expect(png.json().error.fields.letterFile).toBe('Filen måste vara PDF, DOCX eller ODT. Den här filen är PNG.');
    const text = await applyMultipart(t, intakeId, submission(), { name: 'brev.pdf', content: Buffer.from('Hej, här är mitt brev.'), type: 'application/pdf' }, { 'accept-language': 'en' });
    expect(text.statusCode).toBe(415);
    expect(text.json().error.fields.letterFile).toBe('The file must be PDF, DOCX or ODT. This file is of an unknown type.');
  });

  it('refuses a file over 10 MB, naming the file field and the limit', async () => {
    const big = Buffer.concat([await pdfOf('stor'), Buffer.alloc(10 * 1024 * 1024)]);
    const body = submission();
    const res = await applyMultipart(t, intakeId, body, { name: 'stor.pdf', content: big, type: 'application/pdf' });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.fields.letterFile).toBe('Filen är för stor: högst 10 MB.');
    expect(await applicationOf(body.email)).toBeUndefined();
  });

  it('names every wrong field at once, in the applicant\'s language', async () => {
    const bad = submission({ consent: false, workingGoalAcknowledged: false, letter: { about: 'För kort.' }, track: 'relative' });
    const sv = await apply(t, await makeIntake(t, { tenantId, tracks: ['own_experience'] }), bad);
    expect(sv.statusCode).toBe(400);
    expect(sv.json().error.code).toBe('VALIDATION_FAILED');
    expect(sv.json().error.fields).toEqual({
      consent: serverText('sv', 'field.consent_required'),
      workingGoalAcknowledged: serverText('sv', 'field.working_goal_required'),
      letter: 'Skriv ditt personliga brev (minst 200 tecken) eller ladda upp det som fil.',
      track: serverText('sv', 'field.track_not_offered'),
    });
    const en = await apply(t, intakeId, submission({ consent: false, letter: { about: 'Too short.' } }), { 'accept-language': 'en' });
    expect(en.json().error.fields).toEqual({ consent: serverText('en', 'field.consent_required'), letter: 'Write your personal letter (at least 200 characters) or upload it as a file.' });
  });

  it('asks for every criterion to be answered, and only those of the intake', async () => {
    const missing = await apply(t, intakeId, submission({ selfAssessment: [{ criterionId: 'c1', rating: 'yes' }] }));
    expect(missing.json().error.fields).toEqual({ selfAssessment: serverText('sv', 'field.criterion_missing') });
    const unknown = await apply(t, intakeId, submission({ selfAssessment: [{ criterionId: 'c1', rating: 'yes' }, { criterionId: 'c2', rating: 'no' }, { criterionId: 'x9', rating: 'no' }] }));
    expect(unknown.json().error.fields).toEqual({ selfAssessment: serverText('sv', 'field.criterion_unknown') });
  });

  it('refuses consent given to an older text, so the applicant reads the current one', async () => {
    const res = await apply(t, intakeId, submission({ consentVersion: '2020-01' }));
    expect(res.json().error.fields).toEqual({ consent: serverText('sv', 'field.consent_outdated') });
  });

  it('names wrong fields of a multipart form just as of a JSON one', async () => {
    const body = submission({ email: 'inte-en-adress', name: '' });
    const json = await apply(t, intakeId, body);
    const form = await applyMultipart(t, intakeId, body);
    expect(json.statusCode).toBe(400);
    expect(form.statusCode).toBe(400);
    expect(form.json().error.fields).toEqual(json.json().error.fields);
    expect(form.json().error.fields).toMatchObject({ email: serverText('sv', 'field.invalid_email'), name: serverText('sv', 'field.required') });
    const broken = await applyMultipart(t, intakeId, '{"name": "Sara"');
    expect(broken.json().error.fields).toEqual({ application: serverText('sv', 'field.invalid') });
  });

  it('says an intake past its deadline is closed', async () => {
    const past = await makeIntake(t, { tenantId, deadline: new Date(t.clock.now().getTime() - 60_000) });
    const res = await apply(t, past, submission());
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'INTAKE_CLOSED', message: serverText('sv', 'error.INTAKE_CLOSED') });
    const draft = await makeIntake(t, { tenantId, status: 'draft' });
    expect((await apply(t, draft, submission())).statusCode).toBe(404);
  });
});

describe('the same e-mail again', () => {
  it('holds a change from someone without the link until the address confirms it, then renews the link', async () => {
    const first = submission({ email: uniqueEmail() });
    const created = (await apply(t, intakeId, first)).json();
    const again = await apply(t, intakeId, { ...first, email: first.email.toUpperCase(), municipality: 'Malmö' });
    expect(again.statusCode).toBe(202);
    expect(again.json()).toEqual({ outcome: 'update_pending', reference: created.reference, statusUrl: null, statusToken: null });
    expect((await applicationOf(first.email))!.municipality).toBe('Lund');
    expect(await t.svc.db.select().from(applications).where(eq(applications.email, first.email))).toHaveLength(1);

    const confirmToken = await lastLinkToken(t, first.email, '/application/confirm#');
    const confirmed = await t.app.inject({ method: 'POST', url: '/api/public/applications/confirm-update', payload: { token: confirmToken } });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().reference).toBe(created.reference);
    expect((await applicationOf(first.email))!.municipality).toBe('Malmö');
    expect((await statusWith(created.statusToken)).statusCode).toBe(401);
    expect((await statusWith(await lastLinkToken(t, first.email))).statusCode).toBe(200);
    expect(await lastLinkToken(t, first.email)).toBe(confirmed.json().statusToken);
    const reused = await t.app.inject({ method: 'POST', url: '/api/public/applications/confirm-update', payload: { token: confirmToken } });
    expect(reused.statusCode).toBe(404);
  });

  it('updates at once with the application\'s own link, a new file replacing the old', async () => {
    const first = submission();
    const created = (await applyMultipart(t, intakeId, first, { name: 'brev.pdf', content: await pdfOf('ett') })).json();
    const newer = await pdfOf('två, längre brev');
    const res = await applyMultipart(t, intakeId, { ...first, phone: '', letter: { ...first.letter, fit: 'Nu med ett nytt stycke om hur jag passar.' } }, { name: 'nytt.pdf', content: newer }, { 'x-application-token': created.statusToken });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ outcome: 'updated', reference: created.reference, statusUrl: created.statusUrl, statusToken: created.statusToken });
    const app = (await applicationOf(first.email))!;
    expect(JSON.parse(t.svc.keyring.decrypt(app.letterEncrypted!)).fit).toBe('Nu med ett nytt stycke om hur jag passar.');
    const files = await t.svc.db.select().from(applicationFiles).where(eq(applicationFiles.applicationId, app.id));
    expect(files.map((f) => [f.filename, f.sizeBytes])).toEqual([['nytt.pdf', newer.length]]);
    expect((await mailsTo(t, first.email)).map((m) => m.subject)).toContain(`Din ansökan ${created.reference} är uppdaterad`);
  });

  it('refuses a change once the team has invited the applicant to an interview', async () => {
    const body = submission();
    const created = (await apply(t, intakeId, body)).json();
    const app = (await applicationOf(body.email))!;
    await moveToStage(t.svc.db, app, 'interview_invited', { byUserId: null, now: t.clock.now() });
    const res = await apply(t, intakeId, { ...body, municipality: 'Malmö' }, { 'x-application-token': created.statusToken });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('WRONG_STAGE');
    expect((await applicationOf(body.email))!.municipality).toBe('Lund');
  });

  it('lets only one of two simultaneous first submissions create the application', async () => {
    const body = submission();
    const results = await Promise.all([apply(t, intakeId, body), apply(t, intakeId, { ...body, municipality: 'Ystad' })]);
    expect(results.map((r) => r.json().outcome).sort()).toEqual(['created', 'update_pending']);
    expect(await t.svc.db.select().from(applications).where(eq(applications.email, body.email))).toHaveLength(1);
  });
});

describe('idempotency', () => {
  it('answers a repeated request with the first answer and creates one application', async () => {
    const body = submission();
    const headers = { 'idempotency-key': 'apply-json-0001' };
    const first = await apply(t, intakeId, body, headers);
    const second = await apply(t, intakeId, body, headers);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json()).toEqual(first.json());
    expect(await t.svc.db.select().from(applications).where(eq(applications.email, body.email))).toHaveLength(1);
    // The kept answer holds the personal link's token: only sealed, never readable in the database.
    const [kept] = await t.svc.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, 'apply-json-0001'));
    expect(JSON.stringify(kept!.response)).not.toContain(first.json().statusToken);
  });

  it('does the same for a multipart form with a file, and refuses the key with another file', async () => {
    const body = submission({ letter: undefined });
    const headers = { 'idempotency-key': 'apply-multipart-0001' };
    const pdf = await pdfOf('brev');
    const first = await applyMultipart(t, intakeId, body, { name: 'brev.pdf', content: pdf }, headers);
    const second = await applyMultipart(t, intakeId, body, { name: 'brev.pdf', content: pdf }, headers);
    expect(first.statusCode).toBe(201);
    expect(second.json()).toEqual(first.json());
    const [app] = await t.svc.db.select().from(applications).where(eq(applications.email, body.email));
    expect(await t.svc.db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, app!.id))).toHaveLength(1);
    const other = await applyMultipart(t, intakeId, body, { name: 'brev.pdf', content: await pdfOf('ett annat brev') }, headers);
    expect(other.statusCode).toBe(409);
  });
});
