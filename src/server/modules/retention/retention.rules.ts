import { and, inArray, isNotNull, isNull, lt, lte, or } from 'drizzle-orm';
import type { Services } from '../../context.ts';
import { deleteExpiredSessions } from '../auth/auth.service.ts';
import { loginThrottles, passwordTokens, unlockTokens } from '../auth/auth.tables.ts';
import { oidcLogins } from '../oidc/oidc.tables.ts';
import { idempotencyKeys } from '../idempotency/idempotency.tables.ts';
import { emails } from '../mail/mail.tables.ts';
import { applicationsRetention } from '../recruitment/recruitment.retention.ts';
import { enrolmentsRetention } from '../training/recovery-college.retention.ts';
import { trainingRetention } from '../training/training.retention.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Failed sign-ins are forgotten a day after the last one (unless the account is locked). */
export const LOGIN_THROTTLE_HOURS = 24;
/** An `Idempotency-Key` replays the first answer for this long; a public form retries within minutes. */
export const IDEMPOTENCY_KEY_HOURS = 24;
/**
 * Sent and failed e-mails are kept this long so that an admin can answer "did the message go
 * out?"; the body may hold personal links, so it is not kept longer. Queued e-mails and the
 * demo outbox are not touched.
 */
export const EMAIL_RETENTION_DAYS = 30;

/**
 * One kind of data that is deleted once it is no longer needed. A domain adds its rule to
 * `retentionRules` below; the sweep runs them all in one transaction and audits the counts.
 */
export type RetentionRule = {
  /** The key of the count in the `retention.sweep` audit event. */
  name: string;
  /** Deletes what has expired at `svc.now()` (`svc.db` is the sweep's transaction); answers how many rows. */
  purge(svc: Services): Promise<number>;
};

export const retentionRules: readonly RetentionRule[] = [
  { name: 'sessions', purge: deleteExpiredSessions },
  {
    name: 'loginThrottles',
    // A lock from the 10th failure lasts until the e-mailed link is used, so it is never swept away.
    purge: async (svc) => {
      const now = svc.now();
      const gone = await svc.db
        .delete(loginThrottles)
        .where(and(lt(loginThrottles.lastFailureAt, hoursBefore(now, LOGIN_THROTTLE_HOURS)), or(isNull(loginThrottles.blockedUntil), lte(loginThrottles.blockedUntil, now))))
        .returning({ id: loginThrottles.emailHash });
      return gone.length;
    },
  },
  {
    name: 'unlockTokens',
    purge: async (svc) => {
      const gone = await svc.db
        .delete(unlockTokens)
        .where(or(isNotNull(unlockTokens.usedAt), lte(unlockTokens.expiresAt, svc.now())))
        .returning({ id: unlockTokens.tokenHash });
      return gone.length;
    },
  },
  {
    name: 'passwordTokens',
    purge: async (svc) => {
      const gone = await svc.db
        .delete(passwordTokens)
        .where(or(isNotNull(passwordTokens.usedAt), lte(passwordTokens.expiresAt, svc.now())))
        .returning({ id: passwordTokens.tokenHash });
      return gone.length;
    },
  },
  {
    name: 'oidcLogins',
    purge: async (svc) => {
      const gone = await svc.db.delete(oidcLogins).where(lte(oidcLogins.expiresAt, svc.now())).returning({ id: oidcLogins.state });
      return gone.length;
    },
  },
  {
    name: 'idempotencyKeys',
    purge: async (svc) => {
      const gone = await svc.db
        .delete(idempotencyKeys)
        .where(lt(idempotencyKeys.createdAt, hoursBefore(svc.now(), IDEMPOTENCY_KEY_HOURS)))
        .returning({ key: idempotencyKeys.key });
      return gone.length;
    },
  },
  {
    name: 'emails',
    purge: async (svc) => {
      const gone = await svc.db
        .delete(emails)
        .where(and(inArray(emails.status, ['sent', 'failed']), lt(emails.createdAt, new Date(svc.now().getTime() - EMAIL_RETENTION_DAYS * DAY_MS))))
        .returning({ id: emails.id });
      return gone.length;
    },
  },
  applicationsRetention,
  enrolmentsRetention,
  trainingRetention,
];

function hoursBefore(now: Date, hours: number): Date {
  return new Date(now.getTime() - hours * HOUR_MS);
}
