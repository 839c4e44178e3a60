import { describe, expect, test } from 'vitest';
import { desktop } from './helpers/browser.ts';
import { useJourney } from './helpers/journey.ts';

describe('the API reference for integrators', () => {
  const journey = useJourney();

  // Third-party page (Scalar): checked for rendering only, not with axe.
  test('/api/docs shows the Peerbridge API with its route groups, read from /api/openapi.json', async () => {
    const { page } = await journey.open(desktop, 'en-GB');
    const spec = page.waitForResponse((r) => r.url().endsWith('/api/openapi.json'));
    const res = await page.goto('/api/docs');
    expect(res?.status()).toBe(200);
    expect((await spec).status()).toBe(200);
    await page.getByRole('heading', { name: 'Peerbridge API' }).first().waitFor();
    await page.getByText('Is the app up and does its database answer?').first().waitFor();
    const body = await page.locator('body').innerText();
    for (const group of ['auth', 'users', 'audit', 'persons']) expect(body).toContain(group);
  });
});
