import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../../tests/helpers/test-app.ts';
import { demoEmail } from '../../demo/seed.ts';
import { auditEvents } from '../audit/audit.tables.ts';
import { emails } from '../mail/mail.tables.ts';
import { persons } from '../persons/persons.tables.ts';
import { users } from '../users/users.tables.ts';
import { applicationFiles, applicationReviews, applications, interviews, interviewSlots } from './recruitment.tables.ts';
import { moveToStage } from './application-stages.ts';
import { apply, applyMultipart, demoTenantId, mailsTo, makeIntake, pdfOf, submission, uniqueEmail } from './public-applications.test-support.ts';

let t: TestApp;
let tenantId: string;
let intakeId: string;
let trainerId: string;
beforeAll(async () => {
  t = await createTestApp();
  tenantId = await demoTenantId(t);
  intakeId = await makeIntake(t, { tenantId });
  trainerId = (await t.svc.db.select({ id: users.id }).from(users).where(eq(users.email, demoEmail('trainer'))))[0]!.id;
});
afterAll(() => t.close());

const HOUR = 3_600_000;
const asApplicant = (token: string) => ({ 'x-application-token': token });

async function applied(overrides: Parameters<typeof submission>[0] = {}) {
  const body = submission(overrides);
  const res = await apply(t, intakeId, body);
  const [row] = await t.svc.db.select().from(applications).where(eq(applications.email, body.email));
  return { body, token: res.json().statusToken as string, reference: res.json().reference as string, app: row! };
}

async function invite(app: typeof applications.$inferSelect) {
  await moveToStage(t.svc.db, app, 'interview_invited', { byUserId: trainerId, now: t.clock.now() });
}

async function slot(hoursAhead: number) {
  const startsAt = new Date(t.clock.now().getTime() + hoursAhead * HOUR);
  const [row] = await t.svc.db
    .insert(interviewSlots)
    .values({ tenantId, intakeId, startsAt, endsAt: new Date(startsAt.getTime() + HOUR), mode: 'place', location: 'Mottagning Väst, rum 3', interviewerUserIds: [trainerId] })
    .returning();
  return row!;
}

async function book(applicationId: string, slotId: string) {
  await t.svc.db.insert(interviews).values({ tenantId, applicationId, slotId, bookedBy: 'team', createdAt: t.clock.now(), updatedAt: t.clock.now() });
}

describe('the status page', () => {
  it('needs the personal link: without it or with a wrong one it answers 401', async () => {
    expect((await t.app.inject({ url: '/api/public/applications/current' })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/public/applications/current', headers: asApplicant('x'.repeat(43)) })).statusCode).toBe(401);
  });

  it('offers an invited applicant the free future slots of the intake, and audits each read', async () => {
    const { token, app } = await applied();
    await invite(app);
    const free = await slot(48);
    const taken = await slot(50);
    await slot(-2);
    await book((await applied()).app.id, taken.id);
    const res = await t.app.inject({ url: '/api/public/applications/current', headers: asApplicant(token) });
    expect(res.json()).toMatchObject({ stage: 'interview_invited', canBookInterview: true, interview: null });
    expect(res.json().availableSlots.map((s: { id: string }) => s.id)).toEqual([free.id]);
    expect(res.json().timeline.map((e: { stage: string }) => e.stage)).toEqual(['received', 'interview_invited']);
    const reads = await t.svc.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'application.status_read'), eq(auditEvents.recordId, app.id)));
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ actorUserId: null, tenantId, subjectPersonId: app.personId });
  });

  it('shows the decision letter once decided, and offers no withdrawal then', async () => {
    const { token, app } = await applied();
    await moveToStage(t.svc.db, app, 'not_admitted', { byUserId: trainerId, now: t.clock.now() });
    await t.svc.db
      .update(applications)
      .set({ decision: 'not_admitted', decidedAt: t.clock.now(), decisionLetterEncrypted: t.svc.keyring.encrypt('Tack för din ansökan. Den här gången blev det tyvärr nej.'), purgeAfter: '2027-11-23' })
      .where(eq(applications.id, app.id));
    const res = await t.app.inject({ url: '/api/public/applications/current', headers: asApplicant(token) });
    expect(res.json()).toMatchObject({ canWithdraw: false, canBookInterview: false, purgeAfter: '2027-11-23', decision: { decision: 'not_admitted', letter: expect.stringContaining('blev det tyvärr nej') } });
    const withdraw = await t.app.inject({ method: 'POST', url: '/api/public/applications/current/withdraw', headers: asApplicant(token) });
    expect(withdraw.statusCode).toBe(409);
    expect(withdraw.json().error.code).toBe('WRONG_STAGE');
  });
});

describe('withdrawing', () => {
  it('sets the deletion date, frees a coming interview\'s slot and says the date by e-mail', async () => {
    const { token, app, body } = await applied();
    await invite(app);
    const booked = await slot(72);
    await book(app.id, booked.id);
    const res = await t.app.inject({ method: 'POST', url: '/api/public/applications/current/withdraw', headers: asApplicant(token) });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ stage: 'withdrawn', purgeAfter: '2027-11-23', canWithdraw: false, interview: null });
    expect(await t.svc.db.select().from(interviews).where(eq(interviews.slotId, booked.id))).toHaveLength(0);
    const mails = await mailsTo(t, body.email);
    expect(mails.at(-1)!.text).toContain('23 november 2027');
    const other = await applied();
    await invite(other.app);
    const offered = (await t.app.inject({ url: '/api/public/applications/current', headers: asApplicant(other.token) })).json().availableSlots;
    expect(offered.map((s: { id: string }) => s.id)).toContain(booked.id);
  });
});

describe('the applicant\'s own data', () => {
  async function reviewed() {
    const a = await applied();
    await t.svc.db.insert(applicationReviews).values({
      tenantId,
      applicationId: a.app.id,
      reviewerUserId: trainerId,
      ratings: [{ criterionId: 'c1', rating: 'met' }],
      notesEncrypted: t.svc.keyring.encrypt('Varm och reflekterande text.'),
      submittedAt: t.clock.now(),
      updatedAt: t.clock.now(),
    });
    return a;
  }

  it('exports everything held as JSON: the letter, the file described, and the team\'s assessment', async () => {
    const body = submission();
    const created = (await applyMultipart(t, intakeId, body, { name: 'brev.pdf', content: await pdfOf('brev') })).json();
    const res = await t.app.inject({ url: '/api/public/applications/current/export?format=json', headers: asApplicant(created.statusToken) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="peerbridge-${created.reference}.json"`);
    expect(res.json()).toMatchObject({
      reference: created.reference,
      contact: { name: 'Sara Sökande', email: body.email, phone: '070-123 45 67', municipality: 'Lund' },
      letter: { experience: expect.stringContaining('depression') },
      letterFile: { filename: 'brev.pdf', mimeType: 'application/pdf' },
      selfAssessment: [{ criterionId: 'c1', label: 'Egen erfarenhet av återhämtning', rating: 'yes' }, { criterionId: 'c2', rating: 'partly' }],
    });
    expect(res.json().letterFile).not.toHaveProperty('content');

    const { token } = await reviewed();
    const withReview = await t.app.inject({ url: '/api/public/applications/current/export', headers: asApplicant(token) });
    expect(withReview.json().reviews).toEqual([{ ratings: [{ criterionId: 'c1', label: 'Egen erfarenhet av återhämtning', rating: 'met' }], notes: 'Varm och reflekterande text.', submittedAt: expect.any(String) }]);
    const audit = await t.svc.db.select().from(auditEvents).where(eq(auditEvents.action, 'application.export'));
    expect(audit.length).toBeGreaterThanOrEqual(2);
  });

  it('exports the same as an A4 PDF', async () => {
    const { token, reference } = await reviewed();
    const res = await t.app.inject({ url: '/api/public/applications/current/export?format=pdf', headers: asApplicant(token) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="peerbridge-${reference}.pdf"`);
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(res.rawPayload.length).toBeGreaterThan(2000);
  });

  it('erases the application, its person and files at once, and the audit keeps no content', async () => {
    const body = submission();
    const created = (await applyMultipart(t, intakeId, body, { name: 'brev.pdf', content: await pdfOf('brev') })).json();
    const [app] = await t.svc.db.select().from(applications).where(eq(applications.email, body.email));
    const res = await t.app.inject({ method: 'POST', url: '/api/public/applications/current/erase', headers: asApplicant(created.statusToken) });
    expect(res.statusCode).toBe(204);
    expect(await t.svc.db.select().from(applications).where(eq(applications.id, app!.id))).toHaveLength(0);
    expect(await t.svc.db.select().from(persons).where(eq(persons.id, app!.personId))).toHaveLength(0);
    expect(await t.svc.db.select().from(applicationFiles).where(eq(applicationFiles.applicationId, app!.id))).toHaveLength(0);
    expect(await t.svc.db.select().from(emails).where(eq(emails.toAddress, body.email))).toHaveLength(0);
    const [audit] = await t.svc.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'application.erase'), eq(auditEvents.recordId, app!.id)));
    expect(audit!.details).toEqual({ applications: 1 });
    expect(JSON.stringify(audit)).not.toMatch(/depression|Sara|Lund/);
    expect((await t.app.inject({ url: '/api/public/applications/current', headers: asApplicant(created.statusToken) })).statusCode).toBe(401);
  });
});

describe('a lost link', () => {
  it('answers the same for an address that applied and one that did not, and e-mails only the first', async () => {
    const { body, reference } = await applied();
    await apply(t, await makeIntake(t, { tenantId, title: 'Anhörigspåret' }), { ...body, track: 'relative' });
    const before = (await mailsTo(t, body.email)).length;
    const known = await t.app.inject({ method: 'POST', url: '/api/public/applications/resend-link', payload: { email: ` ${body.email.toUpperCase()} `.trim() } });
    const unknownAddress = uniqueEmail();
    const unknown = await t.app.inject({ method: 'POST', url: '/api/public/applications/resend-link', payload: { email: unknownAddress } });
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(unknown.body).toBe(known.body);
    const sent = (await mailsTo(t, body.email)).slice(before);
    expect(sent).toHaveLength(2);
    expect(sent.map((m) => m.subject)).toContain(`Din länk till ansökan ${reference}`);
    expect(sent.every((m) => m.text.includes('http://localhost:3000/application#'))).toBe(true);
    expect(await mailsTo(t, unknownAddress)).toHaveLength(0);
  });
});
