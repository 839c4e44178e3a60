import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { ApplicationDetail } from '../../src/shared/contracts/recruitment.ts';
import { SECOND_TRAINER } from '../../src/server/demo/seed.ts';
import { desktop, phone } from './helpers/browser.ts';
import { expectNoAxeViolations } from './helpers/axe.ts';
import { useJourney } from './helpers/journey.ts';
import { DEMO_PASSWORD, demoEmail, expectPage, openFromMenu, signInAs, submitSignIn, visibleText } from './helpers/pages.ts';
import { answerEveryGroup, apiSignIn, applyAs, openIntake } from './helpers/recruitment.ts';

const applicant = { name: 'Saga Ekström', email: 'saga.ekstrom@example.test' };
const toveNote = 'Stark berättelse om vändpunkten. Vill fråga mer om stödet i dag.';
const tageNote = 'Tydlig om sina gränser; osäker på teamarbetet.';

/** From the menu to the application, through the intake's pipeline searched by name. */
async function openFromPipeline(page: Page, intakeTitle: string): Promise<void> {
  await openFromMenu(page, 'Rekrytering');
  await expectPage(page, 'Rekrytering');
  await page.getByRole('link', { name: intakeTitle, exact: true }).click();
  await expectPage(page, intakeTitle);
  await page.getByLabel('Sök på namn, e-post eller referens', { exact: true }).fill(applicant.name);
  await page.getByRole('button', { name: 'Filtrera', exact: true }).click();
  await page.waitForURL((url) => url.searchParams.get('q') === applicant.name);
  await page.getByRole('link', { name: applicant.name, exact: true }).click();
  await expectPage(page, applicant.name);
}

/** Rates every criterion, writes a note and submits through the confirm dialog. */
async function submitReview(page: Page, rating: (i: number) => string, note: string): Promise<number> {
  const rated = await answerEveryGroup(page, 'Din bedömning', rating);
  await page.getByLabel('Anteckningar', { exact: true }).fill(note);
  await page.getByRole('button', { name: 'Skicka in bedömningen', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('heading', { name: 'Skicka in din bedömning?' }).waitFor();
  expect(await dialog.innerText()).toContain('Du kan inte ändra den efteråt.');
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: 'Skicka in bedömningen', exact: true }).click();
  expect(await visibleText(page.getByText('Din bedömning är inskickad.'))).toBeTruthy();
  return rated;
}

/** The side-by-side table: its column heads and the note row. */
async function comparison(page: Page): Promise<{ heads: string[]; notes: string[] }> {
  const table = page.getByRole('table', { name: 'Bedömningar sida vid sida' });
  await table.waitFor();
  const heads = (await table.locator('thead th').allInnerTexts()).map((s) => s.trim());
  const notes = (await table.locator('tbody tr').last().locator('td').allInnerTexts()).map((s) => s.trim());
  return { heads, notes };
}

describe('two trainers assess an application independently', () => {
  const journey = useJourney();

  test('Tove reviews at her desk and sees nobody else’s; Tage, on his phone, sees no trace of hers until he has submitted; then both see both', async () => {
    const team = await apiSignIn(journey.origin, demoEmail('trainer'));
    const intake = await openIntake(team);
    const applied = await applyAs(journey.origin, intake.id, applicant);
    expect(applied.outcome).toBe('created');

    // Tove, at her desk.
    const { page: tove } = await journey.open(desktop);
    await signInAs(tove, 'trainer');
    await openFromPipeline(tove, intake.title);
    expect(await visibleText(tove.getByText(applied.reference).first())).toBeTruthy();
    expect(await visibleText(tove.getByText('Inskickade bedömningar: 0 (minst 2 behövs).'))).toBeTruthy();
    const rated = await submitReview(tove, () => 'Uppfyller', toveNote);
    expect(rated).toBe(intake.criteria.length);
    await expectPage(tove, applicant.name);
    // Her own review is shown; the others' are not there yet, and the page says why.
    expect(await visibleText(tove.getByText('De andras bedömningar visas här när minst två bedömningar är inskickade.'))).toBeTruthy();
    expect((await comparison(tove)).heads).toEqual(['Kriterium', 'Tove Utbildare (du)']);
    expect(await tove.getByRole('region', { name: 'Din bedömning', exact: true }).getByRole('radio').count()).toBe(0);

    // Tage, on his phone, in his own browser.
    const { page: tage, context: tageContext } = await journey.open(phone);
    await submitSignIn(tage, SECOND_TRAINER.email, DEMO_PASSWORD);
    await expectPage(tage, `Hej ${SECOND_TRAINER.name}!`);
    await openFromPipeline(tage, intake.title);
    const review = tage.getByRole('region', { name: 'Din bedömning', exact: true });
    expect(await visibleText(review.getByText('Inskickade bedömningar: 1 (minst 2 behövs).'))).toBeTruthy();
    expect(await visibleText(review.getByText('De andras bedömningar visas när du har skickat in din egen', { exact: false }))).toBeTruthy();
    const before = await tage.locator('main').innerText();
    expect(before).not.toContain('Tove Utbildare');
    expect(before).not.toContain(toveNote);
    expect(await tage.getByRole('table', { name: 'Bedömningar sida vid sida' }).count()).toBe(0);
    // Nor is it in what the page was sent.
    const sent = await tageContext.request.get(`/api/applications/${applicationIdOf(tage)}`);
    const detail = (await sent.json()) as ApplicationDetail;
    expect(detail.reviews.others).toBeNull();
    expect(JSON.stringify(detail)).not.toContain(toveNote);

    // A draft first: saved, still private, still editable.
    await answerEveryGroup(tage, 'Din bedömning', (i) => (i === 0 ? 'Uppfyller delvis' : 'Uppfyller'));
    await tage.getByRole('button', { name: 'Spara utkast', exact: true }).click();
    expect(await visibleText(tage.getByText('Utkastet är sparat. Bara du ser det.'))).toBeTruthy();
    await submitReview(tage, (i) => (i === 0 ? 'Uppfyller delvis' : 'Uppfyller'), tageNote);
    await expectPage(tage, applicant.name);
    const tageSees = await comparison(tage);
    expect(tageSees.heads).toEqual(['Kriterium', 'Tage Utbildare (du)', 'Tove Utbildare']);
    expect(tageSees.notes).toEqual([tageNote, toveNote]);
    const firstRow = await tage.getByRole('table', { name: 'Bedömningar sida vid sida' }).locator('tbody tr').first().locator('td').allInnerTexts();
    expect(firstRow.map((s) => s.trim())).toEqual(['Uppfyller delvis', 'Uppfyller']);

    // Tove comes back to the application and now sees Tage's review beside hers.
    await tove.reload();
    await expectPage(tove, applicant.name);
    const toveSees = await comparison(tove);
    expect(toveSees.heads).toEqual(['Kriterium', 'Tove Utbildare (du)', 'Tage Utbildare']);
    expect(toveSees.notes).toEqual([toveNote, tageNote]);
    expect(await visibleText(tove.getByText('Inskickade bedömningar: 2 (minst 2 behövs).'))).toBeTruthy();

    // And the pipeline says the reviews are done.
    await tove.getByRole('link', { name: `Tillbaka till ${intake.title}`, exact: true }).click();
    await expectPage(tove, intake.title);
    await tove.getByLabel('Sök på namn, e-post eller referens', { exact: true }).fill(applicant.name);
    await tove.getByRole('button', { name: 'Filtrera', exact: true }).click();
    const row = tove.getByRole('table', { name: 'Ansökningar' }).getByRole('row', { name: new RegExp(applicant.name) });
    expect(await visibleText(row)).toContain('2 av 2 klara · din är klar');
  });
});

function applicationIdOf(page: Page): string {
  return new URL(page.url()).pathname.split('/').pop()!;
}
