import type { Db, Database } from './db/client.ts';
import type { Keyring } from './lib/crypto.ts';
import type { Config } from './config.ts';
import type { Role } from '../shared/permissions.ts';
import type { Locale } from '../shared/i18n/locale.ts';
import type { Mailer } from './modules/mail/mailer.ts';
import type { SessionCache } from './modules/auth/session-cache.ts';

/** Who is acting: always from the session or API token, never from a request body. */
export type Actor = {
  userId: string;
  tenantId: string;
  tenantName: string;
  personId: string;
  email: string;
  name: string;
  locale: Locale;
  roles: Role[];
  via: 'session' | 'token';
  sessionId?: string;
};

/** What every service use case gets: the database, the clock, the key ring, the mailer. */
export type Services = {
  database: Database;
  db: Db;
  config: Config;
  keyring: Keyring;
  mailer: Mailer;
  sessions: SessionCache;
  now: () => Date;
};

export type Ctx = Services & { actor: Actor };
