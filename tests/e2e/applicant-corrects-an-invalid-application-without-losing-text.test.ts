import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { phone } from './helpers/browser.ts';
import { useJourney } from './helpers/journey.ts';
import { expectPage, focusedName, visibleText } from './helpers/pages.ts';
import { assessSelf, fakePdfFile, fillAboutYou, fillWholeForm, letter, openIntake, trainerApi, uniqueEmail } from './helpers/applicant.ts';

const summaryTitle = 'Några uppgifter behöver rättas innan ansökan kan skickas';
const aboutLabel = 'Berätta om dig själv';
const shortText = 'Jag heter Mika och vill bli peer supporter.';

const summaryLinks = async (page: Page) => {
  const summary = page.getByRole('group', { name: summaryTitle });
  await summary.waitFor();
  return (await summary.getByRole('link').allInnerTexts()).map((s) => s.trim());
};

/** The error summary has focus: a screen reader starts there after a refused submission. */
const summaryHasFocus = (page: Page) => page.evaluate(() => document.activeElement?.tagName.toLowerCase() === 'ds-error-summary');

describe('correcting an application on a phone', () => {
  const journey = useJourney();

  test('a file that is no PDF, a letter too short and no consent are each named at the field and in the summary; the text stays, survives a reload, and the fixed application goes through', async () => {
    const api = await trainerApi(journey.origin);
    const intake = await openIntake(api, 'Peer support-utbildning vintern 2027');
    const email = uniqueEmail('mika');

    const { page } = await journey.open(phone);
    await page.goto(`/apply/${intake.id}`);
    await expectPage(page, intake.title);
    await fillAboutYou(page, { name: 'Mika Testsson', email, municipality: 'Uppsala' });
    await page.getByRole('textbox', { name: aboutLabel, exact: true }).fill(shortText);
    // Named .pdf, so the browser lets it through; the server reads what it really is.
    await page.getByLabel('Ladda upp ditt brev som fil (frivilligt)', { exact: true }).setInputFiles(fakePdfFile());
    await assessSelf(page);
    await page.getByRole('checkbox', { name: 'Jag har läst det här och har som mål att arbeta minst 50 %.' }).check();

    await page.getByRole('button', { name: 'Skicka ansökan', exact: true }).click();
    const fileReason = /^Ladda upp ditt brev som fil \(frivilligt\): Filen måste vara PDF, DOCX eller ODT\./;
    expect(await summaryLinks(page)).toEqual([expect.stringMatching(fileReason)]);
    expect(await summaryHasFocus(page)).toBe(true);
    // …and at the field itself.
    expect(await page.getByText(/^Filen måste vara PDF, DOCX eller ODT\./).isVisible()).toBe(true);
    await expectPage(page, intake.title);
    expect(await page.getByRole('textbox', { name: aboutLabel, exact: true }).inputValue()).toBe(shortText);

    // Without the file, the letter is too short and consent is missing: both named together.
    await page.getByRole('button', { name: 'Ta bort filen', exact: true }).click();
    await page.getByRole('button', { name: 'Skicka ansökan', exact: true }).click();
    const consentReason = 'Du behöver godkänna behandlingen av dina uppgifter för att kunna skicka ansökan.';
    const letterReason = 'Skriv ditt personliga brev (minst 200 tecken) eller ladda upp det som fil.';
    await page.getByRole('link', { name: `Dina uppgifter: ${consentReason}` }).waitFor();
    expect(await summaryLinks(page)).toEqual([`Ditt personliga brev: ${letterReason}`, `Dina uppgifter: ${consentReason}`]);
    expect(await summaryHasFocus(page)).toBe(true);
    // Each reason also stands at its field.
    expect(await page.getByText(consentReason, { exact: true }).isVisible()).toBe(true);
    expect(await page.getByText(letterReason, { exact: true }).isVisible()).toBe(true);
    await expectPage(page, intake.title);
    expect(await page.getByLabel('För- och efternamn', { exact: true }).inputValue()).toBe('Mika Testsson');
    expect(await page.getByRole('textbox', { name: aboutLabel, exact: true }).inputValue()).toBe(shortText);
    expect(await page.getByRole('textbox', { name: 'Kommentar till 1 (frivilligt)', exact: true }).inputValue()).toBe('Sedan tjugo år.');

    // A reload on the same phone brings the draft back (after the quiet autosave).
    await page.getByText(/^Utkastet sparades på den här enheten/).waitFor();
    await page.reload();
    await expectPage(page, intake.title);
    expect(await page.getByText(/^Välkommen tillbaka! Här är utkastet du sparade/).isVisible()).toBe(true);
    expect(await page.getByRole('textbox', { name: aboutLabel, exact: true }).inputValue()).toBe(shortText);
    expect(await page.getByLabel('E-postadress', { exact: true }).inputValue()).toBe(email);
    expect(await page.getByRole('radio', { name: 'Egen erfarenhet av psykisk ohälsa' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Jag har läst det här och har som mål att arbeta minst 50 %.' }).isChecked()).toBe(true);

    // Fix it: write the rest of the letter, and consent by keyboard from the summary's link.
    for (const [label, text] of Object.entries(letter).slice(1)) await page.getByRole('textbox', { name: label, exact: true }).fill(text);
    await page.getByRole('button', { name: 'Skicka ansökan', exact: true }).click();
    const consentLink = page.getByRole('link', { name: `Dina uppgifter: ${consentReason}` });
    await consentLink.waitFor();
    expect(await summaryLinks(page)).toEqual([`Dina uppgifter: ${consentReason}`]);
    await consentLink.focus();
    await page.keyboard.press('Enter');
    expect(await focusedName(page)).toBe('Jag godkänner att mina uppgifter behandlas så som det står här.');
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Skicka ansökan', exact: true }).click();
    await expectPage(page, 'Tack! Vi har fått din ansökan');

    // Sent, so the draft is gone from this phone.
    await page.goto(`/apply/${intake.id}`);
    await expectPage(page, intake.title);
    expect(await page.getByRole('textbox', { name: aboutLabel, exact: true }).inputValue()).toBe('');
    expect(await page.getByText(/^Välkommen tillbaka!/).count()).toBe(0);
  });

  test('a send whose answer is lost keeps the text, survives a reload, and the retry with the same key makes one application, not two', async () => {
    const api = await trainerApi(journey.origin);
    const intake = await openIntake(api, 'Peer support-utbildning våren 2028');
    const email = uniqueEmail('alex');
    const keys: string[] = [];
    // The first answer is lost on the way back, after the server has taken the application in.
    const { page } = await journey.open(phone);
    await page.route('**/api/public/intakes/*/applications', async (route) => {
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      if (keys.length === 1) {
        await route.fetch();
        await route.abort('connectionreset');
      } else await route.continue();
    });
    await page.goto(`/apply/${intake.id}`);
    await expectPage(page, intake.title);
    await fillWholeForm(page, { name: 'Alex Testsson', email, municipality: 'Tierp' });
    await page.getByRole('button', { name: 'Skicka ansökan', exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Vi får ingen kontakt med Peerbridge just nu.' });
    expect(await visibleText(alert)).toContain('Det du har skrivit finns kvar.');
    await expectPage(page, intake.title);

    // The unanswered key is kept with the draft, so even a reload retries the same submission.
    await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('pb.apply.draft.') && localStorage.getItem(k)!.includes('"pending":{')));
    await page.reload();
    await expectPage(page, intake.title);
    expect(await page.getByLabel('För- och efternamn', { exact: true }).inputValue()).toBe('Alex Testsson');
    expect(await page.getByRole('checkbox', { name: 'Jag godkänner att mina uppgifter behandlas så som det står här.' }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Skicka ansökan', exact: true }).click();
    await expectPage(page, 'Tack! Vi har fått din ansökan');
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    const { items } = await api<{ items: { email: string }[] }>('GET', `/api/applications?intakeId=${intake.id}`);
    expect(items.filter((a) => a.email === email)).toHaveLength(1);
  });
});
