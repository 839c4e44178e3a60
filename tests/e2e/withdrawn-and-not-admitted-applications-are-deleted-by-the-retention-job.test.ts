import path from 'node:path';
import { spawn } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { desktop } from './helpers/browser.ts';
import { useJourney } from './helpers/journey.ts';
import { expectPage, openFromMenu, signInAs } from './helpers/pages.ts';
import { DEMO_INTAKE } from './helpers/recruitment.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');

/** Demo applications (src/server/demo/recruitment-seed.ts) and what the sweep must do to each. */
const notAdmitted = 'Ida Strand';
const withdrawn = 'Viktor Åberg';
const admitted = 'Elin Forsberg';
const waitlisted = 'Nils Holm';

/** The operator's sweep, `npm run cli -- run-retention`, on the server's own data folder. */
function runRetention(dataDir: string, asOf: Date): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PEERBRIDGE_DEMO: '1' };
  delete env.DATABASE_URL;
  delete env.PEERBRIDGE_ENCRYPTION_KEY;
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(repoRoot, 'node_modules/.bin/tsx'), ['src/server/cli.ts', 'run-retention', '--as-of', asOf.toISOString()], { cwd: repoRoot, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function pipelineNames(page: Page): Promise<string> {
  await openFromMenu(page, 'Rekrytering');
  await expectPage(page, 'Rekrytering');
  await page.getByRole('link', { name: DEMO_INTAKE, exact: true }).click();
  await expectPage(page, DEMO_INTAKE);
  await page.getByRole('link', { name: admitted, exact: true }).waitFor();
  return page.locator('main').innerText();
}

describe('retention of applications', () => {
  const journey = useJourney();

  test('a year after the decision, the sweep deletes the not admitted and the withdrawn; the admitted and waitlisted stay', async () => {
    const before = await journey.open(desktop);
    await signInAs(before.page, 'trainer');
    const listed = await pipelineNames(before.page);
    for (const name of [notAdmitted, withdrawn, admitted, waitlisted]) expect(listed).toContain(name);
    await before.context.close();

    // Thirteen months on: past the 12 months the decision letters and withdrawal receipts promised.
    const asOf = new Date(Date.now() + 396 * 86_400_000);
    let sweep = { code: null as number | null, stdout: '', stderr: '' };
    await journey.restartServer(async ({ dataDir }) => {
      sweep = await runRetention(dataDir, asOf);
    });
    expect(sweep, sweep.stderr).toMatchObject({ code: 0 });
    // The open intake's not admitted and withdrawn, and the closed autumn intake's not admitted.
    expect(Number(/^applications: (\d+) deleted$/m.exec(sweep.stdout)?.[1])).toBeGreaterThanOrEqual(2);

    const after = await journey.open(desktop);
    await signInAs(after.page, 'trainer');
    const remaining = await pipelineNames(after.page);
    expect(remaining).not.toContain(notAdmitted);
    expect(remaining).not.toContain(withdrawn);
    expect(remaining).toContain(admitted);
    expect(remaining).toContain(waitlisted);
    // Nor can anyone find them by searching.
    await after.page.getByLabel('Sök på namn, e-post eller referens', { exact: true }).fill(withdrawn);
    await after.page.getByRole('button', { name: 'Filtrera', exact: true }).click();
    await after.page.waitForURL((url) => url.searchParams.get('q') === withdrawn);
    await expectPage(after.page, DEMO_INTAKE);
    expect(await after.page.getByRole('link', { name: withdrawn, exact: true }).count()).toBe(0);
  });
});
