import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { asBrowser, createTestApp, type TestApp } from '../../../../tests/helpers/test-app.ts';
import { OTHER_TENANT_ADMIN } from '../../demo/seed.ts';
import { users } from '../users/users.tables.ts';
import { assignments } from './brokering.tables.ts';
import { addAssignment, dec1, demoTenantId, makePeers } from './brokering.test-support.ts';

let t: TestApp;
let coordinator: string;
let tenantId: string;
beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.signIn('coordinator');
  tenantId = await demoTenantId(t);
});
afterAll(() => t.close());

const post = (payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/assignments', headers: asBrowser(coordinator), payload });
const get = (url: string) => t.app.inject({ url, headers: { cookie: coordinator } });

/** A fee of the given taxable amount (öre), as one tier line. */
const feeOf = (amount: number) => ({
  lines: [{ key: 'short' as const, quantity: 1, unit: 'assignment' as const, unitAmount: { amount, currency: 'SEK' as const }, amount: { amount, currency: 'SEK' as const }, taxable: true }],
  total: { amount, currency: 'SEK' as const },
});

/** An assignment a peer holds, written straight to the database. */
async function holds(peerProfileId: string, startsAt: string, endsAt: string, fee = 53_280) {
  await t.svc.db.insert(assignments).values({
    tenantId, type: 'event', title: 'Seminarium', startsAt: new Date(startsAt), endsAt: new Date(endsAt), municipality: 'Jönköping', fee: feeOf(fee), status: 'filled', peerProfileId, filledAt: t.clock.now(),
  });
}

describe('creating assignments', () => {
  it('creates an open assignment whose fee is computed from the year\'s rules and fixed in it', async () => {
    const res = await post({ type: 'event', title: 'Seminarium om delaktighet', description: 'Föreläs 2 timmar. Kontakt: Anna.', startsAt: dec1('10:00'), endsAt: dec1('12:00'), municipality: 'Jönköping', address: 'Aulan', km: 10 });
    expect(res.statusCode).toBe(201);
    const a = res.json();
    expect(a).toMatchObject({ status: 'open', peer: null, type: 'event', description: 'Föreläs 2 timmar. Kontakt: Anna.', startsAt: '2026-12-01T09:00:00.000Z', remote: false });
    // Two hours is a short assignment: 0.9 % of 2026's prisbasbelopp (59 200 kr), plus 10 km at 2,50 kr.
    expect(a.fee.lines.map((l: { key: string; amount: { amount: number } }) => [l.key, l.amount.amount])).toEqual([['short', 53_280], ['travel', 2_500]]);
    expect(a.fee.total).toEqual({ amount: 55_780, currency: 'SEK' });
    expect((await get(`/api/assignments/${a.id}`)).json()).toEqual(a);
  });

  it('prices a remote half day by the half-day tier, travel time included', async () => {
    const res = await post({ type: 'co_development', title: 'Workshop', startsAt: dec1('13:00'), endsAt: dec1('16:00'), remote: true, travelMinutes: 30 });
    expect(res.statusCode).toBe(201);
    expect(res.json().fee.lines[0]).toMatchObject({ key: 'half_day', amount: { amount: 106_560, currency: 'SEK' } });
    expect(res.json().municipality).toBeNull();
  });

  it('refuses bad input naming each field', async () => {
    const res = await post({ type: 'event', title: 'X', startsAt: dec1('12:00'), endsAt: dec1('10:00') });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({ endsAt: 'Sluttiden måste komma efter starttiden.', municipality: 'Fyll i fältet.' });
    const past = await post({ type: 'event', title: 'X', startsAt: '2026-11-01T10:00:00+01:00', endsAt: '2026-11-01T11:00:00+01:00', remote: true });
    expect(Object.keys(past.json().error.fields)).toEqual(['startsAt']);
    const unknownType = await post({ type: 'party', title: 'X', startsAt: dec1('10:00'), endsAt: dec1('11:00'), remote: true });
    expect(Object.keys(unknownType.json().error.fields)).toEqual(['type']);
  });

  it('answers a field error for a year whose prisbasbelopp is not known yet', async () => {
    const res = await post({ type: 'event', title: 'Nästa år', startsAt: '2027-03-01T10:00:00+01:00', endsAt: '2027-03-01T11:00:00+01:00', remote: true });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields)).toEqual(['prisbasbelopp']);
  });

  it('lists by status, soonest first, and answers another tenant\'s assignment as not found', async () => {
    const id = await addAssignment(t, coordinator, { startsAt: dec1('08:00'), endsAt: dec1('09:00') });
    const open = (await get('/api/assignments?status=open')).json().items;
    expect(open[0].id).toBe(id);
    expect(open.every((a: { status: string }) => a.status === 'open')).toBe(true);
    expect((await get('/api/assignments?status=filled')).json().items).toEqual([]);
    const [other] = await t.svc.db.select({ tenantId: users.tenantId }).from(users).where(eq(users.email, OTHER_TENANT_ADMIN));
    const [foreign] = await t.svc.db.insert(assignments).values({ tenantId: other!.tenantId, type: 'event', title: 'DK', startsAt: new Date(dec1('10:00')), endsAt: new Date(dec1('11:00')) }).returning();
    expect((await get(`/api/assignments/${foreign!.id}`)).statusCode).toBe(404);
    expect((await get(`/api/assignments/${foreign!.id}/match`)).statusCode).toBe(404);
  });

  it('is the coordinator\'s: the training team and peers are refused', async () => {
    for (const role of ['trainer', 'peer'] as const) {
      const cookie = await t.signIn(role);
      expect((await t.app.inject({ url: '/api/assignments', headers: { cookie } })).statusCode).toBe(403);
    }
  });
});

describe('matching peers for an assignment', () => {
  it('ranks fitting peers with reasons, the lighter workload first, and never lists paused or double-booked peers', async () => {
    const place = { municipalities: ['Matchby'] };
    const [light] = await makePeers(t, tenantId, 1, { settings: { ...place, languages: ['sv', 'en'] } });
    const [busy] = await makePeers(t, tenantId, 1, { settings: place });
    const [paused] = await makePeers(t, tenantId, 1, { settings: { ...place, paused: true } });
    const [doubleBooked] = await makePeers(t, tenantId, 1, { settings: { ...place, languages: ['sv', 'en'] } });
    const [elsewhere] = await makePeers(t, tenantId, 1);
    await holds(busy!.id, '2026-06-02T10:00:00+02:00', '2026-06-02T12:00:00+02:00');
    await holds(doubleBooked!.id, dec1('11:00'), dec1('13:00'));
    const id = await addAssignment(t, coordinator, { municipality: 'Matchby' });

    const res = await get(`/api/assignments/${id}/match`);
    expect(res.statusCode).toBe(200);
    const ids = res.json().items.map((p: { peerProfileId: string }) => p.peerProfileId);
    expect(ids.indexOf(light!.id)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(light!.id)).toBeLessThan(ids.indexOf(busy!.id));
    for (const absent of [paused!, doubleBooked!, elsewhere!]) expect(ids).not.toContain(absent.id);

    const first = res.json().items.find((p: { peerProfileId: string }) => p.peerProfileId === light!.id);
    expect(first).toMatchObject({ name: light!.name, track: 'own_experience', slot: { startsAt: '2026-12-01T09:00:00.000Z', endsAt: '2026-12-01T11:00:00.000Z' } });
    expect(first.reasons.map((r: { code: string }) => r.code)).toEqual(['type', 'place', 'free', 'below_limit', 'workload']);
    const workload = (p: { reasons: { code: string; params: Record<string, number> }[] }) => p.reasons.find((r) => r.code === 'workload')!.params;
    const second = res.json().items.find((p: { peerProfileId: string }) => p.peerProfileId === busy!.id);
    expect(workload(second)).toMatchObject({ assignments: 1, feesOre: 53_280 });
    expect(workload(first)).toMatchObject({ assignments: 0, feesOre: 0 });
  });

  it('ranks by the wishes: a wished language spoken ranks first, and a missed wish says so', async () => {
    const place = { municipalities: ['Önskeby'] };
    const [swedish] = await makePeers(t, tenantId, 1, { settings: place });
    const [english] = await makePeers(t, tenantId, 1, { settings: { ...place, languages: ['en'] } });
    const id = await addAssignment(t, coordinator, { municipality: 'Önskeby' });
    const items = (await get(`/api/assignments/${id}/match?language=en&track=relative`)).json().items;
    const mine = items.filter((p: { peerProfileId: string }) => [swedish!.id, english!.id].includes(p.peerProfileId));
    expect(mine.map((p: { peerProfileId: string }) => p.peerProfileId)).toEqual([english!.id, swedish!.id]);
    expect(mine[1].reasons).toContainEqual({ code: 'language_missing', params: { language: 'en' }, audience: 'bookers' });
    expect(mine[0].reasons).toContainEqual({ code: 'track_other', params: { track: 'own_experience', wished: 'relative' }, audience: 'bookers' });
  });
});
