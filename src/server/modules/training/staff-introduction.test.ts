import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asBrowser, createTestApp, type TestApp } from '../../../../tests/helpers/test-app.ts';
import type { EnrolmentAttendanceView, StaffAttendeesResult, UnitIntroductionView } from '../../../shared/contracts/recovery-college.ts';
import { demoPeople, mailsTo, makeRun } from './recovery-college.test-support.ts';

let t: TestApp;
let people: Awaited<ReturnType<typeof demoPeople>>;
let tove: string;
beforeAll(async () => {
  t = await createTestApp();
  people = await demoPeople(t);
  tove = await t.signIn('trainer');
});
afterAll(() => t.close());

const addStaff = (cohortId: string, names: string[], cookie = tove) =>
  t.app.inject({
    method: 'POST',
    url: `/api/staff-introductions/${cohortId}/attendees`,
    payload: { people: names.map((name) => ({ name, email: `${name.toLowerCase()}@psykiatri.example.org` })) },
    headers: asBrowser(cookie),
  });
const introductionOf = (unitId: string, cookie = tove) => t.app.inject({ method: 'GET', url: `/api/units/${unitId}/introduction`, headers: { cookie } });

describe('staff introduction trainings', () => {
  it("adds a unit's staff without e-mailing them, takes their attendance, and shows the unit how many attended", async () => {
    // A unit of its own, so the demo's introduction does not count here.
    const unit = people.units.find((u) => u.name === 'Socialpsykiatrin Demo kommun')!;
    const before = (await introductionOf(unit.id)).json<UnitIntroductionView>();
    const run = await makeRun(t, { tenantId: people.tenantId, kind: 'staff_introduction', unitId: unit.id, capacity: null, startsInDays: -7, sessions: 1 });

    const added = await addStaff(run.cohortId, ['Anders', 'Berit', 'Cissi']);
    expect(added.statusCode).toBe(201);
    expect(added.json<StaffAttendeesResult>().added).toBe(3);
    const again = await addStaff(run.cohortId, ['Cissi', 'Dan']);
    expect(again.json<StaffAttendeesResult>()).toMatchObject({ added: 1 });
    expect(again.json<StaffAttendeesResult>().items.map((e) => [e.name, e.status])).toEqual([
      ['Anders', 'enrolled'], ['Berit', 'enrolled'], ['Cissi', 'enrolled'], ['Dan', 'enrolled'],
    ]);
    expect(await mailsTo(t, 'anders@psykiatri.example.org')).toEqual([]);

    const sheet = await t.app.inject({ method: 'GET', url: `/api/enrolment-attendance?sessionId=${run.sessionIds[0]}`, headers: { cookie: tove } });
    const ids = Object.fromEntries(sheet.json<EnrolmentAttendanceView>().records.map((r) => [r.name, r.enrolmentId]));
    const saved = await t.app.inject({
      method: 'PUT',
      url: '/api/enrolment-attendance',
      payload: { sessionId: run.sessionIds[0], records: [{ enrolmentId: ids.Anders, status: 'present' }, { enrolmentId: ids.Berit, status: 'present' }, { enrolmentId: ids.Cissi, status: 'absent' }] },
      headers: asBrowser(tove),
    });
    expect(saved.statusCode).toBe(200);

    const view = (await introductionOf(unit.id)).json<UnitIntroductionView>();
    expect(before.isDone).toBe(false);
    expect(view.unit.name).toBe('Socialpsykiatrin Demo kommun');
    expect(view.isDone).toBe(true);
    expect(view.trainings).toHaveLength(before.trainings.length + 1);
    expect(view.trainings[0]).toMatchObject({ cohortId: run.cohortId, startsOn: '2026-11-16', sessions: 1, staffAdded: 4, staffAttended: 2 });
  });

  it('takes staff only into a staff introduction; the team only', async () => {
    const recoveryCollege = await makeRun(t, { tenantId: people.tenantId });
    expect((await addStaff(recoveryCollege.cohortId, ['Eva'])).statusCode).toBe(404);
    const unit = people.units[0]!;
    const run = await makeRun(t, { tenantId: people.tenantId, kind: 'staff_introduction', unitId: unit.id });
    const pelle = await t.signIn('peer');
    expect((await addStaff(run.cohortId, ['Eva'], pelle)).statusCode).toBe(403);
    expect((await introductionOf(unit.id, pelle)).statusCode).toBe(403);
    expect((await introductionOf('6f1c1f5e-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});

describe('the demo', () => {
  it("shows the ward's introduction held last month with 9 of 10 staff present", async () => {
    const ward = people.units.find((u) => u.name === 'Psykiatriska kliniken, avdelning 3')!;
    const view = (await introductionOf(ward.id)).json<UnitIntroductionView>();
    expect(view.isDone).toBe(true);
    expect(view.trainings.map((x) => [x.courseTitle.sv, x.status, x.staffAdded, x.staffAttended])).toEqual([['Introduktion till peer support för personal', 'completed', 10, 9]]);
  });
});
