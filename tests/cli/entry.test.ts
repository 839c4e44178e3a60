import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { lockDataDir } from '../../src/server/db/lock.ts';

const root = path.resolve(import.meta.dirname, '../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'peerbridge-cli-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/** Runs the real entry point as an operator would, on the embedded database in a temp DATA_DIR. */
function cli(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return cliWith({}, ...args);
}

function cliWith(extraEnv: Record<string, string>, ...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PEERBRIDGE_DEMO: '1', npm_config_loglevel: 'error' };
  delete env.DATABASE_URL;
  delete env.PEERBRIDGE_ENCRYPTION_KEY;
  delete env.PEERBRIDGE_PREVIOUS_KEYS;
  Object.assign(env, extraEnv);
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'src/server/cli.ts', ...args], { cwd: root, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run cli (the real entry point)', () => {
  it('migrates, creates a tenant and verifies the audit chain, with exit code 0', async () => {
    expect(await cli('migrate')).toMatchObject({ code: 0, stdout: expect.stringMatching(/^migrations applied: \d+ \(database: pglite\)\n$/) });
    const tenant = await cli('create-tenant', '--slug', 'region-test', '--name', 'Region Test', '--kind', 'region');
    expect(tenant).toMatchObject({ code: 0, stdout: expect.stringMatching(/^created tenant region-test \(id [0-9a-f-]{36}\)\n$/) });
    expect(await cli('verify-audit')).toMatchObject({ code: 0, stdout: 'audit chain OK: 1 events\n' });
  }, 180_000);

  it('runs the retention sweep once, printing what each rule deleted; a rehearsal clock only on demo data', async () => {
    const sweep = await cli('run-retention', '--as-of', '2030-01-01T00:00:00Z');
    expect(sweep.code).toBe(0);
    expect(sweep.stdout).toMatch(/^sessions: \d+ deleted$/m);
    expect(sweep.stdout).toMatch(/^applications: \d+ deleted$/m);
    const real = await cliWith({ PEERBRIDGE_DEMO: '0', PEERBRIDGE_ENCRYPTION_KEY: Buffer.alloc(32, 3).toString('base64') }, 'run-retention', '--as-of', '2030-01-01T00:00:00Z');
    expect(real.code).toBe(1);
    expect(real.stderr).toMatch(/--as-of is refused outside demo mode/);
    expect(await cli('run-retention', '--as-of', 'next tuesday')).toMatchObject({ code: 1, stderr: expect.stringMatching(/--as-of must be an ISO time/) });
  }, 180_000);

  it('refuses to open the embedded database while another process holds it, with exit code 1', async () => {
    const release = lockDataDir(dataDir);
    try {
      const run = await cli('verify-audit');
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(new RegExp(`Another Peerbridge process \\(pid ${process.pid}\\) is already using the embedded database`));
    } finally {
      release();
    }
  }, 120_000);

  it('exits 1 with the usage when a required option is missing', async () => {
    const run = await cli('create-tenant', '--slug', 'x');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/required option '--name <name>' not specified/);
  }, 120_000);
});
