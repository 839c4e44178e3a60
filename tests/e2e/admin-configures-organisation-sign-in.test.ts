import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { desktop, phone } from './helpers/browser.ts';
import { expectNoAxeViolations } from './helpers/axe.ts';
import { useJourney } from './helpers/journey.ts';
import { expectPage, openFromMenu, signInAs, signOut, visibleText } from './helpers/pages.ts';

const title = 'Inloggning via organisation';
const provider = {
  // Loopback http is allowed as an issuer; nothing answers on port 9, and saving does not ask it.
  issuer: 'http://127.0.0.1:9/',
  clientId: 'peerbridge-demo',
  clientSecret: 'demo-hemlighet-2026',
  displayName: 'Region Demo-ID',
};
const orgLink = `Logga in med ${provider.displayName}`;
const keepSecretHint = 'En hemlighet är sparad. Lämna fältet tomt för att behålla den.';

/** Signs out and waits until the sign-in page has asked which organisation sign-ins there are. */
async function signOutAndLoadSignInOptions(page: Page): Promise<void> {
  const options = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/public/sign-in-options');
  await signOut(page);
  expect((await options).ok()).toBe(true);
}

describe('an administrator configures sign-in through the organisation', () => {
  const journey = useJourney();

  test('sets up Region Demo-ID, the sign-in page offers it, and once removed it is gone again', async () => {
    const { page: admin } = await journey.open(desktop);
    await signInAs(admin, 'admin');

    await openFromMenu(admin, title);
    await expectPage(admin, title);
    expect(new URL(admin.url()).pathname).toBe('/admin/sign-in');
    expect(await visibleText(admin.getByText('Inloggning via organisation är inte inställd ännu.'))).toBeTruthy();
    // The address to register at the provider, before anything is stored.
    expect(await admin.getByLabel('Återkomstadress (redirect URI)', { exact: true }).inputValue()).toBe(`${journey.origin}/api/auth/oidc/callback`);

    await admin.getByLabel('Tjänstens adress (issuer URL)', { exact: true }).fill(provider.issuer);
    await admin.getByLabel('Klient-id (client ID)', { exact: true }).fill(provider.clientId);
    await admin.getByLabel('Klienthemlighet (client secret)', { exact: true }).fill(provider.clientSecret);
    await admin.getByLabel('Text på knappen på inloggningssidan', { exact: true }).fill(provider.displayName);
    await admin.getByRole('checkbox', { name: 'Tillåt inloggning via organisationen', exact: true }).check();
    await admin.getByRole('button', { name: 'Spara ändringarna', exact: true }).click();
    expect(await visibleText(admin.getByText('Inställningarna är sparade.'))).toBeTruthy();

    // The secret is stored but never shown: the field is empty and says so.
    expect(await visibleText(admin.getByText(keepSecretHint))).toBeTruthy();
    expect(await admin.getByLabel('Klienthemlighet (client secret)', { exact: true }).inputValue()).toBe('');
    await admin.getByRole('checkbox', { name: 'Ta bort den sparade hemligheten', exact: true }).waitFor();
    await expectPage(admin, title);

    // Stored for real: a fresh load shows the same.
    await admin.reload();
    await expectPage(admin, title);
    expect(await admin.getByLabel('Tjänstens adress (issuer URL)', { exact: true }).inputValue()).toBe(provider.issuer);
    expect(await admin.getByLabel('Klient-id (client ID)', { exact: true }).inputValue()).toBe(provider.clientId);
    expect(await admin.getByLabel('Text på knappen på inloggningssidan', { exact: true }).inputValue()).toBe(provider.displayName);
    expect(await admin.getByRole('checkbox', { name: 'Tillåt inloggning via organisationen', exact: true }).isChecked()).toBe(true);
    expect(await visibleText(admin.getByText(keepSecretHint))).toBeTruthy();

    // The same page, filled in, on a 360 px phone.
    const { page: onPhone } = await journey.open(phone);
    await signInAs(onPhone, 'admin');
    await openFromMenu(onPhone, title);
    await expectPage(onPhone, title);
    expect(await visibleText(onPhone.getByText(keepSecretHint))).toBeTruthy();

    // Signed out, the sign-in page offers the organisation's own sign-in.
    await signOutAndLoadSignInOptions(admin);
    const link = admin.getByRole('link', { name: orgLink, exact: true });
    await link.waitFor();
    expect(await link.getAttribute('href')).toMatch(/^\/api\/auth\/oidc\/[^/]+\/start$/);
    await expectNoAxeViolations(admin);

    // Removed behind the confirm dialog.
    await signInAs(admin, 'admin');
    await openFromMenu(admin, title);
    await expectPage(admin, title);
    await admin.getByRole('button', { name: 'Ta bort inloggning via organisation', exact: true }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Ta bort inloggning via organisation?' }).waitFor();
    expect(await visibleText(dialog.getByText(`Knappen ”${orgLink}” försvinner från inloggningssidan.`, { exact: false }))).toBeTruthy();
    await expectNoAxeViolations(admin);
    await dialog.getByRole('button', { name: 'Ta bort inloggning via organisation', exact: true }).click();
    expect(await visibleText(admin.getByText('Inloggning via organisation är borttagen.'))).toBeTruthy();
    expect(await visibleText(admin.getByText('Inloggning via organisation är inte inställd ännu.'))).toBeTruthy();
    expect(await admin.getByLabel('Tjänstens adress (issuer URL)', { exact: true }).inputValue()).toBe('');
    await expectPage(admin, title);

    await signOutAndLoadSignInOptions(admin);
    await expectPage(admin, 'Logga in');
    expect(await admin.getByRole('link', { name: orgLink }).count()).toBe(0);
    expect(await admin.getByRole('heading', { name: 'Logga in via din organisation' }).count()).toBe(0);
  });
});
