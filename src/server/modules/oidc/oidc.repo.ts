import { and, eq, isNull, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { tenants } from '../tenants/tenants.tables.ts';
import { users } from '../users/users.tables.ts';
import { oidcLogins, oidcProviders } from './oidc.tables.ts';
import type { OidcProviderRow } from './oidc.client.ts';

export async function findProvider(db: Db, tenantId: string): Promise<OidcProviderRow | undefined> {
  const [row] = await db.select().from(oidcProviders).where(eq(oidcProviders.tenantId, tenantId)).limit(1);
  return row;
}

/** The provider users of a tenant sign in with, found by the tenant's slug; disabled ones count as none. */
export async function findEnabledProviderBySlug(db: Db, slug: string): Promise<OidcProviderRow | undefined> {
  const [row] = await db
    .select({ provider: oidcProviders })
    .from(oidcProviders)
    .innerJoin(tenants, eq(tenants.id, oidcProviders.tenantId))
    .where(and(eq(tenants.slug, slug), eq(oidcProviders.enabled, true)))
    .limit(1);
  return row?.provider;
}

export async function upsertProvider(db: Db, values: typeof oidcProviders.$inferInsert): Promise<OidcProviderRow> {
  const { tenantId: _tenantId, ...changes } = values;
  const [row] = await db
    .insert(oidcProviders)
    .values(values)
    .onConflictDoUpdate({ target: oidcProviders.tenantId, set: changes })
    .returning();
  return row!;
}

export async function deleteProvider(db: Db, tenantId: string): Promise<boolean> {
  const gone = await db.delete(oidcProviders).where(eq(oidcProviders.tenantId, tenantId)).returning({ tenantId: oidcProviders.tenantId });
  // Sign-ins under way with the removed provider cannot finish.
  await db.delete(oidcLogins).where(eq(oidcLogins.tenantId, tenantId));
  return gone.length > 0;
}

export async function insertLogin(db: Db, values: typeof oidcLogins.$inferInsert, now: Date): Promise<void> {
  await db.delete(oidcLogins).where(lt(oidcLogins.expiresAt, now));
  await db.insert(oidcLogins).values(values);
}

/** Takes a sign-in under way out of the table, so its state can be used once only. */
export async function takeLogin(db: Db, state: string) {
  const [row] = await db.delete(oidcLogins).where(eq(oidcLogins.state, state)).returning();
  return row;
}

export async function findOidcSubject(db: Db, userId: string): Promise<string | null> {
  const [row] = await db.select({ subject: users.oidcSubject }).from(users).where(eq(users.id, userId)).limit(1);
  return row?.subject ?? null;
}

/** Subjects are unique per issuer only: when a tenant moves to another provider, every binding starts over. */
export async function unbindOidcSubjects(db: Db, tenantId: string): Promise<void> {
  await db.update(users).set({ oidcSubject: null }).where(eq(users.tenantId, tenantId));
}

/** Binds a user to the provider's subject at first use; false when another subject won the race. */
export async function bindOidcSubject(db: Db, userId: string, subject: string): Promise<boolean> {
  const bound = await db
    .update(users)
    .set({ oidcSubject: subject })
    .where(and(eq(users.id, userId), isNull(users.oidcSubject)))
    .returning({ id: users.id });
  return bound.length > 0;
}
