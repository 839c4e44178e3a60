import { and, asc, eq, ilike, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { persons } from '../persons/persons.tables.ts';
import { peerProfiles } from '../training/training.tables.ts';
import { escapeLike } from '../users/users.repo.ts';
import { peerPaymentDetails, peerSettings } from './brokering.tables.ts';

export type PeerProfileRow = typeof peerProfiles.$inferSelect;
export type PeerSettingsRow = typeof peerSettings.$inferSelect;
export type PaymentDetailsRow = typeof peerPaymentDetails.$inferSelect;

export async function findProfileOfPerson(db: Db, tenantId: string, personId: string): Promise<PeerProfileRow | undefined> {
  const [row] = await db.select().from(peerProfiles).where(and(eq(peerProfiles.tenantId, tenantId), eq(peerProfiles.personId, personId)));
  return row;
}

export async function findProfile(db: Db, tenantId: string, id: string): Promise<PeerProfileRow | undefined> {
  const [row] = await db.select().from(peerProfiles).where(and(eq(peerProfiles.tenantId, tenantId), eq(peerProfiles.id, id)));
  return row;
}

export async function setProfileTrack(db: Db, profileId: string, track: PeerProfileRow['track']): Promise<void> {
  await db.update(peerProfiles).set({ track }).where(eq(peerProfiles.id, profileId));
}

/** The peer's settings, made with the table's defaults on first use. */
export async function ensureSettings(db: Db, profile: PeerProfileRow): Promise<PeerSettingsRow> {
  await db.insert(peerSettings).values({ peerProfileId: profile.id, tenantId: profile.tenantId }).onConflictDoNothing();
  const [row] = await db.select().from(peerSettings).where(eq(peerSettings.peerProfileId, profile.id));
  return row!;
}

export async function updateSettings(db: Db, profileId: string, values: Partial<Omit<PeerSettingsRow, 'peerProfileId' | 'tenantId'>>): Promise<void> {
  await db.update(peerSettings).set(values).where(eq(peerSettings.peerProfileId, profileId));
}

export async function findPaymentDetails(db: Db, profileId: string): Promise<PaymentDetailsRow | undefined> {
  const [row] = await db.select().from(peerPaymentDetails).where(eq(peerPaymentDetails.peerProfileId, profileId));
  return row;
}

export async function savePaymentDetails(
  db: Db,
  profile: Pick<PeerProfileRow, 'id' | 'tenantId'>,
  values: Pick<PaymentDetailsRow, 'personnummerEncrypted' | 'bankAccountEncrypted' | 'employeeNumber' | 'updatedBy' | 'updatedAt'>,
): Promise<void> {
  await db
    .insert(peerPaymentDetails)
    .values({ peerProfileId: profile.id, tenantId: profile.tenantId, ...values })
    .onConflictDoUpdate({ target: peerPaymentDetails.peerProfileId, set: values });
}

/** A peer without settings yet lists with the defaults (not paused), as the matching treats them. */
export async function listPeers(
  db: Db,
  tenantId: string,
  filter: { q?: string; paused?: boolean; limit: number; offset: number },
): Promise<{ profile: PeerProfileRow; name: string; settings: PeerSettingsRow | null }[]> {
  const where: SQL[] = [eq(peerProfiles.tenantId, tenantId)];
  if (filter.q) where.push(ilike(persons.fullName, `%${escapeLike(filter.q)}%`));
  if (filter.paused !== undefined) where.push(sql`coalesce(${peerSettings.paused}, false) = ${filter.paused}`);
  const rows = await db
    .select({ profile: peerProfiles, name: persons.fullName, settings: peerSettings })
    .from(peerProfiles)
    .innerJoin(persons, eq(persons.id, peerProfiles.personId))
    .leftJoin(peerSettings, eq(peerSettings.peerProfileId, peerProfiles.id))
    .where(and(...where))
    .orderBy(asc(persons.fullName), asc(peerProfiles.id))
    .limit(filter.limit + 1)
    .offset(filter.offset);
  return rows;
}
