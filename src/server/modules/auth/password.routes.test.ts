import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import { createTestApp, asBrowser, cookieFrom, type TestApp } from '../../../../tests/helpers/test-app.ts';
import { DEMO_PASSWORD, demoEmail } from '../../demo/seed.ts';
import { auditEvents } from '../audit/audit.tables.ts';
import { PASSWORD_LINK_MS } from './password-links.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

// Signed in afresh each time: the tests move the clock past an admin session's idle time-out.
const asAdmin = async () => ({ cookie: await t.signIn('admin') });

const login = (email: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
const askForReset = (email: string) =>
  t.app.inject({ method: 'POST', url: '/api/public/password-resets', payload: { email } });
const setPassword = (token: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/public/password-setups', payload: { token, password } });

type Mail = { to: string; subject: string; body: string };
async function mailsTo(email: string): Promise<Mail[]> {
  const outbox = await t.app.inject({ url: '/api/outbox?limit=200', headers: await asAdmin() });
  return outbox.json().items.filter((m: Mail) => m.to === email);
}

/** The token of the newest set-password link e-mailed to this address. */
async function linkTokenFor(email: string): Promise<string> {
  const [newest] = await mailsTo(email);
  const token = /\/set-password#([\w-]+)/.exec(newest?.body ?? '')?.[1];
  if (!token) throw new Error(`no set-password link was e-mailed to ${email}`);
  return token;
}

/** Newest first; read from the table, since the details are not part of the audit API's view. */
function auditEventsOf(action: string) {
  return t.svc.db.select().from(auditEvents).where(eq(auditEvents.action, action)).orderBy(desc(auditEvents.seq));
}

describe('forgot password', () => {
  it('answers a known and an unknown address alike, and e-mails a link only to the known one', async () => {
    const known = await askForReset(demoEmail('coordinator'));
    const unknown = await askForReset('nobody-here@demo.peerbridge.test');
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(unknown.json()).toEqual(known.json());

    const [mail] = await mailsTo(demoEmail('coordinator'));
    expect(mail?.subject).toBe('Välj ett nytt lösenord till Peerbridge');
    expect(mail?.body).toContain('Hej Cecilia Samordnare!');
    expect(mail?.body).toContain('gäller i en timme');
    expect(mail?.body).toMatch(/^http:\/\/localhost:3000\/set-password#[\w-]{40,}$/m);
    expect(await mailsTo('nobody-here@demo.peerbridge.test')).toEqual([]);
    // Only the real account leaves a trace in the log.
    expect(await auditEventsOf('auth.password_reset_requested')).toHaveLength(1);
  });

  it('sets the new password with the link once: the old password and every session end, other links stop working', async () => {
    const email = demoEmail('coordinator');
    const session = await t.signIn('coordinator');
    await askForReset(email);
    const olderToken = await linkTokenFor(email);
    await askForReset(email);
    const token = await linkTokenFor(email);

    const tooShort = await setPassword(token, 'short');
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.json().error.fields).toEqual({ password: 'Texten är för kort (minst 12 tecken).' });

    const res = await setPassword(token, 'a-new-password-of-mine');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ email });
    // Not signed in by the link: no cookie; the person signs in with what they chose.
    expect(res.cookies).toEqual([]);
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie: session } })).statusCode).toBe(401);
    expect((await login(email, DEMO_PASSWORD)).statusCode).toBe(401);
    expect((await login(email, 'a-new-password-of-mine')).statusCode).toBe(200);

    for (const used of [token, olderToken]) {
      const again = await setPassword(used, 'yet-another-password');
      expect(again.statusCode).toBe(400);
      expect(again.json().error.fields).toEqual({ token: 'Länken har redan använts. Be om en ny länk.' });
    }
    expect((await login(email, 'a-new-password-of-mine')).statusCode).toBe(200);
    const [event] = await auditEventsOf('auth.password_set');
    expect(event?.details).toEqual({ purpose: 'reset' });
  });

  it('refuses a link older than an hour, and the password stays as it was', async () => {
    const email = demoEmail('finance');
    await askForReset(email);
    const token = await linkTokenFor(email);
    t.clock.advance(PASSWORD_LINK_MS.reset + 1000);
    const res = await setPassword(token, 'too-late-for-this-one');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({ token: 'Länken har gått ut eller gäller inte. Be om en ny länk.' });
    expect((await login(email, DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('lifts a sign-in lock on the address, since the link proves the mailbox', async () => {
    const email = demoEmail('evaluator');
    for (let i = 0; i < 5; i++) await login(email, 'wrong-password');
    expect((await login(email, DEMO_PASSWORD)).statusCode).toBe(429);
    await askForReset(email);
    expect((await setPassword(await linkTokenFor(email), 'chosen-after-a-lock')).statusCode).toBe(200);
    expect((await login(email, 'chosen-after-a-lock')).statusCode).toBe(200);
  });

  it('sends nothing for a deactivated account', async () => {
    const admin = await asAdmin();
    const users = await t.app.inject({ url: '/api/users?role=supervisor', headers: admin });
    const id = users.json().items[0].id;
    await t.app.inject({ method: 'POST', url: `/api/users/${id}/deactivate`, headers: asBrowser(admin.cookie) });
    expect((await askForReset(demoEmail('supervisor'))).statusCode).toBe(202);
    expect(await mailsTo(demoEmail('supervisor'))).toEqual([]);
  });
});

describe('welcome e-mail of a new account', () => {
  it('carries a link, valid for days, to choose a first password, in the new user\'s language', async () => {
    const email = 'ny.kollega@demo.peerbridge.test';
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      payload: { email, name: 'Nina Kollega', roles: ['coordinator'], locale: 'da' },
      headers: asBrowser((await asAdmin()).cookie),
    });
    expect(created.statusCode).toBe(201);
    const [welcome] = await mailsTo(email);
    expect(welcome?.subject).toBe('Velkommen til Peerbridge');
    expect(welcome?.body).toContain('Vælg din adgangskode her:');
    expect(welcome?.body).toContain('gælder i 7 dage');

    // A new colleague may not read their mail the same day.
    t.clock.advance(2 * 24 * 3_600_000);
    const res = await setPassword(await linkTokenFor(email), 'my-very-first-password');
    expect(res.statusCode).toBe(200);
    const signedIn = await login(email, 'my-very-first-password');
    expect(signedIn.statusCode).toBe(200);
    expect(cookieFrom(signedIn)).toMatch(/^pb_session=/);
    const [event] = await auditEventsOf('auth.password_set');
    expect(event).toMatchObject({ recordId: created.json().id, details: { purpose: 'setup' } });

    // Forgetting it later brings the reset e-mail in Danish too.
    await askForReset(email);
    const [reset] = await mailsTo(email);
    expect(reset?.subject).toBe('Vælg en ny adgangskode til Peerbridge');
  });
});
