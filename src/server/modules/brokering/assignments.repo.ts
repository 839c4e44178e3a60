import { and, asc, eq, gt, gte, inArray, isNotNull, lt, ne, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Locale } from '../../../shared/i18n/locale.ts';
import type { AssignmentView } from '../../../shared/contracts/assignments.ts';
import type { FeeBreakdown } from '../../../shared/contracts/brokering.ts';
import { persons } from '../persons/persons.tables.ts';
import { tenants } from '../tenants/tenants.tables.ts';
import { peerProfiles } from '../training/training.tables.ts';
import { users } from '../users/users.tables.ts';
import { assignments, offers, peerSettings } from './brokering.tables.ts';
import { taxableAmount } from './fees.ts';

export type AssignmentRow = typeof assignments.$inferSelect;
export type OfferRow = typeof offers.$inferSelect;

/** Assignments a peer holds or has held: every status but cancelled. */
const held = () => and(isNotNull(assignments.peerProfileId), ne(assignments.status, 'cancelled'));

export const toAssignmentView = (a: AssignmentRow, peerName: string | null): AssignmentView => ({
  id: a.id,
  type: a.type,
  title: a.title,
  description: a.description,
  startsAt: a.startsAt.toISOString(),
  endsAt: a.endsAt.toISOString(),
  remote: a.remote,
  municipality: a.municipality,
  address: a.address,
  fee: a.fee,
  status: a.status,
  peer: a.peerProfileId ? { id: a.peerProfileId, name: peerName ?? '' } : null,
  filledAt: a.filledAt?.toISOString() ?? null,
  createdAt: a.createdAt.toISOString(),
});

export async function findTenant(db: Db, tenantId: string) {
  const [row] = await db.select({ id: tenants.id, name: tenants.name, country: tenants.country }).from(tenants).where(eq(tenants.id, tenantId));
  return row!;
}

export async function findAssignment(db: Db, tenantId: string, id: string): Promise<AssignmentRow | undefined> {
  const [row] = await db.select().from(assignments).where(and(eq(assignments.tenantId, tenantId), eq(assignments.id, id)));
  return row;
}

/** Assignments with the name of the peer holding each, soonest first; `limit + 1` rows for paging. */
export async function listAssignmentViews(db: Db, tenantId: string, filter: { id?: string; status?: AssignmentRow['status']; limit: number; offset: number }) {
  const where: SQL[] = [eq(assignments.tenantId, tenantId)];
  if (filter.id) where.push(eq(assignments.id, filter.id));
  if (filter.status) where.push(eq(assignments.status, filter.status));
  const rows = await db
    .select({ a: assignments, name: persons.fullName })
    .from(assignments)
    .leftJoin(peerProfiles, eq(peerProfiles.id, assignments.peerProfileId))
    .leftJoin(persons, eq(persons.id, peerProfiles.personId))
    .where(and(...where))
    .orderBy(asc(assignments.startsAt), asc(assignments.id))
    .limit(filter.limit + 1)
    .offset(filter.offset);
  return rows.map((r) => toAssignmentView(r.a, r.name));
}

export type PeerContact = {
  id: string;
  personId: string;
  name: string;
  email: string | null;
  locale: Locale;
  /** Active and not paused: may be offered something. */
  available: boolean;
  yearlyIncomeLimit: number | null;
};

/**
 * Peers of the tenant with how to reach them: the account's address and language when the peer has
 * one (they keep those themselves), else the person's.
 */
export async function findPeerContacts(db: Db, tenantId: string, ids: readonly string[]): Promise<PeerContact[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ p: peerProfiles, s: peerSettings, person: persons, userEmail: users.email, userLocale: users.locale })
    .from(peerProfiles)
    .innerJoin(persons, eq(persons.id, peerProfiles.personId))
    .leftJoin(peerSettings, eq(peerSettings.peerProfileId, peerProfiles.id))
    .leftJoin(users, and(eq(users.personId, persons.id), eq(users.status, 'active')))
    .where(and(eq(peerProfiles.tenantId, tenantId), inArray(peerProfiles.id, [...ids])));
  const byId = new Map<string, PeerContact>();
  for (const r of rows) {
    if (byId.has(r.p.id)) continue;
    byId.set(r.p.id, {
      id: r.p.id,
      personId: r.p.personId,
      name: r.person.fullName,
      email: r.userEmail ?? r.person.email,
      locale: r.userLocale ?? r.person.preferredLocale,
      available: r.p.status === 'active' && r.s !== null && !r.s.paused,
      yearlyIncomeLimit: r.s?.yearlyIncomeLimit ?? null,
    });
  }
  return [...byId.values()];
}

export async function findPeerProfileOf(db: Db, tenantId: string, personId: string): Promise<string | null> {
  const [row] = await db.select({ id: peerProfiles.id }).from(peerProfiles).where(and(eq(peerProfiles.tenantId, tenantId), eq(peerProfiles.personId, personId)));
  return row?.id ?? null;
}

/** Every peer of the tenant with their settings (a peer without settings has said nothing they take). */
export async function findPeersWithSettings(db: Db, tenantId: string) {
  return db
    .select({ p: peerProfiles, s: peerSettings, name: persons.fullName })
    .from(peerProfiles)
    .innerJoin(peerSettings, eq(peerSettings.peerProfileId, peerProfiles.id))
    .innerJoin(persons, eq(persons.id, peerProfiles.personId))
    .where(eq(peerProfiles.tenantId, tenantId));
}

/** The times the tenant's peers hold assignments within [from, to). */
export async function findBookedIntervals(db: Db, tenantId: string, from: Date, to: Date) {
  return db
    .select({ peerProfileId: assignments.peerProfileId, startsAt: assignments.startsAt, endsAt: assignments.endsAt })
    .from(assignments)
    .where(and(eq(assignments.tenantId, tenantId), held(), lt(assignments.startsAt, to), gt(assignments.endsAt, from)));
}

/**
 * Per peer: how many assignments starting in [from, to) they hold or held, and the taxable part of
 * their fees (tax-free mileage is not income).
 */
export async function findWorkloads(db: Db, tenantId: string, range: { from: Date; to?: Date; peerIds?: readonly string[] }) {
  const where = [eq(assignments.tenantId, tenantId), held(), gte(assignments.startsAt, range.from)];
  if (range.to) where.push(lt(assignments.startsAt, range.to));
  if (range.peerIds) where.push(inArray(assignments.peerProfileId, [...range.peerIds]));
  const rows = await db.select({ peerProfileId: assignments.peerProfileId, fee: assignments.fee }).from(assignments).where(and(...where));
  const out = new Map<string, { assignments: number; feesOre: number }>();
  for (const r of rows) {
    const w = out.get(r.peerProfileId!) ?? { assignments: 0, feesOre: 0 };
    w.assignments += 1;
    w.feesOre += r.fee ? taxableAmount(r.fee as FeeBreakdown).amount : 0;
    out.set(r.peerProfileId!, w);
  }
  return out;
}

/** An offer with its assignment, by its id (and the peer it went to) or by its token's hash. */
export async function findOfferWithAssignment(db: Db, by: { id: string; peerProfileId: string } | { tokenHash: string }) {
  const where = 'tokenHash' in by ? eq(offers.tokenHash, by.tokenHash) : and(eq(offers.id, by.id), eq(offers.peerProfileId, by.peerProfileId));
  const [row] = await db.select({ offer: offers, assignment: assignments }).from(offers).innerJoin(assignments, eq(assignments.id, offers.assignmentId)).where(where);
  return row;
}

export async function findOffersOfAssignment(db: Db, assignmentId: string, peerIds: readonly string[]) {
  return db.select().from(offers).where(and(eq(offers.assignmentId, assignmentId), inArray(offers.peerProfileId, [...peerIds])));
}

/** A peer's offers still open to answer, soonest deadline first. */
export async function findOpenOffersOf(db: Db, peerProfileId: string, now: Date) {
  return db
    .select({ offer: offers, assignment: assignments })
    .from(offers)
    .innerJoin(assignments, eq(assignments.id, offers.assignmentId))
    .where(and(eq(offers.peerProfileId, peerProfileId), eq(offers.status, 'open'), gt(offers.deadline, now)))
    .orderBy(asc(offers.deadline), asc(offers.id));
}
