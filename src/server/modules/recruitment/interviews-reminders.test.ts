import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../../tests/helpers/test-app.ts';
import { applications } from './recruitment.tables.ts';
import { sendInterviewReminders } from './interview-reminders.ts';
import { addSlot, book, demoTeam, mailsTo, makeApplication, makeIntake } from './interviews.test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const HOUR = 3_600_000;

describe('interview reminders', () => {
  it('reminds each applicant once, the day before, in their language; not the withdrawn, nor one who booked within the day', async () => {
    const team = await demoTeam(t);
    const intakeId = await makeIntake(t, team.tenantId);
    const trainer = await t.signIn('trainer');
    const video = await addSlot(t, trainer, { intakeId, hoursFromNow: 72, interviewerUserIds: [team.trainerId], mode: 'video' });
    const other = await addSlot(t, trainer, { intakeId, hoursFromNow: 73, interviewerUserIds: [team.trainer2Id] });
    const nextWeek = await addSlot(t, trainer, { intakeId, hoursFromNow: 170, interviewerUserIds: [team.trainerId] });
    const dane = await makeApplication(t, { tenantId: team.tenantId, intakeId, locale: 'da', name: 'Mette' });
    const withdrawn = await makeApplication(t, { tenantId: team.tenantId, intakeId });
    const later = await makeApplication(t, { tenantId: team.tenantId, intakeId });
    await book(t, dane.token, video);
    await book(t, withdrawn.token, other);
    await book(t, later.token, nextWeek);
    await t.svc.db.update(applications).set({ stage: 'withdrawn' }).where(eq(applications.id, withdrawn.id));

    expect(await sendInterviewReminders(t.svc)).toBe(0);
    t.clock.advance(49 * HOUR);
    expect(await sendInterviewReminders(t.svc)).toBe(1);
    expect(await sendInterviewReminders(t.svc)).toBe(0);

    // Booked within the last day: the booking e-mail was the reminder.
    const soon = await makeApplication(t, { tenantId: team.tenantId, intakeId });
    await book(t, soon.token, await addSlot(t, await t.signIn('trainer'), { intakeId, hoursFromNow: 10, interviewerUserIds: [team.trainerId] }));
    expect(await sendInterviewReminders(t.svc)).toBe(0);
    expect(await mailsTo(t, soon.email)).toHaveLength(1);

    const reminder = (await mailsTo(t, dane.email)).at(-1)!;
    expect(reminder.subject).toMatch(/^Påmindelse: din samtale/);
    expect(reminder.text).toContain('Videolink: https://video.example.org/room-7');
    expect(reminder.text).toContain(dane.reference);
    expect(reminder.text).toContain(`/application#${dane.token}`);
    expect((await mailsTo(t, withdrawn.email)).map((m) => m.subject)).not.toContainEqual(expect.stringMatching(/^Påminnelse/));
    expect((await mailsTo(t, later.email)).map((m) => m.subject)).not.toContainEqual(expect.stringMatching(/^Påminnelse/));
  });
});
