import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Keyring } from '../../lib/crypto.ts';
import { persons, personStages } from './persons.tables.ts';
import { users, userRoles } from '../users/users.tables.ts';
import { sessions, unlockTokens } from '../auth/auth.tables.ts';
import { apiTokens } from '../tokens/tokens.tables.ts';
import { emails } from '../mail/mail.tables.ts';
import { applicationsPart } from '../recruitment/recruitment.person-data.ts';
import { trainingPart } from '../training/training.person-data.ts';

/**
 * One part of what Peerbridge holds about a person. Every domain that hangs records on a person
 * adds its part to `personDataParts`, so that "export all my data" and "erase me" stay complete
 * in one place. Erasure runs in reverse order (children before the person row).
 */
export type PersonDataPart = {
  name: string;
  exportFor(db: Db, personId: string, keyring: Keyring): Promise<unknown>;
  eraseFor(db: Db, personId: string): Promise<number>;
};

const accountPart: PersonDataPart = {
  name: 'accounts',
  async exportFor(db, personId) {
    const rows = await db.select().from(users).where(eq(users.personId, personId));
    const roleRows = rows.length ? await db.select().from(userRoles).where(inArray(userRoles.userId, rows.map((u) => u.id))) : [];
    return rows.map((u) => ({
      email: u.email,
      name: u.name,
      locale: u.locale,
      status: u.status,
      createdAt: u.createdAt,
      roles: roleRows.filter((r) => r.userId === u.id).map((r) => ({ role: r.role, grantedAt: r.grantedAt })),
    }));
  },
  async eraseFor(db, personId) {
    const rows = await db.select({ id: users.id, email: users.email }).from(users).where(eq(users.personId, personId));
    if (rows.length === 0) return 0;
    const ids = rows.map((u) => u.id);
    await db.delete(sessions).where(inArray(sessions.userId, ids));
    await db.delete(apiTokens).where(inArray(apiTokens.userId, ids));
    await db.delete(unlockTokens).where(inArray(unlockTokens.userId, ids));
    await db.delete(userRoles).where(inArray(userRoles.userId, ids));
    await db.delete(emails).where(inArray(emails.toAddress, rows.map((u) => u.email)));
    await db.delete(users).where(inArray(users.id, ids));
    return rows.length;
  },
};

const personPart: PersonDataPart = {
  name: 'person',
  async exportFor(db, personId, keyring) {
    const [p] = await db.select().from(persons).where(eq(persons.id, personId));
    const stages = await db.select().from(personStages).where(eq(personStages.personId, personId));
    if (!p) return null;
    return {
      fullName: p.fullName,
      email: p.email,
      phone: p.phone,
      preferredLocale: p.preferredLocale,
      notes: p.notesEncrypted ? keyring.decrypt(p.notesEncrypted) : null,
      createdAt: p.createdAt,
      stages: stages.map((s) => ({ kind: s.kind, startedOn: s.startedOn, endedOn: s.endedOn })),
    };
  },
  async eraseFor(db, personId) {
    await db.delete(personStages).where(eq(personStages.personId, personId));
    const gone = await db.delete(persons).where(eq(persons.id, personId)).returning({ id: persons.id });
    return gone.length;
  },
};

// The person row comes first in exports and last in erasure.
export const personDataParts: PersonDataPart[] = [personPart, accountPart, applicationsPart, trainingPart];
