import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { asBrowser, createTestApp, type TestApp } from '../../../../tests/helpers/test-app.ts';
import { sha256Hex } from '../../lib/crypto.ts';
import { auditEvents } from '../audit/audit.tables.ts';
import { mailsTo } from '../recruitment/interviews.test-support.ts';
import { assignments, offers } from './brokering.tables.ts';
import { addAssignment, answerByToken, dec1, demoPeer, demoTenantId, makePeers, offer, offerTokens, type TestPeer } from './brokering.test-support.ts';

let t: TestApp;
let coordinator: string;
let peerCookie: string;
let tenantId: string;
let pelle: TestPeer;
const place = { municipalities: ['Erbjudandeby'] };
beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.signIn('coordinator');
  peerCookie = await t.signIn('peer');
  tenantId = await demoTenantId(t);
  // 10 000 kr a year: far above one assignment's fee.
  pelle = await demoPeer(t, tenantId, { ...place, yearlyIncomeLimit: 1_000_000 });
});
afterAll(() => t.close());

const assignmentAt = (from: string, to: string) => addAssignment(t, coordinator, { municipality: 'Erbjudandeby', startsAt: dec1(from), endsAt: dec1(to) });
const statusOf = async (offerId: string) => (await t.svc.db.select({ status: offers.status }).from(offers).where(eq(offers.id, offerId)))[0]!.status;
const auditsOf = (action: string, recordId: string) => t.svc.db.select().from(auditEvents).where(and(eq(auditEvents.action, action), eq(auditEvents.recordId, recordId)));
/** The calendar file with folded lines joined again (RFC 5545 folds at 75 octets). */
const unfold = (ics: string) => ics.replace(/\r?\n[ \t]/g, '');

describe('offering an assignment', () => {
  it('offers to several peers at once, each e-mailed in their language with links to answer, with their income check', async () => {
    const [dane] = await makePeers(t, tenantId, 1, { locale: 'da', settings: place });
    // 500 kr a year: one short assignment (532,80 kr) passes it.
    const [swede] = await makePeers(t, tenantId, 1, { settings: { ...place, yearlyIncomeLimit: 50_000 } });
    const id = await assignmentAt('08:00', '10:00');
    const res = await offer(t, coordinator, id, [dane!.id, swede!.id], dec1('07:00'));
    expect(res.statusCode).toBe(201);
    const items = res.json().items;
    expect(items.find((o: { peerProfileId: string }) => o.peerProfileId === dane!.id)).toMatchObject({ name: dane!.name, status: 'open', deadline: '2026-12-01T06:00:00.000Z', incomeCheck: null });
    expect(items.find((o: { peerProfileId: string }) => o.peerProfileId === swede!.id).incomeCheck).toEqual({
      wouldExceed: true, totalAfter: { amount: 53_280, currency: 'SEK' }, margin: { amount: -3_280, currency: 'SEK' },
    });

    const tokens = await offerTokens(t, id);
    const [sv] = await mailsTo(t, swede!.email);
    expect(sv!.subject).toBe('Erbjudande om uppdrag: Berätta om återhämtning för nya medarbetare');
    expect(sv!.text).toContain(`http://localhost:3000/offers/answer#${tokens.get(swede!.id)}`);
    expect(sv!.text).toContain('http://localhost:3000/offers\n');
    expect(sv!.text).toContain('Träffa Anna Andersson i receptionen.');
    expect(sv!.text).toMatch(/Arvode: 532,80\s*kr/);
    expect(sv!.text).toContain('tisdag 1 december 2026');
    const [da] = await mailsTo(t, dane!.email);
    expect(da!.subject).toBe('Tilbud om opgave: Berätta om återhämtning för nya medarbetare');
    expect(da!.text).toContain('Det er helt i orden at sige nej.');
    // Only the hash finds an offer by its token; the token itself is kept encrypted.
    const [row] = await t.svc.db.select().from(offers).where(eq(offers.peerProfileId, swede!.id));
    expect(row!.tokenHash).toBe(sha256Hex(tokens.get(swede!.id)!));
    expect(row!.tokenEncrypted).not.toContain(tokens.get(swede!.id)!);
    expect(await auditsOf('offer.create', row!.id)).toHaveLength(1);
  });

  it('never offers a paused peer, a peer one offer per assignment, and the deadline before the assignment', async () => {
    const [paused] = await makePeers(t, tenantId, 1, { settings: { ...place, paused: true } });
    const [peer] = await makePeers(t, tenantId, 1, { settings: place });
    const id = await assignmentAt('10:00', '11:00');
    const refused = await offer(t, coordinator, id, [peer!.id, paused!.id]);
    expect(refused.statusCode).toBe(400);
    expect(Object.keys(refused.json().error.fields)).toEqual(['peerProfileIds']);
    expect(await mailsTo(t, peer!.email)).toEqual([]);
    expect((await offer(t, coordinator, id, [peer!.id], dec1('10:30'))).json().error.fields).toEqual({ deadline: 'Värdet är inte giltigt.' });
    expect((await offer(t, coordinator, id, [peer!.id])).statusCode).toBe(201);
    expect((await offer(t, coordinator, id, [peer!.id])).statusCode).toBe(409);
    expect(await mailsTo(t, peer!.email)).toHaveLength(1);
  });
});

describe('answering an offer', () => {
  it('shows the peer their open offers with the description, fee and income check, and lets them decline', async () => {
    const id = await assignmentAt('12:00', '13:00');
    const made = (await offer(t, coordinator, id, [pelle.id])).json().items[0];
    const mine = await t.app.inject({ url: '/api/offers/mine', headers: { cookie: peerCookie } });
    expect(mine.statusCode).toBe(200);
    const shown = mine.json().items.find((o: { id: string }) => o.id === made.id);
    expect(shown).toMatchObject({ status: 'open', deadline: '2026-12-01T07:00:00.000Z', assignment: { id, description: expect.stringContaining('Anna Andersson'), fee: { total: { amount: 53_280, currency: 'SEK' } } } });
    expect(shown.incomeCheck).toEqual({ wouldExceed: false, totalAfter: { amount: 53_280, currency: 'SEK' }, margin: { amount: 946_720, currency: 'SEK' } });

    const declined = await t.app.inject({ method: 'POST', url: `/api/offers/${made.id}/decline`, headers: asBrowser(peerCookie) });
    expect(declined.statusCode).toBe(200);
    expect(declined.json().status).toBe('declined');
    expect((await t.app.inject({ url: '/api/offers/mine', headers: { cookie: peerCookie } })).json().items.map((o: { id: string }) => o.id)).not.toContain(made.id);
    expect((await t.app.inject({ method: 'POST', url: `/api/offers/${made.id}/accept`, headers: asBrowser(peerCookie) })).statusCode).toBe(409);
    expect(await auditsOf('offer.decline', made.id)).toHaveLength(1);
  });

  it('answers another peer\'s offer as not found, and a bad token as not found', async () => {
    const [other] = await makePeers(t, tenantId, 1, { settings: place });
    const id = await assignmentAt('14:00', '15:00');
    const made = (await offer(t, coordinator, id, [other!.id])).json().items[0];
    expect((await t.app.inject({ method: 'POST', url: `/api/offers/${made.id}/accept`, headers: asBrowser(peerCookie) })).statusCode).toBe(404);
    expect((await answerByToken(t, 'accept', 'x'.repeat(43))).statusCode).toBe(404);
    expect(await statusOf(made.id)).toBe('open');
  });

  it('gives the assignment to the first accept, tells the others it is taken, and confirms with a calendar file', async () => {
    const [slow] = await makePeers(t, tenantId, 1, { settings: place });
    const id = await assignmentAt('16:00', '18:00');
    const made = (await offer(t, coordinator, id, [pelle.id, slow!.id])).json().items;
    const pelleOffer = made.find((o: { peerProfileId: string }) => o.peerProfileId === pelle.id);

    const accepted = await t.app.inject({ method: 'POST', url: `/api/offers/${pelleOffer.id}/accept`, headers: asBrowser(peerCookie) });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', assignment: { id } });
    const [a] = await t.svc.db.select().from(assignments).where(eq(assignments.id, id));
    expect(a).toMatchObject({ status: 'filled', peerProfileId: pelle.id });
    expect((await t.app.inject({ url: `/api/assignments/${id}`, headers: { cookie: coordinator } })).json().peer).toEqual({ id: pelle.id, name: 'Pelle Peer' });

    const late = await answerByToken(t, 'accept', (await offerTokens(t, id, [slow!.id])).get(slow!.id)!);
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toMatchObject({ code: 'OFFER_TAKEN', message: 'Någon annan hann tacka ja först. Uppdraget är tillsatt.' });
    const slowOffer = made.find((o: { peerProfileId: string }) => o.peerProfileId === slow!.id);
    expect(await statusOf(slowOffer.id)).toBe('taken');
    expect((await mailsTo(t, slow!.email)).map((m) => m.subject)).toEqual([
      'Erbjudande om uppdrag: Berätta om återhämtning för nya medarbetare',
      'Uppdraget är tillsatt: Berätta om återhämtning för nya medarbetare',
    ]);

    const confirmation = (await mailsTo(t, pelle.email)).find((m) => m.subject.startsWith('Bekräftelse'))!;
    expect(confirmation.text).toContain('Plats: Sjukhusgatan 1, Erbjudandeby');
    const ics = unfold(confirmation.attachments[0]!.content);
    expect(ics).toContain('DTSTART:20261201T150000Z');
    expect(ics).toContain('DTEND:20261201T170000Z');
    expect(ics).toContain(`UID:assignment-${id}@peerbridge`);
    expect(ics).toContain('METHOD:REQUEST');
    expect(await auditsOf('offer.accept', pelleOffer.id)).toHaveLength(1);
    // The same answer again (a second tap) answers the same and changes nothing.
    expect((await t.app.inject({ method: 'POST', url: `/api/offers/${pelleOffer.id}/accept`, headers: asBrowser(peerCookie) })).statusCode).toBe(200);
    expect(await auditsOf('offer.accept', pelleOffer.id)).toHaveLength(1);
  });

  it('refuses an accept after the deadline with 409 and leaves the assignment open', async () => {
    const [peer] = await makePeers(t, tenantId, 1, { settings: place });
    const id = await assignmentAt('19:00', '20:00');
    await offer(t, coordinator, id, [peer!.id], dec1('08:00'));
    const token = (await offerTokens(t, id)).get(peer!.id)!;
    const start = t.clock.current;
    t.clock.current = new Date(dec1('08:01'));
    try {
      const res = await answerByToken(t, 'accept', token);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('OFFER_CLOSED');
      const [a] = await t.svc.db.select().from(assignments).where(eq(assignments.id, id));
      expect(a).toMatchObject({ status: 'open', peerProfileId: null });
    } finally {
      t.clock.current = start;
    }
  });
});
