import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { asBrowser, createTestApp, type TestApp } from '../../../../tests/helpers/test-app.ts';
import type { Criterion, IntakeView } from '../../../shared/contracts/recruitment.ts';
import { auditEvents } from '../audit/audit.tables.ts';
import { intakes } from './recruitment.tables.ts';
import { DAY, apply, createIntake, holdInterview, otherTenantApplication, teamOf } from './applications.test-support.ts';

let t: TestApp;
let team: Awaited<ReturnType<typeof teamOf>>;
beforeAll(async () => {
  t = await createTestApp();
  team = await teamOf(t);
});
afterAll(() => t.close());

const get = (url: string, cookie = team.tove) => t.app.inject({ url, headers: { cookie } });
const patch = (id: string, payload: object) => t.app.inject({ method: 'PATCH', url: `/api/intakes/${id}`, payload, headers: asBrowser(team.tove) });
const post = (url: string, payload: object, cookie = team.tove) => t.app.inject({ method: 'POST', url, payload, headers: asBrowser(cookie) });

describe('intakes', () => {
  it("offers the seed's criteria and scenario questions as defaults, in Swedish, Danish and English", async () => {
    const res = await get('/api/intakes/defaults');
    expect(res.statusCode).toBe(200);
    const { criteria, questions } = res.json() as { criteria: Criterion[]; questions: { id: string; text: Record<string, string> }[] };
    expect(criteria).toHaveLength(8);
    expect(criteria.find((c) => c.id === 'own-experience')?.level).toBe('must');
    expect(criteria.find((c) => c.id === 'care-experience')?.level).toBe('should');
    expect(criteria.find((c) => c.id === 'authorities')).toMatchObject({ level: 'plus', label: { en: 'Has experience of "butting heads with authorities"' } });
    expect(criteria.find((c) => c.id === 'work-half-time')?.label.sv).toContain('50 %');
    expect(questions.map((q) => q.id)).toEqual(['frustration', 'distrust', 'wellbeing']);
    for (const item of [...criteria.map((c) => c.label), ...questions.map((q) => q.text)]) {
      expect(Object.keys(item).sort()).toEqual(['da', 'en', 'sv']);
    }
  });

  it('creates an intake: new criteria get an id, and an edit keeps every id and what it did not name', async () => {
    const defaults = (await get('/api/intakes/defaults')).json();
    const intake = await createIntake(t, team.tove, {
      criteria: [...defaults.criteria, { level: 'should', label: { sv: 'Har körkort' } }],
      decisionDays: 5,
    });
    expect(intake).toMatchObject({ status: 'open', isOpen: true, decisionDays: 5, retentionMonths: 12, overdueDecisions: 0 });
    expect(intake.counts).toMatchObject({ received: 0, admitted: 0, withdrawn: 0 });
    const added = intake.criteria.at(-1)!;
    expect(added.id).toMatch(/^c-[0-9a-f]{8}$/);
    const [created] = await t.svc.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'intake.create'), eq(auditEvents.recordId, intake.id)));
    expect(created).toBeTruthy();

    const renamed = await patch(intake.id, { title: 'PEER-utbildning hösten 2027' });
    expect(renamed.json()).toMatchObject({ title: 'PEER-utbildning hösten 2027', status: 'open', decisionDays: 5 });

    const edited = intake.criteria.map((c) => (c.id === added.id ? { ...c, label: { sv: 'Har B-körkort' } } : c));
    const res = await patch(intake.id, { criteria: [...edited, { level: 'plus', label: { en: 'Speaks Arabic' } }] });
    expect(res.statusCode).toBe(200);
    const after = res.json().criteria as Criterion[];
    expect(after.slice(0, -1).map((c) => c.id)).toEqual(intake.criteria.map((c) => c.id));
    expect(after.find((c) => c.id === added.id)?.label).toEqual({ sv: 'Har B-körkort' });
    expect(after.at(-1)!.id).not.toBe(added.id);
  });

  it('names each wrong field, in the reader’s language, when creating or editing', async () => {
    const missing = await t.app.inject({
      method: 'POST',
      url: '/api/intakes',
      headers: { ...asBrowser(team.tove), 'accept-language': 'en' },
      payload: { courseName: 'PEER', tracks: [], deadline: 'next week', places: 0, criteria: [{ level: 'must', label: {} }], questions: [] },
    });
    expect(missing.statusCode).toBe(400);
    const fields = missing.json().error.fields;
    expect(Object.keys(fields).sort()).toEqual(['criteria.label', 'deadline', 'places', 'title', 'tracks']);
    expect(fields.title).toBe('Fill in this field.');

    const past = await post('/api/intakes', { ...baseBody(), deadline: new Date(t.clock.now().getTime() - DAY).toISOString() });
    expect(past.statusCode).toBe(400);
    expect(Object.keys(past.json().error.fields)).toEqual(['deadline']);

    const draft = await createIntake(t, team.tove, { status: 'draft', deadline: new Date(t.clock.now().getTime() - DAY).toISOString() });
    const reopen = await patch(draft.id, { status: 'open' });
    expect(reopen.json().error.fields).toHaveProperty('deadline');
    const unknown = await patch(draft.id, { places: 10, owner: 'me' });
    expect(unknown.json().error.fields).toEqual({ owner: expect.any(String) });
    expect((await get(`/api/intakes/${draft.id}`)).json()).toMatchObject({ status: 'draft', places: 12 });
  });

  it('lists intakes with the number of applications in each stage', async () => {
    const intake = await createIntake(t, team.tove);
    await apply(t, intake, { name: 'Alma Ek' });
    await apply(t, intake, { name: 'Bo Ek', track: 'relative' });
    const res = await get('/api/intakes?limit=200');
    const listed = (res.json().items as IntakeView[]).find((i) => i.id === intake.id)!;
    expect(listed.counts).toMatchObject({ received: 2, under_review: 0 });
    expect(res.json().items.some((i: IntakeView) => i.title === 'PEER-utbildning våren 2027')).toBe(true);
  });

  it('reports the funnel: applied, reviewed by two, interviewed, decided, and the median days to a decision', async () => {
    const intake = await createIntake(t, team.tove);
    const apps = [];
    for (const name of ['Ada', 'Bea', 'Cai', 'Dan', 'Eli']) apps.push(await apply(t, intake, { name: `${name} Funnelsson` }));
    const [a, b, c, d] = apps;
    const ratings = intake.criteria.map((k) => ({ criterionId: k.id, rating: 'met' }));
    for (const app of [a!, b!, c!]) {
      for (const cookie of [team.tove, team.tage]) await post(`/api/applications/${app.id}/assess`, { ratings, notes: '', submit: true }, cookie);
      await post(`/api/applications/${app.id}/invite`, {});
    }
    // Decided today, two and five days after their interviews; the third waits past the promise.
    await holdInterview(t, a!, new Date(t.clock.now().getTime() - 2 * DAY));
    await holdInterview(t, b!, new Date(t.clock.now().getTime() - 5 * DAY));
    await holdInterview(t, c!, new Date(t.clock.now().getTime() - 12 * DAY));
    const letter = 'Hej! Här kommer beskedet om din ansökan.';
    await post(`/api/applications/${a!.id}/decide`, { decision: 'admitted', letter });
    await post(`/api/applications/${b!.id}/decide`, { decision: 'not_admitted', letter });
    await post(`/api/applications/${d!.id}/withdraw`, {});

    const res = await get(`/api/intakes/${intake.id}/funnel`);
    expect(res.json()).toEqual({
      applied: 5,
      reviewed: 3,
      interviewed: 3,
      admitted: 1,
      waitlisted: 0,
      notAdmitted: 1,
      withdrawn: 1,
      medianDaysInterviewToDecision: 3.5,
      overdueDecisions: 1,
    });
  });

  it('gives the demo tenant an open intake with applications in every stage, and a decided one', async () => {
    const items = (await get('/api/intakes?limit=200')).json().items as IntakeView[];
    const open = items.find((i) => i.title === 'PEER-utbildning våren 2027')!;
    expect(open).toMatchObject({ status: 'open', places: 16, tracks: ['own_experience', 'relative'] });
    expect(Object.entries(open.counts).filter(([, n]) => n === 0)).toEqual([]);
    const closed = items.find((i) => i.title === 'PEER-utbildning hösten 2026')!;
    const funnel = (await get(`/api/intakes/${closed.id}/funnel`)).json();
    expect(funnel).toMatchObject({ applied: 6, reviewed: 6, interviewed: 6, admitted: 3, waitlisted: 1, notAdmitted: 2, medianDaysInterviewToDecision: 5.5 });
  });

  it('keeps intakes to the training team of their own tenant', async () => {
    for (const role of ['coordinator', 'admin'] as const) {
      const cookie = await t.signIn(role);
      expect((await get('/api/intakes', cookie)).statusCode).toBe(403);
      expect((await post('/api/intakes', baseBody(), cookie)).statusCode).toBe(403);
    }
    const other = await otherTenantApplication(t, team.otherTenantId);
    expect((await get(`/api/intakes/${other.intakeId}`)).statusCode).toBe(404);
    expect((await get(`/api/intakes/${other.intakeId}/funnel`)).statusCode).toBe(404);
    expect((await patch(other.intakeId, { title: 'Overtaget' })).statusCode).toBe(404);
    const [untouched] = await t.svc.db.select({ title: intakes.title }).from(intakes).where(eq(intakes.id, other.intakeId));
    expect(untouched?.title).toBe('Peer-uddannelse');
  });
});

function baseBody() {
  return {
    title: 'PEER-utbildning',
    courseName: 'PEER Support-utbildning',
    tracks: ['own_experience'],
    deadline: new Date(t.clock.now().getTime() + 20 * DAY).toISOString(),
    places: 12,
    criteria: [{ level: 'must', label: { sv: 'Egen erfarenhet' } }],
    questions: [],
    status: 'open',
  };
}
