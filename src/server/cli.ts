import { Command, Option } from 'commander';
import { loadConfig, type Config } from './config.ts';
import { DataDirLockedError } from './db/lock.ts';
import { generateKey } from './lib/crypto.ts';
import { locales } from '../shared/i18n/locale.ts';
import { roles } from '../shared/permissions.ts';
import { CliError, openCliDatabase, type CliDatabase } from './cli/cli-context.ts';
import { appliedMigrations } from './cli/backup-format.ts';
import { countries, createTenant, tenantKinds } from './cli/tenants.ts';
import { createUser } from './cli/users.ts';
import { backupDatabase } from './cli/backup.ts';
import { restoreDatabase } from './cli/restore.ts';
import { rotateKey } from './cli/keys.ts';
import { describeVerdict, runVerifyAudit } from './cli/audit.ts';
import { loadKeyring } from './lib/keys.ts';
import { createServices } from './services.ts';
import { runRetention } from './modules/retention/retention.service.ts';

/**
 * The operations console: `npm run cli -- <command>`. It reads the same configuration as the
 * server (DATABASE_URL, else the embedded database in DATA_DIR) and prints ids and counts only,
 * never a name, e-mail address or key that is in use.
 */
const print = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

/** Runs one command: its exit code when it returns one, 0 when it returns nothing, 1 when it throws. */
async function run(task: () => Promise<unknown>): Promise<void> {
  try {
    const code = await task();
    process.exitCode = typeof code === 'number' ? code : 0;
  } catch (err) {
    const known = err instanceof CliError || err instanceof DataDirLockedError;
    process.stderr.write(`${known ? '' : 'Failed: '}${(err as Error).message}\n`);
    process.exitCode = 1;
  }
}

async function withDatabase<T>(opts: { migrate: boolean }, task: (cli: CliDatabase & { config: Config }) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const cli = await openCliDatabase(config, opts);
  try {
    return await task({ ...cli, config });
  } finally {
    await cli.close();
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

const program = new Command('peerbridge')
  .description('Peerbridge operations. Uses DATABASE_URL when set, otherwise the embedded database in DATA_DIR (refused while a server runs on it).')
  .showHelpAfterError();

program
  .command('migrate')
  .description('Apply the database migrations that have not run yet (the server also does this when it starts).')
  .action(() => run(() => withDatabase({ migrate: true }, async ({ database }) => {
    print(`migrations applied: ${(await appliedMigrations(database.db)).length} (database: ${database.kind})`);
  })));

program
  .command('create-tenant')
  .description('Create an organisation (region, municipality or user organisation) that runs a peer support program.')
  .requiredOption('--slug <slug>', 'short name used in addresses, e.g. region-vast')
  .requiredOption('--name <name>', 'display name, e.g. "Region Väst"')
  .addOption(new Option('--kind <kind>', 'kind of organisation').choices(tenantKinds).makeOptionMandatory())
  .addOption(new Option('--country <country>', 'country').choices(countries).default('SE'))
  .addOption(new Option('--locale <locale>', 'default language (default: da for DK, sv otherwise)').choices(locales))
  .action((o: { slug: string; name: string; kind: (typeof tenantKinds)[number]; country: (typeof countries)[number]; locale?: (typeof locales)[number] }) =>
    run(() => withDatabase({ migrate: true }, async ({ database }) => {
      const tenant = await createTenant(database.db, o);
      print(`created tenant ${tenant.slug} (id ${tenant.id})`);
    })));

program
  .command('create-user')
  .description(
    'Create a sign-in account and its person record in a tenant, e.g. the first admin. Without a password the user ' +
      "signs in through the tenant's OIDC provider or is given a password later.",
  )
  .requiredOption('--tenant <slug>', 'the tenant to add the user to')
  .requiredOption('--email <email>', 'e-mail address (unique across tenants)')
  .requiredOption('--name <name>', 'full name')
  .requiredOption('--roles <roles>', `comma-separated roles: ${roles.join(', ')}`)
  .addOption(new Option('--locale <locale>', "language (default: the tenant's)").choices(locales))
  .option('--password <password>', 'initial password, at least 12 characters (visible in the process list: prefer --password-stdin)')
  .option('--password-stdin', 'read the initial password from standard input')
  .action((o: { tenant: string; email: string; name: string; roles: string; locale?: string; password?: string; passwordStdin?: boolean }) =>
    run(async () => {
      if (o.password && o.passwordStdin) throw new CliError('Give either --password or --password-stdin, not both.');
      const password = o.passwordStdin ? await readStdin() : o.password;
      if (o.passwordStdin && !password) throw new CliError('--password-stdin was given but standard input was empty.');
      const roleList = o.roles.split(',').map((r) => r.trim()).filter(Boolean);
      return withDatabase({ migrate: true }, async ({ database }) => {
        const user = await createUser(database.db, { ...o, roles: roleList, password });
        print(`created user ${user.id} with roles ${user.roles.join(',')}${password ? ' and a password' : ' without a password'}`);
      });
    }));

program
  .command('backup')
  .description(
    'Write a consistent backup of all application tables to one gzip\'d JSON-lines file. It restores onto the embedded ' +
      'database or PostgreSQL alike. Encrypted texts stay encrypted: keep the encryption keys, or the backup cannot be read.',
  )
  .requiredOption('--out <file>', 'where to write the backup, e.g. peerbridge-2026-11-23.jsonl.gz')
  .action((o: { out: string }) => run(() => withDatabase({ migrate: false }, async ({ database }) => {
    const result = await backupDatabase(database, o.out);
    print(`backup written to ${result.file}: ${result.tables} tables, ${result.rows} rows`);
  })));

program
  .command('restore')
  .description('Load a backup into an empty, freshly migrated database (refused if it already has data), then verify the audit chain.')
  .requiredOption('--in <file>', 'the backup file')
  .action((o: { in: string }) => run(() => withDatabase({ migrate: true }, async ({ database }) => {
    const result = await restoreDatabase(database.db, o.in);
    print(`restored ${result.rows} rows into ${result.tables} tables`);
    print(describeVerdict(result.audit));
    return result.audit.ok ? 0 : 1;
  })));

program
  .command('verify-audit')
  .description('Recompute the hash chain of the audit log and report whether any event was changed or removed (exit 1 if so).')
  .action(() => run(() => withDatabase({ migrate: false }, ({ database }) => runVerifyAudit(database.db, print))));

program
  .command('generate-key')
  .description('Print a new random encryption key (base64, 32 bytes) for PEERBRIDGE_ENCRYPTION_KEY. Keep it safe: losing it loses the encrypted texts.')
  .action(() => run(async () => print(generateKey())));

program
  .command('rotate-key')
  .description(
    'Re-encrypt every encrypted value that is not under the current key. Set PEERBRIDGE_ENCRYPTION_KEY to the new key and ' +
      'PEERBRIDGE_PREVIOUS_KEYS to the old one(s) first (on the server too). In demo mode (key file in DATA_DIR) a new key ' +
      'file is made, and the old key is dropped once nothing uses it.',
  )
  .option('--batch-size <n>', 'values per transaction', (v) => Number.parseInt(v, 10), 200)
  .option('--keep-old-key', 'demo mode: keep the old key in the previous-keys file (needed to restore older backups)')
  .action((o: { batchSize: number; keepOldKey?: boolean }) => run(() => withDatabase({ migrate: true }, async ({ database, config }) => {
    if (!Number.isInteger(o.batchSize) || o.batchSize < 1) throw new CliError('--batch-size must be a positive whole number.');
    const report = await rotateKey(database.db, config, { batchSize: o.batchSize, keepOldKeys: o.keepOldKey, warn: (m) => process.stderr.write(`${m}\n`) });
    print(`current key ${report.keyId}: re-encrypted ${report.reencrypted} values`);
    for (const [column, c] of Object.entries(report.columns)) print(`  ${column}: ${c.reencrypted} re-encrypted${c.unreadable ? `, ${c.unreadable} unreadable` : ''}`);
    if (report.droppedKeys) print(`dropped ${report.droppedKeys} old key(s) from the previous-keys file: nothing uses them any more`);
    // On PostgreSQL a demo server may be running meanwhile; it reads the key file only at start.
    if (report.demo && database.kind === 'postgres') print('demo mode: restart the server so that it loads the new key file from DATA_DIR');
    if (report.unreadable) {
      process.stderr.write(`${report.unreadable} values are sealed with a key that is not configured; add it to PEERBRIDGE_PREVIOUS_KEYS and run rotate-key again.\n`);
      return 1;
    }
    if (report.olderKeysInUse.length === 0 && !report.demo && config.previousKeys.length > 0) {
      print('No value uses an older key now: PEERBRIDGE_PREVIOUS_KEYS may be removed (keep the old keys as long as you may restore a backup taken before this rotation).');
    }
  })));

program
  .command('run-retention')
  .description('Run the retention sweep now (the server runs it every hour) and print what each rule deleted.')
  .option('--as-of <time>', 'demo mode only: sweep as if it were this ISO time, to rehearse what a later sweep deletes')
  .action((o: { asOf?: string }) => run(() => withDatabase({ migrate: true }, async ({ database, config }) => {
    let now: Date | undefined;
    if (o.asOf !== undefined) {
      // A clock in the future really deletes data early: only ever on demo data.
      if (!config.demo) throw new CliError('--as-of is refused outside demo mode: it would delete data before its time.');
      now = new Date(o.asOf);
      if (Number.isNaN(now.getTime())) throw new CliError('--as-of must be an ISO time, e.g. 2027-12-01T12:00:00Z.');
    }
    const keyring = loadKeyring(config, (m) => process.stderr.write(`${m}\n`));
    const deleted = await runRetention(createServices({ config, database, keyring, now: now ? () => now : undefined }));
    for (const [rule, count] of Object.entries(deleted)) print(`${rule}: ${count} deleted`);
  })));

await program.parseAsync(process.argv);
