import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, asBrowser, type TestApp } from '../../../../tests/helpers/test-app.ts';
import { verifyAuditChain } from './audit.service.ts';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signIn('admin');
});
afterAll(() => t.close());

describe('the audit log', () => {
  it('is refused UPDATE, DELETE and TRUNCATE by the database itself', async () => {
    for (const statement of [sql`update audit_events set action = 'x'`, sql`delete from audit_events`, sql`truncate audit_events`]) {
      const error = await t.svc.db.execute(statement).then(() => null, (e: Error) => e);
      expect(String((error?.cause as Error | undefined)?.message ?? error?.message)).toMatch(/append-only/);
    }
    expect((await verifyAuditChain(t.svc.db)).ok).toBe(true);
  });

  it('chains every event to the one before, and the chain verifies', async () => {
    await t.app.inject({ method: 'PATCH', url: '/api/auth/me', payload: { locale: 'en' }, headers: asBrowser(admin) });
    const verdict = await verifyAuditChain(t.svc.db);
    expect(verdict.ok).toBe(true);
    expect(verdict.events).toBeGreaterThan(3);
  });

  it('keeps the chain whole under concurrent writers', async () => {
    const peer = await t.signIn('peer');
    await Promise.all(Array.from({ length: 10 }, (_, i) =>
      t.app.inject({ method: 'PATCH', url: '/api/auth/me', payload: { locale: i % 2 ? 'sv' : 'da' }, headers: asBrowser(peer) })));
    expect((await verifyAuditChain(t.svc.db)).ok).toBe(true);
  });

  it('searches by who, what, which record and when', async () => {
    const me = (await t.app.inject({ url: '/api/auth/me', headers: { cookie: admin } })).json().user;
    const res = await t.app.inject({ url: `/api/audit-events?actorUserId=${me.id}&action=auth.sign_in&from=2026-11-23&to=2026-11-23`, headers: { cookie: admin } });
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items.length).toBeGreaterThan(0);
    expect(items[0]).toMatchObject({ actor: { id: me.id, name: 'Alva Admin' }, action: 'auth.sign_in', actorRole: 'admin' });
    const none = await t.app.inject({ url: `/api/audit-events?actorUserId=${me.id}&from=2026-11-24`, headers: { cookie: admin } });
    expect(none.json().items).toEqual([]);
  });

  it('shows an admin only their own tenant\'s events', async () => {
    const other = await t.signIn('admin@kommune.peerbridge.test');
    const res = await t.app.inject({ url: '/api/audit-events?action=user.update_own', headers: { cookie: other } });
    expect(res.json().items).toEqual([]);
  });
});
