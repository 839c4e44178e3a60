import { describe, expect, test } from 'vitest';
import { phone } from './helpers/browser.ts';
import { useJourney } from './helpers/journey.ts';
import { DEMO_PASSWORD, demoEmail, demoNames, expectPage, submitSignIn, visibleText } from './helpers/pages.ts';

describe('a forgotten password, on a phone', () => {
  const journey = useJourney({ smtp: true });

  test('the coordinator asks for a link, gets it by e-mail, chooses a new password and signs in with it; the link then works no more', async () => {
    const email = demoEmail('coordinator');
    const { page } = await journey.open(phone);
    await page.goto('/sign-in');
    await expectPage(page, 'Logga in');
    await page.getByRole('link', { name: 'Glömt lösenordet?', exact: true }).click();
    await expectPage(page, 'Glömt lösenordet?');
    await page.getByLabel('E-postadress', { exact: true }).fill(email);
    await page.getByRole('button', { name: 'Skicka länken', exact: true }).click();
    expect(await visibleText(page.getByText(/^Om det finns ett konto med/))).toContain(email);
    await expectPage(page, 'Glömt lösenordet?');

    const mail = await journey.waitForMail(email, /^Välj ett nytt lösenord/);
    const link = mail.text.match(/https?:\/\/\S+\/set-password#[\w-]+/)?.[0];
    expect(link).toBeDefined();

    // The e-mail is opened on the phone, in a new tab.
    const { page: inbox } = await journey.open(phone);
    await inbox.goto(link!);
    await expectPage(inbox, 'Välj lösenord');
    expect(new URL(inbox.url()).hash).toBe('');

    const chosen = 'cykel-under-äppelträdet';
    const password = inbox.getByLabel('Nytt lösenord', { exact: true });
    await password.fill('för-kort');
    await inbox.getByLabel('Skriv lösenordet en gång till', { exact: true }).fill('för-kort');
    await inbox.getByRole('button', { name: 'Spara lösenordet', exact: true }).click();
    await inbox.getByRole('link', { name: 'Nytt lösenord: Lösenordet behöver vara minst 12 tecken. Nu är det 8.' }).waitFor();
    await expectPage(inbox, 'Välj lösenord');

    await password.fill(chosen);
    await inbox.getByLabel('Skriv lösenordet en gång till', { exact: true }).fill(chosen);
    await inbox.getByLabel('Visa lösenorden', { exact: true }).check();
    expect(await password.getAttribute('type')).toBe('text');
    await inbox.getByRole('button', { name: 'Spara lösenordet', exact: true }).click();
    await expectPage(inbox, 'Ditt lösenord är sparat');
    expect(await visibleText(inbox.getByText(/^Nu kan du logga in med/))).toContain(email);

    await inbox.getByRole('link', { name: 'Gå till inloggningen', exact: true }).click();
    await expectPage(inbox, 'Logga in');
    await submitSignIn(inbox, email, DEMO_PASSWORD);
    await inbox.getByRole('alert').filter({ hasText: 'E-postadressen eller lösenordet stämmer inte.' }).waitFor();
    await submitSignIn(inbox, email, chosen);
    await expectPage(inbox, `Hej ${demoNames.coordinator}!`);

    // The same link a second time: refused, with a way to ask for a new one.
    const { page: again } = await journey.open(phone);
    await again.goto(link!);
    await expectPage(again, 'Välj lösenord');
    await again.getByLabel('Nytt lösenord', { exact: true }).fill('ett-annat-lösenord');
    await again.getByLabel('Skriv lösenordet en gång till', { exact: true }).fill('ett-annat-lösenord');
    await again.getByRole('button', { name: 'Spara lösenordet', exact: true }).click();
    expect(await visibleText(again.getByText(/^Länken fungerar inte längre/))).toContain('Be om en ny länk');
    await expectPage(again, 'Välj lösenord');
    await again.getByRole('link', { name: 'Be om en ny länk', exact: true }).click();
    await expectPage(again, 'Glömt lösenordet?');
  });
});
