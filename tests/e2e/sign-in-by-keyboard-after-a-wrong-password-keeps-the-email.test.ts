import { describe, expect, test } from 'vitest';
import { desktop } from './helpers/browser.ts';
import { useJourney } from './helpers/journey.ts';
import { DEMO_PASSWORD, demoEmail, expectPage, focusedName, tabTo, visibleText } from './helpers/pages.ts';

describe('signing in with the keyboard on a desktop', () => {
  const journey = useJourney();

  test('a missing and then a wrong password each explain themselves at the top, the e-mail stays, and Tab and Enter alone sign the admin in', async () => {
    const { page } = await journey.open(desktop);
    const email = demoEmail('admin');
    await page.goto('/');
    // Signed out, the start page sends the visitor to sign in.
    await expectPage(page, 'Logga in');
    expect(new URL(page.url()).pathname).toBe('/sign-in');

    await tabTo(page, 'E-postadress');
    await page.keyboard.type(email);
    await page.keyboard.press('Enter');

    // Nothing was sent yet: the error summary names the missing field and links to it.
    const summaryLink = page.getByRole('link', { name: 'Lösenord: Skriv ditt lösenord.' });
    await summaryLink.waitFor();
    expect(await visibleText(page.getByText('Några uppgifter behöver rättas.'))).toBeTruthy();
    await expectPage(page, 'Logga in');
    await tabTo(page, 'Lösenord: Skriv ditt lösenord.');
    await page.keyboard.press('Enter');
    expect(await focusedName(page)).toBe('Lösenord');

    await page.keyboard.type('not-the-password-2026');
    await page.keyboard.press('Enter');
    const alert = page.getByRole('alert').filter({ hasText: 'E-postadressen eller lösenordet stämmer inte.' });
    await alert.waitFor();
    await expectPage(page, 'Logga in');
    expect(await page.getByLabel('E-postadress', { exact: true }).inputValue()).toBe(email);
    expect(new URL(page.url()).pathname).toBe('/sign-in');

    // Focus is still in the password field: replace its text and send with Enter.
    expect(await focusedName(page)).toBe('Lösenord');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');

    await expectPage(page, 'Hej Alva Admin!');
    expect(new URL(page.url()).pathname).toBe('/');
  });
});
