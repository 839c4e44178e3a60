import { describe, expect, test } from 'vitest';
import { desktop, phone } from './helpers/browser.ts';
import { expectNoAxeViolations } from './helpers/axe.ts';
import { useJourney } from './helpers/journey.ts';
import { expectPage, mainMenuLinks, openFromMenu, signInAs, submitSignIn, tableRows, visibleText } from './helpers/pages.ts';

const greta = { name: 'Greta Granskare', email: 'greta.granskare@demo.peerbridge.test', password: 'Greta-provar-2026!' };

describe('an administrator manages a user account', () => {
  const journey = useJourney();

  test('creates Greta as Peer and Ekonomi, finds her, makes her Peer and Utbildare, deactivates her, and her open session is thrown out at once', async () => {
    const { page: admin } = await journey.open(desktop);
    await signInAs(admin, 'admin');

    await openFromMenu(admin, 'Användare');
    await expectPage(admin, 'Användare');
    await admin.getByRole('link', { name: 'Ny användare', exact: true }).click();
    await expectPage(admin, 'Ny användare');
    await admin.getByLabel('E-postadress', { exact: true }).fill(greta.email);
    await admin.getByLabel('Namn', { exact: true }).fill(greta.name);
    await admin.getByRole('checkbox', { name: 'Peer', exact: true }).check();
    await admin.getByRole('checkbox', { name: 'Ekonomi', exact: true }).check();
    await admin.getByLabel('Första lösenord (valfritt)', { exact: true }).fill(greta.password);
    await admin.getByRole('button', { name: 'Skapa användare', exact: true }).click();
    await expectPage(admin, greta.name);
    expect(await visibleText(admin.getByText('Användaren är skapad.'))).toBeTruthy();

    await admin.getByRole('link', { name: 'Tillbaka till användare', exact: true }).click();
    await expectPage(admin, 'Användare');
    await admin.getByLabel('Sök på namn eller e-post', { exact: true }).fill('Greta');
    await admin.getByRole('button', { name: 'Filtrera', exact: true }).click();
    await admin.waitForURL((url) => url.searchParams.get('q') === 'Greta');
    await expectPage(admin, 'Användare');
    const found = await tableRows(admin, 'Användare');
    expect(found.map((r) => r.slice(0, 2))).toEqual([[greta.name, greta.email]]);
    expect(found[0]![2]!.split(', ').sort()).toEqual(['Ekonomi', 'Peer']);
    expect(found[0]![3]).toBe('Aktiv');

    // Greta signs in on her phone while the administrator works.
    const { page: gretaPage, context: gretaContext } = await journey.open(phone);
    await submitSignIn(gretaPage, greta.email, greta.password);
    await expectPage(gretaPage, `Hej ${greta.name}!`);
    expect(await mainMenuLinks(gretaPage)).toEqual(['Start', 'Mina kurstillfällen', 'Inställningar']);

    await admin.getByRole('link', { name: greta.name, exact: true }).click();
    await expectPage(admin, greta.name);
    await admin.getByRole('checkbox', { name: 'Ekonomi', exact: true }).uncheck();
    await admin.getByRole('checkbox', { name: 'Utbildare', exact: true }).check();
    await admin.getByRole('button', { name: 'Spara ändringarna', exact: true }).click();
    expect(await visibleText(admin.getByText('Ändringarna är sparade.'))).toBeTruthy();
    await expectPage(admin, greta.name);

    await admin.goto('/admin/users?q=Greta');
    await expectPage(admin, 'Användare');
    const changed = await tableRows(admin, 'Användare');
    expect(changed[0]![2]!.split(', ').sort()).toEqual(['Peer', 'Utbildare']);

    // The new role reaches Greta's open session: a trainer may look up people.
    await gretaPage.reload();
    await expectPage(gretaPage, `Hej ${greta.name}!`);
    expect(await mainMenuLinks(gretaPage)).toEqual(['Start', 'Rekrytering', 'Mina intervjuer', 'Utbildning', 'Mina kurstillfällen', 'Personer', 'Inställningar']);

    await admin.getByRole('link', { name: greta.name, exact: true }).click();
    await expectPage(admin, greta.name);
    await admin.getByRole('button', { name: 'Inaktivera kontot', exact: true }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByRole('heading', { name: `Inaktivera ${greta.name}?` }).waitFor();
    await expectNoAxeViolations(admin);
    await dialog.getByRole('button', { name: 'Inaktivera kontot', exact: true }).click();
    expect(await visibleText(admin.getByText('Kontot är inaktiverat och alla inloggningar är avslutade.'))).toBeTruthy();
    expect(await visibleText(admin.getByText('Kontots status: Inaktiverad'))).toBeTruthy();
    await expectPage(admin, greta.name);

    // Greta's very next step, a page that asks the API, lands on sign-in.
    await openFromMenu(gretaPage, 'Personer');
    await expectPage(gretaPage, 'Logga in');
    expect(new URL(gretaPage.url()).pathname).toBe('/sign-in');
    expect((await gretaContext.request.get('/api/auth/me')).status()).toBe(401);
    await gretaPage.goto('/');
    await expectPage(gretaPage, 'Logga in');

    // And she cannot come back in.
    await submitSignIn(gretaPage, greta.email, greta.password);
    await gretaPage.getByRole('alert').waitFor();
    await expectPage(gretaPage, 'Logga in');
    expect(new URL(gretaPage.url()).pathname).toBe('/sign-in');
  });
});
