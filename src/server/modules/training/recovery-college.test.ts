import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../../tests/helpers/test-app.ts';
import type { EnrolmentList, EnrolmentResult, PublicCourseView } from '../../../shared/contracts/recovery-college.ts';
import { cohorts } from './training.tables.ts';
import { cancelTokenOf, demoPeople, enrol, mailsTo, makeRun, uniqueEmail } from './recovery-college.test-support.ts';

let t: TestApp;
let people: Awaited<ReturnType<typeof demoPeople>>;
beforeAll(async () => {
  t = await createTestApp();
  people = await demoPeople(t);
});
afterAll(() => t.close());

const runOf = async (courseId: string, cohortId: string) => {
  const res = await t.app.inject({ method: 'GET', url: `/api/public/courses/${courseId}` });
  expect(res.statusCode).toBe(200);
  return (res.json<PublicCourseView>()).runs.find((r) => r.id === cohortId)!;
};

describe('the public Recovery College catalogue', () => {
  it('lists upcoming runs with sessions, co-leaders and places left, in every language given; not past or cancelled runs', async () => {
    const run = await makeRun(t, { tenantId: people.tenantId, capacity: 12, startsInDays: 10 });
    await makeRun(t, { tenantId: people.tenantId, courseId: run.courseId, startsInDays: -3 });
    await enrol(t, run);
    await enrol(t, run);

    const res = await t.app.inject({ method: 'GET', url: `/api/public/courses?tenant=${people.tenantSlug}` });
    expect(res.statusCode).toBe(200);
    const course = res.json<{ items: PublicCourseView[] }>().items.find((c) => c.id === run.courseId)!;
    expect(course.title).toEqual({ sv: 'Att leva med ångest', da: 'At leve med angst', en: 'Living with anxiety' });
    expect(course.tenantName).toBe('Region Demo');
    expect(course.runs).toHaveLength(1);
    const [shown] = course.runs;
    expect(shown).toMatchObject({ id: run.cohortId, startsOn: '2026-12-03', place: 'Recovery College, Kulturhuset', capacity: 12, placesLeft: 10, waitingListLength: 0 });
    expect(shown!.sessions.map((s) => s.startsAt)).toEqual(['2026-12-03T16:30:00.000Z', '2026-12-10T16:30:00.000Z', '2026-12-17T16:30:00.000Z']);
    expect(shown!.leaders).toEqual([{ name: 'Pelle Peer', livedExperience: true }, { name: 'Tove Utbildare', livedExperience: false }]);

    const other = await t.app.inject({ method: 'GET', url: '/api/public/courses?tenant=demo-kommune' });
    expect(other.json<{ items: PublicCourseView[] }>().items.map((c) => c.id)).not.toContain(run.courseId);
  });

  it('answers an unknown course, or a staff introduction, as not found', async () => {
    const staff = await makeRun(t, { tenantId: people.tenantId, kind: 'staff_introduction', unitId: people.units[0]!.id });
    expect((await t.app.inject({ method: 'GET', url: `/api/public/courses/${staff.courseId}` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/public/courses/6f1c1f5e-0000-4000-8000-000000000000' })).statusCode).toBe(404);
  });
});

describe('enrolling without an account', () => {
  it('gives places until the run is full, then the waiting list in order, each with an e-mail in their language', async () => {
    const run = await makeRun(t, { tenantId: people.tenantId, capacity: 2 });
    const first = await enrol(t, run, { email: 'Alva@Example.org', name: 'Alva' });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ status: 'enrolled', position: null, alreadyEnrolled: false });
    expect(first.json<EnrolmentResult>().cancelUrl).toMatch(/^http:\/\/localhost:3000\/recovery-college\/cancel#[A-Za-z0-9_-]{43}$/);
    await enrol(t, run);
    const dane = uniqueEmail('dansk');
    const third = await enrol(t, run, { email: dane, name: 'Mette', locale: 'da' });
    const fourth = await enrol(t, run);
    expect(third.json()).toMatchObject({ status: 'waitlisted', position: 1 });
    expect(fourth.json()).toMatchObject({ status: 'waitlisted', position: 2 });
    expect(await runOf(run.courseId, run.cohortId)).toMatchObject({ placesLeft: 0, waitingListLength: 2 });

    const [confirmation] = await mailsTo(t, 'alva@example.org');
    expect(confirmation!.subject).toBe('Du har en plats: Att leva med ångest');
    expect(confirmation!.text).toContain('Plats: Recovery College, Kulturhuset');
    expect(confirmation!.text).toContain('torsdag 3 december 2026 17:30–19:30');
    expect(confirmation!.text).toContain(first.json<EnrolmentResult>().cancelUrl);
    const [notice] = await mailsTo(t, dane);
    expect(notice!.subject).toBe('Du er på ventelisten: At leve med angst');
    expect(notice!.text).toContain('Du er nummer 1 i køen');
  });

  it('gives exactly the last 3 places to 3 of 20 people enrolling at once, the other 17 wait in order', async () => {
    const run = await makeRun(t, { tenantId: people.tenantId, capacity: 5 });
    await enrol(t, run);
    await enrol(t, run);
    const results = await Promise.all(Array.from({ length: 20 }, () => enrol(t, run)));
    expect(results.map((r) => r.statusCode)).toEqual(Array(20).fill(201));
    const bodies = results.map((r) => r.json<EnrolmentResult>());
    expect(bodies.filter((b) => b.status === 'enrolled')).toHaveLength(3);
    const positions = bodies.filter((b) => b.status === 'waitlisted').map((b) => b.position).sort((a, b) => a! - b!);
    expect(positions).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
    expect(await runOf(run.courseId, run.cohortId)).toMatchObject({ placesLeft: 0, waitingListLength: 17 });
  });

  it('answers the same address again with the enrolment there is, and e-mails the cancel link to the address only', async () => {
    const run = await makeRun(t, { tenantId: people.tenantId, capacity: 1 });
    const email = uniqueEmail();
    const first = await enrol(t, run, { email });
    const again = await enrol(t, run, { email: email.toUpperCase(), name: 'Someone Else' });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ status: 'enrolled', position: null, cancelUrl: null, alreadyEnrolled: true });
    expect(await runOf(run.courseId, run.cohortId)).toMatchObject({ placesLeft: 0, waitingListLength: 0 });
    const mails = await mailsTo(t, email);
    expect(mails.map((m) => m.subject)).toEqual(['Du har en plats: Att leva med ångest', 'Du är redan anmäld: Att leva med ångest']);
    expect(mails[1]!.text).toContain(first.json<EnrolmentResult>().cancelUrl);
  });

  it('replays the first answer for the same Idempotency-Key', async () => {
    const run = await makeRun(t, { tenantId: people.tenantId, capacity: 5 });
    const body = { email: uniqueEmail() };
    const first = await enrol(t, run, body, { 'idempotency-key': 'enrol-key-12345' });
    const replay = await enrol(t, run, body, { 'idempotency-key': 'enrol-key-12345' });
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json()).toEqual(first.json());
    expect(await mailsTo(t, body.email)).toHaveLength(1);
  });

  it('refuses a run that has started or is of another course, and a bad address, with field errors', async () => {
    const run = await makeRun(t, { tenantId: people.tenantId });
    const started = await makeRun(t, { tenantId: people.tenantId, courseId: run.courseId, startsInDays: -1 });
    const other = await makeRun(t, { tenantId: people.tenantId });
    const late = await enrol(t, started);
    expect(late.statusCode).toBe(400);
    expect(Object.keys(late.json<{ error: { fields: object } }>().error.fields)).toEqual(['cohortId']);
    expect((await enrol(t, { ...run, cohortId: other.cohortId })).statusCode).toBe(404);
    const bad = await enrol(t, run, { email: 'not-an-address' });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json<{ error: { fields: object } }>().error.fields)).toEqual(['email']);
  });
});

describe('cancelling by the e-mailed link', () => {
  it('shows what is cancelled, frees the place for the first waiting, who is e-mailed; the link then no longer works', async () => {
    const run = await makeRun(t, { tenantId: people.tenantId, capacity: 1 });
    const holder = uniqueEmail();
    const next = uniqueEmail('forst');
    const after = uniqueEmail('sedan');
    await enrol(t, run, { email: holder, name: 'Hanna' });
    await enrol(t, run, { email: next, name: 'Nils', locale: 'en' });
    await enrol(t, run, { email: after });
    const token = await cancelTokenOf(t, holder);

    const current = await t.app.inject({ method: 'GET', url: '/api/public/enrolments/current', headers: { 'x-enrolment-token': token } });
    expect(current.statusCode).toBe(200);
    expect(current.json()).toMatchObject({ name: 'Hanna', status: 'enrolled', position: null, courseTitle: { sv: 'Att leva med ångest' }, place: 'Recovery College, Kulturhuset' });

    const res = await t.app.inject({ method: 'POST', url: '/api/public/enrolments/cancel', payload: { token } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'cancelled', courseTitle: { sv: 'Att leva med ångest', da: 'At leve med angst', en: 'Living with anxiety' } });
    expect((await mailsTo(t, next)).at(-1)!.subject).toBe('You have a place: Living with anxiety');
    expect((await mailsTo(t, after)).map((m) => m.subject)).toEqual(['Du står på väntelistan: Att leva med ångest']);
    expect((await mailsTo(t, holder)).at(-1)!.subject).toBe('Avbokad: Att leva med ångest');
    expect(await runOf(run.courseId, run.cohortId)).toMatchObject({ placesLeft: 0, waitingListLength: 1 });
    const moved = await t.app.inject({ method: 'GET', url: '/api/public/enrolments/current', headers: { 'x-enrolment-token': await cancelTokenOf(t, after) } });
    expect(moved.json()).toMatchObject({ status: 'waitlisted', position: 1 });

    expect((await t.app.inject({ method: 'POST', url: '/api/public/enrolments/cancel', payload: { token } })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: '/api/public/enrolments/cancel', payload: { token: 'x'.repeat(43) } })).statusCode).toBe(404);
  });

  it('lets a waiting person leave the queue without moving anyone, and enrol again at its end', async () => {
    const run = await makeRun(t, { tenantId: people.tenantId, capacity: 1 });
    await enrol(t, run);
    const leaver = uniqueEmail();
    await enrol(t, run, { email: leaver });
    const stays = uniqueEmail();
    await enrol(t, run, { email: stays });
    await t.app.inject({ method: 'POST', url: '/api/public/enrolments/cancel', payload: { token: await cancelTokenOf(t, leaver) } });
    expect(await runOf(run.courseId, run.cohortId)).toMatchObject({ placesLeft: 0, waitingListLength: 1 });
    const back = await enrol(t, run, { email: leaver });
    expect(back.statusCode).toBe(201);
    expect(back.json()).toMatchObject({ status: 'waitlisted', position: 2 });
  });
});

describe('the demo', () => {
  it('has a full run with a waiting list of two, and one with places left, co-led by Pelle and Tove', async () => {
    const [demo] = (await t.app.inject({ method: 'GET', url: '/api/public/courses?tenant=region-demo' })).json<{ items: PublicCourseView[] }>().items
      .filter((c) => c.title.sv === 'Att leva med ångest – en väg framåt');
    // The template's seed ran on 1 November: by the test clock's day the first run has begun.
    expect(demo!.runs.map((r) => [r.capacity, r.placesLeft, r.waitingListLength])).toEqual([[12, 8, 0]]);
    expect(demo!.runs[0]!.leaders).toEqual([{ name: 'Pelle Peer', livedExperience: true }, { name: 'Tove Utbildare', livedExperience: false }]);
    const [full] = await t.svc.db.select({ id: cohorts.id }).from(cohorts).where(eq(cohorts.title, 'Att leva med ångest – vinter'));
    const list = await t.app.inject({ method: 'GET', url: `/api/enrolments?cohortId=${full!.id}`, headers: { cookie: await t.signIn('trainer') } });
    expect(list.json<EnrolmentList>().items.map((e) => e.position)).toEqual([...Array(12).fill(null), 1, 2]);
  });
});
