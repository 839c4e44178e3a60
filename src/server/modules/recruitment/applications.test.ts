import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { asBrowser, createTestApp, type TestApp } from '../../../../tests/helpers/test-app.ts';
import type { ApplicationSummary, IntakeView } from '../../../shared/contracts/recruitment.ts';
import { auditEvents } from '../audit/audit.tables.ts';
import { applicationFiles } from './recruitment.tables.ts';
import { DAY, apply, createIntake, holdInterview, otherTenantApplication, teamOf, type Applied } from './applications.test-support.ts';

let t: TestApp;
let team: Awaited<ReturnType<typeof teamOf>>;
let intake: IntakeView;
let alma: Applied, bengt: Applied, cecilia: Applied;
beforeAll(async () => {
  t = await createTestApp();
  team = await teamOf(t);
  intake = await createIntake(t, team.tove);
  // A minute apart: the pipeline lists the earliest application first.
  alma = await apply(t, intake, { name: 'Alma Åström', municipality: 'Huskvarna' });
  t.clock.advance(60_000);
  bengt = await apply(t, intake, { name: 'Bengt Lind', municipality: 'Jönköping', track: 'relative', email: 'bengt.lind@example.org' });
  t.clock.advance(60_000);
  cecilia = await apply(t, intake, { name: 'Cecilia Berg', municipality: 'Tranås' });
});
afterAll(() => t.close());

const get = (url: string, cookie = team.tove) => t.app.inject({ url, headers: { cookie } });
const names = async (query: string) => ((await get(`/api/applications?intakeId=${intake.id}&${query}`)).json().items as ApplicationSummary[]).map((a) => a.name);
const auditOf = (action: string, recordId: string) =>
  t.svc.db.select().from(auditEvents).where(and(eq(auditEvents.action, action), eq(auditEvents.recordId, recordId)));

describe('the selection pipeline', () => {
  it('lists an intake’s applications with filters, search and paging', async () => {
    expect(await names('')).toEqual(['Alma Åström', 'Bengt Lind', 'Cecilia Berg']);
    expect(await names('track=relative')).toEqual(['Bengt Lind']);
    await t.app.inject({ method: 'POST', url: '/api/applications/bulk-move', payload: { ids: [cecilia.id], stage: 'under_review' }, headers: asBrowser(team.tove) });
    expect(await names('stage=under_review')).toEqual(['Cecilia Berg']);
    expect(await names('stage=received')).toEqual(['Alma Åström', 'Bengt Lind']);

    // Name, e-mail, reference and municipality, whatever the case.
    expect(await names('q=ALMA')).toEqual(['Alma Åström']);
    expect(await names('q=bengt.lind@')).toEqual(['Bengt Lind']);
    expect(await names(`q=${cecilia.reference.toLowerCase()}`)).toEqual(['Cecilia Berg']);
    expect(await names(`q=${encodeURIComponent('huskv')}`)).toEqual(['Alma Åström']);
    expect(await names('q=100%25')).toEqual([]);

    const page1 = (await get(`/api/applications?intakeId=${intake.id}&limit=2`)).json();
    expect(page1.items).toHaveLength(2);
    const page2 = (await get(`/api/applications?intakeId=${intake.id}&limit=2&cursor=${page1.nextCursor}`)).json();
    expect(page2).toMatchObject({ items: [{ name: 'Cecilia Berg', stage: 'under_review', reviewsSubmitted: 0, myReviewSubmitted: false }], nextCursor: null });

    const all = (await get('/api/applications?limit=200')).json().items as ApplicationSummary[];
    expect(all.some((a) => a.intakeTitle === 'PEER-utbildning våren 2027')).toBe(true);
  });

  it('shows the letter to the training team and audits every reading', async () => {
    const res = await get(`/api/applications/${alma.id}`, team.tage);
    expect(res.statusCode).toBe(200);
    const detail = res.json();
    expect(detail).toMatchObject({ name: 'Alma Åström', locale: 'sv', stage: 'received', workingGoalAcknowledged: true, decision: null, interview: null, purgeAfter: null });
    expect(detail.letter.whyRole).toContain('hopp');
    expect(detail.selfAssessment).toHaveLength(intake.criteria.length);
    expect(detail.timeline).toEqual([{ stage: 'received', at: expect.any(String) }]);
    expect(detail.reviews).toEqual({ mine: null, others: null, submittedCount: 0 });

    const reads = await auditOf('application.read', alma.id);
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ actorUserId: team.tageId, subjectPersonId: alma.personId });
    const log = await t.app.inject({ url: `/api/persons/${alma.personId}/access-log`, headers: { cookie: await t.signIn('admin') } });
    expect(log.json().items.map((e: { action: string }) => e.action)).toContain('application.read');
  });

  it('hands out an uploaded letter as a download, and audits it', async () => {
    const pdf = Buffer.from('%PDF-1.4\n% personligt brev\n%%EOF\n');
    await t.svc.db.insert(applicationFiles).values({
      tenantId: team.tenantId,
      applicationId: bengt.id,
      filename: 'Mitt brev – Bengt.pdf',
      mimeType: 'application/pdf',
      sizeBytes: pdf.length,
      contentEncrypted: t.svc.keyring.encrypt(pdf.toString('base64')),
    });
    expect((await get(`/api/applications/${bengt.id}`)).json().letterFile).toEqual({ filename: 'Mitt brev – Bengt.pdf', mimeType: 'application/pdf', sizeBytes: pdf.length });
    const res = await get(`/api/applications/${bengt.id}/letter-file`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="Mitt_brev_Bengt.pdf"; filename\*=UTF-8''Mitt%20brev%20%E2%80%93%20Bengt.pdf$/);
    expect(res.rawPayload.equals(pdf)).toBe(true);
    expect(await auditOf('application.letter_file.read', bengt.id)).toHaveLength(1);
    expect((await get(`/api/applications/${alma.id}/letter-file`)).statusCode).toBe(404);
  });

  it('flags a decision overdue a week after the interview, on the list and the intake', async () => {
    const own = await createIntake(t, team.tove);
    const dora = await apply(t, own, { name: 'Dora Dahl' });
    await t.app.inject({ method: 'POST', url: `/api/applications/${dora.id}/invite`, headers: asBrowser(team.tove) });
    const interviewAt = new Date(t.clock.now().getTime() - 6 * DAY);
    await holdInterview(t, dora, interviewAt);
    const summary = async (cookie = team.tove) => (await get(`/api/applications?intakeId=${own.id}`, cookie)).json().items[0] as ApplicationSummary;

    expect(await summary()).toMatchObject({ stage: 'interviewed', decisionDueOn: '2026-11-24', isOverdue: false, interviewAt: interviewAt.toISOString() });
    t.clock.advance(2 * DAY);
    const cookie = await t.signIn('trainer');
    const overdue = (await get(`/api/applications?intakeId=${own.id}&overdue=true`, cookie)).json().items;
    expect(overdue.map((a: ApplicationSummary) => a.id)).toEqual([dora.id]);
    expect(overdue[0]).toMatchObject({ isOverdue: true, decisionDueOn: '2026-11-24' });
    expect((await get(`/api/applications?intakeId=${own.id}&overdue=false`, cookie)).json().items).toEqual([]);
    expect((await get(`/api/intakes/${own.id}`, cookie)).json().overdueDecisions).toBe(1);

    await t.app.inject({ method: 'POST', url: `/api/applications/${dora.id}/decide`, payload: { decision: 'waitlisted', letter: 'Hej Dora! Du står på vår reservlista.' }, headers: asBrowser(cookie) });
    expect(await summary(cookie)).toMatchObject({ stage: 'waitlisted', isOverdue: false, decisionDueOn: null });
    expect((await get(`/api/intakes/${own.id}`, cookie)).json().overdueDecisions).toBe(0);
  });

  it('shows applications only to the training team of their own tenant', async () => {
    for (const role of ['coordinator', 'admin'] as const) {
      const cookie = await t.signIn(role);
      expect((await get('/api/applications', cookie)).statusCode).toBe(403);
      expect((await get(`/api/applications/${alma.id}`, cookie)).statusCode).toBe(403);
      expect((await get(`/api/applications/${alma.id}/letter-file`, cookie)).statusCode).toBe(403);
    }
    const other = await otherTenantApplication(t, team.otherTenantId);
    const cookie = await t.signIn('trainer');
    expect((await get(`/api/applications/${other.applicationId}`, cookie)).statusCode).toBe(404);
    expect((await get(`/api/applications?intakeId=${other.intakeId}`, cookie)).json().items).toEqual([]);
    const moved = await t.app.inject({ method: 'POST', url: '/api/applications/bulk-move', payload: { ids: [other.applicationId], stage: 'under_review' }, headers: asBrowser(cookie) });
    expect(moved.json()).toEqual({ moved: 0, skipped: 1 });
    expect(await auditOf('application.read', other.applicationId)).toEqual([]);
  });
});
