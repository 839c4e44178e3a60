/**
 * The bare baseline: plain Fastify and the database driver, no auth framework, no ORM, no zod,
 * no hooks. It runs the SQL the app needs for the same two answers, so the ratio app/bare shows
 * what the app's own layers cost. Started by bench/run.ts with PORT, HOST, BARE_TENANT_ID and
 * either BARE_DATABASE_URL (PostgreSQL) or BARE_DATA_DIR (PGlite, after the app has stopped).
 */
import crypto from 'node:crypto';
import path from 'node:path';
import Fastify from 'fastify';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { lockDataDir } from '../src/server/db/lock.ts';
import { permissionsOf, type Role } from '../src/shared/permissions.ts';

type Query = <T>(sql: string, params: unknown[]) => Promise<T[]>;

const env = process.env;
const tenantId = env.BARE_TENANT_ID!;

let query: Query;
let close: () => Promise<void>;
let release: (() => void) | undefined;
if (env.BARE_DATABASE_URL) {
  // The same pool size as the app's.
  const pool = new pg.Pool({ connectionString: env.BARE_DATABASE_URL, max: 10 });
  query = async <T,>(sql: string, params: unknown[]) => (await pool.query(sql, params)).rows as T[];
  close = () => pool.end();
} else {
  release = lockDataDir(env.BARE_DATA_DIR!);
  const client = await PGlite.create({ dataDir: path.join(env.BARE_DATA_DIR!, 'pglite') });
  query = async <T,>(sql: string, params: unknown[]) => (await client.query<T>(sql, params)).rows;
  close = () => client.close();
}

// The user, tenant and roles of a live session, in one round trip.
const meSql = `select u.id, u.email, u.name, u.locale, u.person_id, u.tenant_id, t.name as tenant_name,
    coalesce(array_agg(r.role order by r.role) filter (where r.role is not null), '{}') as roles
  from sessions s
  join users u on u.id = s.user_id and u.status = 'active'
  join tenants t on t.id = u.tenant_id
  left join user_roles r on r.user_id = u.id
  where s.id = $1 and s.expires_at > now()
  group by u.id, t.name`;

// Exactly what Drizzle sends for the app's page 1 (users.repo.ts listUsers, then withRoles).
const listSql = `select "id", "tenant_id", "person_id", "email", "name", "password_hash", "locale", "status", "oidc_subject", "security_version", "created_at", "deactivated_at" from "users" where "users"."tenant_id" = $1 order by "users"."name" asc, "users"."id" asc limit $2`;
const rolesSql = (n: number) => `select "user_id", "role" from "user_roles" where "user_roles"."user_id" in (${Array.from({ length: n }, (_, i) => `$${i + 1}`).join(', ')})`;

type MeRow = { id: string; email: string; name: string; locale: string; person_id: string; tenant_id: string; tenant_name: string; roles: Role[] };
type UserRow = { id: string; email: string; name: string; locale: string; status: string; person_id: string; created_at: Date };

const app = Fastify({ logger: false });

app.get('/health', async () => ({ status: 'ok' }));

app.get('/api/auth/me', async (request, reply) => {
  const token = /(?:^|;\s*)pb_session=([^;]+)/.exec(request.headers.cookie ?? '')?.[1];
  if (!token) return reply.code(401).send({ error: { code: 'UNAUTHENTICATED' } });
  const id = crypto.createHash('sha256').update(decodeURIComponent(token)).digest('hex');
  const [u] = await query<MeRow>(meSql, [id]);
  if (!u) return reply.code(401).send({ error: { code: 'UNAUTHENTICATED' } });
  return {
    user: {
      id: u.id,
      email: u.email,
      name: u.name,
      locale: u.locale,
      roles: u.roles,
      permissions: [...permissionsOf(u.roles)],
      personId: u.person_id,
      tenant: { id: u.tenant_id, name: u.tenant_name },
    },
  };
});

app.get('/api/users', async (request) => {
  const limit = Math.min(200, Math.max(1, Number((request.query as { limit?: string }).limit) || 50));
  const rows = await query<UserRow>(listSql, [tenantId, limit + 1]);
  const roleRows = rows.length ? await query<{ user_id: string; role: Role }>(rolesSql(rows.length), rows.map((r) => r.id)) : [];
  const byUser = new Map<string, Role[]>();
  for (const r of roleRows) byUser.set(r.user_id, [...(byUser.get(r.user_id) ?? []), r.role]);
  const items = rows.slice(0, limit).map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    roles: (byUser.get(u.id) ?? []).sort(),
    status: u.status,
    locale: u.locale,
    personId: u.person_id,
    createdAt: u.created_at.toISOString(),
  }));
  return { items, nextCursor: rows.length > limit ? Buffer.from(`o:${limit}`).toString('base64url') : null };
});

await app.listen({ port: Number(env.PORT), host: env.HOST ?? '127.0.0.1' });

const shutdown = async () => {
  await app.close();
  await close();
  release?.();
  process.exit(0);
};
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());
