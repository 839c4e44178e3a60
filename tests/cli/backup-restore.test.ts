import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, count, eq } from 'drizzle-orm';
import type { Database } from '../../src/server/db/client.ts';
import { migrateDatabase, openDatabase } from '../../src/server/db/client.ts';
import { users } from '../../src/server/modules/users/users.tables.ts';
import { persons } from '../../src/server/modules/persons/persons.tables.ts';
import { tenants } from '../../src/server/modules/tenants/tenants.tables.ts';
import { auditEvents } from '../../src/server/modules/audit/audit.tables.ts';
import { verifyAuditChain, writeAudit } from '../../src/server/modules/audit/audit.service.ts';
import { seedDemo } from '../../src/server/demo/seed.ts';
import { backupDatabase } from '../../src/server/cli/backup.ts';
import { restoreDatabase } from '../../src/server/cli/restore.ts';
import { openTestDatabase } from '../helpers/test-app.ts';
import { testKeyring } from '../helpers/template.ts';
import { openEmptyDatabase } from './empty-database.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'peerbridge-backup-'));
const file = path.join(dir, 'backup.jsonl.gz');
let source: { database: Database; drop: () => Promise<void> };
let eventsInBackup = 0;

const snapshot = async (database: Database) => ({
  users: await database.db.select().from(users).orderBy(asc(users.id)),
  persons: await database.db.select().from(persons).orderBy(asc(persons.id)),
});

beforeAll(async () => {
  source = await openTestDatabase();
  eventsInBackup = (await verifyAuditChain(source.database.db)).events;
  await backupDatabase(source.database, file);
});
afterAll(async () => {
  await source.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('restores the same users and persons into a fresh database, with a verifying audit chain', async () => {
    const target = await openEmptyDatabase();
    try {
      const result = await restoreDatabase(target.database.db, file);
      expect(result.rows).toBeGreaterThan(0);
      // The restored chain plus the restore's own event.
      expect(result.audit).toEqual({ ok: true, events: eventsInBackup + 1 });
      const before = await snapshot(source.database);
      expect(before.users.length).toBeGreaterThan(5);
      expect(await snapshot(target.database)).toEqual(before);
      // Encrypted texts come back encrypted and open with the same key.
      const peer = (await snapshot(target.database)).persons.find((p) => p.notesEncrypted);
      expect(testKeyring().decrypt(peer!.notesEncrypted!)).toMatch(/förmiddagar/);
    } finally {
      await target.drop();
    }
  });

  it('continues the audit sequence after the restored events, so new events chain on', async () => {
    const target = await openEmptyDatabase();
    try {
      await restoreDatabase(target.database.db, file);
      await target.database.db.transaction((tx) => writeAudit(tx, { actor: null, now: new Date() }, { action: 'test.after_restore', recordType: 'test' }));
      const [last] = await target.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'test.after_restore'));
      expect(last!.seq).toBe(eventsInBackup + 2);
      expect(await verifyAuditChain(target.database.db)).toEqual({ ok: true, events: eventsInBackup + 2 });
    } finally {
      await target.drop();
    }
  });

  it('refuses to restore into a database that already has tenants, and changes nothing', async () => {
    const [{ value: tenantsBefore }] = (await source.database.db.select({ value: count() }).from(tenants)) as [{ value: number }];
    await expect(restoreDatabase(source.database.db, file)).rejects.toThrow(/already has tenants/);
    const [{ value: tenantsAfter }] = (await source.database.db.select({ value: count() }).from(tenants)) as [{ value: number }];
    expect(tenantsAfter).toBe(tenantsBefore);
  });

  it('refuses a cut-off backup file and leaves the target empty', async () => {
    const lines = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').trimEnd().split('\n');
    const cut = path.join(dir, 'cut.jsonl.gz');
    fs.writeFileSync(cut, zlib.gzipSync(lines.slice(0, -1).join('\n') + '\n'));
    const target = await openEmptyDatabase();
    try {
      await expect(restoreDatabase(target.database.db, cut)).rejects.toThrow(/cut off/);
      expect(await target.database.db.select().from(tenants)).toEqual([]);
      expect((await verifyAuditChain(target.database.db)).events).toBe(0);
    } finally {
      await target.drop();
    }
  });

  it('refuses a file that is not a Peerbridge backup', async () => {
    const other = path.join(dir, 'other.gz');
    fs.writeFileSync(other, zlib.gzipSync('{"hello":"world"}\n'));
    const target = await openEmptyDatabase();
    try {
      await expect(restoreDatabase(target.database.db, other)).rejects.toThrow(/not a Peerbridge backup/);
    } finally {
      await target.drop();
    }
  });

  // On the PostgreSQL run this moves embedded data onto a server; on the PGlite run, into a second embedded database.
  it('restores a backup of the embedded database onto the test database kind', async () => {
    const embedded = await openDatabase({ kind: 'pglite' });
    const embeddedFile = path.join(dir, 'embedded.jsonl.gz');
    const target = await openEmptyDatabase();
    try {
      await migrateDatabase(embedded);
      await seedDemo(embedded.db, testKeyring(), new Date('2026-11-01T08:00:00Z'));
      await backupDatabase(embedded, embeddedFile);
      const result = await restoreDatabase(target.database.db, embeddedFile);
      expect(result.audit.ok).toBe(true);
      expect(await snapshot(target.database)).toEqual(await snapshot(embedded));
    } finally {
      await embedded.close();
      await target.drop();
    }
  });
});
