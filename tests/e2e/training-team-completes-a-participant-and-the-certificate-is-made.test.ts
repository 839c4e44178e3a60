import fs from 'node:fs';
import { describe, expect, test } from 'vitest';
import { desktop } from './helpers/browser.ts';
import { expectNoAxeViolations } from './helpers/axe.ts';
import { useJourney } from './helpers/journey.ts';
import { demoEmail, expectPage, openFromMenu, signInAs, visibleText } from './helpers/pages.ts';
import { apiSignIn } from './helpers/recruitment.ts';
import { finishedCohortWithParticipant } from './helpers/training-work.ts';

const maja = { name: 'Maja Lindqvist', email: 'maja.lindqvist@example.test' };
const cohortTitle = 'PEER-utbildning sommar 2026';

describe('the training team completes a participant and the certificate is made', () => {
  const journey = useJourney({ smtp: true });

  test('Maja meets the criteria; Tove confirms; the page shows the certificate number; the PDF downloads and reaches Maja by e-mail; Maja is now a peer', async () => {
    // A cohort that has ended, where Maja was present at every session (set up as the team would have).
    const team = await apiSignIn(journey.origin, demoEmail('trainer'));
    const { participant } = await finishedCohortWithParticipant(team, cohortTitle, maja);

    const { page: tove } = await journey.open(desktop);
    await signInAs(tove, 'trainer');
    await openFromMenu(tove, 'Utbildning');
    await tove.getByRole('link', { name: cohortTitle, exact: true }).click();
    await expectPage(tove, cohortTitle);
    await tove.getByRole('link', { name: maja.name, exact: true }).click();
    await expectPage(tove, maja.name);
    expect(new URL(tove.url()).pathname).toBe(`/training/participants/${participant.id}`);

    // The criteria, with Maja's figures.
    const completion = tove.getByRole('region', { name: 'Slutförande', exact: true });
    const criteria = await visibleText(completion.getByRole('list'));
    expect(criteria).toMatch(/Närvaro 100 % av minst 80 % \((\d+) av \1 tillfällen i omgången\): uppfyllt/);
    expect(criteria).toContain('Reflektionsuppgifter 0 av 0: uppfyllt');
    expect(await completion.innerText()).toContain('Alla krav är uppfyllda.');

    // Tove confirms: the dialog says what follows.
    await completion.getByRole('button', { name: 'Bekräfta slutförandet', exact: true }).click();
    const dialog = tove.getByRole('dialog');
    await dialog.getByRole('heading', { name: `Har ${maja.name} slutfört utbildningen?` }).waitFor();
    const said = await dialog.innerText();
    expect(said).toContain('peer-profil');
    expect(said).toContain('intyget skickas med e-post');
    await expectNoAxeViolations(tove);
    await dialog.getByRole('button', { name: 'Bekräfta slutförandet', exact: true }).click();
    expect(await visibleText(completion.getByText(`${maja.name} har slutfört utbildningen. Intyget är skickat med e-post.`))).toBeTruthy();

    // The certificate number, and the PDF to download.
    const numberText = await visibleText(completion.locator('dt', { hasText: 'Intygsnummer' }).locator('xpath=following-sibling::dd[1]'));
    expect(numberText).toMatch(/^PB-C-\d{4}-\d{4}$/);
    expect(await completion.innerText()).toContain('Peer-profilen är skapad.');
    await expectPage(tove, maja.name);
    const [download] = await Promise.all([tove.waitForEvent('download'), completion.getByRole('link', { name: 'Ladda ner intyget (PDF)', exact: true }).click()]);
    const pdf = fs.readFileSync((await download.path())!);
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');

    // Maja gets the certificate by e-mail.
    const mail = await journey.waitForMail(maja.email, /Grattis, du har slutfört/);
    const attached = mail.attachments.find((a) => a.contentType === 'application/pdf');
    expect(attached, `a PDF is attached to "${mail.subject}"`).toBeDefined();
    expect(attached!.filename).toContain(numberText);
    expect(attached!.content.startsWith('%PDF')).toBe(true);

    // Maja is now a peer: her person record has an ongoing peer stage.
    await completion.getByRole('link', { name: 'Visa personen', exact: true }).click();
    await expectPage(tove, maja.name);
    const stages = await visibleText(tove.getByRole('region', { name: 'Steg', exact: true }));
    expect(stages).toMatch(/Peer\s+\d.* – pågår/);
    expect(stages).toMatch(/Deltagare\s+\d.* – \d/);
  }, 240_000);
});
