import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { phone } from './helpers/browser.ts';
import { useJourney } from './helpers/journey.ts';
import { expectPage, visibleText } from './helpers/pages.ts';
import { fillWholeForm, openIntake, trainerApi, uniqueEmail } from './helpers/applicant.ts';

/** Clicks a download button and answers the saved file's name and content. */
async function download(page: Page, button: string): Promise<{ name: string; content: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button, exact: true }).click()]);
  return { name: file.suggestedFilename(), content: fs.readFileSync((await file.path())!) };
}

describe('applying again, and taking one’s data back, on a phone', () => {
  const journey = useJourney({ smtp: true });

  test('the same phone updates the application at once; another device must confirm by e-mail; the applicant then downloads everything and erases it', async () => {
    const api = await trainerApi(journey.origin);
    const intake = await openIntake(api, 'Peer support-utbildning sommaren 2027');
    const email = uniqueEmail('kim');
    const person = { name: 'Kim Testsson', email, municipality: 'Knivsta' };

    const { page } = await journey.open(phone);
    await page.goto(`/apply/${intake.id}`);
    await expectPage(page, intake.title);
    await fillWholeForm(page, person);
    await page.getByRole('button', { name: 'Skicka ansökan', exact: true }).click();
    await expectPage(page, 'Tack! Vi har fått din ansökan');
    const reference = await visibleText(page.getByRole('main').locator('strong').first());

    // From the same phone, the application it sent is updated at once.
    await page.goto(`/apply/${intake.id}`);
    await expectPage(page, intake.title);
    await fillWholeForm(page, { ...person, municipality: 'Uppsala' });
    await page.getByRole('button', { name: 'Skicka ansökan', exact: true }).click();
    await expectPage(page, 'Din ansökan är uppdaterad');
    expect(await visibleText(page.getByRole('main').locator('strong').first())).toBe(reference);

    // From another device the same address only asks: the owner of the address confirms by e-mail.
    const { page: other } = await journey.open(phone);
    await other.goto(`/apply/${intake.id}`);
    await expectPage(other, intake.title);
    await fillWholeForm(other, { ...person, municipality: 'Sigtuna' });
    await other.getByRole('button', { name: 'Skicka ansökan', exact: true }).click();
    await expectPage(other, 'Bekräfta ändringen i din e-post');
    expect(await other.getByText(`Det finns redan en ansökan från ${email}.`, { exact: false }).isVisible()).toBe(true);
    expect(await other.getByRole('link', { name: 'Gå till din personliga sida' }).count()).toBe(0);

    const confirmation = await journey.waitForMail(email, /^Bekräfta ändringen av din ansökan/);
    const link = confirmation.text.match(/https?:\/\/\S+\/application\/confirm#[\w-]+/)?.[0];
    expect(link).toBeDefined();
    const { page: inbox } = await journey.open(phone);
    await inbox.goto(link!);
    await expectPage(inbox, 'Din ansökan');
    expect(new URL(inbox.url()).pathname).toBe('/application');
    expect(new URL(inbox.url()).hash).toBe('');
    expect(await inbox.getByText(reference, { exact: true }).isVisible()).toBe(true);

    // Everything held, to keep: the confirmed change is in it.
    const json = await download(inbox, 'Ladda ned som JSON-fil');
    expect(json.name).toBe(`${reference}.json`);
    const data = JSON.parse(json.content.toString('utf8')) as { reference: string; contact: { municipality: string; email: string } };
    expect(data.reference).toBe(reference);
    expect(data.contact).toMatchObject({ municipality: 'Sigtuna', email });
    const pdf = await download(inbox, 'Ladda ned som PDF');
    expect(pdf.name).toBe(`${reference}.pdf`);
    expect(pdf.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // Erasure asks first, then nothing is left and the link stops working.
    await inbox.getByRole('button', { name: 'Radera mina uppgifter', exact: true }).click();
    const dialog = inbox.getByRole('dialog', { name: 'Radera allt om dig?' });
    await dialog.waitFor();
    await expectPage(inbox, 'Din ansökan');
    await dialog.getByRole('button', { name: 'Ja, radera allt', exact: true }).click();
    await expectPage(inbox, 'Dina uppgifter är raderade');

    await page.getByRole('link', { name: 'Gå till din personliga sida' }).click();
    await expectPage(page, 'Din ansökan');
    expect(await visibleText(page.getByText(/^Länken fungerar inte längre/))).toContain('så skickar vi en ny länk');
    await page.getByLabel('E-postadress', { exact: true }).fill(email);
    await page.getByRole('button', { name: 'Skicka länken', exact: true }).click();
    expect(await visibleText(page.getByRole('status').filter({ hasText: email }))).toBe(
      `Om det finns en ansökan från ${email} har vi skickat länken dit nu. Titta också i skräpposten.`,
    );
  });
});
