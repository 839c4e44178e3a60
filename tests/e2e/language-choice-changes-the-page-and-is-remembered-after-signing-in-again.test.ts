import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { desktop } from './helpers/browser.ts';
import { useJourney } from './helpers/journey.ts';
import { DEMO_PASSWORD, demoEmail, expectPage, mainMenuLinks, signInAs, signOut } from './helpers/pages.ts';

const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);

/** The language menu in the header, found by its label in the current language. */
async function chooseLanguage(page: Page, label: string, language: string): Promise<void> {
  // Signed in, the choice is saved on the account; wait for that before anything else happens.
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/auth/me') && r.request().method() === 'PATCH');
  await page.getByRole('banner').getByLabel(label, { exact: true }).selectOption({ label: language });
  expect((await saved).status()).toBe(200);
}

async function signInWith(page: Page, labels: { title: string; email: string; password: string; submit: string }) {
  await expectPage(page, labels.title);
  await page.getByLabel(labels.email, { exact: true }).fill(demoEmail('coordinator'));
  await page.getByLabel(labels.password, { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('main').getByRole('button', { name: labels.submit, exact: true }).click();
}

const english = { title: 'Sign in', email: 'E-mail address', password: 'Password', submit: 'Sign in' };
const swedish = { title: 'Logga in', email: 'E-postadress', password: 'Lösenord', submit: 'Logga in' };

describe('choosing a language on a desktop', () => {
  const journey = useJourney();

  test('Dansk then English change the text and <html lang>, and English is still there after signing out and in again, even in another browser', async () => {
    const { page } = await journey.open(desktop);
    await signInAs(page, 'coordinator');
    expect(await htmlLang(page)).toBe('sv');
    expect(await mainMenuLinks(page)).toEqual(['Start', 'Personer', 'Inställningar']);

    await chooseLanguage(page, 'Språk', 'Dansk');
    await page.getByRole('button', { name: 'Log ud', exact: true }).waitFor();
    await expectPage(page, 'Hej Cecilia Samordnare!');
    expect(await htmlLang(page)).toBe('da');
    expect(await mainMenuLinks(page, 'Hovedmenu', 'Menu')).toEqual(['Forside', 'Personer', 'Indstillinger']);
    expect(await page.getByText('Du er logget ind hos Region Demo.').isVisible()).toBe(true);

    await chooseLanguage(page, 'Sprog', 'English');
    await expectPage(page, 'Hello Cecilia Samordnare!');
    expect(await htmlLang(page)).toBe('en');
    expect(await mainMenuLinks(page, 'Main menu', 'Menu')).toEqual(['Home', 'People', 'Settings']);

    await signOut(page, 'Sign out', 'Sign in');
    expect(await htmlLang(page)).toBe('en');
    await signInWith(page, english);
    await expectPage(page, 'Hello Cecilia Samordnare!');
    expect(await htmlLang(page)).toBe('en');

    // A browser that has never seen this user starts in Swedish, then follows the account's choice.
    const { page: elsewhere } = await journey.open(desktop, 'sv-SE');
    await elsewhere.goto('/sign-in');
    expect(await htmlLang(elsewhere)).toBe('sv');
    await signInWith(elsewhere, swedish);
    await expectPage(elsewhere, 'Hello Cecilia Samordnare!');
    expect(await htmlLang(elsewhere)).toBe('en');
    expect(await elsewhere.getByRole('banner').getByRole('button', { name: 'Sign out', exact: true }).isVisible()).toBe(true);
  });
});
