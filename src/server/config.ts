import path from 'node:path';
import { z } from 'zod';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  /** The origin users reach the app at; CSRF checks compare Origin with it. */
  PUBLIC_ORIGIN: z.string().url().optional(),
  PEERBRIDGE_ENCRYPTION_KEY: z.string().optional(),
  PEERBRIDGE_PREVIOUS_KEYS: z.string().optional(),
  /** Demo mode: demo data, a generated key, outbox instead of SMTP. On by default on the embedded database. */
  PEERBRIDGE_DEMO: z.enum(['0', '1']).optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Peerbridge <no-reply@peerbridge.local>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().positive().default(12),
  TRUST_PROXY: z.enum(['0', '1']).default('0'),
  JOBS: z.enum(['0', '1']).default('1'),
  /** Sign-in and public form requests allowed per client and minute. */
  /** Answer 503 with Retry-After when the event loop lags more than this (0: never). */
  OVERLOAD_EVENT_LOOP_DELAY_MS: z.coerce.number().int().min(0).default(1000),
  /** Answer 503 when the process uses more memory than this (0: never). */
  OVERLOAD_RSS_BYTES: z.coerce.number().int().min(0).default(0),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(20),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  publicOrigin: string;
  encryptionKey: string | undefined;
  previousKeys: string[];
  demo: boolean;
  smtpUrl: string | undefined;
  mailFrom: string;
  logLevel: string;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  trustProxy: boolean;
  jobs: boolean;
  rateLimitPerMinute: number;
  overload: { maxEventLoopDelayMs: number; maxRssBytes: number };
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means unset, as shells and CI files often leave them.
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const demo = e.PEERBRIDGE_DEMO ? e.PEERBRIDGE_DEMO === '1' : !e.DATABASE_URL;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    publicOrigin: e.PUBLIC_ORIGIN ?? `http://localhost:${e.PORT}`,
    encryptionKey: e.PEERBRIDGE_ENCRYPTION_KEY,
    previousKeys: (e.PEERBRIDGE_PREVIOUS_KEYS ?? '').split(',').map((k) => k.trim()).filter(Boolean),
    demo,
    smtpUrl: e.SMTP_URL || undefined,
    mailFrom: e.MAIL_FROM,
    logLevel: e.LOG_LEVEL,
    sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: e.SESSION_ABSOLUTE_HOURS * 3_600_000,
    trustProxy: e.TRUST_PROXY === '1',
    jobs: e.JOBS === '1',
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    overload: { maxEventLoopDelayMs: e.OVERLOAD_EVENT_LOOP_DELAY_MS, maxRssBytes: e.OVERLOAD_RSS_BYTES },
  };
}
