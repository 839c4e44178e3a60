import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq, inArray } from 'drizzle-orm';
import { asBrowser, createTestApp, type TestApp } from '../../../../tests/helpers/test-app.ts';
import { auditEvents } from '../audit/audit.tables.ts';
import { verifyAuditChain } from '../audit/audit.service.ts';
import { persons } from '../persons/persons.tables.ts';
import { runRetention } from '../retention/retention.service.ts';
import { applications } from './recruitment.tables.ts';
import { DAY, apply, createIntake, holdInterview, mailTo, teamOf } from './applications.test-support.ts';

let t: TestApp;
let team: Awaited<ReturnType<typeof teamOf>>;
beforeAll(async () => {
  t = await createTestApp();
  team = await teamOf(t);
});
afterAll(() => t.close());

const post = (url: string, payload?: object, cookie = team.tove) => t.app.inject({ method: 'POST', url, payload, headers: asBrowser(cookie) });
const letter = 'Hej! Tack för din ansökan och för samtalet. Här kommer vårt besked.';
const remaining = async (ids: string[]) => (await t.svc.db.select({ id: applications.id }).from(applications).where(inArray(applications.id, ids))).map((r) => r.id);

describe('retention and personal data of applications', () => {
  it('deletes the not admitted and the withdrawn on the day they were told, and keeps the admitted', async () => {
    const intake = await createIntake(t, team.tove);
    const declined = await apply(t, intake, { name: 'Ossian Olsson' });
    const withdrawn = await apply(t, intake, { name: 'Paula Persson' });
    const admitted = await apply(t, intake, { name: 'Rut Ragnarsson' });
    await post(`/api/applications/${declined.id}/decide`, { decision: 'not_admitted', letter });
    await post(`/api/applications/${withdrawn.id}/withdraw`);
    await post(`/api/applications/${admitted.id}/invite`);
    await holdInterview(t, admitted, new Date(t.clock.now().getTime() - DAY));
    await post(`/api/applications/${admitted.id}/decide`, { decision: 'admitted', letter });
    const ids = [declined.id, withdrawn.id, admitted.id];

    t.clock.current = new Date('2027-11-22T09:00:00Z');
    await runRetention(t.svc);
    expect(await remaining(ids)).toHaveLength(3);

    t.clock.current = new Date('2027-11-23T09:00:00Z');
    const deleted = await runRetention(t.svc);
    expect(await remaining(ids)).toEqual([admitted.id]);
    expect(deleted.applications).toBeGreaterThanOrEqual(2);
    const gonePersons = await t.svc.db.select().from(persons).where(inArray(persons.id, [declined.personId, withdrawn.personId]));
    expect(gonePersons).toEqual([]);
    expect(await mailTo(t, declined.email)).toEqual([]);
    expect((await mailTo(t, admitted.email)).length).toBeGreaterThan(0);

    const [sweep] = await t.svc.db.select().from(auditEvents).where(eq(auditEvents.action, 'retention.sweep')).orderBy(desc(auditEvents.seq)).limit(1);
    expect(sweep!.details).toEqual({ deleted });
    expect(Object.values(deleted).every((n) => Number.isInteger(n))).toBe(true);
    expect(JSON.stringify(sweep)).not.toMatch(/Ossian|Paula|PB-|example\.org/);
    expect(await verifyAuditChain(t.svc.db)).toMatchObject({ ok: true });
  });

  it("exports a person's application with the letter and decision, and erases it with the person", async () => {
    t.clock.current = new Date('2026-11-23T09:00:00Z');
    const tove = await t.signIn('trainer');
    const intake = await createIntake(t, tove);
    const app = await apply(t, intake, { name: 'Signe Stål' });
    await post(`/api/applications/${app.id}/decide`, { decision: 'not_admitted', letter }, tove);
    const admin = await t.signIn('admin');

    const exported = (await t.app.inject({ url: `/api/persons/${app.personId}/export`, headers: { cookie: admin } })).json();
    expect(exported.applications).toHaveLength(1);
    expect(exported.applications[0]).toMatchObject({
      reference: app.reference,
      intake: intake.title,
      stage: 'not_admitted',
      letter: { whyRole: expect.stringContaining('hopp') },
      decision: { decision: 'not_admitted', letter },
      purgeAfter: '2027-11-23',
    });
    expect(exported.applications[0].timeline.map((e: { stage: string }) => e.stage)).toEqual(['received', 'not_admitted']);

    const erased = await t.app.inject({ method: 'POST', url: `/api/persons/${app.personId}/erase`, headers: asBrowser(admin) });
    expect(erased.json().erased).toMatchObject({ applications: 1, person: 1 });
    expect(await remaining([app.id])).toEqual([]);
    expect(await mailTo(t, app.email)).toEqual([]);
  });
});
