import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { createTenant } from '../../src/server/cli/tenants.ts';
import { createUser } from '../../src/server/cli/users.ts';
import { tenants } from '../../src/server/modules/tenants/tenants.tables.ts';
import { auditEvents } from '../../src/server/modules/audit/audit.tables.ts';
import { verifyAuditChain } from '../../src/server/modules/audit/audit.service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('create-tenant', () => {
  it('creates a Danish municipality speaking Danish by default, audited as done from the console', async () => {
    const { id } = await createTenant(t.database.db, { slug: 'aarhus-kommune', name: 'Aarhus Kommune', kind: 'municipality', country: 'DK' });
    const [row] = await t.database.db.select().from(tenants).where(eq(tenants.id, id));
    expect(row).toMatchObject({ slug: 'aarhus-kommune', kind: 'municipality', country: 'DK', defaultLocale: 'da' });
    const [event] = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'tenant.create'), eq(auditEvents.recordId, id)));
    expect(event).toMatchObject({ tenantId: id, actorUserId: null, details: { via: 'cli', kind: 'municipality', country: 'DK' } });
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });

  it('refuses a taken slug and a slug that is not URL-safe', async () => {
    await expect(createTenant(t.database.db, { slug: 'region-demo', name: 'Again', kind: 'region' })).rejects.toThrow(/already exists/);
    await expect(createTenant(t.database.db, { slug: 'Region Väst', name: 'Region Väst', kind: 'region' })).rejects.toThrow(/--slug: lowercase letters/);
  });
});

describe('create-user', () => {
  it('creates a first admin who can then sign in with the password given', async () => {
    await createTenant(t.database.db, { slug: 'region-norr', name: 'Region Norr', kind: 'region' });
    const user = await createUser(t.database.db, { tenant: 'region-norr', email: ' Nora.Admin@Norr.example ', name: 'Nora Admin', roles: ['coordinator', 'admin'], password: 'a-long-enough-password' });
    expect(user.roles).toEqual(['admin', 'coordinator']);
    const cookie = await t.signIn('nora.admin@norr.example', 'a-long-enough-password');
    const me = (await t.app.inject({ url: '/api/auth/me', headers: { cookie } })).json().user;
    expect(me).toMatchObject({ id: user.id, roles: ['admin', 'coordinator'], tenant: { name: 'Region Norr' } });
    const [event] = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'user.create'), eq(auditEvents.recordId, user.id)));
    expect(event).toMatchObject({ actorUserId: null, subjectPersonId: user.personId, details: { via: 'cli', roles: ['admin', 'coordinator'], password: true } });
  });

  it('creates a user without a password, who cannot sign in with one', async () => {
    await createUser(t.database.db, { tenant: 'region-norr', email: 'oidc.only@norr.example', name: 'Olle Oidc', roles: ['coordinator'] });
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'oidc.only@norr.example', password: 'anything-at-all-123' } });
    expect(res.statusCode).toBe(401);
  });

  it('refuses an unknown tenant, a taken e-mail, an unknown role and a short password', async () => {
    const base = { tenant: 'region-norr', email: 'new@norr.example', name: 'New Person', roles: ['coordinator'] };
    await expect(createUser(t.database.db, { ...base, tenant: 'nowhere' })).rejects.toThrow(/No tenant has the slug/);
    await expect(createUser(t.database.db, { ...base, email: 'admin@demo.peerbridge.test' })).rejects.toThrow(/already exists/);
    await expect(createUser(t.database.db, { ...base, roles: ['superuser'] })).rejects.toThrow(/--roles/);
    await expect(createUser(t.database.db, { ...base, password: 'short' })).rejects.toThrow(/--password/);
  });
});
