import { describe, expect, test } from 'vitest';
import { desktop } from './helpers/browser.ts';
import { expectNoAxeViolations } from './helpers/axe.ts';
import { useJourney } from './helpers/journey.ts';
import { expectPage, openFromMenu, signInAs, visibleText } from './helpers/pages.ts';
import { DEMO_INTAKE } from './helpers/recruitment.ts';
import { PEER_COURSE } from './helpers/training.ts';

const cohortTitle = 'PEER Support-utbildning våren 2027';
const place = 'Storgatan 1, plan 3, rum Ekan';
// Admitted in the demo's open intake (src/server/demo/recruitment-seed.ts).
const admitted = { name: 'Elin Forsberg', email: 'elin.forsberg@example.org' };

describe('the training team creates a cohort from the five-week template and places an admitted applicant', () => {
  const journey = useJourney({ smtp: true });

  test('a start on 22 March 2027 gives 14 sessions, Good Friday named as skipped and then kept; Elin is placed, listed and e-mailed a link to choose a password', async () => {
    const { page } = await journey.open(desktop);
    await signInAs(page, 'trainer');
    await openFromMenu(page, 'Utbildning');
    await expectPage(page, 'Utbildning');
    await page.getByRole('link', { name: 'Ny kursomgång', exact: true }).click();
    await expectPage(page, 'Ny kursomgång');

    await page.getByLabel('Kurs', { exact: true }).selectOption({ label: `${PEER_COURSE} (Peer-utbildning)` });
    await page.getByLabel('Namn på kursomgången', { exact: true }).fill(cohortTitle);
    const firstDay = page.getByLabel('Första dagen', { exact: true });
    // A Tuesday is refused before anything is sent, with the reason at the field.
    await firstDay.fill('2027-03-23');
    await page.getByRole('button', { name: 'Skapa kursomgången', exact: true }).click();
    expect(await visibleText(page.getByRole('link', { name: 'Första dagen: Välj en måndag som första dag.' }))).toBeTruthy();
    await expectNoAxeViolations(page);
    await firstDay.fill('2027-03-22');
    await page.getByLabel('Plats', { exact: true }).fill(place);
    await page.getByLabel('Antagningsomgång', { exact: true }).selectOption({ label: DEMO_INTAKE });
    await page.getByRole('checkbox', { name: 'Tove Utbildare (Utbildare)', exact: true }).check();
    await page.getByRole('button', { name: 'Skapa kursomgången', exact: true }).click();

    // The answer: the generated schedule, and Good Friday (week 1, a study week) left out, in words.
    await expectPage(page, cohortTitle);
    expect(await visibleText(page.getByText('Kursomgången är skapad med 14 kurstillfällen.'))).toBeTruthy();
    expect(await visibleText(page.getByRole('region', { name: 'Helgdagar som hoppades över' }))).toContain('Långfredagen 26 mars 2027 hoppades över.');
    const schedule = page.getByRole('region', { name: 'Schemat: 14 kurstillfällen' });
    expect(await schedule.getByRole('heading', { level: 3 }).allInnerTexts()).toEqual([
      'Vecka 1 · studievecka',
      'Vecka 2 · reflektionsvecka',
      'Vecka 3 · studievecka',
      'Vecka 4 · reflektionsvecka',
      'Vecka 5 · studievecka',
    ]);
    expect(await schedule.getByRole('listitem').count()).toBe(14);

    // The team may keep the holiday after all: the day gets its session back.
    await page.getByRole('button', { name: 'Ha ett kurstillfälle 26 mars 2027 ändå', exact: true }).click();
    expect(await visibleText(page.getByText('Ett kurstillfälle 26 mars 2027 är tillagt.'))).toBeTruthy();
    expect(await page.getByRole('region', { name: 'Schemat: 15 kurstillfällen' }).getByRole('listitem').count()).toBe(15);

    await page.getByRole('link', { name: 'Gå till kursomgången', exact: true }).click();
    await expectPage(page, cohortTitle);
    const week1 = page.getByRole('table', { name: 'Kurstillfällen vecka 1' });
    expect(await week1.locator('tbody tr').count()).toBe(5);
    expect(await week1.innerText()).toContain('fre 26 mars 2027');
    expect(await week1.innerText()).toContain(place);
    expect(await page.getByRole('table', { name: 'Kurstillfällen vecka 3' }).locator('tbody tr').count()).toBe(5);
    expect(await page.getByRole('table', { name: 'Kurstillfällen vecka 5' }).locator('tbody tr').count()).toBe(5);
    expect(await visibleText(page.getByText('Inga deltagare ännu.', { exact: false }))).toBeTruthy();

    // The intake chosen for the cohort lists its admitted applicants; one action places Elin.
    const panel = page.getByRole('region', { name: 'Placera antagna sökande' });
    expect(await panel.getByLabel('Antagningsomgång', { exact: true }).inputValue()).not.toBe('');
    await panel.getByRole('checkbox', { name: admitted.name }).check();
    expect(await panel.innerText()).toContain('Var och en får ett e-postmeddelande med en länk för att välja ett lösenord');
    await panel.getByRole('button', { name: 'Placera de valda (1)', exact: true }).click();
    const confirm = page.getByRole('dialog');
    await confirm.getByRole('heading', { name: 'Placera 1 i kursomgången?' }).waitFor();
    await expectNoAxeViolations(page);
    await confirm.getByRole('button', { name: 'Placera och skicka e-post', exact: true }).click();
    expect(await visibleText(panel.getByText('Placerade: 1.'))).toBeTruthy();

    const row = page.getByRole('table', { name: 'Deltagare och närvaro' }).getByRole('row').filter({ hasText: admitted.name });
    expect(await visibleText(row)).toContain('Deltar');
    expect(await panel.getByRole('checkbox', { name: admitted.name }).count()).toBe(0);
    await expectPage(page, cohortTitle);

    const mail = await journey.waitForMail(admitted.email, new RegExp(`Välkommen till ${cohortTitle}`));
    expect(mail.text).toContain(`Hej ${admitted.name}!`);
    expect(mail.text).toMatch(new RegExp(`${journey.origin}/set-password#[\\w-]+`));
  }, 180_000);
});
