import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { inArray } from 'drizzle-orm';
import { asBrowser, createTestApp, TestClock, type TestApp } from '../../../../tests/helpers/test-app.ts';
import type { EnrolmentAttendanceView, EnrolmentList } from '../../../shared/contracts/recovery-college.ts';
import { runRetention } from '../retention/retention.service.ts';
import { enrolments, leaderHours } from './training.tables.ts';
import { sendEnrolmentReminders } from './enrolment-reminders.ts';
import { cancelTokenOf, demoPeople, enrol, mailsTo, makeRun, uniqueEmail } from './recovery-college.test-support.ts';

let t: TestApp;
let people: Awaited<ReturnType<typeof demoPeople>>;
let tove: string;
beforeAll(async () => {
  t = await createTestApp();
  people = await demoPeople(t);
  tove = await t.signIn('trainer');
});
afterEach(() => {
  t.clock.current = new TestClock().current;
});
afterAll(() => t.close());

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const listOf = async (cohortId: string, cookie = tove) => t.app.inject({ method: 'GET', url: `/api/enrolments?cohortId=${cohortId}`, headers: { cookie } });

describe("the team's enrolment list", () => {
  it('shows places taken in order, then the waiting list with positions; cancelling on their behalf moves the first up', async () => {
    const run = await makeRun(t, { tenantId: people.tenantId, capacity: 2 });
    for (const name of ['Anna', 'Bo', 'Cecilia', 'David']) await enrol(t, run, { name });
    const list = (await listOf(run.cohortId)).json<EnrolmentList>();
    expect(list.items.map((e) => [e.name, e.status, e.position])).toEqual([['Anna', 'enrolled', null], ['Bo', 'enrolled', null], ['Cecilia', 'waitlisted', 1], ['David', 'waitlisted', 2]]);
    expect(list).toMatchObject({ capacity: 2, placesLeft: 0, cancelled: [] });

    const res = await t.app.inject({ method: 'POST', url: `/api/enrolments/${list.items[0]!.id}/cancel`, headers: asBrowser(tove) });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ cancelled: { name: 'Anna', status: 'cancelled' }, promoted: { name: 'Cecilia', status: 'enrolled' } });
    expect((await mailsTo(t, list.items[2]!.email)).at(-1)!.subject).toBe('Du har fått en plats: Att leva med ångest');
    const after = (await listOf(run.cohortId)).json<EnrolmentList>();
    expect(after.items.map((e) => [e.name, e.status, e.position])).toEqual([['Bo', 'enrolled', null], ['Cecilia', 'enrolled', null], ['David', 'waitlisted', 1]]);
    expect(after.cancelled.map((e) => e.name)).toEqual(['Anna']);
  });

  it("is the training team's: a course leader is refused the list and cancelling", async () => {
    const run = await makeRun(t, { tenantId: people.tenantId, leaderUserIds: [people.peerId] });
    await enrol(t, run);
    const id = (await listOf(run.cohortId)).json<EnrolmentList>().items[0]!.id;
    const pelle = await t.signIn('peer');
    expect((await listOf(run.cohortId, pelle)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: `/api/enrolments/${id}/cancel`, headers: asBrowser(pelle) })).statusCode).toBe(403);
    expect((await listOf(run.cohortId)).json<EnrolmentList>().items.map((e) => e.status)).toEqual(['enrolled']);
  });
});

describe('reminders', () => {
  it('reminds those holding a place the day before the first session, once, with the cancel link; not the waiting', async () => {
    const run = await makeRun(t, { tenantId: people.tenantId, capacity: 1, startsInDays: 3 });
    const holder = uniqueEmail();
    const waiting = uniqueEmail();
    await enrol(t, run, { email: holder, locale: 'en' });
    await enrol(t, run, { email: waiting });

    t.clock.advance(DAY);
    expect(await sendEnrolmentReminders(t.svc)).toBe(0);
    t.clock.advance(DAY);
    expect(await sendEnrolmentReminders(t.svc)).toBe(1);
    expect(await sendEnrolmentReminders(t.svc)).toBe(0);
    t.clock.advance(5 * HOUR);
    expect(await sendEnrolmentReminders(t.svc)).toBe(0);

    const reminder = (await mailsTo(t, holder)).at(-1)!;
    expect(reminder.subject).toBe('Reminder: Living with anxiety starts soon');
    expect(reminder.text).toContain(`/recovery-college/cancel#${await cancelTokenOf(t, holder)}`);
    expect(reminder.text).toContain('Thursday, 26 November 2026, 17:30–19:30');
    expect((await mailsTo(t, waiting)).map((m) => m.subject)).toEqual(['Du står på väntelistan: Att leva med ångest']);
  });

  it('does not remind someone who got their place within the last day: that e-mail was the reminder', async () => {
    const run = await makeRun(t, { tenantId: people.tenantId, startsInDays: 1 });
    const late = uniqueEmail();
    await enrol(t, run, { email: late });
    expect(await sendEnrolmentReminders(t.svc)).toBe(0);
    expect(await mailsTo(t, late)).toHaveLength(1);
  });
});

describe('attendance taken by a course leader', () => {
  const put = (cookie: string, payload: object) => t.app.inject({ method: 'PUT', url: '/api/enrolment-attendance', payload, headers: asBrowser(cookie) });

  it('lets the peer leading the session save it and records their hours; a session they do not lead is refused', async () => {
    const run = await makeRun(t, { tenantId: people.tenantId, startsInDays: 0, leaderUserIds: [people.peerId, people.trainerId] });
    const notTheirs = await makeRun(t, { tenantId: people.tenantId, startsInDays: 0, leaderUserIds: [people.trainer2Id] });
    await enrol(t, run, { name: 'Greta' });
    await enrol(t, run, { name: 'Hugo' });
    const pelle = await t.signIn('peer');
    const [sessionId] = run.sessionIds;

    const before = await t.app.inject({ method: 'GET', url: `/api/enrolment-attendance?sessionId=${sessionId}`, headers: { cookie: pelle } });
    expect(before.statusCode).toBe(200);
    const records = before.json<EnrolmentAttendanceView>().records;
    expect(records.map((r) => [r.name, r.status])).toEqual([['Greta', null], ['Hugo', null]]);

    const saved = await put(pelle, { sessionId, records: [{ enrolmentId: records[0]!.enrolmentId, status: 'present' }, { enrolmentId: records[1]!.enrolmentId, status: 'excused' }] });
    expect(saved.statusCode).toBe(200);
    expect(saved.json<EnrolmentAttendanceView>().records.map((r) => [r.name, r.status])).toEqual([['Greta', 'present'], ['Hugo', 'excused']]);
    const again = await put(pelle, { sessionId, records: [{ enrolmentId: records[1]!.enrolmentId, status: 'present' }] });
    expect(again.json<EnrolmentAttendanceView>().records.map((r) => r.status)).toEqual(['present', 'present']);

    // The next session has not happened yet: no attendance, no hours.
    expect((await put(pelle, { sessionId: run.sessionIds[1], records: [{ enrolmentId: records[0]!.enrolmentId, status: 'present' }] })).statusCode).toBe(409);
    const hours = await t.svc.db.select().from(leaderHours).where(inArray(leaderHours.sessionId, run.sessionIds));
    // The trainer co-leads as staff: only the peer's hours are a fee.
    expect(hours.map((h) => [h.userId, h.hours])).toEqual([[people.peerId, '2.00']]);

    const theirs = await t.app.inject({ method: 'GET', url: `/api/enrolment-attendance?sessionId=${notTheirs.sessionIds[0]}`, headers: { cookie: pelle } });
    expect(theirs.statusCode).toBe(403);
    expect((await put(pelle, { sessionId: notTheirs.sessionIds[0], records: [{ enrolmentId: records[0]!.enrolmentId, status: 'present' }] })).statusCode).toBe(403);
    expect((await put(await t.signIn('participant'), { sessionId, records: [{ enrolmentId: records[0]!.enrolmentId, status: 'absent' }] })).statusCode).toBe(403);
  });

  it('refuses a record of someone not on the run, with a field error', async () => {
    const run = await makeRun(t, { tenantId: people.tenantId, startsInDays: 0 });
    const other = await makeRun(t, { tenantId: people.tenantId });
    await enrol(t, other);
    const stranger = (await listOf(other.cohortId)).json<EnrolmentList>().items[0]!.id;
    const res = await put(tove, { sessionId: run.sessionIds[0], records: [{ enrolmentId: stranger, status: 'present' }] });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json<{ error: { fields: object } }>().error.fields)).toEqual(['records']);
  });
});

describe('retention', () => {
  it('forgets who enrolled 6 months after the run ended; those who attended stay only as a count', async () => {
    const run = await makeRun(t, { tenantId: people.tenantId, startsInDays: 0, sessions: 1 });
    await enrol(t, run, { name: 'Ingrid' });
    await enrol(t, run, { name: 'Jon' });
    const [ingrid, jon] = (await listOf(run.cohortId)).json<EnrolmentList>().items;
    await t.app.inject({ method: 'PUT', url: '/api/enrolment-attendance', payload: { sessionId: run.sessionIds[0], records: [{ enrolmentId: ingrid!.id, status: 'present' }] }, headers: asBrowser(tove) });
    const token = await cancelTokenOf(t, ingrid!.email);

    t.clock.current = new Date('2027-05-23T09:00:00Z');
    await runRetention(t.svc);
    // Sessions time out meanwhile: sign in anew.
    tove = await t.signIn('trainer');
    expect((await listOf(run.cohortId)).json<EnrolmentList>().items).toHaveLength(2);

    t.clock.current = new Date('2027-05-24T09:00:00Z');
    const counts = await runRetention(t.svc);
    tove = await t.signIn('trainer');
    expect(counts.enrolments).toBeGreaterThanOrEqual(2);
    const left = await t.svc.db.select().from(enrolments).where(inArray(enrolments.id, [ingrid!.id, jon!.id]));
    expect(left.map((e) => [e.id, e.name, e.email.startsWith('erased:')])).toEqual([[ingrid!.id, '', true]]);
    expect(t.svc.keyring.decrypt(left[0]!.cancelTokenEncrypted)).toBe('');
    expect((await listOf(run.cohortId)).json<EnrolmentList>().items).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: '/api/public/enrolments/current', headers: { 'x-enrolment-token': token } })).statusCode).toBe(404);
    expect((await runRetention(t.svc)).enrolments).toBe(0);
  });
});
