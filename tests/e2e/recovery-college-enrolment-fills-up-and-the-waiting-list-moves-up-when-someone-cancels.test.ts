import { describe, expect, test } from 'vitest';
import type { EnrolmentList } from '../../src/shared/contracts/recovery-college.ts';
import { phone } from './helpers/browser.ts';
import { useJourney } from './helpers/journey.ts';
import { demoEmail, expectPage, visibleText } from './helpers/pages.ts';
import { uniqueEmail } from './helpers/applicant.ts';
import { apiSignIn } from './helpers/recruitment.ts';
import { cancelLinkIn, demoRecoveryCourse, enrolByApi, expectNoSideScroll, fullRunOf } from './helpers/participant.ts';

describe('Recovery College on a phone', () => {
  const journey = useJourney({ smtp: true });

  test('a visitor joins the full course as number 3 on the waiting list; an enrolled person cancels with their e-mailed link, the first waiting gets the place by e-mail, and the visitor moves up to number 2', async () => {
    const course = await demoRecoveryCourse(journey.origin);
    const title = course.title.sv!;
    const full = fullRunOf(course);
    // The demo's first run: 12 of 12 places taken and two waiting (src/server/demo/recovery-college-seed.ts).
    expect([full.capacity, full.waitingListLength]).toEqual([12, 2]);
    const visitor = { name: 'Alva Nyfiken', email: uniqueEmail('alva') };

    const { page } = await journey.open(phone);
    await page.goto('/recovery-college?tenant=region-demo');
    await expectPage(page, 'Recovery College');
    await expectNoSideScroll(page);
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title, exact: true }) });
    const cardText = await visibleText(card);
    expect(cardText).toContain('Fullt – du kan ställa dig på väntelistan');
    expect(cardText).toContain('Pelle Peer, med egen erfarenhet av psykisk ohälsa och återhämtning');

    await card.getByRole('link', { name: `Läs mer och anmäl dig till ${title}`, exact: true }).click();
    await expectPage(page, title);
    await expectNoSideScroll(page);
    const runs = page.getByRole('group', { name: 'Vilken kursomgång vill du gå?' });
    await runs.getByRole('radio').nth(course.runs.indexOf(full)).check();
    await page.getByLabel('Ditt namn', { exact: true }).fill(visitor.name);
    await page.getByLabel('Din e-postadress', { exact: true }).fill(visitor.email);
    await expectPage(page, title);
    await page.getByRole('button', { name: 'Ställ mig på väntelistan', exact: true }).click();

    await expectPage(page, 'Du står på väntelistan');
    expect(await page.getByText(`Du är nummer 3 på väntelistan till ${title}.`, { exact: false }).isVisible()).toBe(true);
    const waitlisted = await journey.waitForMail(visitor.email, /^Du står på väntelistan/);
    expect(waitlisted.text).toContain('Du är nummer 3 i kön.');

    // One of the twelve with a place asks for their link again by enrolling once more, and cancels with it.
    const team = await apiSignIn(journey.origin, demoEmail('trainer'));
    const before = await team.get<EnrolmentList>(`/api/enrolments?cohortId=${full.id}`);
    const leaver = before.items.find((e) => e.status === 'enrolled')!;
    const firstWaiting = before.items.find((e) => e.status === 'waitlisted' && e.position === 1)!;
    expect((await enrolByApi(journey.origin, course.id, { cohortId: full.id, name: leaver.name, email: leaver.email })).alreadyEnrolled).toBe(true);
    const linkMail = await journey.waitForMail(leaver.email, /^Du är redan anmäld/);

    const { page: leaverPage } = await journey.open(phone);
    await leaverPage.goto(cancelLinkIn(linkMail));
    await expectPage(leaverPage, 'Avboka din anmälan');
    // The token leaves the address bar at once.
    expect(new URL(leaverPage.url()).hash).toBe('');
    const what = await visibleText(leaverPage.getByRole('region', { name: `Anmälan för ${leaver.name}` }));
    expect(what).toContain(title);
    expect(what).toContain('Du har en plats.');
    await expectNoSideScroll(leaverPage);
    await leaverPage.getByRole('button', { name: 'Ja, avboka', exact: true }).click();
    await expectPage(leaverPage, 'Du har avbokat');
    expect(await leaverPage.getByText('Din plats går till nästa person på väntelistan.', { exact: false }).isVisible()).toBe(true);

    // The first on the waiting list gets the place, and an e-mail saying so.
    const promoted = await journey.waitForMail(firstWaiting.email, /^Du har fått en plats/);
    expect(promoted.text).toContain(title);

    // The visitor's own link now shows them one step closer.
    await page.goto(cancelLinkIn(waitlisted));
    await expectPage(page, 'Avboka din anmälan');
    expect(await visibleText(page.getByRole('region', { name: `Anmälan för ${visitor.name}` }))).toContain('Du är nummer 2 på väntelistan.');

    // And the catalogue tells the next visitor the same.
    await page.goto('/recovery-college?tenant=region-demo');
    await expectPage(page, 'Recovery College');
    expect(await visibleText(card)).toContain('2 står på väntelistan.');
  });
});
