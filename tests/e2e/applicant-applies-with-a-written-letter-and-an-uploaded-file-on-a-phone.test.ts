import { describe, expect, test } from 'vitest';
import { phone } from './helpers/browser.ts';
import { useJourney } from './helpers/journey.ts';
import { expectPage, visibleText } from './helpers/pages.ts';
import { assessSelf, fillAboutYou, letter, nthMail, openIntake, pdfFile, statusLinkIn, trainerApi, uniqueEmail } from './helpers/applicant.ts';

describe('applying on a phone', () => {
  const journey = useJourney({ smtp: true });

  test('an applicant finds the open intake, writes the letter and uploads it as a PDF, consents, sends, gets the reference on screen and by e-mail, and the link shows the application received', async () => {
    const api = await trainerApi(journey.origin);
    const intake = await openIntake(api, 'Peer support-utbildning hösten 2027');
    const email = uniqueEmail('mika');
    const letterPdf = await pdfFile('Mitt personliga brev till utbildningsteamet.');

    const { page } = await journey.open(phone);
    await page.goto('/apply');
    await expectPage(page, 'Sök till utbildning');
    await page.getByRole('link', { name: `Sök till ${intake.title}`, exact: true }).click();
    await expectPage(page, intake.title);
    expect(await page.getByText('Sista ansökningsdag').isVisible()).toBe(true);

    await fillAboutYou(page, { name: 'Mika Testsson', email, phone: '070-123 45 67', municipality: 'Knivsta' });
    for (const [label, text] of Object.entries(letter)) await page.getByRole('textbox', { name: label, exact: true }).fill(text);
    await page.getByLabel('Ladda upp ditt brev som fil (frivilligt)', { exact: true }).setInputFiles(letterPdf);
    expect(await visibleText(page.getByText(/^Vald fil: brev-\w+\.pdf/))).toMatch(/kB\)$/);
    await assessSelf(page);
    await page.getByRole('checkbox', { name: 'Jag har läst det här och har som mål att arbeta minst 50 %.' }).check();
    expect(await page.getByText('Bara utbildningsteamet hos Region Demo kan se dem.').isVisible()).toBe(true);
    await page.getByRole('checkbox', { name: 'Jag godkänner att mina uppgifter behandlas så som det står här.' }).check();
    // The page is judged with everything filled in, as the applicant sees it before sending.
    await expectPage(page, intake.title);

    await page.getByRole('button', { name: 'Skicka ansökan', exact: true }).click();
    await expectPage(page, 'Tack! Vi har fått din ansökan');
    const reference = await visibleText(page.getByRole('main').locator('strong').first());
    expect(reference).toMatch(/^PB-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(await page.getByText(`till ${email}.`, { exact: false }).isVisible()).toBe(true);

    const mail = await nthMail(journey, email, 1);
    expect(mail.subject).toContain(reference);
    expect(mail.text).toContain(reference);
    const link = statusLinkIn(mail);

    const { page: fromMail } = await journey.open(phone);
    await fromMail.goto(link);
    await expectPage(fromMail, 'Din ansökan');
    // The token leaves the address bar at once.
    expect(new URL(fromMail.url()).hash).toBe('');
    expect(await visibleText(fromMail.locator('li[aria-current="step"]'))).toMatch(/^Mottagen\s+Här är du nu \(sedan /);
    expect(await fromMail.getByText(reference, { exact: true }).isVisible()).toBe(true);
    expect(await fromMail.getByText(`${intake.title}, Region Demo`).isVisible()).toBe(true);

    // The draft went with the sent application: the form is empty again on this phone.
    await page.goto(`/apply/${intake.id}`);
    await expectPage(page, intake.title);
    expect(await page.getByLabel('För- och efternamn', { exact: true }).inputValue()).toBe('');

    // Once the team closes the intake, its form says so and leads back to what is open.
    await api('PATCH', `/api/intakes/${intake.id}`, { status: 'closed' });
    await page.reload();
    await expectPage(page, intake.title);
    expect(await page.getByText('Det går inte längre att söka till den här omgången.').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Skicka ansökan' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Se vilka utbildningar du kan söka till' }).click();
    await expectPage(page, 'Sök till utbildning');
    expect(await page.getByRole('heading', { name: intake.title }).count()).toBe(0);
  });
});
