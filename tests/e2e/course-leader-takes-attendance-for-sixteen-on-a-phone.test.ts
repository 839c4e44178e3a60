import { describe, expect, test } from 'vitest';
import type { MeUser } from '../../src/shared/contracts/auth.ts';
import type { AttendanceRoll, CohortDetail } from '../../src/shared/contracts/training.ts';
import { phone } from './helpers/browser.ts';
import { useJourney } from './helpers/journey.ts';
import { demoEmail, expectPage, openFromMenu, signInAs, visibleText } from './helpers/pages.ts';
import { apiSignIn } from './helpers/recruitment.ts';
import { addSessionUnderWay, courseTitled, createCohort, nextMonday, PEER_COURSE, placePeople, rateShownFor } from './helpers/training.ts';

const cohortTitle = 'PEER Support-utbildning, grupp Telefon';
const names = [
  'Agnes Berg', 'Anton Dahl', 'Axel Ek', 'Bodil Falk', 'Cecilia Gran', 'David Hed', 'Ebba Isaksson', 'Filip Jonsson',
  'Greta Karlsson', 'Hugo Lind', 'Ines Mark', 'Jonas Nord', 'Klara Olsson', 'Leo Persson', 'Moa Quist', 'Nils Ros',
];
const [firstAbsent, secondAbsent, excused, present] = ['Bodil Falk', 'Hugo Lind', 'Klara Olsson', 'Agnes Berg'];
const note = 'Sjukhusbesök, meddelade i förväg';

describe('a course leader takes attendance for sixteen on a phone', () => {
  const journey = useJourney();

  test('the peer leading the session marks two absent (one by keyboard) and one excused with a note; the team sees the rates change', async () => {
    // The team has a cohort of sixteen and a session under way that the demo peer leads.
    const team = await apiSignIn(journey.origin, demoEmail('trainer'));
    const peer = (await (await apiSignIn(journey.origin, demoEmail('peer'))).get<{ user: MeUser }>('/api/auth/me')).user;
    const course = await courseTitled(team, PEER_COURSE);
    const cohort = await createCohort(team, { courseId: course.id, title: cohortTitle, startsOn: nextMonday(), place: 'Storgatan 1, rum Ekan' });
    const placed = await placePeople(team, cohort.id, names.map((name) => ({ name, email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.test` })));
    expect(placed.placed).toHaveLength(16);
    const session = await addSessionUnderWay(team, cohort.id, [peer.id], 'Att berätta sin historia');

    // Before: the session has begun and nobody is marked present yet.
    const { page: tove } = await journey.open(phone);
    await signInAs(tove, 'trainer');
    await tove.goto(`/training/cohorts/${cohort.id}`);
    await expectPage(tove, cohortTitle);
    expect(await rateShownFor(tove, present)).toBe('0 %');

    // Pelle, on his phone, finds the session among those he leads.
    const { page } = await journey.open(phone);
    await signInAs(page, 'peer');
    await openFromMenu(page, 'Mina kurstillfällen');
    await expectPage(page, 'Mina kurstillfällen');
    const card = page.getByRole('listitem').filter({ hasText: cohortTitle });
    await card.getByRole('link', { name: /^Ta närvaro/ }).click();
    await expectPage(page, 'Närvaro');
    expect(await page.getByRole('main').innerText()).toContain('Att berätta sin historia');

    // Everyone starts as present: only the three who are not need a tap.
    // Each person is a group of choices named by them (a note's <details> is a group too, unnamed).
    const person = (name: string) => page.getByRole('group', { name, exact: true });
    expect(await page.getByRole('radio', { name: 'Närvarande', exact: true }).count()).toBe(16);
    for (const name of names) expect(await person(name).getByRole('radio', { name: 'Närvarande' }).isChecked()).toBe(true);
    await person(firstAbsent).getByRole('radio', { name: 'Frånvarande' }).check();
    // By keyboard: the arrow key moves the choice within a person's group.
    await person(secondAbsent).getByRole('radio', { name: 'Närvarande' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await person(secondAbsent).getByRole('radio', { name: 'Frånvarande' }).isChecked()).toBe(true);
    const excusedGroup = person(excused);
    await excusedGroup.getByRole('radio', { name: 'Giltig frånvaro' }).check();
    await excusedGroup.locator('summary').click();
    await excusedGroup.getByLabel(`Anteckning om ${excused}`, { exact: true }).fill(note);

    // The summary says who is away before anything is saved.
    const summary = await page.getByRole('main').innerText();
    expect(summary).toContain('Närvarande: 13 av 16.');
    expect(summary).toContain(`Frånvarande: ${firstAbsent}, ${secondAbsent}.`);
    expect(summary).toContain(`Giltig frånvaro: ${excused}.`);
    await expectPage(page, 'Närvaro');
    await page.getByRole('button', { name: 'Spara närvaron', exact: true }).click();
    expect(await visibleText(page.getByText('Närvaron är sparad: 13 närvarande, 2 frånvarande, 1 med giltig frånvaro.'))).toBeTruthy();
    await expectPage(page, 'Närvaro');

    const roll = await team.get<AttendanceRoll>(`/api/attendance?sessionId=${session.id}`);
    expect(roll.items.find((i) => i.name === excused)).toMatchObject({ status: 'excused', note });

    // The team's cohort page: the rates follow what Pelle saved.
    await tove.reload();
    await expectPage(tove, cohortTitle);
    expect(await rateShownFor(tove, present)).toBe('100 %');
    expect(await rateShownFor(tove, firstAbsent)).toBe('0 %');
    expect(await rateShownFor(tove, excused)).toBe('0 %');
    const detail = await team.get<CohortDetail>(`/api/cohorts/${cohort.id}`);
    expect(detail.participants.filter((p) => p.attendance.percent === 100)).toHaveLength(13);
    expect(await visibleText(tove.getByRole('table', { name: 'Kurstillfällen vecka 1' }))).toContain('Ändra närvaron');
  }, 180_000);
});
