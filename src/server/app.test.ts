import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { createTestApp, asBrowser, type TestApp } from '../../tests/helpers/test-app.ts';
import { registerAuth } from './plugins/auth.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('the API as a program sees it', () => {
  it('answers health with the database kind', async () => {
    const res = await t.app.inject({ url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite' });
  });

  it('publishes an OpenAPI 3.1 document of every route, and a reference page', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    for (const path of ['/api/auth/login', '/api/auth/me', '/api/users', '/api/users/{id}/deactivate', '/api/audit-events', '/api/persons/{id}/access-log']) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    const docs = await t.app.inject({ url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toContain('text/html');
  });

  it('refuses to start when a route forgets to declare its access', async () => {
    const app = Fastify();
    registerAuth(app, t.svc);
    expect(() => app.get('/api/forgotten', async () => ({ ok: true }))).toThrow(/declares no valid config.access/);
    expect(() => app.get('/api/misspelt', { config: { access: 'users.manag' as 'users.manage' } }, async () => ({ ok: true }))).toThrow(/declares no valid/);
  });

  it('answers unknown API paths with the error shape, in the asked language', async () => {
    const res = await t.app.inject({ url: '/api/no-such-thing', headers: { 'accept-language': 'en' } });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'What you are looking for does not exist.' } });
  });

  it('answers a 500 without stack trace or SQL', async () => {
    const cookie = await t.signIn('admin');
    const original = t.svc.db.transaction.bind(t.svc.db);
    t.svc.db.transaction = (() => Promise.reject(new Error('relation "secret_table" does not exist'))) as typeof t.svc.db.transaction;
    const res = await t.app.inject({ method: 'POST', url: '/api/users', payload: { email: 'x@y.se', name: 'X', roles: ['peer'] }, headers: asBrowser(cookie) });
    t.svc.db.transaction = original;
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('secret_table');
    expect(res.json().error.code).toBe('INTERNAL');
  });

  it('replays a public POST with the same Idempotency-Key instead of doing it twice', async () => {
    const headers = { 'idempotency-key': 'unlock-attempt-0001' };
    const first = await t.app.inject({ method: 'POST', url: '/api/public/account-unlocks', payload: { token: 'no-such-token-000' }, headers });
    const second = await t.app.inject({ method: 'POST', url: '/api/public/account-unlocks', payload: { token: 'no-such-token-000' }, headers });
    expect(first.statusCode).toBe(404);
    expect(second.statusCode).toBe(404);
    expect(second.headers['idempotent-replayed']).toBe('true');
    const conflict = await t.app.inject({ method: 'POST', url: '/api/public/account-unlocks', payload: { token: 'another-token-000' }, headers });
    expect(conflict.statusCode).toBe(409);
  });

  it('serves API tokens as Bearer, without cookies or Origin', async () => {
    const cookie = await t.signIn('coordinator');
    const created = await t.app.inject({ method: 'POST', url: '/api/api-tokens', payload: { name: 'HR-system' }, headers: asBrowser(cookie) });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    const me = await t.app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } });
    expect(me.json().user.email).toBe('coordinator@demo.peerbridge.test');
    const change = await t.app.inject({ method: 'PATCH', url: '/api/auth/me', payload: { locale: 'en' }, headers: { authorization: `Bearer ${token}` } });
    expect(change.statusCode).toBe(200);
    await t.app.inject({ method: 'POST', url: `/api/api-tokens/${id}/revoke`, headers: asBrowser(cookie) });
    expect((await t.app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(401);
  });
});

describe('overload', () => {
  it('answers 503 with Retry-After when the server is over its limits', async () => {
    const loaded = await createTestApp({ OVERLOAD_RSS_BYTES: '1' });
    try {
      await new Promise((r) => setTimeout(r, 1200));
      const res = await loaded.app.inject({ url: '/api/health', headers: { 'accept-language': 'en' } });
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toBe('10');
      expect(res.json().error).toMatchObject({ code: 'OVERLOADED', message: expect.stringContaining('busy') });
    } finally {
      await loaded.close();
    }
  });
});
