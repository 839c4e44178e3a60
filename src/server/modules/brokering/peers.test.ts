import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { createTestApp, asBrowser, type TestApp } from '../../../../tests/helpers/test-app.ts';
import { demoEmail } from '../../demo/seed.ts';
import { auditEvents } from '../audit/audit.tables.ts';
import { persons } from '../persons/persons.tables.ts';
import { tenants } from '../tenants/tenants.tables.ts';
import { users } from '../users/users.tables.ts';
import { peerProfiles } from '../training/training.tables.ts';
import { peerPaymentDetails } from './brokering.tables.ts';
import { type PeerSettingsBody } from '../../../shared/contracts/peers.ts';

let t: TestApp;
let peer: string;
let coordinator: string;
let finance: string;
let myProfileId: string;

/** A peer profile for a person of the given tenant (made for the test: the demo holds only a few). */
async function makePeer(tenantSlug: string, fullName: string, personId?: string): Promise<string> {
  const [tenant] = await t.svc.db.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, tenantSlug));
  const pid = personId ?? (await t.svc.db.insert(persons).values({ tenantId: tenant!.id, fullName }).returning({ id: persons.id }))[0]!.id;
  const [existing] = await t.svc.db.select({ id: peerProfiles.id }).from(peerProfiles).where(eq(peerProfiles.personId, pid));
  if (existing) return existing.id;
  const [row] = await t.svc.db.insert(peerProfiles).values({ tenantId: tenant!.id, personId: pid, track: 'own_experience' }).returning({ id: peerProfiles.id });
  return row!.id;
}

const settings = (over: Partial<PeerSettingsBody> = {}): PeerSettingsBody => ({
  track: 'both',
  assignmentTypes: ['share_story', 'event'],
  topics: [{ topic: 'självskada', visibility: 'coordinator' }, { topic: 'ångest', visibility: 'bookers' }],
  languages: ['sv', 'en'],
  municipalities: ['Jönköping', 'Huskvarna'],
  worksRemotely: true,
  weeklyAvailability: { 1: [{ from: '09:00', to: '12:00' }], 3: [{ from: '13:00', to: '17:00' }] },
  exceptions: [{ date: '2026-12-24', kind: 'off' }, { date: '2026-12-05', kind: 'extra', from: '10:00', to: '14:00' }],
  maxPerMonth: 3,
  yearlyIncomeLimit: { amount: 2_000_000, currency: 'SEK' },
  ...over,
});

const putSettings = (body: unknown) => t.app.inject({ method: 'PUT', url: '/api/peers/me', payload: body as object, headers: asBrowser(peer) });

beforeAll(async () => {
  t = await createTestApp();
  const [me] = await t.svc.db.select({ personId: users.personId }).from(users).where(eq(users.email, demoEmail('peer')));
  myProfileId = await makePeer('region-demo', '', me!.personId);
  [peer, coordinator, finance] = await Promise.all([t.signIn('peer'), t.signIn('coordinator'), t.signIn('finance')]);
});
afterAll(() => t.close());

describe('the peer\'s own profile', () => {
  it('answers defaults on the first read, with payment details not set', async () => {
    const res = await t.app.inject({ url: '/api/peers/me', headers: { cookie: peer } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: myProfileId, assignmentTypes: [], topics: [], weeklyAvailability: {}, exceptions: [], maxPerMonth: 4,
      paused: false, yearlyIncomeLimit: null, paymentDetails: { isSet: false, personnummer: null, bankAccount: null },
    });
  });

  it('answers 404 to someone with the peer role but no peer profile', async () => {
    const [me] = await t.svc.db.select({ personId: users.personId }).from(users).where(eq(users.email, demoEmail('peer')));
    await t.svc.db.delete(peerProfiles).where(eq(peerProfiles.personId, me!.personId));
    expect((await t.app.inject({ url: '/api/peers/me', headers: { cookie: peer } })).statusCode).toBe(404);
    myProfileId = await makePeer('region-demo', '', me!.personId);
  });

  it('keeps the settings the peer saves, and audits the change without its content', async () => {
    const res = await putSettings(settings());
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ track: 'both', maxPerMonth: 3, languages: ['sv', 'en'], yearlyIncomeLimit: { amount: 2_000_000, currency: 'SEK' } });
    const again = (await t.app.inject({ url: '/api/peers/me', headers: { cookie: peer } })).json();
    expect(again.weeklyAvailability).toEqual({ 1: [{ from: '09:00', to: '12:00' }], 3: [{ from: '13:00', to: '17:00' }] });
    expect(again.exceptions).toEqual(settings().exceptions);
    const [audit] = await t.svc.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'peer.settings_update'), eq(auditEvents.recordId, myProfileId)));
    expect(JSON.stringify(audit!.details ?? {})).not.toContain('självskada');
  });

  it('refuses a time range that ends before it starts, naming its field', async () => {
    const weekly = await putSettings(settings({ weeklyAvailability: { 2: [{ from: '15:00', to: '09:00' }] } }));
    expect(weekly.statusCode).toBe(400);
    expect(Object.keys(weekly.json().error.fields)).toEqual(['weeklyAvailability.2.to']);
    const extra = await putSettings(settings({ exceptions: [{ date: '2026-12-05', kind: 'extra', from: '14:00', to: '14:00' }] }));
    expect(Object.keys(extra.json().error.fields)).toEqual(['exceptions.to']);
  });

  it('refuses a malformed time, an unknown assignment type and more than 20 topics, each at its field', async () => {
    const res = await putSettings({
      ...settings(),
      weeklyAvailability: { 1: [{ from: '9', to: '12:00' }] },
      assignmentTypes: ['juggling'],
      topics: Array.from({ length: 21 }, (_, i) => ({ topic: `t${i}`, visibility: 'bookers' })),
    });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields).sort()).toEqual(['assignmentTypes', 'topics', 'weeklyAvailability.from']);
  });

  it('refuses an income limit in another currency than the tenant\'s', async () => {
    const res = await putSettings(settings({ yearlyIncomeLimit: { amount: 100, currency: 'DKK' } }));
    expect(res.json().error.fields).toHaveProperty(['yearlyIncomeLimit.currency']);
  });
});

describe('pause', () => {
  it('pauses without a reason, shows in the coordinator\'s paused list, and resumes', async () => {
    const paused = await t.app.inject({ method: 'POST', url: '/api/peers/me/pause', headers: asBrowser(peer) });
    expect(paused.json()).toMatchObject({ paused: true, pausedAt: t.clock.now().toISOString() });
    const list = (await t.app.inject({ url: '/api/peers?paused=true', headers: { cookie: coordinator } })).json();
    expect(list.items.map((p: { id: string }) => p.id)).toEqual([myProfileId]);
    const active = (await t.app.inject({ url: '/api/peers?paused=false', headers: { cookie: coordinator } })).json();
    expect(active.items.map((p: { id: string }) => p.id)).not.toContain(myProfileId);

    const resumed = await t.app.inject({ method: 'POST', url: '/api/peers/me/resume', headers: asBrowser(peer) });
    expect(resumed.json()).toMatchObject({ paused: false, pausedAt: null });
    expect((await t.app.inject({ url: '/api/peers?paused=true', headers: { cookie: coordinator } })).json().items).toEqual([]);
    const actions = await t.svc.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.recordId, myProfileId));
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['peer.pause', 'peer.resume']));
  });
});

describe('the coordinator\'s view of peers', () => {
  it('shows coordinator-only topics, searches by name and pages with a cursor', async () => {
    await makePeer('region-demo', 'Astrid Anhörig');
    await makePeer('region-demo', 'Bertil Berättare');
    const all = (await t.app.inject({ url: '/api/peers', headers: { cookie: coordinator } })).json();
    const me = all.items.find((p: { id: string }) => p.id === myProfileId);
    expect(me.topics).toContainEqual({ topic: 'självskada', visibility: 'coordinator' });
    expect(me).toMatchObject({ name: 'Pelle Peer', track: 'both', worksRemotely: true, municipalities: ['Jönköping', 'Huskvarna'] });

    const found = (await t.app.inject({ url: '/api/peers?q=bertil', headers: { cookie: coordinator } })).json();
    expect(found.items.map((p: { name: string }) => p.name)).toEqual(['Bertil Berättare']);

    const page1 = (await t.app.inject({ url: '/api/peers?limit=1', headers: { cookie: coordinator } })).json();
    const page2 = (await t.app.inject({ url: `/api/peers?limit=1&cursor=${page1.nextCursor}`, headers: { cookie: coordinator } })).json();
    expect(page2.items).toHaveLength(1);
    expect(page2.items[0].id).not.toBe(page1.items[0].id);
  });

  it('forbids a peer the list of peers', async () => {
    expect((await t.app.inject({ url: '/api/peers', headers: { cookie: peer } })).statusCode).toBe(403);
  });
});

describe('payment details', () => {
  const url = () => `/api/peers/${myProfileId}/payment-details`;
  const put = (payload: object, cookie = finance) => t.app.inject({ method: 'PUT', url: url(), payload, headers: asBrowser(cookie) });

  it('are written and read in full by finance, encrypted at rest, and masked for the peer', async () => {
    const res = await put({ personnummer: '19900101-0017', bankAccount: '8327-9 123 456 789-0', employeeNumber: 'A-17' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ personnummer: '199001010017', bankAccount: '832791234567890', employeeNumber: 'A-17' });

    const [raw] = await t.svc.db.select().from(peerPaymentDetails).where(eq(peerPaymentDetails.peerProfileId, myProfileId));
    expect(raw!.personnummerEncrypted).toMatch(/^v1\./);
    expect(raw!.bankAccountEncrypted).toMatch(/^v1\./);

    const read = await t.app.inject({ url: url(), headers: { cookie: finance } });
    expect(read.json()).toMatchObject({ personnummer: '199001010017', bankAccount: '832791234567890' });

    const mine = (await t.app.inject({ url: '/api/peers/me', headers: { cookie: peer } })).json();
    expect(mine.paymentDetails).toEqual({ isSet: true, personnummer: '19900101-****', bankAccount: '****7890' });
  });

  it('are closed to the peer themself and to the coordinator', async () => {
    expect((await t.app.inject({ url: url(), headers: { cookie: peer } })).statusCode).toBe(403);
    expect((await t.app.inject({ url: url(), headers: { cookie: coordinator } })).statusCode).toBe(403);
    expect((await put({ personnummer: '19900101-0017', bankAccount: '12345' }, coordinator)).statusCode).toBe(403);
  });

  it('refuses an invalid personnummer and a short bank account, naming each field', async () => {
    const res = await put({ personnummer: '19900101-0018', bankAccount: '12-34' });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields).sort()).toEqual(['bankAccount', 'personnummer']);
  });

  it('audits each write and read without the numbers in the audit', async () => {
    const rows = await t.svc.db.select().from(auditEvents).where(and(eq(auditEvents.recordId, myProfileId), sql`${auditEvents.action} like 'peer.payment_details.%'`));
    expect(rows.map((r) => r.action).sort()).toEqual(['peer.payment_details.read', 'peer.payment_details.update']);
    const text = JSON.stringify(rows.map((r) => r.details));
    expect(text).not.toContain('0017');
    expect(text).not.toContain('7890');
  });

  it('answers 404 for a peer of another tenant', async () => {
    const dkPeer = await makePeer('demo-kommune', 'Dorte Dansk');
    expect((await t.app.inject({ url: `/api/peers/${dkPeer}/payment-details`, headers: { cookie: finance } })).statusCode).toBe(404);
    const write = await t.app.inject({
      method: 'PUT', url: `/api/peers/${dkPeer}/payment-details`, payload: { personnummer: '19900101-0017', bankAccount: '12345' }, headers: asBrowser(finance),
    });
    expect(write.statusCode).toBe(404);
    const list = (await t.app.inject({ url: '/api/peers?q=Dorte', headers: { cookie: coordinator } })).json();
    expect(list.items).toEqual([]);
  });
});
