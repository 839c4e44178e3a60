import { and, asc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { users, userRoles } from './users.tables.ts';
import type { Role } from '../../../shared/permissions.ts';
import type { UserView } from '../../../shared/contracts/users.ts';

type UserRow = typeof users.$inferSelect;

function toView(u: UserRow, roleList: Role[]): UserView {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    roles: roleList,
    status: u.status,
    locale: u.locale,
    personId: u.personId,
    createdAt: u.createdAt.toISOString(),
  };
}

async function withRoles(db: Db, rows: UserRow[]): Promise<UserView[]> {
  if (rows.length === 0) return [];
  const roleRows = await db
    .select({ userId: userRoles.userId, role: userRoles.role })
    .from(userRoles)
    .where(inArray(userRoles.userId, rows.map((r) => r.id)));
  const byUser = new Map<string, Role[]>();
  for (const r of roleRows) byUser.set(r.userId, [...(byUser.get(r.userId) ?? []), r.role]);
  return rows.map((u) => toView(u, (byUser.get(u.id) ?? []).sort()));
}

export async function listUsers(
  db: Db,
  tenantId: string,
  filter: { q?: string; role?: Role; status?: 'active' | 'deactivated'; limit: number; offset: number },
): Promise<UserView[]> {
  const where: SQL[] = [eq(users.tenantId, tenantId)];
  if (filter.status) where.push(eq(users.status, filter.status));
  if (filter.q) where.push(or(ilike(users.name, `%${escapeLike(filter.q)}%`), ilike(users.email, `%${escapeLike(filter.q)}%`))!);
  if (filter.role) {
    where.push(sql`exists (select 1 from ${userRoles} where ${userRoles.userId} = ${users.id} and ${userRoles.role} = ${filter.role})`);
  }
  const rows = await db
    .select()
    .from(users)
    .where(and(...where))
    .orderBy(asc(users.name), asc(users.id))
    .limit(filter.limit + 1)
    .offset(filter.offset);
  return withRoles(db, rows);
}

export async function findUserInTenant(db: Db, tenantId: string, id: string): Promise<UserView | undefined> {
  const rows = await db.select().from(users).where(and(eq(users.tenantId, tenantId), eq(users.id, id)));
  return (await withRoles(db, rows))[0];
}

export async function replaceRoles(db: Db, tenantId: string, userId: string, roleList: Role[], grantedBy: string): Promise<void> {
  await db.delete(userRoles).where(eq(userRoles.userId, userId));
  await db.insert(userRoles).values(roleList.map((role) => ({ tenantId, userId, role, grantedBy })));
}

export async function countActiveAdmins(db: Db, tenantId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(eq(users.tenantId, tenantId), eq(users.status, 'active'), eq(userRoles.role, 'admin')));
  return row?.n ?? 0;
}

export function escapeLike(q: string): string {
  return q.replace(/[\\%_]/g, (c) => `\\${c}`);
}
