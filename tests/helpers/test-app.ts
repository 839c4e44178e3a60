import fs from 'node:fs';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { openDatabase, type Database } from '../../src/server/db/client.ts';
import { loadConfig, type Config } from '../../src/server/config.ts';
import { createServices } from '../../src/server/services.ts';
import { buildApp } from '../../src/server/app.ts';
import type { Services } from '../../src/server/context.ts';
import { DEMO_PASSWORD, demoEmail } from '../../src/server/demo/seed.ts';
import type { Role } from '../../src/shared/permissions.ts';
import { pgTemplateDb, openScratchServerDatabase, templateFile, testKeyring } from './template.ts';

export const ORIGIN = 'http://localhost:3000';

/** A test clock: starts at a fixed time and moves only when told to. */
export class TestClock {
  constructor(public current = new Date('2026-11-23T09:00:00Z')) {}
  now = (): Date => new Date(this.current);
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/**
 * A fresh database for one test file, copied from the seeded template: PGlite in memory by
 * default, a new database on the server when TEST_DATABASE_URL is set.
 */
export async function openTestDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) return openScratchServerDatabase(url, { prefix: 'peerbridge_test', template: pgTemplateDb() });
  const blob = new Blob([fs.readFileSync(templateFile())]);
  const database = await openDatabase({ kind: 'pglite', loadDataDir: blob });
  return { database, drop: () => database.close() };
}

export type TestApp = {
  app: FastifyInstance;
  svc: Services;
  clock: TestClock;
  config: Config;
  database: Database;
  close(): Promise<void>;
  /** Signs in as a demo user and returns the cookie header to send. */
  signIn(who: Role | string, password?: string): Promise<string>;
};

export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const { database, drop } = await openTestDatabase();
  const config = loadConfig({ PUBLIC_ORIGIN: ORIGIN, DATA_DIR: '/tmp/peerbridge-test-unused', LOG_LEVEL: 'silent', PEERBRIDGE_DEMO: '1', RATE_LIMIT_PER_MINUTE: '10000', OVERLOAD_EVENT_LOOP_DELAY_MS: '0', ...env });
  const clock = new TestClock();
  const svc = createServices({ config, database, keyring: testKeyring(), now: clock.now });
  const app = await buildApp(svc, { serveWeb: false });
  await app.ready();
  return {
    app,
    svc,
    clock,
    config,
    database,
    async close() {
      await app.close();
      await drop();
    },
    async signIn(who, password = DEMO_PASSWORD) {
      const email = who.includes('@') ? who : demoEmail(who as Role);
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
      if (res.statusCode !== 200) throw new Error(`sign-in as ${email} failed: ${res.statusCode} ${res.body}`);
      return cookieFrom(res);
    },
  };
}

export function cookieFrom(res: LightMyRequestResponse): string {
  const c = res.cookies.find((x) => x.name === 'pb_session');
  if (!c) throw new Error('no session cookie');
  return `pb_session=${c.value}`;
}

/** Headers for a cookie-authenticated change from our own web app. */
export const asBrowser = (cookie: string) => ({ cookie, origin: ORIGIN });
