import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '../../..');

export interface RunningServer {
  origin: string;
  port: number;
  dataDir: string;
  /** Stops the server; its data folder is removed unless `keepData` (to start it again on the same data). */
  stop(opts?: { keepData?: boolean }): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/**
 * Starts the real server (`tsx src/server/main.ts`) on a free port with a fresh embedded database
 * and the demo data, serving the built web app from dist/web. Resolves once /api/health answers.
 */
export async function startServer(extraEnv: Record<string, string> = {}, reuse: { dataDir?: string; port?: number } = {}): Promise<RunningServer> {
  const webRoot = process.env.PEERBRIDGE_WEB_ROOT || path.join(repoRoot, 'dist/web');
  if (!fs.existsSync(path.join(webRoot, 'index.html'))) {
    throw new Error('dist/web is missing: build the web app first (npx vite build), or run `npm test`.');
  }
  const port = reuse.port ?? (await freePort());
  const origin = `http://127.0.0.1:${port}`;
  const dataDir = reuse.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'peerbridge-e2e-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    PEERBRIDGE_DEMO: '1',
    JOBS: '1',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '10000',
    PUBLIC_ORIGIN: origin,
    ...extraEnv,
  };
  // The journeys always run on the embedded database, whatever the module tests used.
  delete env.DATABASE_URL;
  delete env.TEST_DATABASE_URL;
  delete env.PEERBRIDGE_ENCRYPTION_KEY;

  let output = '';
  // Its own process group, so stopping it also ends the node process tsx starts.
  const child = spawn(path.join(repoRoot, 'node_modules/.bin/tsx'), ['src/server/main.ts'], {
    cwd: repoRoot,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);

  const stop = async (opts: { keepData?: boolean } = {}) => {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      const force = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }, 10_000);
      await exited(child);
      clearTimeout(force);
    }
    if (!opts.keepData) fs.rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`The server exited (code ${child.exitCode}) before it answered:\n${output}`);
    }
    try {
      const res = await fetch(`${origin}/api/health`);
      if (res.ok) return { origin, port, dataDir, stop };
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`The server did not answer /api/health within 90 s:\n${output}`);
}
