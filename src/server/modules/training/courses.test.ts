import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { asBrowser, createTestApp, type TestApp } from '../../../../tests/helpers/test-app.ts';
import { defaultCompletion, fiveWeekTemplate, type CourseView } from '../../../shared/contracts/training.ts';
import { auditEvents } from '../audit/audit.tables.ts';
import { makeCourse, makeUser, teamOf } from './training.test-support.ts';

let t: TestApp;
let team: Awaited<ReturnType<typeof teamOf>>;
beforeAll(async () => {
  t = await createTestApp();
  team = await teamOf(t);
});
afterAll(() => t.close());

const get = (url: string, cookie = team.tove) => t.app.inject({ url, headers: { cookie } });
const patch = (id: string, payload: object, cookie = team.tove) => t.app.inject({ method: 'PATCH', url: `/api/courses/${id}`, headers: asBrowser(cookie), payload });

describe('courses', () => {
  it("lists the demo tenant's courses by kind", async () => {
    const res = await get('/api/courses?kind=peer_training');
    expect(res.statusCode).toBe(200);
    const titles = (res.json().items as CourseView[]).map((c) => c.title.sv);
    expect(titles).toEqual(expect.arrayContaining(['PEER Support-utbildning', 'Anhörigpeer-utbildning']));
    expect(titles).not.toContain('Att leva med ångest – en väg framåt');
    const peer = (res.json().items as CourseView[]).find((c) => c.title.sv === 'PEER Support-utbildning')!;
    expect(peer).toMatchObject({ kind: 'peer_training', cohortCount: 2, title: { en: 'PEER Support training' } });
  });

  it('creates a course with the five-week template and the default completion rule unless told otherwise', async () => {
    const course = await makeCourse(t, team.tove, { title: { da: 'Peer-uddannelse' } });
    expect(course).toMatchObject({ kind: 'peer_training', title: { da: 'Peer-uddannelse' }, cohortCount: 0 });
    expect(course.scheduleTemplate).toEqual(fiveWeekTemplate);
    expect(course.completion).toEqual(defaultCompletion);
    const [audit] = await t.svc.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'course.create'), eq(auditEvents.recordId, course.id)));
    expect(audit).toBeTruthy();

    const edited = await patch(course.id, { completion: { minAttendancePercent: 90, allReflectionTasks: false } });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ title: { da: 'Peer-uddannelse' }, completion: { minAttendancePercent: 90, allReflectionTasks: false } });
    expect(edited.json().scheduleTemplate).toEqual(fiveWeekTemplate);
    expect((await get(`/api/courses/${course.id}`)).json().completion.minAttendancePercent).toBe(90);
  });

  it('names a title in no language, and an unknown kind, as field errors', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/courses',
      headers: { ...asBrowser(team.tove), 'accept-language': 'en' },
      payload: { kind: 'evening_class', title: { sv: '' }, description: { en: 'x' } },
    });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields).sort()).toEqual(['kind', 'title']);
  });

  it("is the training team's: a peer or participant is refused, another tenant's trainer does not find it", async () => {
    const course = await makeCourse(t, team.tove);
    for (const role of ['peer', 'participant'] as const) {
      const cookie = await t.signIn(role);
      expect((await get('/api/courses', cookie)).statusCode).toBe(403);
      expect((await get(`/api/courses/${course.id}`, cookie)).statusCode).toBe(403);
    }
    const other = await makeUser(t, team.otherTenantId, 'trainer', 'Mads Underviser');
    expect((await get(`/api/courses/${course.id}`, other.cookie)).statusCode).toBe(404);
    expect((await patch(course.id, { title: { da: 'Mit kursus' } }, other.cookie)).statusCode).toBe(404);
    expect((await get('/api/courses', other.cookie)).json().items).toEqual([]);
  });
});
