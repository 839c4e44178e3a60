import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../../src/server/db/client.ts';
import { runVerifyAudit } from '../../src/server/cli/audit.ts';
import { openTestDatabase } from '../helpers/test-app.ts';

let t: { database: Database; drop: () => Promise<void> };
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(() => t.drop());

async function verify(): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await runVerifyAudit(t.database.db, (l) => lines.push(l));
  return { code, lines };
}

describe('verify-audit', () => {
  it('reports an intact chain with its number of events and exit code 0', async () => {
    expect(await verify()).toEqual({ code: 0, lines: ['audit chain OK: 2 events'] });
  });

  it('detects an event changed behind the database\'s back, names its seq and exits 1', async () => {
    // An attacker with superuser rights can switch the append-only trigger off; the hash chain still tells.
    await t.database.db.execute(sql`alter table audit_events disable trigger audit_events_no_update`);
    await t.database.db.execute(sql`update audit_events set action = 'demo.nothing_to_see' where seq = 2`);
    await t.database.db.execute(sql`alter table audit_events enable trigger audit_events_no_update`);
    const { code, lines } = await verify();
    expect(code).toBe(1);
    expect(lines).toEqual(['audit chain BROKEN at seq 2: hash does not match the content (the 1 events before it verify)']);
  });
});
