import { describe, expect, test } from 'vitest';
import { desktop } from './helpers/browser.ts';
import { expectNoAxeViolations } from './helpers/axe.ts';
import { useJourney } from './helpers/journey.ts';
import { demoEmail, demoNames, expectPage, openFromMenu, signInAs, tableRows, visibleText } from './helpers/pages.ts';
import { apiSignIn } from './helpers/recruitment.ts';
import { checkInLow, cohortNamed, DEMO_COHORT, handIn, myTraining } from './helpers/training-work.ts';

const dana = { name: demoNames.participant, email: demoEmail('participant') };
const task = {
  title: 'Min återhämtningsberättelse i tre delar',
  instructions: 'Skriv om en svår period, vad som hjälpte dig och vad du vill bära med dig in i rollen som peer.',
};
const answer = 'Det som hjälpte mig mest var att någon lyssnade utan att skynda på. Det vill jag ge vidare.';
const comment = 'Tung vecka. Jag sover dåligt och har svårt att komma iväg på morgonen.';
const feedback = 'Tack Dana! Din berättelse är tydlig och varm. Fundera gärna på hur du kan dela den kort i ett första samtal.';
const note = 'Ringde Dana efter avstämningen. Vi ses en halvtimme före måndagens pass och går igenom veckan.';

describe('the training team follows up a hand-in and a dropping check-in', () => {
  const journey = useJourney({ smtp: true });

  test('a task is set; Dana hands in and checks in low; the flag reaches the cohort page; the trainer reads, answers, notes and marks the flag seen; Dana gets the feedback', async () => {
    const team = await apiSignIn(journey.origin, demoEmail('trainer'));
    // The demo cohort in progress, with Dana in it.
    await cohortNamed(team, DEMO_COHORT);

    // Tove sets a reflection task from the cohort page.
    const { page: tove } = await journey.open(desktop);
    await signInAs(tove, 'trainer');
    await openFromMenu(tove, 'Utbildning');
    await tove.getByRole('link', { name: DEMO_COHORT, exact: true }).click();
    await expectPage(tove, DEMO_COHORT);
    const tasks = tove.getByRole('region', { name: 'Reflektionsuppgifter', exact: true });
    const form = tasks.getByRole('region', { name: 'Lägg till en reflektionsuppgift', exact: true });
    const weeks = (await form.getByLabel('Vecka', { exact: true }).locator('option').allInnerTexts()).filter((o) => o.startsWith('Vecka '));
    expect(weeks.length, 'only the reflection weeks are offered').toBeGreaterThan(0);
    await form.getByLabel('Vecka', { exact: true }).selectOption({ label: weeks.at(-1)! });
    expect(await form.getByLabel('Sista dag', { exact: true }).inputValue(), 'the week suggests its Friday').toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await form.getByLabel('Rubrik', { exact: true }).fill(task.title);
    await form.getByLabel('Instruktioner', { exact: true }).fill(task.instructions);
    await form.getByRole('button', { name: 'Lägg till uppgiften', exact: true }).click();
    expect(await visibleText(tasks.getByText(`Uppgiften ”${task.title}” är tillagd.`))).toBeTruthy();
    const taskRow = async () => (await tableRows(tove, 'Reflektionsuppgifter per vecka')).find((cells) => cells[1] === task.title);
    expect((await taskRow())?.[3]).toMatch(/^0 av \d+$/);
    await expectNoAxeViolations(tove);

    // Dana hands in her answer and, on a hard week, checks in low: from her page, through the API.
    const asDana = await apiSignIn(journey.origin, dana.email);
    const mine = (await myTraining(asDana)).tasks.find((t) => t.title === task.title);
    expect(mine, 'the new task is on Dana’s page').toBeDefined();
    await handIn(asDana, mine!.id, answer);
    const { week } = await checkInLow(asDana, comment);

    // The flag shows on the cohort page, with its reason in words.
    await tove.reload();
    await expectPage(tove, DEMO_COHORT);
    const flagged = await tableRows(tove, 'Flaggade avstämningar');
    const flag = flagged.find((cells) => cells[0] === dana.name && cells[1] === String(week));
    expect(flag, `Dana's week ${week} is flagged: ${JSON.stringify(flagged)}`).toBeDefined();
    expect(flag![2]).toContain('Något svar är 2 eller lägre');
    expect((await taskRow())?.[3]).toMatch(/^1 av \d+$/);

    // Tove opens Dana from the flag: her check-ins with the comment, the hand-in, and the follow-up notes.
    await tove.getByRole('region', { name: 'Avstämningar att titta på', exact: true }).getByRole('link', { name: dana.name, exact: true }).first().click();
    await expectPage(tove, dana.name);
    const checkins = tove.getByRole('region', { name: 'Veckans avstämning', exact: true });
    const weekRow = checkins.getByRole('table', { name: 'Avstämningar vecka för vecka' }).getByRole('row').filter({ hasText: comment });
    expect(await visibleText(weekRow)).toContain('Något svar är 2 eller lägre');

    const handIns = tove.getByRole('region', { name: 'Inlämningar', exact: true });
    const handInOf = handIns.getByRole('region', { name: task.title, exact: true });
    expect(await visibleText(handInOf)).toContain(answer);
    await handInOf.getByLabel(`Återkoppling till ${dana.name}`, { exact: true }).fill(feedback);
    await handInOf.getByRole('button', { name: 'Skicka återkopplingen', exact: true }).click();
    expect(await visibleText(handInOf.getByText(`Återkopplingen är skickad till ${dana.name}.`))).toBeTruthy();
    expect(await visibleText(handInOf.getByRole('heading', { name: /^Återkoppling från Tove Utbildare, / }))).toBeTruthy();
    expect(await handInOf.innerText()).toContain(feedback);

    const followUp = tove.getByRole('region', { name: 'Uppföljning', exact: true });
    expect(await followUp.innerText()).toContain('syns bara för utbildningsteamet');
    await followUp.getByLabel('Ny anteckning', { exact: true }).fill(note);
    await followUp.getByRole('button', { name: 'Spara anteckningen', exact: true }).click();
    expect(await visibleText(followUp.getByText('Anteckningen är sparad.'))).toBeTruthy();
    expect(await visibleText(followUp.getByRole('list').getByRole('listitem').first())).toContain(note);

    // Dana is told by e-mail, and the feedback is on her page; the team's note is not.
    const mail = await journey.waitForMail(dana.email, /Du har fått återkoppling/);
    expect(mail.subject).toContain(task.title);
    expect(mail.text).toContain('/my-training');
    const after = await myTraining(asDana);
    expect(after.tasks.find((t) => t.title === task.title)?.submission?.feedback).toBe(feedback);
    expect(JSON.stringify(after)).not.toContain(note);

    // Tove marks the flag seen: it says who saw it, and it leaves the cohort's list.
    await checkins.getByRole('button', { name: `Markera vecka ${week} som sedd`, exact: true }).click();
    expect(await visibleText(checkins.getByText(`Flaggan för vecka ${week} är markerad som sedd.`))).toBeTruthy();
    expect(await visibleText(weekRow)).toMatch(/Sedd .* av Tove Utbildare/);
    await expectPage(tove, dana.name);
    await tove.getByRole('link', { name: `Tillbaka till ${DEMO_COHORT}`, exact: true }).click();
    await expectPage(tove, DEMO_COHORT);
    const still = (await tove.getByRole('table', { name: 'Flaggade avstämningar' }).count()) > 0 ? await tableRows(tove, 'Flaggade avstämningar') : [];
    expect(still.some((cells) => cells[0] === dana.name && cells[1] === String(week))).toBe(false);
  }, 240_000);
});
