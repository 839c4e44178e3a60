import { describe, expect, test } from 'vitest';
import { roles, rolePermissions, type Permission } from '../../src/shared/permissions.ts';
import { phone } from './helpers/browser.ts';
import { useJourney } from './helpers/journey.ts';
import { demoNames, expectPage, mainMenuLinks, signInAs, signOut, visibleText } from './helpers/pages.ts';

/** Each menu entry and the permission that entitles a user to it, in menu order. */
const menu: ReadonlyArray<[label: string, permission: Permission | null]> = [
  ['Start', null],
  ['Rekrytering', 'applications.read'],
  ['Mina intervjuer', 'applications.review'],
  ['Utbildning', 'training.manage'],
  ['Mina kurstillfällen', 'training.lead'],
  ['Min utbildning', 'training.participate'],
  ['Användare', 'users.read'],
  ['Inloggning via organisation', 'users.manage'],
  ['Personer', 'persons.read'],
  ['Händelselogg', 'audit.read'],
  ['Utkorg', 'outbox.read'],
  ['Inställningar', 'profile.own'],
];

describe('every demo role on a 360 px phone', () => {
  const journey = useJourney();

  for (const role of roles) {
    test(`${role} signs in, is greeted by name, sees only the menu entries the role may use, and signs out`, async () => {
      const { page, context } = await journey.open(phone);
      await signInAs(page, role);

      expect(await visibleText(page.getByRole('heading', { level: 1 }))).toBe(`Hej ${demoNames[role]}!`);
      expect(await visibleText(page.getByText('Du är inloggad hos Region Demo.'))).toBeTruthy();

      const allowed = menu.filter(([, p]) => p === null || rolePermissions[role].includes(p)).map(([label]) => label);
      expect(await mainMenuLinks(page)).toEqual(allowed);
      // The folded phone menu, once open, must pass axe too.
      await expectPage(page, `Hej ${demoNames[role]}!`);

      await signOut(page);
      // Signed out for real: the session no longer opens the API.
      expect((await context.request.get('/api/auth/me')).status()).toBe(401);
    });
  }

  test('the peer has no Users entry and is refused the users page; the admin has it and gets the list', async () => {
    const { page: peer } = await journey.open(phone);
    await signInAs(peer, 'peer');
    expect(await mainMenuLinks(peer)).not.toContain('Användare');
    await peer.goto('/admin/users');
    await expectPage(peer, 'Du har inte tillgång till den här sidan');

    const { page: admin } = await journey.open(phone);
    await signInAs(admin, 'admin');
    expect(await mainMenuLinks(admin)).toContain('Användare');
    await admin.goto('/admin/users');
    await expectPage(admin, 'Användare');
  });
});
