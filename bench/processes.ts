import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';

export const repoRoot = new URL('..', import.meta.url).pathname;

/** A server started by the bench; its output is kept (bounded) to show when it fails. */
export type Server = {
  name: string;
  child: ChildProcess;
  port: number;
  /** Date.now() at spawn; a CPU profile's clock starts about here. */
  spawnedAt: number;
  output(): string;
  exited: Promise<number | null>;
};

const running = new Set<Server>();

/** Asks the kernel for a free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts a TypeScript entry point as its own Node process (tsx as a loader, so a signal reaches
 * the server itself and not a wrapper), then waits until `readyPath` answers 200.
 */
export async function startServer(opts: {
  name: string;
  entry: string;
  /** Merged over this process's environment; `undefined` removes a variable. */
  env: Record<string, string | undefined>;
  readyPath: string;
  nodeArgs?: string[];
  /** Where the entry point and its node_modules live; the repo by default. */
  cwd?: string;
  timeoutMs?: number;
}): Promise<Server> {
  const port = await freePort();
  const merged: Record<string, string | undefined> = { ...process.env, ...opts.env, PORT: String(port), HOST: '127.0.0.1' };
  const env = Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== undefined));
  const spawnedAt = Date.now();
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), '--import', 'tsx', opts.entry], {
    cwd: opts.cwd ?? repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (chunk: Buffer) => {
    out = (out + chunk.toString('utf8')).slice(-8_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const server: Server = { name: opts.name, child, port, spawnedAt, output: () => out, exited };
  running.add(server);
  void exited.then(() => running.delete(server));

  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
  let gone = false;
  void exited.then(() => (gone = true));
  while (Date.now() < deadline) {
    if (gone) throw new Error(`${opts.name} exited before it was ready:\n${out}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}${opts.readyPath}`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  await stopServer(server);
  throw new Error(`${opts.name} was not ready within ${opts.timeoutMs ?? 60_000} ms:\n${out}`);
}

/** SIGTERM (the servers shut down cleanly and close their database), SIGKILL if that hangs. */
export async function stopServer(server: Server, graceMs = 20_000): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), graceMs);
  await server.exited;
  clearTimeout(timer);
}

export async function stopAllServers(): Promise<void> {
  await Promise.all([...running].map((s) => stopServer(s)));
}

/** Last resort on process exit: nothing asynchronous runs any more, so kill outright. */
export function killAllServersNow(): void {
  for (const s of running) s.child.kill('SIGKILL');
}
