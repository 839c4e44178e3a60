import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, ne, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../../tests/helpers/test-app.ts';
import { violatedConstraint } from '../../lib/db-errors.ts';
import { assignments, offers } from './brokering.tables.ts';
import { addAssignment, answerByToken, dec1, demoTenantId, makePeers, offer, offerTokens } from './brokering.test-support.ts';

let t: TestApp;
let coordinator: string;
let tenantId: string;
beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.signIn('coordinator');
  tenantId = await demoTenantId(t);
});
afterAll(() => t.close());

const heldBy = (peerProfileId: string) =>
  t.svc.db.select().from(assignments).where(and(eq(assignments.peerProfileId, peerProfileId), ne(assignments.status, 'cancelled')));

describe('the first accept wins, exactly once', () => {
  it('fills an assignment once when 200 peers accept at the same moment', { timeout: 120_000 }, async () => {
    const peers = await makePeers(t, tenantId, 200, { settings: { municipalities: ['Kapplöpning'] } });
    const id = await addAssignment(t, coordinator, { municipality: 'Kapplöpning' });
    for (let i = 0; i < peers.length; i += 50) {
      expect((await offer(t, coordinator, id, peers.slice(i, i + 50).map((p) => p.id))).statusCode).toBe(201);
    }
    const tokens = await offerTokens(t, id);
    expect(tokens.size).toBe(200);

    const byPeer = [...tokens];
    const answers = await Promise.all(byPeer.map(([, token]) => answerByToken(t, 'accept', token)));
    const codes = answers.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(199);
    expect(answers.filter((r) => r.statusCode === 409).every((r) => r.json().error.code === 'OFFER_TAKEN')).toBe(true);

    const [a] = await t.svc.db.select().from(assignments).where(eq(assignments.id, id));
    expect(a).toMatchObject({ status: 'filled', peerProfileId: byPeer[codes.indexOf(200)]![0] });
    const statuses = await t.svc.db.select({ status: offers.status, n: sql<number>`count(*)::int` }).from(offers).where(eq(offers.assignmentId, id)).groupBy(offers.status);
    expect(Object.fromEntries(statuses.map((s) => [s.status, s.n]))).toEqual({ accepted: 1, taken: 199 });
  });
});

describe('a peer never holds two assignments at once', () => {
  it('refuses an accept that overlaps an assignment the peer holds, and keeps the offer open', async () => {
    const [peer] = await makePeers(t, tenantId, 1, { settings: { municipalities: ['Krockby'] } });
    const first = await addAssignment(t, coordinator, { municipality: 'Krockby', startsAt: dec1('10:00'), endsAt: dec1('12:00') });
    const second = await addAssignment(t, coordinator, { municipality: 'Krockby', startsAt: dec1('11:00'), endsAt: dec1('13:00') });
    await offer(t, coordinator, first, [peer!.id]);
    await offer(t, coordinator, second, [peer!.id]);
    expect((await answerByToken(t, 'accept', (await offerTokens(t, first)).get(peer!.id)!)).statusCode).toBe(200);

    const res = await answerByToken(t, 'accept', (await offerTokens(t, second)).get(peer!.id)!);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'DOUBLE_BOOKED', message: 'Du har redan ett uppdrag på den tiden.' });
    expect((await heldBy(peer!.id)).map((a) => a.id)).toEqual([first]);
    const [still] = await t.svc.db.select().from(offers).where(and(eq(offers.assignmentId, second), eq(offers.peerProfileId, peer!.id)));
    expect(still!.status).toBe('open');
    const [open] = await t.svc.db.select().from(assignments).where(eq(assignments.id, second));
    expect(open).toMatchObject({ status: 'open', peerProfileId: null });
  });

  it('is enforced by the database itself: an overlapping row written directly is refused', async () => {
    const [peer] = await makePeers(t, tenantId, 1);
    const row = (from: string, to: string) => ({ tenantId, type: 'event' as const, title: 'Direkt', startsAt: new Date(dec1(from)), endsAt: new Date(dec1(to)), status: 'filled' as const, peerProfileId: peer!.id });
    await t.svc.db.insert(assignments).values(row('10:00', '12:00'));
    const err = await t.svc.db.insert(assignments).values(row('11:00', '13:00')).then(() => null, (e: unknown) => e);
    expect(violatedConstraint(err, '23P01')).toBe('assignments_peer_no_overlap');
    // Back to back is not an overlap, and a cancelled assignment holds no time.
    await t.svc.db.insert(assignments).values(row('12:00', '13:00'));
    await t.svc.db.insert(assignments).values({ ...row('10:30', '11:30'), status: 'cancelled' });
    expect(await heldBy(peer!.id)).toHaveLength(2);
  });
});
