import type { Config } from './config.ts';
import type { Services } from './context.ts';
import type { Database } from './db/client.ts';
import type { Keyring } from './lib/crypto.ts';
import { createOutboxMailer } from './modules/mail/mailer.ts';
import { SessionCache } from './modules/auth/session-cache.ts';

/** Assembles what every use case needs; the clock can be fixed by tests. */
export function createServices(opts: { config: Config; database: Database; keyring: Keyring; now?: () => Date}): Services {
  return {
    config: opts.config,
    database: opts.database,
    db: opts.database.db,
    keyring: opts.keyring,
    mailer: createOutboxMailer({ keyring: opts.keyring, smtpConfigured: !!opts.config.smtpUrl }),
    sessions: new SessionCache(),
    now: opts.now ?? (() => new Date()),
  };
}
