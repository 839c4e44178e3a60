import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq, inArray } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../../tests/helpers/test-app.ts';
import { DEMO_PASSWORD, demoEmail } from '../../demo/seed.ts';
import { sha256Hex } from '../../lib/crypto.ts';
import { auditEvents } from '../audit/audit.tables.ts';
import { verifyAuditChain } from '../audit/audit.service.ts';
import { sessions, loginThrottles } from '../auth/auth.tables.ts';
import { idempotencyKeys } from '../idempotency/idempotency.tables.ts';
import { emails } from '../mail/mail.tables.ts';
import { oidcLogins } from '../oidc/oidc.tables.ts';
import { tenants } from '../tenants/tenants.tables.ts';
import { runRetention } from './retention.service.ts';
import { EMAIL_RETENTION_DAYS, retentionRules } from './retention.rules.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const sessionIdOf = (cookie: string) => sha256Hex(cookie.slice('pb_session='.length));
const sessionExists = async (cookie: string) => (await t.svc.db.select().from(sessions).where(eq(sessions.id, sessionIdOf(cookie)))).length === 1;
const login = (email: string, password: string) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
const storeIdempotencyKey = (key: string) =>
  t.svc.db.insert(idempotencyKeys).values({ key, route: '/api/public/test', requestHash: 'h', statusCode: 201, response: { ok: true }, createdAt: t.clock.now() });

describe('retention sweep', () => {
  it('deletes an expired session and a day-old idempotency key, keeps fresh ones, and audits counts only', async () => {
    const stale = await t.signIn('supervisor');
    await storeIdempotencyKey('old-key-0001');
    t.clock.advance(25 * HOUR);
    const fresh = await t.signIn('evaluator');
    await storeIdempotencyKey('fresh-key-0001');

    const deleted = await runRetention(t.svc);

    expect(await sessionExists(stale)).toBe(false);
    expect(await sessionExists(fresh)).toBe(true);
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie: fresh } })).statusCode).toBe(200);
    const keys = await t.svc.db.select({ key: idempotencyKeys.key }).from(idempotencyKeys);
    expect(keys.map((k) => k.key)).toEqual(['fresh-key-0001']);

    const [event] = await t.svc.db.select().from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1);
    expect(event).toMatchObject({ action: 'retention.sweep', actorUserId: null, tenantId: null, subjectPersonId: null, recordId: null });
    expect(event!.details).toEqual({ deleted });
    expect(Object.keys(deleted).sort()).toEqual(retentionRules.map((r) => r.name).sort());
    expect(Object.values(deleted).every((n) => Number.isInteger(n))).toBe(true);
    expect(deleted).toMatchObject({ sessions: 1, idempotencyKeys: 1 });
    expect(await verifyAuditChain(t.svc.db)).toMatchObject({ ok: true });
  });

  it('forgets failed sign-ins after a day but keeps a lock that only the e-mailed link lifts', async () => {
    const unknown = 'no-such-user@region.example';
    const locked = demoEmail('finance');
    await login(unknown, 'wrong-password-1');
    for (let i = 0; i < 10; i++) {
      await login(locked, 'wrong-password-1');
      // Each failure from the fifth waits longer; step past the wait so all ten are counted.
      t.clock.advance(2 * HOUR);
    }
    t.clock.advance(25 * HOUR);

    await runRetention(t.svc);

    const left = await t.svc.db.select({ emailHash: loginThrottles.emailHash }).from(loginThrottles).where(inArray(loginThrottles.emailHash, [sha256Hex(unknown), sha256Hex(locked)]));
    expect(left).toEqual([{ emailHash: sha256Hex(locked) }]);
    const res = await login(locked, DEMO_PASSWORD);
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe('ACCOUNT_THROTTLED');
  });

  it(`deletes sent and failed e-mails after ${EMAIL_RETENTION_DAYS} days and never a queued one`, async () => {
    const make = async (status: 'sent' | 'failed' | 'queued', ageDays: number) => {
      const id = await t.svc.mailer.enqueue(t.svc.db, { tenantId: null, to: `${status}-${ageDays}@region.example`, subject: 'S', text: 'T' });
      await t.svc.db.update(emails).set({ status, createdAt: new Date(t.clock.now().getTime() - ageDays * DAY) }).where(eq(emails.id, id));
      return id;
    };
    const oldSent = await make('sent', EMAIL_RETENTION_DAYS + 1);
    const oldFailed = await make('failed', EMAIL_RETENTION_DAYS + 1);
    const oldQueued = await make('queued', EMAIL_RETENTION_DAYS + 1);
    const recentSent = await make('sent', EMAIL_RETENTION_DAYS - 1);

    const deleted = await runRetention(t.svc);

    const left = await t.svc.db.select({ id: emails.id }).from(emails).where(inArray(emails.id, [oldSent, oldFailed, oldQueued, recentSent]));
    expect(left.map((r) => r.id).sort()).toEqual([oldQueued, recentSent].sort());
    expect(deleted.emails).toBe(2);
  });

  it('deletes OIDC sign-ins that were never completed once they expire', async () => {
    const [tenant] = await t.svc.db.select({ id: tenants.id }).from(tenants).limit(1);
    const now = t.clock.now().getTime();
    await t.svc.db.insert(oidcLogins).values([
      { state: 'expired-state', tenantId: tenant!.id, nonce: 'n', codeVerifier: 'v', expiresAt: new Date(now - 1000) },
      { state: 'pending-state', tenantId: tenant!.id, nonce: 'n', codeVerifier: 'v', expiresAt: new Date(now + 600_000) },
    ]);

    const deleted = await runRetention(t.svc);

    const left = await t.svc.db.select({ state: oidcLogins.state }).from(oidcLogins);
    expect(left).toEqual([{ state: 'pending-state' }]);
    expect(deleted.oidcLogins).toBe(1);
  });
});
