import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../src/server/db/client.ts';
import { loadConfig } from '../../src/server/config.ts';
import { createKeyring, generateKey, type Keyring } from '../../src/server/lib/crypto.ts';
import { demoKeyFile, demoPreviousKeysFile, loadKeyring } from '../../src/server/lib/keys.ts';
import { persons } from '../../src/server/modules/persons/persons.tables.ts';
import { emails } from '../../src/server/modules/mail/mail.tables.ts';
import { oidcProviders } from '../../src/server/modules/oidc/oidc.tables.ts';
import { tenants } from '../../src/server/modules/tenants/tenants.tables.ts';
import { auditEvents } from '../../src/server/modules/audit/audit.tables.ts';
import { rotateKey } from '../../src/server/cli/keys.ts';
import { queryRows } from '../../src/server/cli/cli-context.ts';
import { encryptedColumns } from '../../src/server/lib/encrypted-columns.ts';
import { openTestDatabase } from '../helpers/test-app.ts';
import { TEST_KEY, testKeyring } from '../helpers/template.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/** A seeded database with one value in every encrypted column, all sealed with the test key. */
async function databaseWithOldValues(): Promise<Database> {
  const { database, drop } = await openTestDatabase();
  cleanups.push(drop);
  const old = testKeyring();
  const [tenant] = await database.db.select().from(tenants).where(eq(tenants.slug, 'region-demo'));
  await database.db.insert(emails).values({ tenantId: tenant!.id, toAddress: 'x@example.org', subject: 'Hej', bodyEncrypted: old.encrypt('Välkommen, här är din länk') });
  await database.db.insert(oidcProviders).values({ tenantId: tenant!.id, issuer: 'https://idp.example', clientId: 'pb', clientSecretEncrypted: old.encrypt('client-secret-1'), displayName: 'IdP' });
  return database;
}

/** Every encrypted value in the database, found through the same registry the rotation uses. */
async function encryptedValues(database: Database): Promise<string[]> {
  const values: string[] = [];
  for (const c of encryptedColumns) {
    const rows = await queryRows<{ v: string }>(database.db, sql.raw(`select ${c.column} as v from ${c.table} where ${c.column} is not null`));
    values.push(...rows.map((r) => r.v));
  }
  return values;
}

const emailCount = async (database: Database) => (await database.db.select({ id: emails.id }).from(emails)).length;

const plainTexts = async (database: Database, keyring: Keyring) => (await encryptedValues(database)).map((v) => keyring.decrypt(v)).sort();

function tempDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'peerbridge-keys-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe('rotate-key with keys from the environment', () => {
  it('re-encrypts every value under the new key, after which the old key can be dropped', async () => {
    const database = await databaseWithOldValues();
    const before = await plainTexts(database, testKeyring());
    // The demo data's notes, letters and e-mails, plus the two values added above.
    expect(before.length).toBeGreaterThan(3);
    const newKey = generateKey();
    const config = loadConfig({ DATA_DIR: tempDataDir(), PEERBRIDGE_DEMO: '0', PEERBRIDGE_ENCRYPTION_KEY: newKey, PEERBRIDGE_PREVIOUS_KEYS: TEST_KEY });
    // A batch of one proves the paging over many batches.
    const report = await rotateKey(database.db, config, { batchSize: 1 });
    const onlyNew = createKeyring(newKey);
    expect(report).toMatchObject({ keyId: onlyNew.currentKeyId, reencrypted: before.length, unreadable: 0, olderKeysInUse: [], demo: false });
    expect((await encryptedValues(database)).every((v) => v.split('.')[1] === onlyNew.currentKeyId)).toBe(true);
    expect(await plainTexts(database, onlyNew)).toEqual(before);
    const [event] = await database.db.select().from(auditEvents).where(eq(auditEvents.action, 'crypto.rotate_key'));
    expect(event!.details).toMatchObject({ via: 'cli', reencrypted: before.length, unreadable: 0, columns: { 'emails.body_encrypted': { reencrypted: await emailCount(database), unreadable: 0 } } });
  });

  it('leaves a value sealed with a key it does not have untouched, and reports it as unreadable', async () => {
    const database = await databaseWithOldValues();
    const lost = createKeyring(generateKey()).encrypt('under a lost key');
    await database.db.update(persons).set({ notesEncrypted: lost }).where(eq(persons.email, 'nils@example.org'));
    const total = (await encryptedValues(database)).length;
    const config = loadConfig({ DATA_DIR: tempDataDir(), PEERBRIDGE_DEMO: '0', PEERBRIDGE_ENCRYPTION_KEY: generateKey(), PEERBRIDGE_PREVIOUS_KEYS: TEST_KEY });
    const report = await rotateKey(database.db, config);
    expect(report).toMatchObject({ reencrypted: total - 1, unreadable: 1, olderKeysInUse: [lost.split('.')[1]] });
    const [nils] = await database.db.select().from(persons).where(eq(persons.email, 'nils@example.org'));
    expect(nils!.notesEncrypted).toBe(lost);
  });
});

describe('rotate-key in demo mode (key file in DATA_DIR)', () => {
  it('makes a new key file, re-encrypts, and drops the old key once nothing uses it', async () => {
    const database = await databaseWithOldValues();
    const dataDir = tempDataDir();
    fs.writeFileSync(demoKeyFile(dataDir), `${TEST_KEY}\n`);
    const before = await plainTexts(database, testKeyring());
    const config = loadConfig({ DATA_DIR: dataDir, PEERBRIDGE_DEMO: '1' });
    const report = await rotateKey(database.db, config);
    expect(report).toMatchObject({ reencrypted: before.length, droppedKeys: 1, demo: true });
    expect(fs.readFileSync(demoKeyFile(dataDir), 'utf8').trim()).not.toBe(TEST_KEY);
    expect(fs.existsSync(demoPreviousKeysFile(dataDir))).toBe(false);
    // What the server loads on its next start: the new key alone opens everything.
    const keyring = loadKeyring(config, () => {});
    expect(keyring.currentKeyId).toBe(report.keyId);
    expect(await plainTexts(database, keyring)).toEqual(before);
  });

  it('keeps the old key in the previous-keys file when asked to (for restoring older backups)', async () => {
    const database = await databaseWithOldValues();
    const dataDir = tempDataDir();
    fs.writeFileSync(demoKeyFile(dataDir), `${TEST_KEY}\n`);
    const report = await rotateKey(database.db, loadConfig({ DATA_DIR: dataDir, PEERBRIDGE_DEMO: '1' }), { keepOldKeys: true });
    expect(report.droppedKeys).toBe(0);
    expect(fs.readFileSync(demoPreviousKeysFile(dataDir), 'utf8').trim()).toBe(TEST_KEY);
  });
});
