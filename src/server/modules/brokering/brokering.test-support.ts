import crypto from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { asBrowser, type TestApp } from '../../../../tests/helpers/test-app.ts';
import { demoEmail } from '../../demo/seed.ts';
import type { Locale } from '../../../shared/i18n/locale.ts';
import { persons } from '../persons/persons.tables.ts';
import { peerProfiles } from '../training/training.tables.ts';
import { users } from '../users/users.tables.ts';
import { offers, peerSettings } from './brokering.tables.ts';

/**
 * A small factory for the brokering tests: peers (person, profile and settings) written straight to
 * the database in bulk, in the demo tenant; assignments and offers through the API.
 */

export type TestPeer = { id: string; personId: string; name: string; email: string };
type Settings = Partial<Omit<typeof peerSettings.$inferInsert, 'peerProfileId' | 'tenantId'>>;

/** Free every day 08:00–20:00, takes every type, in Jönköping or remotely, speaks Swedish. */
export const defaultSettings = {
  assignmentTypes: ['share_story', 'co_development', 'improvement_work', 'event', 'course_leader'],
  languages: ['sv'],
  municipalities: ['Jönköping'],
  worksRemotely: true,
  weeklyAvailability: Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [{ from: '08:00', to: '20:00' }]])),
  maxPerMonth: 4,
} satisfies Settings;

export async function demoTenantId(t: TestApp): Promise<string> {
  const [row] = await t.svc.db.select({ tenantId: users.tenantId }).from(users).where(eq(users.email, demoEmail('coordinator')));
  return row!.tenantId;
}

/** `count` peers with the same settings (and a locale), in three inserts whatever the count. */
export async function makePeers(t: TestApp, tenantId: string, count: number, opts: { settings?: Settings; locale?: Locale; track?: 'own_experience' | 'relative' | 'both' } = {}): Promise<TestPeer[]> {
  const batch = crypto.randomBytes(3).toString('hex');
  const people = Array.from({ length: count }, (_, i) => ({ tenantId, fullName: `Peer ${batch}-${i}`, email: `peer-${batch}-${i}@example.org`, preferredLocale: opts.locale ?? 'sv' }));
  const personRows = await t.svc.db.insert(persons).values(people).returning({ id: persons.id, name: persons.fullName, email: persons.email });
  const profiles = await t.svc.db
    .insert(peerProfiles)
    .values(personRows.map((p) => ({ tenantId, personId: p.id, track: opts.track ?? 'own_experience', status: 'active' as const })))
    .returning({ id: peerProfiles.id, personId: peerProfiles.personId });
  await t.svc.db.insert(peerSettings).values(profiles.map((p) => ({ peerProfileId: p.id, tenantId, ...defaultSettings, ...opts.settings })));
  const byPerson = new Map(personRows.map((p) => [p.id, p]));
  return profiles.map((p) => ({ id: p.id, personId: p.personId, name: byPerson.get(p.personId)!.name, email: byPerson.get(p.personId)!.email! }));
}

/** The demo peer (Pelle Peer, who signs in) as a peer with settings, made once per test database. */
export async function demoPeer(t: TestApp, tenantId: string, settings: Settings = {}): Promise<TestPeer> {
  const [user] = await t.svc.db.select().from(users).where(eq(users.email, demoEmail('peer')));
  await t.svc.db.insert(peerProfiles).values({ tenantId, personId: user!.personId, track: 'both', status: 'active' }).onConflictDoNothing();
  const [profile] = await t.svc.db.select().from(peerProfiles).where(eq(peerProfiles.personId, user!.personId));
  await t.svc.db
    .insert(peerSettings)
    .values({ peerProfileId: profile!.id, tenantId, ...defaultSettings, ...settings })
    .onConflictDoUpdate({ target: peerSettings.peerProfileId, set: { ...defaultSettings, ...settings } });
  return { id: profile!.id, personId: user!.personId, name: user!.name, email: user!.email };
}

/** A Swedish local time on 1 December 2026 (UTC+1), e.g. `dec1('10:00')`. */
export const dec1 = (hhmm: string) => `2026-12-01T${hhmm}:00+01:00`;

/** Creates an open assignment through the API and answers its id. */
export async function addAssignment(t: TestApp, cookie: string, body: Record<string, unknown> = {}): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/assignments',
    headers: asBrowser(cookie),
    payload: {
      type: 'share_story',
      title: 'Berätta om återhämtning för nya medarbetare',
      description: 'Introduktionsdag för nya medarbetare på psykiatriska kliniken. Träffa Anna Andersson i receptionen.',
      startsAt: dec1('10:00'),
      endsAt: dec1('12:00'),
      municipality: 'Jönköping',
      address: 'Sjukhusgatan 1',
      ...body,
    },
  });
  if (res.statusCode !== 201) throw new Error(`assignment: ${res.statusCode} ${res.body}`);
  return res.json().id;
}

export const offer = (t: TestApp, cookie: string, assignmentId: string, peerProfileIds: string[], deadline = dec1('08:00')) =>
  t.app.inject({ method: 'POST', url: `/api/assignments/${assignmentId}/offers`, headers: asBrowser(cookie), payload: { peerProfileIds, deadline } });

/** Each peer's answer token of an assignment's offers, as the offer e-mail carries it. */
export async function offerTokens(t: TestApp, assignmentId: string, peerIds?: string[]): Promise<Map<string, string>> {
  const rows = await t.svc.db
    .select({ peerProfileId: offers.peerProfileId, tokenEncrypted: offers.tokenEncrypted })
    .from(offers)
    .where(and(eq(offers.assignmentId, assignmentId), peerIds ? inArray(offers.peerProfileId, peerIds) : undefined));
  return new Map(rows.map((r) => [r.peerProfileId, t.svc.keyring.decrypt(r.tokenEncrypted)]));
}

export const answerByToken = (t: TestApp, answer: 'accept' | 'decline', token: string) =>
  t.app.inject({ method: 'POST', url: `/api/public/offers/${answer}`, payload: { token } });
