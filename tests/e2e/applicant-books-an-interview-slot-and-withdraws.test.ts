import { describe, expect, test } from 'vitest';
import { phone } from './helpers/browser.ts';
import { useJourney } from './helpers/journey.ts';
import { expectPage, tabTo, visibleText } from './helpers/pages.ts';
import { letter, openIntake, statusLinkIn, trainerApi, uniqueEmail, type TrainerApi } from './helpers/applicant.ts';

interface Intake {
  id: string;
  title: string;
  criteria: { id: string }[];
}

/** An application sent straight to the public API, in English, as if from another device. */
async function applyInEnglish(origin: string, intakeId: string, email: string) {
  const intake = (await (await fetch(`${origin}/api/public/intakes/${intakeId}`)).json()) as Intake & { consentVersion: string };
  const res = await fetch(`${origin}/api/public/intakes/${intakeId}/applications`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      name: 'Robin Tester',
      email,
      municipality: 'Enköping',
      track: 'relative',
      locale: 'en',
      letter: Object.fromEntries(['about', 'experience', 'turningPoints', 'whyRole', 'fit'].map((p, i) => [p, Object.values(letter)[i]])),
      selfAssessment: intake.criteria.map((c) => ({ criterionId: c.id, rating: 'yes', comment: '' })),
      workingGoalAcknowledged: true,
      consent: true,
      consentVersion: intake.consentVersion,
    }),
  });
  expect(res.status).toBe(201);
}

/** Two free times on different days, a week ahead, with the demo trainer interviewing. */
async function publishSlots(api: TrainerApi, intakeId: string) {
  const { items } = await api<{ items: { id: string }[] }>('GET', '/api/interview-slots/interviewers');
  const day = (offset: number, hourUtc: number) => {
    const d = new Date(Date.now() + offset * 86_400_000);
    d.setUTCHours(hourUtc, 0, 0, 0);
    return d;
  };
  const slots = [
    { startsAt: day(7, 8), mode: 'place', location: 'Vaksalagatan 6, Uppsala' },
    { startsAt: day(8, 12), mode: 'video', videoUrl: 'https://video.example.org/peer-interview' },
  ];
  for (const s of slots) {
    await api('POST', '/api/interview-slots', {
      intakeId,
      startsAt: s.startsAt.toISOString(),
      endsAt: new Date(s.startsAt.getTime() + 3_600_000).toISOString(),
      mode: s.mode,
      ...(s.location ? { location: s.location } : { videoUrl: s.videoUrl }),
      interviewerUserIds: [items[0]!.id],
    });
  }
  return slots.map((s) => s.startsAt);
}

/** The day the status API gives for deleting everything, read with the personal link's token. */
async function purgeDayOf(origin: string, link: string): Promise<string> {
  const res = await fetch(`${origin}/api/public/applications/current`, { headers: { 'X-Application-Token': link.split('#')[1]! } });
  const { purgeAfter } = (await res.json()) as { purgeAfter: string | null };
  expect(purgeAfter).toMatch(/^\d{4}-\d{2}-\d{2}/);
  return purgeAfter!.slice(0, 10);
}

/** "09:00–10:00" as the browser (same machine, same time zone) shows it in English. */
const range = (start: Date) => {
  const time = new Intl.DateTimeFormat('en', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return `${time.format(start)}–${time.format(new Date(start.getTime() + 3_600_000))}`;
};

describe('booking an interview on a phone, in English', () => {
  const journey = useJourney({ smtp: true });

  test('an invited applicant books a time by keyboard, gets it by e-mail with a calendar file, moves it, then withdraws and is told when everything is deleted', async () => {
    const api = await trainerApi(journey.origin);
    const intake = await openIntake(api, 'Peer support training autumn 2027');
    const email = uniqueEmail('robin');
    await applyInEnglish(journey.origin, intake.id, email);
    const [first, second] = await publishSlots(api, intake.id);

    const { items } = await api<{ items: { id: string; email: string }[] }>('GET', `/api/applications?intakeId=${intake.id}`);
    const ids = items.filter((a) => a.email === email).map((a) => a.id);
    expect(ids).toHaveLength(1);
    expect(await api('POST', '/api/applications/bulk-move', { ids, stage: 'under_review' })).toEqual({ moved: 1, skipped: 0 });
    expect(await api('POST', '/api/applications/bulk-move', { ids, stage: 'interview_invited' })).toEqual({ moved: 1, skipped: 0 });
    const invitation = await journey.waitForMail(email, /^Choose a time for your interview/);

    const { page } = await journey.open(phone, 'en-GB');
    await page.goto(statusLinkIn(invitation));
    await expectPage(page, 'Your application');
    expect(await visibleText(page.locator('li[aria-current="step"]'))).toMatch(/^Invited to an interview\s+You are here/);
    expect(await page.getByText('You are invited to an interview. Choose a time that suits you below.').isVisible()).toBe(true);

    // Book the first time with the keyboard alone.
    await tabTo(page, range(first!));
    await page.keyboard.press('Space');
    await tabTo(page, 'Book this time');
    await page.keyboard.press('Enter');
    const booked = page.getByRole('status').filter({ hasText: /^Done! Your interview is on .* at / });
    expect(await visibleText(booked)).toContain(range(first!));
    await expectPage(page, 'Your application');
    const interview = page.getByRole('region', { name: 'Your interview', exact: true });
    expect(await visibleText(interview)).toContain(range(first!));
    expect(await visibleText(interview)).toContain('Vaksalagatan 6, Uppsala');
    expect(await page.getByText('Your interview is booked. If the time does not suit you, you can move it below.').isVisible()).toBe(true);

    const bookedMail = await journey.waitForMail(email, /^Your interview is booked/);
    expect(bookedMail.attachments.map((a) => a.contentType)).toContain('text/calendar');
    expect(bookedMail.attachments.find((a) => a.contentType === 'text/calendar')?.content).toContain('BEGIN:VEVENT');

    // Move it to the other day: only the other time is offered.
    const move = page.getByRole('region', { name: 'Move your interview' });
    expect(await move.getByRole('radio').count()).toBe(1);
    await move.getByRole('radio', { name: range(second!) }).check();
    await move.getByRole('button', { name: 'Move to this time' }).click();
    await page.getByRole('status').filter({ hasText: range(second!) }).waitFor();
    await interview.filter({ hasText: range(second!) }).waitFor();
    expect(await interview.getByRole('link', { name: 'Open the video call' }).getAttribute('href')).toBe('https://video.example.org/peer-interview');
    const movedMail = await journey.waitForMail(email, /^New time for your interview/);
    expect(movedMail.attachments.map((a) => a.contentType)).toContain('text/calendar');
    await expectPage(page, 'Your application');

    // Withdraw: the dialog says the deletion date comes by e-mail, the page then shows it.
    await page.getByRole('button', { name: 'Withdraw application', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Withdraw your application?' });
    expect(await visibleText(dialog)).toContain('you get the date by e-mail');
    await expectPage(page, 'Your application');
    await dialog.getByRole('button', { name: 'Yes, withdraw' }).click();
    await page.getByRole('status').filter({ hasText: 'Your application is withdrawn.' }).waitFor();
    expect(await visibleText(page.locator('li[aria-current="step"]'))).toMatch(/^Withdrawn\s+You are here/);
    expect(await page.getByRole('region', { name: 'Move your interview' }).count()).toBe(0);
    const purgeDay = await purgeDayOf(journey.origin, statusLinkIn(invitation));
    const day = (style: 'medium' | 'long') => new Intl.DateTimeFormat('en-GB', { dateStyle: style, timeZone: 'UTC' }).format(new Date(`${purgeDay}T00:00:00Z`));
    expect(await page.getByText(`Everything about your application is deleted on ${day('medium')}.`).isVisible()).toBe(true);
    const withdrawnMail = await journey.waitForMail(email, /^Your application is withdrawn/);
    expect(withdrawnMail.text).toContain(`deleted on ${day('long')}`);
    await expectPage(page, 'Your application');

    // The language switch in the header turns the same page Danish.
    await page.getByRole('banner').getByLabel('Language', { exact: true }).selectOption({ label: 'Dansk' });
    await expectPage(page, 'Din ansøgning');
    expect(await visibleText(page.locator('li[aria-current="step"]'))).toMatch(/^Trukket tilbage\s+Her er du nu/);
  });
});
