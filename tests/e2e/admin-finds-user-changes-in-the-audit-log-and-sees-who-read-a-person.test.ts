import type { BrowserContext } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { desktop } from './helpers/browser.ts';
import { useJourney } from './helpers/journey.ts';
import { expectPage, openFromMenu, signInAs, tableRows } from './helpers/pages.ts';

const auditCaption = 'Händelser, nyast först';
const readsCaption = 'Läsningar av uppgifterna, nyast först';

/** The administrator's earlier work on an account, done through the API with her own session. */
async function createChangeAndDeactivateUser(context: BrowserContext, origin: string): Promise<string> {
  const headers = { origin };
  const created = await context.request.post('/api/users', {
    headers,
    data: { email: 'hugo.handelse@demo.peerbridge.test', name: 'Hugo Händelse', locale: 'sv', roles: ['peer'], password: 'Hugo-provar-2026!' },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  expect((await context.request.patch(`/api/users/${id}`, { headers, data: { roles: ['peer', 'trainer'] } })).status()).toBe(200);
  expect((await context.request.post(`/api/users/${id}/deactivate`, { headers })).status()).toBe(200);
  return id;
}

describe('an administrator follows up who did what', () => {
  const journey = useJourney();

  test("searches the audit log for a user's creation, role change and deactivation, and sees her own read in the person's access log", async () => {
    const { page, context } = await journey.open(desktop);
    await signInAs(page, 'admin');
    const userId = await createChangeAndDeactivateUser(context, journey.origin);

    await openFromMenu(page, 'Händelselogg');
    await expectPage(page, 'Händelselogg');
    await page.getByLabel('Fritext', { exact: true }).fill(userId);
    await page.getByRole('button', { name: 'Visa händelser', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === userId);
    await expectPage(page, 'Händelselogg');
    const events = await tableRows(page, auditCaption);
    expect(events.map((cells) => cells.slice(1, 4))).toEqual([
      ['Alva Admin', 'Administratör', 'Inaktiverade användare'],
      ['Alva Admin', 'Administratör', 'Ändrade roller'],
      ['Alva Admin', 'Administratör', 'Skapade användare'],
    ]);

    await openFromMenu(page, 'Personer');
    await expectPage(page, 'Personer');
    await page.getByLabel('Sök på namn eller e-post', { exact: true }).fill('Pelle');
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === 'Pelle');
    await expectPage(page, 'Personer');
    await page.getByRole('link', { name: 'Pelle Peer', exact: true }).click();
    await expectPage(page, 'Pelle Peer');
    await page.getByRole('heading', { level: 2, name: 'Vem har läst uppgifterna om Pelle Peer?' }).waitFor();
    const reads = await tableRows(page, readsCaption);
    expect(reads.map((cells) => cells.slice(1))).toContainEqual(['Alva Admin', 'Administratör', 'Läste personuppgifter']);

    // The same read is in the audit log, searchable by what happened.
    await openFromMenu(page, 'Händelselogg');
    await expectPage(page, 'Händelselogg');
    await page.getByLabel('Händelse', { exact: true }).fill('person.read');
    await page.getByRole('button', { name: 'Visa händelser', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('action') === 'person.read');
    await expectPage(page, 'Händelselogg');
    const personReads = await tableRows(page, auditCaption);
    expect(personReads[0]!.slice(1, 4)).toEqual(['Alva Admin', 'Administratör', 'Läste personuppgifter']);
  });
});
