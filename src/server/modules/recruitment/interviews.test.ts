import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { asBrowser, createTestApp, type TestApp } from '../../../../tests/helpers/test-app.ts';
import { auditEvents } from '../audit/audit.tables.ts';
import { interviews } from './recruitment.tables.ts';
import { addSlot, book, demoTeam, mailsTo, makeApplication, makeIntake } from './interviews.test-support.ts';

let t: TestApp;
let trainer: string;
let team: Awaited<ReturnType<typeof demoTeam>>;
let intakeId: string;
beforeAll(async () => {
  t = await createTestApp();
  trainer = await t.signIn('trainer');
  team = await demoTeam(t);
  intakeId = await makeIntake(t, team.tenantId);
});
afterAll(() => t.close());

/** The calendar file with folded lines joined again (RFC 5545 folds at 75 octets). */
const unfold = (ics: string) => ics.replace(/\r?\n[ \t]/g, '');
const slotsOf = async (id = intakeId) => (await t.app.inject({ url: `/api/interview-slots?intakeId=${id}`, headers: { cookie: trainer } })).json().items;
const interviewOf = async (applicationId: string) => (await t.svc.db.select().from(interviews).where(eq(interviews.applicationId, applicationId)))[0];

describe('interview slots', () => {
  it('publishes slots, listed by start time with the interviewers\' names', async () => {
    const later = await addSlot(t, trainer, { intakeId, hoursFromNow: 30, interviewerUserIds: [team.trainerId] });
    const sooner = await addSlot(t, trainer, { intakeId, hoursFromNow: 28, interviewerUserIds: [team.trainerId, team.trainer2Id], mode: 'video' });
    const items = await slotsOf();
    expect(items.map((s: { id: string }) => s.id)).toEqual([sooner, later]);
    expect(items[0]).toMatchObject({ mode: 'video', videoUrl: 'https://video.example.org/room-7', location: null, booked: null });
    expect(items[0].interviewers.map((i: { name: string }) => i.name)).toEqual(['Tove Utbildare', 'Tage Utbildare']);
  });

  it('offers the active training team as interviewers', async () => {
    const res = await t.app.inject({ url: '/api/interview-slots/interviewers', headers: { cookie: trainer } });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((i: { name: string }) => i.name)).toEqual(['Tage Utbildare', 'Tove Utbildare']);
  });

  it('refuses a bad slot naming each field, and another tenant\'s intake as not found', async () => {
    const post = (payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/interview-slots', headers: asBrowser(trainer), payload });
    const res = await post({
      intakeId,
      startsAt: '2026-12-01T10:00:00Z',
      endsAt: '2026-12-01T09:00:00Z',
      mode: 'place',
      interviewerUserIds: [team.trainerId, team.coordinatorId],
    });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields).sort()).toEqual(['endsAt', 'interviewerUserIds', 'location']);
    expect(res.json().error.fields.endsAt).toBe('Sluttiden måste komma efter starttiden.');
    const video = await post({ intakeId, startsAt: '2026-12-01T10:00:00Z', endsAt: '2026-12-01T11:00:00Z', mode: 'video', interviewerUserIds: [team.trainerId] });
    expect(Object.keys(video.json().error.fields)).toEqual(['videoUrl']);
    const otherIntake = await makeIntake(t, team.otherTenantId);
    const foreign = await post({ intakeId: otherIntake, startsAt: '2026-12-01T10:00:00Z', endsAt: '2026-12-01T11:00:00Z', mode: 'place', location: 'X', interviewerUserIds: [team.trainerId] });
    expect(foreign.statusCode).toBe(404);
  });

  it('is for the training team only', async () => {
    const coordinator = await t.signIn('coordinator');
    expect((await t.app.inject({ url: `/api/interview-slots?intakeId=${intakeId}`, headers: { cookie: coordinator } })).statusCode).toBe(403);
  });
});

describe('booking an interview', () => {
  it('lets an invited applicant book with their personal link, and e-mails a calendar invitation in UTC', async () => {
    const slotId = await addSlot(t, trainer, { intakeId, hoursFromNow: 48, interviewerUserIds: [team.trainerId, team.trainer2Id] });
    const a = await makeApplication(t, { tenantId: team.tenantId, intakeId, locale: 'da', name: 'Mette Madsen' });
    expect((await book(t, a.token, slotId)).statusCode).toBe(204);

    const slot = (await slotsOf()).find((s: { id: string }) => s.id === slotId);
    expect(slot.booked).toEqual({ applicationId: a.id, reference: a.reference, name: 'Mette Madsen' });
    const interview = (await interviewOf(a.id))!;
    expect(interview.bookedBy).toBe('applicant');

    const [mail] = await mailsTo(t, a.email);
    expect(mail!.subject).toMatch(/^Din samtale er booket/);
    expect(mail!.text).toContain(a.reference);
    expect(mail!.text).toContain(`/application#${a.token}`);
    expect(mail!.attachments).toHaveLength(1);
    expect(mail!.attachments[0]!.contentType).toContain('method=REQUEST');
    const ics = unfold(mail!.attachments[0]!.content);
    expect(ics).toContain('METHOD:REQUEST');
    expect(ics).toContain(`UID:interview-${interview.id}@peerbridge`);
    expect(ics).toContain('DTSTART:20261125T090000Z');
    expect(ics).toContain('DTEND:20261125T100000Z');
    expect(ics).toContain('SEQUENCE:0');
    expect(ics).toContain(`/application#${a.token}`);

    // Each interviewer gets the event too, naming the applicant by reference only.
    const [toTrainer] = await mailsTo(t, 'trainer@demo.peerbridge.test');
    expect(toTrainer!.subject).toContain(a.reference);
    expect(toTrainer!.text).not.toContain('Mette');
    expect(unfold(toTrainer!.attachments[0]!.content)).toContain(`UID:interview-${interview.id}@peerbridge`);
    expect(await mailsTo(t, 'trainer-2@demo.peerbridge.test')).toHaveLength(1);

    const [audit] = await t.svc.db.select().from(auditEvents).where(eq(auditEvents.recordId, interview.id));
    expect(audit).toMatchObject({ action: 'interview.book', actorUserId: null, subjectPersonId: a.personId });
  });

  it('moves the interview with an update of higher SEQUENCE and frees the old slot', async () => {
    const first = await addSlot(t, trainer, { intakeId, hoursFromNow: 50, interviewerUserIds: [team.trainerId] });
    const second = await addSlot(t, trainer, { intakeId, hoursFromNow: 72, interviewerUserIds: [team.trainerId] });
    const a = await makeApplication(t, { tenantId: team.tenantId, intakeId });
    await book(t, a.token, first);
    expect((await book(t, a.token, second)).statusCode).toBe(204);

    const mails = await mailsTo(t, a.email);
    expect(mails.map((m) => m.subject.split(':')[0])).toEqual(['Din intervju är bokad', 'Ny tid för din intervju']);
    const [before, after] = mails.map((m) => unfold(m.attachments[0]!.content));
    const uid = /UID:(.+)/.exec(before!)![1];
    expect(after).toContain(`UID:${uid}`);
    expect(after).toContain('METHOD:REQUEST');
    expect(after).toContain('DTSTART:20261126T090000Z');
    expect(Number(/SEQUENCE:(\d+)/.exec(after!)![1])).toBeGreaterThan(Number(/SEQUENCE:(\d+)/.exec(before!)![1]));

    const other = await makeApplication(t, { tenantId: team.tenantId, intakeId });
    expect((await book(t, other.token, first)).statusCode).toBe(204);
  });

  it('gives a slot to exactly one of 20 applicants booking it at once; the others are told it is taken', async () => {
    const slotId = await addSlot(t, trainer, { intakeId, hoursFromNow: 100, interviewerUserIds: [team.trainer2Id] });
    const applicants = await Promise.all(Array.from({ length: 20 }, () => makeApplication(t, { tenantId: team.tenantId, intakeId })));
    const results = await Promise.all(applicants.map((a) => book(t, a.token, slotId)));
    expect(results.filter((r) => r.statusCode === 204)).toHaveLength(1);
    const refused = results.filter((r) => r.statusCode !== 204);
    expect(refused).toHaveLength(19);
    for (const r of refused) {
      expect(r.statusCode).toBe(409);
      expect(r.json().error).toMatchObject({ code: 'SLOT_TAKEN', fields: { slotId: 'Tiden är redan bokad.' } });
    }
    const winner = applicants[results.findIndex((r) => r.statusCode === 204)]!;
    expect((await slotsOf()).find((s: { id: string }) => s.id === slotId).booked.applicationId).toBe(winner.id);
  });

  it('refuses an applicant who is not invited to an interview (409), and a request without a valid link (401)', async () => {
    const slotId = await addSlot(t, trainer, { intakeId, hoursFromNow: 120, interviewerUserIds: [team.trainerId] });
    const a = await makeApplication(t, { tenantId: team.tenantId, intakeId, stage: 'under_review' });
    const res = await book(t, a.token, slotId);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('WRONG_STAGE');
    expect((await book(t, undefined, slotId)).statusCode).toBe(401);
    expect((await book(t, 'x'.repeat(43), slotId)).statusCode).toBe(401);
  });

  it('refuses a slot that has already begun', async () => {
    const slotId = await addSlot(t, trainer, { intakeId, hoursFromNow: -1, interviewerUserIds: [team.trainerId] });
    const a = await makeApplication(t, { tenantId: team.tenantId, intakeId });
    const res = await book(t, a.token, slotId);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.slotId).toBeTruthy();
  });
});

describe('the team schedules and cancels', () => {
  it('assigns an invited applicant to a free slot, and not to a taken one', async () => {
    const free = await addSlot(t, trainer, { intakeId, hoursFromNow: 140, interviewerUserIds: [team.trainerId] });
    const a = await makeApplication(t, { tenantId: team.tenantId, intakeId, locale: 'en' });
    const res = await t.app.inject({ method: 'POST', url: '/api/interviews', headers: asBrowser(trainer), payload: { applicationId: a.id, slotId: free } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ applicationId: a.id, slot: { id: free } });
    expect((await interviewOf(a.id))!.bookedBy).toBe('team');
    expect((await mailsTo(t, a.email))[0]!.subject).toMatch(/^Your interview is booked/);

    const b = await makeApplication(t, { tenantId: team.tenantId, intakeId });
    const taken = await t.app.inject({ method: 'POST', url: '/api/interviews', headers: asBrowser(trainer), payload: { applicationId: b.id, slotId: free } });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('SLOT_TAKEN');
  });

  it('removes a booked slot: the applicant gets a calendar cancellation and can book again', async () => {
    const slotId = await addSlot(t, trainer, { intakeId, hoursFromNow: 150, interviewerUserIds: [team.trainerId] });
    const a = await makeApplication(t, { tenantId: team.tenantId, intakeId });
    await book(t, a.token, slotId);
    const uid = /UID:(.+)/.exec(unfold((await mailsTo(t, a.email))[0]!.attachments[0]!.content))![1];

    const res = await t.app.inject({ method: 'DELETE', url: `/api/interview-slots/${slotId}`, headers: asBrowser(trainer) });
    expect(res.statusCode).toBe(204);
    expect((await slotsOf()).some((s: { id: string }) => s.id === slotId)).toBe(false);
    const cancel = (await mailsTo(t, a.email))[1]!;
    expect(cancel.subject).toBe('Din intervjutid är inställd');
    expect(cancel.text).toContain(`/application#${a.token}`);
    const ics = unfold(cancel.attachments[0]!.content);
    expect(ics).toContain('METHOD:CANCEL');
    expect(ics).toContain(`UID:${uid}`);
    expect(ics).toContain('SEQUENCE:1');

    const again = await addSlot(t, trainer, { intakeId, hoursFromNow: 160, interviewerUserIds: [team.trainerId] });
    expect((await book(t, a.token, again)).statusCode).toBe(204);
  });
});
