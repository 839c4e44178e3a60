import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, asBrowser, ORIGIN, type TestApp } from '../../../../tests/helpers/test-app.ts';
import { DEMO_PASSWORD, demoEmail, OTHER_TENANT_ADMIN } from '../../demo/seed.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const login = (email: string, password: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, headers });

describe('sign-in', () => {
  it('signs in a demo admin and sets an HttpOnly, SameSite=Lax session cookie of at least 128 bits', async () => {
    const res = await login(demoEmail('admin'), DEMO_PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ email: demoEmail('admin'), roles: ['admin'], tenant: { name: 'Region Demo' } });
    const cookie = res.cookies.find((c) => c.name === 'pb_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(Buffer.from(cookie.value, 'base64url').length).toBeGreaterThanOrEqual(16);
  });

  it('answers an unknown e-mail and a wrong password with the same error', async () => {
    const unknown = await login('nobody@demo.peerbridge.test', 'whatever-password');
    const wrong = await login(demoEmail('trainer'), 'wrong-password');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
  });

  it('gives a new session id at each sign-in and ends the old one', async () => {
    const first = await login(demoEmail('coordinator'), DEMO_PASSWORD);
    const firstCookie = `pb_session=${first.cookies[0]!.value}`;
    const second = await login(demoEmail('coordinator'), DEMO_PASSWORD, asBrowser(firstCookie));
    expect(second.cookies[0]!.value).not.toBe(first.cookies[0]!.value);
    const me = await t.app.inject({ url: '/api/auth/me', headers: { cookie: firstCookie } });
    expect(me.statusCode).toBe(401);
  });

  it('translates errors per Accept-Language and names each bad field', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'not-an-email' }, headers: { 'accept-language': 'da-DK,da;q=0.9' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', message: 'Nogle oplysninger skal rettes.' });
    expect(res.json().error.fields).toMatchObject({ email: expect.stringContaining('e-mailadresse'), password: 'Udfyld feltet.' });
  });
});

describe('sessions', () => {
  it('ends a session after the idle time-out', async () => {
    const cookie = await t.signIn('supervisor');
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
    t.clock.advance(t.config.sessionIdleMs + 1000);
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('ends a session at the absolute time-out even when it is in use', async () => {
    const cookie = await t.signIn('evaluator');
    const step = t.config.sessionIdleMs - 60_000;
    let elapsed = 0;
    while (elapsed + step < t.config.sessionAbsoluteMs) {
      t.clock.advance(step);
      elapsed += step;
      expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
    }
    t.clock.advance(t.config.sessionAbsoluteMs - elapsed + 1000);
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('signs out: the cookie no longer works', async () => {
    const cookie = await t.signIn('finance');
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: asBrowser(cookie) });
    expect(out.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('remembers the language a user picks', async () => {
    const cookie = await t.signIn('booker');
    const res = await t.app.inject({ method: 'PATCH', url: '/api/auth/me', payload: { locale: 'da' }, headers: asBrowser(cookie) });
    expect(res.statusCode).toBe(200);
    const again = await t.signIn('booker');
    const me = await t.app.inject({ url: '/api/auth/me', headers: { cookie: again } });
    expect(me.json().user.locale).toBe('da');
  });
});

describe('CSRF by Origin', () => {
  it('refuses a cookie-authenticated change without our Origin, and allows it with it', async () => {
    const cookie = await t.signIn('council_member');
    const foreign = await t.app.inject({ method: 'PATCH', url: '/api/auth/me', payload: { locale: 'en' }, headers: { cookie, origin: 'https://evil.example' } });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().error.code).toBe('CSRF');
    const none = await t.app.inject({ method: 'PATCH', url: '/api/auth/me', payload: { locale: 'en' }, headers: { cookie } });
    expect(none.statusCode).toBe(403);
    const own = await t.app.inject({ method: 'PATCH', url: '/api/auth/me', payload: { locale: 'en' }, headers: { cookie, origin: ORIGIN } });
    expect(own.statusCode).toBe(200);
  });
});

describe('throttling of failed sign-ins', () => {
  it('after 5 failures makes the next try wait, growing, and mails an unlink link that lifts the lock', async () => {
    const email = demoEmail('unit_manager');
    for (let i = 0; i < 4; i++) expect((await login(email, 'bad-password')).statusCode).toBe(401);
    expect((await login(email, 'bad-password')).statusCode).toBe(401); // the 5th: now throttled
    const blocked = await login(email, DEMO_PASSWORD);
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    const firstWait = Number(blocked.headers['retry-after']);

    t.clock.advance(firstWait * 1000 + 1000);
    expect((await login(email, 'bad-password')).statusCode).toBe(401); // the 6th
    const longer = await login(email, DEMO_PASSWORD);
    expect(Number(longer.headers['retry-after'])).toBeGreaterThan(firstWait);

    const cookie = await t.signIn('admin');
    const outbox = await t.app.inject({ url: '/api/outbox', headers: { cookie } });
    const mail = outbox.json().items.find((m: { to: string }) => m.to === email);
    expect(mail.subject).toContain('Lås upp');
    const token = /token=([\w-]+)/.exec(mail.body)![1];
    const unlocked = await t.app.inject({ method: 'POST', url: '/api/public/account-unlocks', payload: { token } });
    expect(unlocked.statusCode).toBe(200);
    expect((await login(email, DEMO_PASSWORD)).statusCode).toBe(200);
    // A link works once.
    expect((await t.app.inject({ method: 'POST', url: '/api/public/account-unlocks', payload: { token } })).statusCode).toBe(404);
  });

  it('throttles an unknown address exactly like a known one', async () => {
    for (let i = 0; i < 5; i++) await login('ghost@demo.peerbridge.test', 'bad-password');
    const res = await login('ghost@demo.peerbridge.test', 'bad-password');
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe('ACCOUNT_THROTTLED');
  });
});

describe('tenants', () => {
  it('answers 404 for another tenant\'s user, as for one that does not exist', async () => {
    const otherCookie = await t.signIn(OTHER_TENANT_ADMIN);
    const demoCookie = await t.signIn('admin');
    const demoUsers = await t.app.inject({ url: '/api/users?q=peer', headers: { cookie: demoCookie } });
    const peerId = demoUsers.json().items[0].id;
    const res = await t.app.inject({ url: `/api/users/${peerId}`, headers: { cookie: otherCookie } });
    expect(res.statusCode).toBe(404);
    const list = await t.app.inject({ url: '/api/users', headers: { cookie: otherCookie } });
    expect(list.json().items.map((u: { email: string }) => u.email)).toEqual([OTHER_TENANT_ADMIN]);
  });
});
