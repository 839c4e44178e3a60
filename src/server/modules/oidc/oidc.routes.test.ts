import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import { createTestApp, asBrowser, ORIGIN, type TestApp } from '../../../../tests/helpers/test-app.ts';
import { startTestProvider, type TestProvider } from '../../../../tests/oidc/test-provider.ts';
import { demoEmail, OTHER_TENANT_ADMIN } from '../../demo/seed.ts';
import { auditEvents } from '../audit/audit.tables.ts';
import { users } from '../users/users.tables.ts';
import { oidcLogins } from './oidc.tables.ts';

const CALLBACK = `${ORIGIN}/api/auth/oidc/callback`;
const FAILED = '/sign-in?error=OIDC_FAILED';

let t: TestApp;
let idp: TestProvider;
let admin: string;

beforeAll(async () => {
  idp = await startTestProvider(CALLBACK);
  t = await createTestApp({ PUBLIC_ORIGIN: ORIGIN });
  admin = await t.signIn('admin');
  const res = await t.app.inject({
    method: 'PUT',
    url: '/api/oidc-provider',
    headers: asBrowser(admin),
    payload: { issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret, displayName: 'Region Demo inloggning', enabled: true },
  });
  if (res.statusCode !== 200) throw new Error(`configuring the provider failed: ${res.statusCode} ${res.body}`);
});
afterAll(async () => {
  await t?.close();
  await idp?.close();
});

/** Starts at the app, signs in at the provider as `login`, and answers the URL the provider sends the browser back to. */
async function throughProvider(login: string, returnTo = '/persons'): Promise<URL> {
  const start = await t.app.inject({ url: `/api/auth/oidc/region-demo/start?returnTo=${encodeURIComponent(returnTo)}` });
  expect(start.statusCode).toBe(302);
  return idp.signInAt(start.headers.location as string, login);
}

const callback = (back: URL, cookie?: string) =>
  t.app.inject({ url: back.pathname + back.search, headers: cookie ? { cookie } : {} });

const sessionCookie = (res: Awaited<ReturnType<typeof callback>>) => res.cookies.find((c) => c.name === 'pb_session');

async function lastAuditOf(action: string) {
  const [row] = await t.svc.db.select().from(auditEvents).where(eq(auditEvents.action, action)).orderBy(desc(auditEvents.seq)).limit(1);
  return row;
}

async function expectRefused(res: Awaited<ReturnType<typeof callback>>, reason: string) {
  expect(res.statusCode).toBe(302);
  expect(res.headers.location).toBe(FAILED);
  expect(sessionCookie(res)).toBeUndefined();
  // The audit log says why, and nothing about who: no e-mail, no claim.
  expect((await lastAuditOf('auth.oidc_failed'))?.details).toEqual({ reason });
}

describe('OIDC sign-in through a real provider', () => {
  it('sends the browser to the provider with an S256 PKCE challenge, state, nonce and the registered callback', async () => {
    const res = await t.app.inject({ url: '/api/auth/oidc/region-demo/start' });
    expect(res.statusCode).toBe(302);
    const url = new URL(res.headers.location as string);
    expect(url.origin).toBe(idp.issuer);
    expect(url.searchParams.get('redirect_uri')).toBe(CALLBACK);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('scope')).toBe('openid email profile');
    expect(url.searchParams.get('state')).toBeTruthy();
    expect(url.searchParams.get('nonce')).toBeTruthy();
    expect(url.searchParams.has('code_verifier')).toBe(false);
  });

  it('signs a demo user in: back at returnTo with a session, and /api/auth/me answers that user', async () => {
    idp.accounts.set('cecilia', { email: demoEmail('coordinator') });
    const res = await callback(await throughProvider('cecilia', '/persons?tab=peers'));
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/persons?tab=peers');
    const cookie = sessionCookie(res)!;
    expect(cookie.httpOnly).toBe(true);
    const me = await t.app.inject({ url: '/api/auth/me', headers: { cookie: `pb_session=${cookie.value}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json().user).toMatchObject({ email: demoEmail('coordinator'), roles: ['coordinator'], tenant: { name: 'Region Demo' } });
    expect((await lastAuditOf('auth.sign_in'))?.details).toEqual({ method: 'oidc' });
  });

  it('refuses a replayed callback: the state works once', async () => {
    idp.accounts.set('sune', { email: demoEmail('supervisor') });
    const back = await throughProvider('sune');
    expect((await callback(back)).statusCode).toBe(302);
    await expectRefused(await callback(back), 'state');
  });

  it('refuses a callback whose state the app never issued', async () => {
    idp.accounts.set('tove', { email: demoEmail('trainer') });
    const back = await throughProvider('tove');
    back.searchParams.set('state', 'a-state-from-somewhere-else');
    await expectRefused(await callback(back), 'state');
  });

  it('refuses a code issued for another sign-in: PKCE binds each code to the browser that started it', async () => {
    idp.accounts.set('frida', { email: demoEmail('finance') });
    const mine = await throughProvider('frida');
    const stolen = await throughProvider('frida');
    mine.searchParams.set('code', stolen.searchParams.get('code')!);
    await expectRefused(await callback(mine), 'exchange');
  });

  it('refuses a sign-in begun more than ten minutes ago', async () => {
    idp.accounts.set('elis', { email: demoEmail('evaluator') });
    const back = await throughProvider('elis');
    t.clock.advance(10 * 60_000 + 1000);
    await expectRefused(await callback(back), 'state');
  });

  it("refuses a provider account whose e-mail belongs to the other tenant's user", async () => {
    idp.accounts.set('karen', { email: OTHER_TENANT_ADMIN });
    await expectRefused(await callback(await throughProvider('karen')), 'unknown_user');
  });

  it('refuses an e-mail that is no user at all, and one the provider has not verified', async () => {
    idp.accounts.set('stranger', { email: 'nobody@demo.peerbridge.test' });
    await expectRefused(await callback(await throughProvider('stranger')), 'unknown_user');
    idp.accounts.set('unverified', { email: demoEmail('finance'), emailVerified: false });
    await expectRefused(await callback(await throughProvider('unverified')), 'no_email');
  });

  it('refuses a deactivated user', async () => {
    const [booker] = await t.svc.db.select({ id: users.id }).from(users).where(eq(users.email, demoEmail('booker')));
    const off = await t.app.inject({ method: 'POST', url: `/api/users/${booker!.id}/deactivate`, headers: asBrowser(admin) });
    expect(off.statusCode).toBe(200);
    idp.accounts.set('bo', { email: demoEmail('booker') });
    await expectRefused(await callback(await throughProvider('bo')), 'deactivated');
  });

  it('binds the account to the first subject: another provider account with the same e-mail is refused', async () => {
    idp.accounts.set('ulla', { email: demoEmail('unit_manager') });
    expect((await callback(await throughProvider('ulla'))).headers.location).toBe('/persons');
    const [row] = await t.svc.db.select({ subject: users.oidcSubject }).from(users).where(eq(users.email, demoEmail('unit_manager')));
    expect(row?.subject).toBe('ulla');
    idp.accounts.set('ulla-impostor', { email: demoEmail('unit_manager') });
    await expectRefused(await callback(await throughProvider('ulla-impostor')), 'subject_mismatch');
  });

  it('refuses a returnTo that leaves the site, and stores no sign-in for it', async () => {
    const before = (await t.svc.db.select().from(oidcLogins)).length;
    for (const returnTo of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      const res = await t.app.inject({ url: `/api/auth/oidc/region-demo/start?returnTo=${encodeURIComponent(returnTo)}` });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields).toHaveProperty('returnTo');
    }
    expect((await t.svc.db.select().from(oidcLogins)).length).toBe(before);
  });

  it('answers 404 for an organisation without an identity provider', async () => {
    expect((await t.app.inject({ url: '/api/auth/oidc/demo-kommune/start' })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/auth/oidc/no-such-tenant/start' })).statusCode).toBe(404);
  });

  it('lists the provider among the public sign-in options', async () => {
    const res = await t.app.inject({ url: '/api/public/sign-in-options' });
    expect(res.json().items).toContainEqual({ tenantName: 'Region Demo', displayName: 'Region Demo inloggning', startUrl: '/api/auth/oidc/region-demo/start' });
  });
});

describe('identity provider settings', () => {
  it('stores the client secret encrypted and never answers it', async () => {
    const raw = await t.database.raw.query<{ client_secret_encrypted: string }>('select client_secret_encrypted from oidc_providers');
    const stored = raw.rows[0]!.client_secret_encrypted;
    expect(stored).not.toContain(idp.clientSecret);
    expect(t.svc.keyring.decrypt(stored)).toBe(idp.clientSecret);
    const res = await t.app.inject({ url: '/api/oidc-provider', headers: { cookie: admin } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      issuer: idp.issuer,
      clientId: idp.clientId,
      displayName: 'Region Demo inloggning',
      enabled: true,
      hasClientSecret: true,
      redirectUri: CALLBACK,
    });
    expect(res.body).not.toContain(stored);
  });

  it('audits a change and keeps the secret when it is left out', async () => {
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/oidc-provider',
      headers: asBrowser(admin),
      payload: { issuer: idp.issuer, clientId: idp.clientId, displayName: 'Logga in med Region Demo', enabled: true },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ displayName: 'Logga in med Region Demo', hasClientSecret: true });
    expect((await lastAuditOf('oidc_provider.update'))?.details).toEqual({ enabled: true, issuerChanged: false, clientSecretChanged: false });
  });

  it('refuses a plain-http issuer off this machine', async () => {
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/oidc-provider',
      headers: asBrowser(admin),
      payload: { issuer: 'http://idp.example.org', clientId: 'x', displayName: 'X', enabled: true },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toHaveProperty('issuer');
  });

  it('is for admins only', async () => {
    const coordinator = await t.signIn('coordinator');
    expect((await t.app.inject({ url: '/api/oidc-provider', headers: { cookie: coordinator } })).statusCode).toBe(403);
    const put = await t.app.inject({ method: 'PUT', url: '/api/oidc-provider', headers: asBrowser(coordinator), payload: { issuer: idp.issuer, clientId: 'x', displayName: 'X', enabled: true } });
    expect(put.statusCode).toBe(403);
  });

  const useUnreachableProvider = () => t.app.inject({
    method: 'PUT',
    url: '/api/oidc-provider',
    headers: asBrowser(admin),
    payload: { issuer: 'http://127.0.0.1:9/', clientId: idp.clientId, displayName: 'Nere', enabled: true },
  });
  const subjectOf = async (email: string) =>
    (await t.svc.db.select({ subject: users.oidcSubject }).from(users).where(eq(users.email, email)))[0]?.subject;

  it('forgets which provider account each user had when the organisation changes provider', async () => {
    idp.accounts.set('pelle', { email: demoEmail('peer') });
    expect((await callback(await throughProvider('pelle'))).headers.location).toBe('/persons');
    expect(await subjectOf(demoEmail('peer'))).toBe('pelle');
    expect((await useUnreachableProvider()).statusCode).toBe(200);
    expect(await subjectOf(demoEmail('peer'))).toBeNull();
  });

  it('sends the browser back to sign-in when the provider cannot be reached', async () => {
    expect((await useUnreachableProvider()).statusCode).toBe(200);
    const res = await t.app.inject({ url: '/api/auth/oidc/region-demo/start' });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe(FAILED);
    expect((await lastAuditOf('auth.oidc_failed'))?.details).toEqual({ reason: 'discovery' });
  });

  it('deletes the provider: sign-in through it then answers 404', async () => {
    const del = await t.app.inject({ method: 'DELETE', url: '/api/oidc-provider', headers: asBrowser(admin) });
    expect(del.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/oidc-provider', headers: { cookie: admin } })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/auth/oidc/region-demo/start' })).statusCode).toBe(404);
  });
});
