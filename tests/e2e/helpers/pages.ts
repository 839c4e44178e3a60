import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { DEMO_PASSWORD, demoEmail, demoNames } from '../../../src/server/demo/seed.ts';
import type { Role } from '../../../src/shared/permissions.ts';
import { expectNoAxeViolations } from './axe.ts';

export { DEMO_PASSWORD, demoEmail, demoNames };


/**
 * Waits until the page with this <h1> has finished loading (no spinner left), then checks it
 * with axe. Every page a journey reaches goes through here.
 */
export async function expectPage(page: Page, heading: string | RegExp): Promise<void> {
  try {
    await page.getByRole('heading', { level: 1, name: heading, exact: typeof heading === 'string' }).waitFor();
  } catch (e) {
    const seen = await page.locator('h1').allInnerTexts().catch(() => []);
    throw new Error(`Expected the page "${String(heading)}" but ${new URL(page.url()).pathname} shows h1 ${JSON.stringify(seen)}`, { cause: e });
  }
  await page.waitForFunction(() => document.querySelector('.pb-loading') === null);
  await expectNoAxeViolations(page);
}

/** Text of an element once it is visible; fails after the context's timeout. */
export async function visibleText(locator: Locator): Promise<string> {
  await locator.waitFor();
  return (await locator.innerText()).trim();
}

/** Fills and sends the sign-in form (Swedish labels) without judging the outcome. */
export async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await expectPage(page, 'Logga in');
  await page.getByLabel('E-postadress', { exact: true }).fill(email);
  await page.getByLabel('Lösenord', { exact: true }).fill(password);
  await page.getByRole('main').getByRole('button', { name: 'Logga in', exact: true }).click();
}

/** Signs in as a demo user and lands on their home page. */
export async function signInAs(page: Page, role: Role): Promise<void> {
  await submitSignIn(page, demoEmail(role), DEMO_PASSWORD);
  await expectPage(page, `Hej ${demoNames[role]}!`);
}

/** The main menu's links; on a phone it first opens the folded menu. */
export async function mainMenuLinks(page: Page, navName = 'Huvudmeny', menuButton = 'Meny'): Promise<string[]> {
  const toggle = page.getByRole('button', { name: menuButton, exact: true });
  if ((await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  const nav = page.getByRole('navigation', { name: navName });
  await nav.waitFor();
  return (await nav.getByRole('link').allInnerTexts()).map((s) => s.trim());
}

/** Follows a link in the main menu (opening it first on a phone). */
export async function openFromMenu(page: Page, label: string): Promise<void> {
  await mainMenuLinks(page);
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: label, exact: true }).click();
}

export async function signOut(page: Page, label = 'Logga ut', signInTitle = 'Logga in'): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: label, exact: true }).click();
  await expectPage(page, signInTitle);
  expect(new URL(page.url()).pathname).toBe('/sign-in');
}

/** The rows of the table with this caption, each as its cells' texts. */
export async function tableRows(page: Page, caption: string): Promise<string[][]> {
  const table = page.getByRole('table', { name: caption });
  await table.waitFor();
  const rows = await table.locator('tbody tr').all();
  return Promise.all(rows.map(async (r) => (await r.locator('td').allInnerTexts()).map((s) => s.trim())));
}

/** How a screen reader would roughly name the focused element: its label, aria-label or text. */
export async function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return '';
    const labelled = el.getAttribute('aria-labelledby');
    const fromLabels = (el as HTMLInputElement).labels?.[0]?.textContent;
    const fromRefs = labelled && document.getElementById(labelled)?.textContent;
    return (el.getAttribute('aria-label') ?? fromLabels ?? fromRefs ?? el.textContent ?? '').trim();
  });
}

/** Presses Tab (only Tab) until the element named `name` has focus; fails listing what it passed. */
export async function tabTo(page: Page, name: string, maxPresses = 25): Promise<void> {
  const passed: string[] = [];
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press('Tab');
    const now = await focusedName(page);
    if (now === name) return;
    passed.push(now);
  }
  throw new Error(`Tab never reached "${name}"; it passed: ${passed.map((p) => `"${p}"`).join(', ')}`);
}
