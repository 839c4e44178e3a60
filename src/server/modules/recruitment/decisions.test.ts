import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { asBrowser, createTestApp, type TestApp } from '../../../../tests/helpers/test-app.ts';
import type { IntakeView } from '../../../shared/contracts/recruitment.ts';
import { auditEvents } from '../audit/audit.tables.ts';
import { personStages } from '../persons/persons.tables.ts';
import { interviews } from './recruitment.tables.ts';
import { emails } from '../mail/mail.tables.ts';
import { SECOND_TRAINER, demoEmail } from '../../demo/seed.ts';
import { DAY, addSlot, apply, createIntake, holdInterview, mailTo, teamOf } from './applications.test-support.ts';

let t: TestApp;
let team: Awaited<ReturnType<typeof teamOf>>;
let intake: IntakeView;
beforeAll(async () => {
  t = await createTestApp();
  team = await teamOf(t);
  intake = await createIntake(t, team.tove, { title: 'PEER-utbildning våren 2028', retentionMonths: 12 });
});
afterAll(() => t.close());

const post = (url: string, payload?: object, cookie = team.tove) => t.app.inject({ method: 'POST', url, payload, headers: asBrowser(cookie) });
const get = (url: string) => t.app.inject({ url, headers: { cookie: team.tove } });
const letter = 'Hej! Tack för din ansökan och för samtalet. Här kommer vårt besked.';

describe('invitations and decisions', () => {
  it('invites many at once, e-mailing each applicant in their language with their own link', async () => {
    const sv = await apply(t, intake, { name: 'Klara Karlsson', locale: 'sv' });
    const da = await apply(t, intake, { name: 'Mads Madsen', locale: 'da' });
    const en = await apply(t, intake, { name: 'Nora North', locale: 'en' });
    await post(`/api/applications/${en.id}/decide`, { decision: 'not_admitted', letter });

    const res = await post('/api/applications/bulk-move', { ids: [sv.id, da.id, en.id], stage: 'interview_invited' });
    expect(res.json()).toEqual({ moved: 2, skipped: 1 });

    const [svMail] = (await mailTo(t, sv.email)).filter((m) => m.subject.startsWith('Välj en tid'));
    expect(svMail!.subject).toBe('Välj en tid för intervju: PEER-utbildning våren 2028');
    expect(svMail!.text).toContain(sv.statusUrl);
    expect(svMail!.text).toContain('Hej Klara Karlsson!');
    const [daMail] = (await mailTo(t, da.email)).filter((m) => m.subject.startsWith('Vælg en tid'));
    expect(daMail!.text).toContain(da.statusUrl);
    expect(daMail!.text).not.toContain(sv.statusUrl);
    expect((await mailTo(t, en.email)).some((m) => m.subject.includes('interview'))).toBe(false);

    expect((await get(`/api/applications/${da.id}`)).json().timeline.map((e: { stage: string }) => e.stage)).toEqual(['received', 'interview_invited']);
    const moves = await t.svc.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'application.move'), eq(auditEvents.recordId, sv.id)));
    expect(moves[0]?.details).toEqual({ from: 'received', to: 'interview_invited' });
  });

  it('books a time for one applicant at once: the booking e-mail with its calendar file is the invitation', async () => {
    const app = await apply(t, intake, { name: 'Petter Palm' });
    const slotId = await addSlot(t, intake.id, new Date(t.clock.now().getTime() + 3 * DAY));
    const res = await post(`/api/applications/${app.id}/invite`, { slotId });
    expect(res.json()).toMatchObject({ stage: 'interview_invited', interview: { slot: { id: slotId } } });
    const mails = await t.svc.db.select().from(emails).where(eq(emails.toAddress, app.email));
    expect(mails.some((m) => m.subject.startsWith('Välj en tid'))).toBe(false);
    expect(mails.some((m) => m.attachmentsEncrypted !== null)).toBe(true);

    const taken = await apply(t, intake, { name: 'Rakel Ros' });
    const clash = await post(`/api/applications/${taken.id}/invite`, { slotId });
    expect(clash.json().error.code).toBe('SLOT_TAKEN');
    expect((await get(`/api/applications/${taken.id}`)).json().stage).toBe('received');
  });

  it("drafts the letter in the applicant's language, with the day everything is deleted", async () => {
    const da = await apply(t, intake, { name: 'Sofie Sørensen', locale: 'da' });
    const no = (await get(`/api/applications/${da.id}/decision-draft?decision=not_admitted`)).json();
    expect(no).toMatchObject({ locale: 'da', purgeAfter: '2027-11-23' });
    expect(no.letter).toContain('Hej Sofie Sørensen');
    expect(no.letter).toContain('PEER-utbildning våren 2028');
    expect(no.letter).toContain('bliver slettet den 23. november 2027');

    const en = await apply(t, intake, { name: 'Tom Taylor', locale: 'en' });
    await post(`/api/applications/${en.id}/invite`);
    await holdInterview(t, en, new Date(t.clock.now().getTime() - DAY));
    const yes = (await get(`/api/applications/${en.id}/decision-draft?decision=admitted`)).json();
    expect(yes).toMatchObject({ locale: 'en', purgeAfter: null });
    expect(yes.letter).toContain('you have a place on PEER Support-utbildning');
    expect(yes.letter).toContain('What happens next');
  });

  it('admits after the interview: the letter goes out by e-mail and the applicant is ready to place', async () => {
    const app = await apply(t, intake, { name: 'Ulla Udd' });
    await post(`/api/applications/${app.id}/invite`);
    await holdInterview(t, app, new Date(t.clock.now().getTime() - 3 * DAY));
    const edited = `${(await get(`/api/applications/${app.id}/decision-draft?decision=admitted`)).json().letter}\n\nPS. Välkommen!`;

    const res = await post(`/api/applications/${app.id}/decide`, { decision: 'admitted', letter: edited });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ stage: 'admitted', purgeAfter: null, decision: { decision: 'admitted', letter: edited, decidedByName: 'Tove Utbildare' } });

    const mail = (await mailTo(t, app.email)).find((m) => m.subject.startsWith('Besked'))!;
    expect(mail.subject).toBe('Besked om din ansökan: PEER-utbildning våren 2028');
    expect(mail.text).toContain('PS. Välkommen!');
    expect(mail.text).toContain(app.statusUrl);
    const [stage] = await t.svc.db.select().from(personStages).where(eq(personStages.personId, app.personId));
    expect(stage).toMatchObject({ kind: 'applicant', endedOn: '2026-11-23' });
    const again = await post(`/api/applications/${app.id}/decide`, { decision: 'not_admitted', letter });
    expect(again.json().error.code).toBe('WRONG_STAGE');
  });

  it('admits or waitlists only after an interview, but may decline before', async () => {
    const app = await apply(t, intake, { name: 'Vera Vik' });
    for (const decision of ['admitted', 'waitlisted']) {
      const res = await post(`/api/applications/${app.id}/decide`, { decision, letter });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('WRONG_STAGE');
    }
    expect((await get(`/api/applications/${app.id}/decision-draft?decision=admitted`)).json().error.code).toBe('WRONG_STAGE');
    expect((await mailTo(t, app.email)).some((m) => m.subject.startsWith('Besked'))).toBe(false);

    const no = await post(`/api/applications/${app.id}/decide`, { decision: 'not_admitted', letter });
    expect(no.json()).toMatchObject({ stage: 'not_admitted', purgeAfter: '2027-11-23' });
    const coordinator = await t.signIn('coordinator');
    expect((await post(`/api/applications/${app.id}/decide`, { decision: 'not_admitted', letter }, coordinator)).statusCode).toBe(403);
  });

  it('records a withdrawal by phone: the coming interview is cancelled in every calendar and deletion is scheduled', async () => {
    const app = await apply(t, intake, { name: 'Wilma Wik', locale: 'en' });
    await post(`/api/applications/${app.id}/invite`);
    const slotId = await holdInterview(t, app, new Date(t.clock.now().getTime() + 2 * DAY));

    const res = await post(`/api/applications/${app.id}/withdraw`);
    expect(res.json()).toMatchObject({ stage: 'withdrawn', purgeAfter: '2027-11-23', interview: null });
    expect(await t.svc.db.select().from(interviews).where(eq(interviews.slotId, slotId))).toEqual([]);
    const mail = (await mailTo(t, app.email)).find((m) => m.subject.startsWith('Your application is withdrawn'))!;
    expect(mail.text).toContain('deleted on 23 November 2027');
    // The interview leaves the applicant's calendar with the receipt, and each interviewer's with a notice.
    expect(mail.attachments.map((a) => a.content).join()).toMatch(/METHOD:CANCEL/);
    for (const who of [demoEmail('trainer'), SECOND_TRAINER.email]) {
      const notice = (await mailTo(t, who)).find((m) => /cancelled|inställd/.test(m.subject) && m.text.includes(app.reference));
      expect(notice?.attachments[0]?.content).toMatch(/METHOD:CANCEL/);
    }
    expect((await post(`/api/applications/${app.id}/withdraw`)).json().error.code).toBe('WRONG_STAGE');
  });
});
