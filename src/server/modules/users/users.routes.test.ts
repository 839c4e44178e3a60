import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, asBrowser, type TestApp } from '../../../../tests/helpers/test-app.ts';
import { demoEmail } from '../../demo/seed.ts';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signIn('admin');
});
afterAll(() => t.close());

const createUser = (payload: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: '/api/users', payload, headers: asBrowser(admin) });

describe('user administration', () => {
  it('creates a user with roles, who can then sign in with the given password', async () => {
    const res = await createUser({ email: 'Ny.Peer@Demo.peerbridge.test', name: 'Ny Peer', roles: ['peer', 'coordinator'], locale: 'en', password: 'a-long-enough-password' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ email: 'ny.peer@demo.peerbridge.test', roles: ['coordinator', 'peer'], status: 'active', locale: 'en' });
    const cookie = await t.signIn('ny.peer@demo.peerbridge.test', 'a-long-enough-password');
    const me = await t.app.inject({ url: '/api/auth/me', headers: { cookie } });
    expect(me.json().user.permissions).toContain('persons.read');
  });

  it('refuses a second user with the same e-mail, naming the field', async () => {
    const res = await createUser({ email: demoEmail('peer'), name: 'Dubblett', roles: ['peer'] });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('EMAIL_TAKEN');
    expect(res.json().error.fields.email).toBeTruthy();
  });

  it('lists users with filters and cursor paging', async () => {
    const page1 = await t.app.inject({ url: '/api/users?limit=4', headers: { cookie: admin } });
    expect(page1.json().items).toHaveLength(4);
    const page2 = await t.app.inject({ url: `/api/users?limit=4&cursor=${page1.json().nextCursor}`, headers: { cookie: admin } });
    const ids1 = page1.json().items.map((u: { id: string }) => u.id);
    expect(page2.json().items.every((u: { id: string }) => !ids1.includes(u.id))).toBe(true);
    const peers = await t.app.inject({ url: '/api/users?role=finance', headers: { cookie: admin } });
    expect(peers.json().items.map((u: { email: string }) => u.email)).toEqual([demoEmail('finance')]);
  });

  it('gives and takes roles, and the user\'s very next request sees the change', async () => {
    const trainer = await t.signIn('trainer');
    expect((await t.app.inject({ url: '/api/audit-events', headers: { cookie: trainer } })).statusCode).toBe(403);
    const list = await t.app.inject({ url: `/api/users?q=${encodeURIComponent(demoEmail('trainer'))}`, headers: { cookie: admin } });
    const id = list.json().items[0].id;
    const res = await t.app.inject({ method: 'PATCH', url: `/api/users/${id}`, payload: { roles: ['trainer', 'admin'] }, headers: asBrowser(admin) });
    expect(res.json().roles).toEqual(['admin', 'trainer']);
    expect((await t.app.inject({ url: '/api/audit-events', headers: { cookie: trainer } })).statusCode).toBe(200);
    await t.app.inject({ method: 'PATCH', url: `/api/users/${id}`, payload: { roles: ['trainer'] }, headers: asBrowser(admin) });
    expect((await t.app.inject({ url: '/api/audit-events', headers: { cookie: trainer } })).statusCode).toBe(403);
  });

  it('deactivates a user: their sessions and API tokens stop working at once', async () => {
    const finance = await t.signIn('finance');
    const token = (await t.app.inject({ method: 'POST', url: '/api/api-tokens', payload: { name: 'Lönesystem' }, headers: asBrowser(finance) })).json().token;
    expect((await t.app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(200);
    const id = (await t.app.inject({ url: '/api/users?role=finance', headers: { cookie: admin } })).json().items[0].id;
    const res = await t.app.inject({ method: 'POST', url: `/api/users/${id}/deactivate`, headers: asBrowser(admin) });
    expect(res.json().status).toBe('deactivated');
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie: finance } })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(401);
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: demoEmail('finance'), password: 'Peerbridge-demo-2026' } });
    expect(login.statusCode).toBe(401);
  });

  it('will not deactivate the last active admin', async () => {
    const me = (await t.app.inject({ url: '/api/auth/me', headers: { cookie: admin } })).json().user;
    const others = (await t.app.inject({ url: '/api/users?role=admin&status=active', headers: { cookie: admin } })).json().items;
    expect(others.map((u: { id: string }) => u.id)).toEqual([me.id]);
    const res = await t.app.inject({ method: 'POST', url: `/api/users/${me.id}/deactivate`, headers: asBrowser(admin) });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('LAST_ADMIN');
  });

  it('forbids a peer to list users (403) and a stranger (401)', async () => {
    const peer = await t.signIn('peer');
    expect((await t.app.inject({ url: '/api/users', headers: { cookie: peer } })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/users' })).statusCode).toBe(401);
  });

  it('writes an audit event for every change, in the admin\'s tenant', async () => {
    const res = await t.app.inject({ url: '/api/audit-events?recordType=user&limit=200', headers: { cookie: admin } });
    const actions = res.json().items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['user.create', 'user.roles_change', 'user.deactivate']));
  });
});
