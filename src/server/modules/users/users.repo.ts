import { and, asc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { users, userRoles } from './users.tables.ts';
import type { Role } from '../../../shared/permissions.ts';
import type { UserView } from '../../../shared/contracts/users.ts';

type UserRow = typeof users.$inferSelect;

// Built once per database handle: building the SQL on every call cost more than running it on the
// users list (bench/breakdown.ts), and named statements skip parse and plan on a PostgreSQL server.
const statements = new WeakMap<Db, ReturnType<typeof prepareStatements>>();

function prepareStatements(db: Db) {
  return {
    page: db
      .select()
      .from(users)
      .where(eq(users.tenantId, sql.placeholder('tenantId')))
      .orderBy(asc(users.name), asc(users.id))
      .limit(sql.placeholder('limit'))
      .offset(sql.placeholder('offset'))
      .prepare('users_list_page'),
    roles: db
      .select({ userId: userRoles.userId, role: userRoles.role })
      .from(userRoles)
      .where(sql`${userRoles.userId} = any(${sql.placeholder('userIds')}::uuid[])`)
      .prepare('users_roles_of'),
  };
}

function statementsFor(db: Db) {
  let s = statements.get(db);
  if (!s) statements.set(db, (s = prepareStatements(db)));
  return s;
}

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
  const roleRows = await statementsFor(db).roles.execute({ userIds: rows.map((r) => r.id) });
  const byUser = new Map<string, Role[]>();
  for (const r of roleRows) byUser.set(r.userId, [...(byUser.get(r.userId) ?? []), r.role]);
  return rows.map((u) => toView(u, (byUser.get(u.id) ?? []).sort()));
}

export async function listUsers(
  db: Db,
  tenantId: string,
  filter: { q?: string; role?: Role; status?: 'active' | 'deactivated'; limit: number; offset: number },
): Promise<UserView[]> {
  if (!filter.q && !filter.role && !filter.status) {
    // The unfiltered list is what the users page opens with.
    const rows = await statementsFor(db).page.execute({ tenantId, limit: filter.limit + 1, offset: filter.offset });
    return withRoles(db, rows);
  }
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
