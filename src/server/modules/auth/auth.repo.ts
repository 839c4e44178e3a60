import { and, eq, isNull, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { users, userRoles } from '../users/users.tables.ts';
import { tenants } from '../tenants/tenants.tables.ts';
import { sessions } from './auth.tables.ts';
import { apiTokens } from '../tokens/tokens.tables.ts';
import type { Role } from '../../../shared/permissions.ts';

export type UserWithRoles = {
  id: string;
  tenantId: string;
  personId: string;
  email: string;
  name: string;
  locale: 'sv' | 'da' | 'en';
  status: 'active' | 'deactivated';
  passwordHash: string | null;
  roles: Role[];
  tenantName: string;
};

export function findUserByEmail(db: Db, email: string): Promise<UserWithRoles | undefined> {
  return findUserWhere(db, eq(users.email, email));
}

export function findUserById(db: Db, userId: string): Promise<UserWithRoles | undefined> {
  return findUserWhere(db, eq(users.id, userId));
}

async function findUserWhere(db: Db, where: SQL): Promise<UserWithRoles | undefined> {
  const [row] = await db
    .select({ user: users, tenantName: tenants.name })
    .from(users)
    .innerJoin(tenants, eq(tenants.id, users.tenantId))
    .where(where)
    .limit(1);
  if (!row) return undefined;
  return { ...row.user, tenantName: row.tenantName, roles: await findRoles(db, row.user.id) };
}

async function findRoles(db: Db, userId: string): Promise<Role[]> {
  const rows = await db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, userId));
  return rows.map((r) => r.role).sort();
}


export async function findSessionRow(db: Db, id: string) {
  const [s] = await db.select().from(sessions).where(eq(sessions.id, id)).limit(1);
  return s;
}

export async function findActiveTokenRow(db: Db, tokenHash: string) {
  const [t] = await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)))
    .limit(1);
  return t;
}
