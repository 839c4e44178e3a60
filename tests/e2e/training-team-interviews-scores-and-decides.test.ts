import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { ApplicationStatusView } from '../../src/shared/contracts/recruitment.ts';
import { SECOND_TRAINER } from '../../src/server/demo/seed.ts';
import { desktop, phone } from './helpers/browser.ts';
import { expectNoAxeViolations } from './helpers/axe.ts';
import { useJourney } from './helpers/journey.ts';
import { DEMO_PASSWORD, demoEmail, expectPage, openFromMenu, signInAs, submitSignIn, visibleText } from './helpers/pages.ts';
import { answerEveryGroup, apiSignIn, applyAs, chartNumbers, funnelOf, openIntake, statusTokenIn } from './helpers/recruitment.ts';

const applicant = { name: 'Alva Nyberg', email: 'alva.nyberg@example.test' };
const place = 'Storgatan 1, plan 3, rum Ekan';
const addition = 'Första studieveckan börjar måndag den 1 mars klockan 9. Välkommen!';

const pad = (n: number) => String(n).padStart(2, '0');
const localDate = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const localTime = (d: Date) => `${pad(d.getHours())}:${pad(d.getMinutes())}`;

/** Scores every question and criterion in the interview guide and saves a draft. */
async function scoreDraft(page: Page, score: string): Promise<void> {
  const interview = page.getByRole('region', { name: 'Intervju', exact: true });
  await interview.getByRole('heading', { name: 'Intervjuguide' }).waitFor();
  await answerEveryGroup(page, 'Intervju', () => score);
  await interview.getByLabel('Anteckningar', { exact: true }).fill(`Poäng ${score}: lugn i scenariot om ilska.`);
  await interview.getByRole('button', { name: 'Spara utkast', exact: true }).click();
  expect(await visibleText(interview.getByText('Utkastet är sparat. Bara du ser det.'))).toBeTruthy();
}

async function submitScores(page: Page): Promise<void> {
  const interview = page.getByRole('region', { name: 'Intervju', exact: true });
  await interview.getByRole('button', { name: 'Skicka in poängen', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('heading', { name: 'Skicka in dina poäng?' }).waitFor();
  await dialog.getByRole('button', { name: 'Skicka in poängen', exact: true }).click();
  expect(await visibleText(interview.getByText('Dina poäng är inskickade.'))).toBeTruthy();
}

describe('the training team interviews, scores and decides', () => {
  const journey = useJourney({ smtp: true });

  test('a slot is published, the applicant invited and booked; both interviewers score; the admission letter, edited, reaches her e-mail and her page; the funnel counts her', async () => {
    const team = await apiSignIn(journey.origin, demoEmail('trainer'));
    const intake = await openIntake(team);
    const before = await funnelOf(team, intake.id);
    await applyAs(journey.origin, intake.id, applicant);
    const token = statusTokenIn(await journey.waitForMail(applicant.email, /Vi har tagit emot din ansökan/));

    // Scores can only be submitted once the interview has begun, so the slot starts in a minute or two.
    const start = new Date(Math.ceil((Date.now() + 75_000) / 60_000) * 60_000);
    const end = new Date(start.getTime() + 15 * 60_000);

    // Tove publishes the slot with Tage as the second interviewer.
    const { page: tove } = await journey.open(desktop);
    await signInAs(tove, 'trainer');
    await openFromMenu(tove, 'Rekrytering');
    await expectPage(tove, 'Rekrytering');
    await tove.getByRole('link', { name: intake.title, exact: true }).click();
    await expectPage(tove, intake.title);
    const slotForm = tove.getByRole('region', { name: 'Lägg till en intervjutid', exact: true });
    await slotForm.getByLabel('Datum', { exact: true }).fill(localDate(start));
    await slotForm.getByLabel('Börjar', { exact: true }).fill(localTime(start));
    await slotForm.getByLabel('Slutar', { exact: true }).fill(localTime(end));
    await slotForm.getByLabel('Adress eller rum', { exact: true }).fill(place);
    expect(await slotForm.getByRole('checkbox', { name: 'Tove Utbildare', exact: true }).isChecked()).toBe(true);
    await slotForm.getByRole('checkbox', { name: SECOND_TRAINER.name, exact: true }).check();
    await slotForm.getByRole('button', { name: 'Lägg till tiden', exact: true }).click();
    expect(await visibleText(tove.getByText(/^Tiden .* är tillagd\.$/))).toBeTruthy();
    const slotRow = tove.getByRole('table', { name: 'Intervjutider' }).getByRole('row', { name: new RegExp(place) });
    expect(await visibleText(slotRow)).toContain('Ledig');

    // She invites Alva with the bulk action, which says what will be e-mailed.
    await tove.getByLabel('Sök på namn, e-post eller referens', { exact: true }).fill(applicant.name);
    await tove.getByRole('button', { name: 'Filtrera', exact: true }).click();
    await tove.waitForURL((url) => url.searchParams.get('q') === applicant.name);
    await tove.getByRole('checkbox', { name: `Välj ${applicant.name}`, exact: true }).check();
    expect(await visibleText(tove.getByText('skickar ett e-postmeddelande till var och en', { exact: false }))).toBeTruthy();
    await tove.getByRole('button', { name: 'Bjud in till intervju', exact: true }).click();
    const invite = tove.getByRole('dialog');
    await invite.getByRole('heading', { name: 'Bjuda in 1 sökande till intervju?' }).waitFor();
    await expectNoAxeViolations(tove);
    await invite.getByRole('button', { name: 'Bjud in och skicka e-post', exact: true }).click();
    expect(await visibleText(tove.getByText('Flyttade till ”Inbjuden till intervju”: 1.'))).toBeTruthy();
    await journey.waitForMail(applicant.email, /Välj en tid för intervju/);

    // Alva books the slot from her personal page's API.
    const asAlva = { 'X-Application-Token': token, 'Content-Type': 'application/json', Origin: journey.origin };
    const status = (await (await fetch(`${journey.origin}/api/public/applications/current`, { headers: asAlva })).json()) as ApplicationStatusView;
    const slot = status.availableSlots.find((s) => new Date(s.startsAt).getTime() === start.getTime());
    expect(slot, 'the new slot is offered to the applicant').toBeDefined();
    const booked = await fetch(`${journey.origin}/api/public/applications/current/interview`, { method: 'PUT', headers: asAlva, body: JSON.stringify({ slotId: slot!.id }) });
    expect(booked.status).toBe(204);
    await journey.waitForMail(applicant.email, /Din intervju är bokad/);

    // Tove opens the booking from the slot list and drafts her scores.
    await tove.reload();
    await expectPage(tove, intake.title);
    await tove.getByRole('table', { name: 'Intervjutider' }).getByRole('link', { name: new RegExp(applicant.name) }).click();
    await expectPage(tove, applicant.name);
    expect(await visibleText(tove.getByRole('region', { name: 'Intervju', exact: true }))).toContain(place);
    await scoreDraft(tove, '4 = i hög grad');

    // Tage finds the interview under "Mina intervjuer", on his own laptop.
    const { page: tage } = await journey.open(desktop);
    await submitSignIn(tage, SECOND_TRAINER.email, DEMO_PASSWORD);
    await expectPage(tage, `Hej ${SECOND_TRAINER.name}!`);
    await openFromMenu(tage, 'Mina intervjuer');
    await expectPage(tage, 'Mina intervjuer');
    const mine = tage.getByRole('table', { name: 'Intervjuer där du är intervjuare' }).getByRole('row', { name: new RegExp(applicant.name) });
    expect(await visibleText(mine)).toContain('Att göra');
    await mine.getByRole('link', { name: applicant.name, exact: true }).click();
    await expectPage(tage, applicant.name);
    await scoreDraft(tage, '3 = delvis');

    // Once the interview has begun, both submit; Tage, last, sees both side by side.
    await new Promise((r) => setTimeout(r, Math.max(0, start.getTime() - Date.now() + 1_500)));
    await submitScores(tove);
    expect(await visibleText(tove.getByText('De andra intervjuarnas poäng visas här när alla har skickat in.'))).toBeTruthy();
    expect(await tove.locator('main').innerText()).not.toContain('Poäng 3 = delvis');
    await submitScores(tage);
    const scores = tage.getByRole('table', { name: 'Intervjupoäng sida vid sida' });
    await scores.waitFor();
    expect((await scores.locator('thead th').allInnerTexts()).map((s) => s.trim())).toEqual(['Fråga eller kriterium', 'Tage Utbildare (du)', 'Tove Utbildare']);
    expect((await scores.locator('tbody tr').first().locator('td').allInnerTexts()).map((s) => s.trim())).toEqual(['3', '4']);
    await expectPage(tage, applicant.name);

    // Tove decides: admitted, with the draft letter in Alva's language, edited.
    await tove.reload();
    await expectPage(tove, applicant.name);
    const decision = tove.getByRole('region', { name: 'Beslut', exact: true });
    await decision.getByRole('radio', { name: 'Antagen', exact: true }).check();
    const letter = decision.getByLabel('Brevet till den sökande', { exact: true });
    await letter.waitFor();
    expect(await visibleText(decision.getByText(`Språk: Svenska, som ${applicant.name} valde i ansökan.`, { exact: false }))).toBeTruthy();
    expect(await letter.inputValue()).toContain(applicant.name);
    await letter.fill(`${(await letter.inputValue()).trimEnd()}\n\n${addition}`);
    await expectPage(tove, applicant.name);
    await decision.getByRole('button', { name: 'Skicka beslutet', exact: true }).click();
    const confirm = tove.getByRole('dialog');
    await confirm.getByRole('heading', { name: `Skicka beslutet ”Antagen” till ${applicant.name}?` }).waitFor();
    await confirm.getByRole('button', { name: 'Skicka beslutet', exact: true }).click();
    expect(await visibleText(decision.getByText(`Beslutet ”Antagen” är skickat till ${applicant.name}.`))).toBeTruthy();
    expect(await visibleText(decision.getByText(/^Beslut: Antagen\. Skickat .* av Tove Utbildare\.$/))).toBeTruthy();
    expect(await decision.innerText()).toContain(addition);

    // The letter reaches Alva by e-mail, as edited, and on her personal page on her phone.
    const mail = await journey.waitForMail(applicant.email, /Besked om din ansökan/);
    expect(mail.text).toContain(addition);
    expect(mail.text).toContain(`Hej ${applicant.name}!`);
    const { page: alva } = await journey.open(phone);
    await alva.goto(`/application#${token}`);
    await expectPage(alva, 'Din ansökan');
    expect(await alva.locator('main').innerText()).toContain(addition);

    // The intake's funnel now counts her as applied, interviewed and admitted.
    await tove.getByRole('link', { name: `Tillbaka till ${intake.title}`, exact: true }).click();
    await expectPage(tove, intake.title);
    const funnel = await chartNumbers(tove, 'Från ansökan till antagning');
    expect(funnel).toMatchObject({
      Sökte: String(before.applied + 1),
      Intervjuade: String(before.interviewed + 1),
      Antagna: String(before.admitted + 1),
    });
    expect(await visibleText(tove.getByRole('figure', { name: 'Från ansökan till antagning' }))).toContain(`Antagna\n${before.admitted + 1}`);
  }, 300_000);
});
