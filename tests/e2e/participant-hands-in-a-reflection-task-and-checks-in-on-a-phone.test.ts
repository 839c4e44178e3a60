import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { phone } from './helpers/browser.ts';
import { useJourney } from './helpers/journey.ts';
import { expectPage, openFromMenu, signInAs, visibleText } from './helpers/pages.ts';
import { pdfFile } from './helpers/applicant.ts';
import { expectNoSideScroll } from './helpers/participant.ts';

/** The demo cohort "PEER höst 2026" is in its week 3; its week-4 task is still to be handed in (src/server/demo/training-work-seed.ts). */
const TASK = 'Mötet med personalen';
const REFLECTION = 'En sjuksköterska sa en gång att jag "inte kunde veta något om behandling". Jag blev tyst. I rollen vill jag i stället berätta lugnt vad min erfarenhet har lärt mig.';

describe('my training on a phone', () => {
  const journey = useJourney();

  test('the demo participant opens "Min utbildning", writes the week\'s reflection (the draft survives a reload), hands it in and adds a PDF before the feedback, sends the weekly check-in, and both show as done', async () => {
    const { page } = await journey.open(phone);
    await signInAs(page, 'participant');
    await openFromMenu(page, 'Min utbildning');
    await expectPage(page, 'Min utbildning');
    await expectNoSideScroll(page);

    // Where she stands: the next session with time and place, and her attendance so far.
    const next = page.getByRole('region', { name: 'Nästa tillfälle', exact: true });
    expect(await visibleText(next)).toMatch(/\d{2}:\d{2}–\d{2}:\d{2}[\s\S]*Utbildningslokalen, Storgatan 12/);
    expect(await visibleText(page.getByRole('region', { name: 'Din närvaro' }))).toMatch(
      /Du har varit med på \d+ av de \d+ tillfällen som har hållits hittills \(\d+ %\)\. Kursen har 15 tillfällen i allt\./,
    );
    // The week-2 task was handed in and answered; the feedback is there to read.
    const earlier = page.getByRole('region', { name: 'Min väg hit', exact: true });
    expect(await visibleText(earlier)).toContain('Återkoppling finns');
    expect(await visibleText(earlier)).toMatch(/Återkoppling från (Tove|Tage) Utbildare/);

    const task = page.getByRole('region', { name: TASK, exact: true });
    expect(await visibleText(task)).toContain('Inte inlämnad');
    await task.getByRole('textbox', { name: 'Din reflektion', exact: true }).fill(REFLECTION);
    await task.getByText(/^Utkastet sparades på den här enheten /).waitFor();

    // A reload (a lost connection, a closed tab) keeps what she wrote on this phone.
    await page.reload();
    await expectPage(page, 'Min utbildning');
    expect(await task.getByRole('textbox', { name: 'Din reflektion', exact: true }).inputValue()).toBe(REFLECTION);

    await task.getByRole('button', { name: 'Lämna in', exact: true }).click();
    await task.getByRole('status').filter({ hasText: 'Tack! Din reflektion är inlämnad.' }).waitFor();
    expect(await visibleText(task)).toContain('Inlämnad');
    expect(await visibleText(task)).toContain(REFLECTION);
    expect(await visibleText(task)).toContain('Tills dess kan du byta ut din inlämning.');
    await expectPage(page, 'Min utbildning');

    // Until the feedback comes she may replace it, here with a PDF added to the text.
    const pdf = await pdfFile('Min reflektion, renskriven.');
    await task.getByRole('button', { name: 'Byt ut min inlämning', exact: true }).click();
    expect(await task.getByRole('textbox', { name: 'Din reflektion', exact: true }).inputValue()).toBe(REFLECTION);
    await task.getByLabel('Bifoga en fil (frivilligt)', { exact: true }).setInputFiles(pdf);
    await task.getByRole('button', { name: 'Lämna in den nya versionen', exact: true }).click();
    await task.getByRole('link', { name: path.basename(pdf), exact: true }).waitFor();
    expect(await visibleText(task)).toContain(REFLECTION);

    // The weekly check-in: four questions on a scale with words at both ends, and a calm word on who reads it.
    const checkin = page.getByRole('region', { name: 'Veckans avstämning', exact: true });
    expect(await visibleText(checkin)).toContain('Utbildningsteamet läser dina svar.');
    const answers: [string, string][] = [
      ['Hur mår du just nu?', '4'],
      ['Hur mycket ork har du haft den här veckan?', '3'],
      ['Hur mycket har du känt dig som en del av gruppen?', '5 – helt och hållet'],
      ['Hur väl har du kunnat hantera det som har kommit upp?', '4'],
    ];
    // Sending with a question unanswered points at it, and nothing is lost.
    for (const [question, answer] of answers.slice(0, 3)) await checkin.getByRole('group', { name: question }).getByRole('radio', { name: answer, exact: true }).check();
    await checkin.getByRole('button', { name: 'Skicka avstämningen', exact: true }).click();
    const summary = page.getByRole('link', { name: 'Hur väl har du kunnat hantera det som har kommit upp?: Välj ett svar från 1 till 5.' });
    await summary.waitFor();
    await summary.click();
    await checkin.getByRole('group', { name: answers[3]![0] }).getByRole('radio', { name: answers[3]![1], exact: true }).check();
    await checkin.getByRole('textbox', { name: 'Vill du berätta något mer? (frivilligt)' }).fill('Bra vecka, lite trött på eftermiddagarna.');
    await expectPage(page, 'Min utbildning');
    await checkin.getByRole('button', { name: 'Skicka avstämningen', exact: true }).click();
    await checkin.getByRole('status').filter({ hasText: 'Tack! Din avstämning för vecka 3 är skickad.' }).waitFor();
    expect(await visibleText(checkin)).toMatch(/Vecka 3: skickad /);
    expect(await checkin.getByRole('button', { name: 'Skicka avstämningen' }).count()).toBe(0);

    // Both stay done when she comes back later.
    await page.reload();
    await expectPage(page, 'Min utbildning');
    expect(await visibleText(page.getByRole('region', { name: TASK, exact: true }))).toContain('Inlämnad');
    expect(await visibleText(page.getByRole('region', { name: 'Veckans avstämning', exact: true }))).toMatch(/Vecka 1: skickad [\s\S]*Vecka 3: skickad /);
    await expectNoSideScroll(page);
  });
});
