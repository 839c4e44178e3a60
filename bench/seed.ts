import path from 'node:path';
import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { loadConfig } from '../src/server/config.ts';
import { migrateDatabase, openDatabase, type Database } from '../src/server/db/client.ts';
import { lockDataDir } from '../src/server/db/lock.ts';
import { loadKeyring } from '../src/server/lib/keys.ts';
import { seedDemo } from '../src/server/demo/seed.ts';
import { hashPassword } from '../src/server/modules/auth/password.ts';
import { tenants } from '../src/server/modules/tenants/tenants.tables.ts';
import { persons } from '../src/server/modules/persons/persons.tables.ts';
import { users, userRoles } from '../src/server/modules/users/users.tables.ts';
import type { Role } from '../src/shared/permissions.ts';

// Fictional names only: combinations, so no generated name belongs to a real person.
const firstNames = ['Agnes', 'Bertil', 'Dagny', 'Einar', 'Freja', 'Gustav', 'Hedda', 'Ingvar', 'Jonna', 'Kasper', 'Linnea', 'Mads', 'Nanna', 'Oskar', 'Pia', 'Ronja', 'Sigge', 'Tilde', 'Ulf', 'Vera', 'Wilma', 'Yngve'];
const lastNames = ['Ahlgren', 'Bergdahl', 'Dalsgaard', 'Ekholm', 'Fjeldsted', 'Grönvall', 'Holmqvist', 'Iversen', 'Juhl', 'Kvist', 'Lindvall', 'Mørch', 'Norling', 'Ottosen', 'Palmér', 'Quist', 'Rydén', 'Skovgaard', 'Törnqvist', 'Vestergaard'];

/** A small deterministic generator, so every run loads the same data set. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

// Most accounts in a running program are peers and applicants; staff roles are fewer.
const roleWeights: [Role, number][] = [['peer', 40], ['applicant', 25], ['coordinator', 6], ['supervisor', 6], ['trainer', 5], ['booker', 5], ['unit_manager', 4], ['council_member', 4], ['finance', 2], ['evaluator', 2], ['admin', 1]];

function pickRoles(rnd: () => number): Role[] {
  const total = roleWeights.reduce((n, [, w]) => n + w, 0);
  const pickOne = (): Role => {
    let x = rnd() * total;
    for (const [role, w] of roleWeights) if ((x -= w) < 0) return role;
    return 'peer';
  };
  const picked = new Set<Role>([pickOne()]);
  if (rnd() < 0.3) picked.add(pickOne());
  return [...picked];
}

export type SeedTarget = { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string; dataDir: string };

/**
 * Loads the demo data plus `userCount` generated users (each with a person and roles) into the
 * demo tenant, with the repo's own migrations and tables, before the server opens the database.
 * Returns the demo tenant's id.
 */
export async function seedBenchData(target: SeedTarget, userCount: number): Promise<string> {
  const release = target.kind === 'pglite' ? lockDataDir(target.dataDir) : undefined;
  let database: Database | undefined;
  try {
    database = target.kind === 'pglite'
      ? await openDatabase({ kind: 'pglite', dataDir: path.join(target.dataDir, 'pglite') })
      : await openDatabase({ kind: 'postgres', url: target.url });
    await migrateDatabase(database);
    // The same key file the server will read, so its demo mode finds the data readable.
    const config = loadConfig({ DATA_DIR: target.dataDir, PEERBRIDGE_DEMO: '1', LOG_LEVEL: 'warn' });
    const keyring = loadKeyring(config, () => {});
    await seedDemo(database.db, keyring);
    const [demo] = await database.db.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, 'region-demo'));
    if (!demo) throw new Error('The demo tenant is missing after seeding');
    await insertUsers(database, demo.id, userCount);
    // Fresh statistics, so both servers get the plans they would get on a settled database.
    await database.raw.exec('analyze');
    return demo.id;
  } finally {
    await database?.close();
    release?.();
  }
}

async function insertUsers(database: Database, tenantId: string, userCount: number): Promise<void> {
  const rnd = random(2026);
  // One Argon2 hash for all: hashing 2,000 passwords would only slow the seeding down.
  const passwordHash = await hashPassword('Bench-password-2026');
  const locales = ['sv', 'sv', 'sv', 'da', 'en'] as const;
  const batch = 500;
  await database.db.transaction(async (tx) => {
    for (let start = 0; start < userCount; start += batch) {
      const people = Array.from({ length: Math.min(batch, userCount - start) }, (_, i) => {
        const n = start + i;
        const name = `${firstNames[Math.floor(rnd() * firstNames.length)]} ${lastNames[Math.floor(rnd() * lastNames.length)]}`;
        const email = `bench-${String(n).padStart(5, '0')}@region-demo.peerbridge.test`;
        // Ids made here, so the three inserts need not rely on the order of RETURNING rows.
        const ids = { person: crypto.randomUUID(), user: crypto.randomUUID() };
        return { ids, name, email, locale: locales[n % locales.length]!, deactivated: rnd() < 0.05, roles: pickRoles(rnd) };
      });
      await tx.insert(persons).values(people.map((p) => ({ id: p.ids.person, tenantId, fullName: p.name, email: p.email, preferredLocale: p.locale })));
      await tx
        .insert(users)
        .values(people.map((p) => ({
          id: p.ids.user,
          tenantId,
          personId: p.ids.person,
          email: p.email,
          name: p.name,
          locale: p.locale,
          passwordHash,
          status: p.deactivated ? ('deactivated' as const) : ('active' as const),
          deactivatedAt: p.deactivated ? new Date() : null,
        })));
      await tx.insert(userRoles).values(people.flatMap((p) => p.roles.map((role) => ({ tenantId, userId: p.ids.user, role }))));
    }
  });
}
