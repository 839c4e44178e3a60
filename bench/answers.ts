import { isDeepStrictEqual } from 'node:util';
import type { Server } from './processes.ts';

const ADMIN = { email: 'admin@demo.peerbridge.test', password: 'Peerbridge-demo-2026' };

/** Signs in as the demo admin and returns the `pb_session=...` cookie to send. */
export async function signIn(port: number): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('pb_session='));
  if (res.status !== 200 || !cookie) throw new Error(`Sign-in failed: ${res.status} ${await res.text()}`);
  return cookie.split(';')[0]!;
}

async function getJson(server: Server, path: string, cookie: string): Promise<unknown> {
  const res = await fetch(`http://127.0.0.1:${server.port}${path}`, { headers: { cookie } });
  if (res.status !== 200) throw new Error(`${server.name} GET ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

/**
 * A ratio means something only if both servers give the same answer: the app's answers are
 * checked for plausibility, the baseline's must equal them.
 */
export async function checkSameAnswers(app: Server, bare: Server, cookie: string, paths: string[]): Promise<void> {
  for (const p of paths) {
    const body = await getJson(app, p, cookie);
    const me = (body as { user?: { email?: string } }).user;
    const list = (body as { items?: unknown[] }).items;
    if (me ? me.email !== ADMIN.email : (list?.length ?? 0) < 50) {
      throw new Error(`The app's answer to GET ${p} is not what the bench expects: ${JSON.stringify(body).slice(0, 300)}`);
    }
    if (!isDeepStrictEqual(await getJson(bare, p, cookie), body)) {
      throw new Error(`The bare server answers GET ${p} differently from the app; the comparison would be unfair.`);
    }
  }
}
