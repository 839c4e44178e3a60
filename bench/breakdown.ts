/**
 * `npx tsx bench/breakdown.ts [--database-url postgres://postgres@127.0.0.1:5432/test]`
 *
 * Where a signed-in `GET /api/users?limit=50` spends its time, layer by layer, in one process:
 * the raw SQL, the same through the repo (Drizzle), the zod response encoding, and the whole
 * request through the real app (app.inject, no network). Variants run interleaved in batches and
 * the best batch counts, so other work on the machine disturbs the comparison little. Rows marked
 * "candidate" are changes the app could make, measured on the same data.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import Fastify from 'fastify';
import { asc, eq, sql } from 'drizzle-orm';
import { safeEncode } from 'zod/v4/core';
import { seedBenchData } from './seed.ts';
import { openDatabase, type Database } from '../src/server/db/client.ts';
import { loadConfig } from '../src/server/config.ts';
import { loadKeyring } from '../src/server/lib/keys.ts';
import { createServices } from '../src/server/services.ts';
import { buildApp } from '../src/server/app.ts';
import { listUsers } from '../src/server/modules/users/users.repo.ts';
import { users, userRoles } from '../src/server/modules/users/users.tables.ts';
import { listOf, pageOf } from '../src/server/lib/lists.ts';
import { userView } from '../src/shared/contracts/users.ts';

const { values: args } = parseArgs({ options: { 'database-url': { type: 'string' }, users: { type: 'string', default: '2000' } } });
const adminUrl = args['database-url'] ?? process.env.BENCH_DATABASE_URL;
const DB_NAME = 'peerbridge_bench_breakdown';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'peerbridge-breakdown-'));

async function admin(q: string): Promise<void> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  await c.query(q).finally(() => c.end());
}
const dbUrl = () => Object.assign(new URL(adminUrl!), { pathname: `/${DB_NAME}` }).toString();

// Exactly what Drizzle sends for page 1 (see bench/bare-server.ts).
const listSql = `select "id", "tenant_id", "person_id", "email", "name", "password_hash", "locale", "status", "oidc_subject", "security_version", "created_at", "deactivated_at" from "users" where "users"."tenant_id" = $1 order by "users"."name" asc, "users"."id" asc limit $2`;
const rolesSql = (n: number) => `select "user_id", "role" from "user_roles" where "user_roles"."user_id" in (${Array.from({ length: n }, (_, i) => `$${i + 1}`).join(', ')})`;
const oneQuerySql = `select u.id, u.email, u.name, u.status, u.locale, u.person_id, u.created_at,
    coalesce((select array_agg(r.role order by r.role) from user_roles r where r.user_id = u.id), '{}') as roles
  from users u where u.tenant_id = $1 order by u.name, u.id limit $2`;

type Variant = { name: string; run: () => Promise<unknown> };

/** Interleaved batches; the best batch of each variant, after two rounds to warm up. */
async function compare(variants: Variant[], rounds = 14, batch = 40): Promise<Map<string, number>> {
  const best = new Map<string, number>();
  for (let round = 0; round < rounds; round++) {
    for (const v of variants) {
      const t = performance.now();
      for (let i = 0; i < batch; i++) await v.run();
      const us = ((performance.now() - t) / batch) * 1000;
      if (round >= 2) best.set(v.name, Math.min(best.get(v.name) ?? Infinity, us));
    }
  }
  return best;
}

async function main(): Promise<void> {
  if (adminUrl) {
    await admin(`drop database if exists ${DB_NAME} with (force)`);
    await admin(`create database ${DB_NAME}`);
  }
  const tenantId = await seedBenchData(adminUrl ? { kind: 'postgres', url: dbUrl(), dataDir } : { kind: 'pglite', dataDir }, Number(args.users));
  const database: Database = adminUrl
    ? await openDatabase({ kind: 'postgres', url: dbUrl() })
    : await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'pglite') });
  const config = loadConfig({ DATA_DIR: dataDir, PEERBRIDGE_DEMO: '1', LOG_LEVEL: 'warn', JOBS: '0', RATE_LIMIT_PER_MINUTE: '1000000' });
  const svc = createServices({ config, database, keyring: loadKeyring(config, () => {}) });
  const app = await buildApp(svc, { serveWeb: false, logger: true });
  await app.ready();
  try {
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'admin@demo.peerbridge.test', password: 'Peerbridge-demo-2026' } });
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    const headers = { cookie };
    const page = pageOf(await listUsers(database.db, tenantId, { limit: 50, offset: 0 }), 50, 0);
    const pageSchema = listOf(userView);

    const bare = Fastify({ logger: false });
    bare.get('/list', async () => {
      const rows = (await database.raw.query<{ id: string }>(listSql, [tenantId, 51])).rows;
      await database.raw.query(rolesSql(rows.length), rows.map((r) => r.id));
      return page;
    });
    bare.get('/ping', async () => ({}));
    await bare.ready();

    const usersPage = database.db.select().from(users).where(eq(users.tenantId, sql.placeholder('tenantId'))).orderBy(asc(users.name), asc(users.id)).limit(sql.placeholder('limit')).prepare('bench_users_page');
    const rolesOf = database.db.select({ userId: userRoles.userId, role: userRoles.role }).from(userRoles).where(sql`${userRoles.userId} = any(${sql.placeholder('ids')}::uuid[])`).prepare('bench_roles_of_users');

    const variants: Variant[] = [
      { name: 'SQL: the two queries, raw driver', run: async () => {
        const rows = (await database.raw.query<{ id: string }>(listSql, [tenantId, 51])).rows;
        await database.raw.query(rolesSql(rows.length), rows.map((r) => r.id));
      } },
      { name: 'repo: listUsers (Drizzle, the same two queries)', run: () => listUsers(database.db, tenantId, { limit: 50, offset: 0 }) },
      { name: 'response: zod safeEncode + JSON.stringify of page', run: async () => JSON.stringify(safeEncode(pageSchema, page).data) },
      { name: 'response: JSON.stringify of page alone', run: async () => JSON.stringify(page) },
      { name: 'app: GET /api/users?limit=50 (inject)', run: () => app.inject({ url: '/api/users?limit=50', headers }) },
      { name: 'app: GET /api/auth/me (inject, no SQL)', run: () => app.inject({ url: '/api/auth/me', headers }) },
      { name: 'bare: GET /list (inject, raw SQL, JSON.stringify)', run: () => bare.inject({ url: '/list' }) },
      { name: 'bare: GET /ping (inject floor)', run: () => bare.inject({ url: '/ping' }) },
      { name: 'candidate: Drizzle .prepare() for both queries', run: async () => {
        const rows = await usersPage.execute({ tenantId, limit: 51 });
        await rolesOf.execute({ ids: rows.map((r) => r.id) });
      } },
      { name: 'candidate: Drizzle, not prepared, roles by = any($1)', run: async () => {
        const rows = await database.db.select().from(users).where(eq(users.tenantId, tenantId)).orderBy(asc(users.name), asc(users.id)).limit(51);
        await database.db.select({ userId: userRoles.userId, role: userRoles.role }).from(userRoles).where(sql`${userRoles.userId} = any(${sql.param(rows.map((r) => r.id))}::uuid[])`);
      } },
      { name: 'candidate: one query, roles by subselect (raw)', run: () => database.raw.query(oneQuerySql, [tenantId, 51]) },
    ];
    const best = await compare(variants);
    console.log(`\nµs per call, best of 12 interleaved batches (${database.kind}, ${args.users} generated users):`);
    for (const [name, us] of best) console.log(`  ${String(Math.round(us)).padStart(6)}  ${name}`);
    const get = (prefix: string) => [...best].find(([k]) => k.startsWith(prefix))?.[1] ?? 0;
    const appList = get('app: GET /api/users');
    const bareList = get('bare: GET /list');
    console.log(`\n  in-process ratio app/bare for the list (req/s): ${(bareList / appList).toFixed(2)}`);
    await bare.close();
  } finally {
    await app.close();
    await database.close();
    if (adminUrl) await admin(`drop database if exists ${DB_NAME} with (force)`);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
