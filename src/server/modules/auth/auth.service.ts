import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { Actor, Services } from '../../context.ts';
import { AppError } from '../../lib/errors.ts';
import { randomToken, sha256Hex } from '../../lib/crypto.ts';
import { serverText } from '../../../shared/i18n/errors.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { loginThrottles, sessions, unlockTokens } from './auth.tables.ts';
import { users } from '../users/users.tables.ts';
import { apiTokens } from '../tokens/tokens.tables.ts';
import { findActiveTokenRow, findSessionRow, findUserByEmail, findUserById, type UserWithRoles } from './auth.repo.ts';
import { verifyPassword } from './password.ts';
import type { CachedPrincipal } from './session-cache.ts';

export const SESSION_COOKIE = 'pb_session';
export const TOKEN_PREFIX = 'pbt_';

// Sign-in throttling: from the 5th failure for one address each try waits twice as long as the
// one before; at the 10th the account stays locked until the e-mailed link is used.
const FREE_FAILURES = 4;
const LOCK_AT_FAILURES = 10;
const FIRST_DELAY_MS = 30_000;
const LOCKED_FOR_MS = 100 * 365 * 24 * 3_600_000;
const UNLOCK_LINK_MS = 24 * 3_600_000;
// Activity is written to the session row at most this often.
const TOUCH_EVERY_MS = 60_000;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

function actorOf(user: UserWithRoles, via: Actor['via'], sessionId?: string): Actor {
  return {
    userId: user.id,
    tenantId: user.tenantId,
    tenantName: user.tenantName,
    personId: user.personId,
    email: user.email,
    name: user.name,
    locale: user.locale,
    roles: user.roles,
    via,
    sessionId,
  };
}

/** Checks e-mail and password and opens a new session; the token goes in the cookie. */
export async function signInWithPassword(
  svc: Services,
  input: { email: string; password: string; previousToken?: string },
): Promise<{ token: string; actor: Actor; expiresAt: Date }> {
  const email = normalizeEmail(input.email);
  const emailHash = sha256Hex(email);
  const now = svc.now();

  const [throttle] = await svc.db.select().from(loginThrottles).where(eq(loginThrottles.emailHash, emailHash));
  if (throttle?.blockedUntil && throttle.blockedUntil > now) {
    throw new AppError('ACCOUNT_THROTTLED', { retryAfterSeconds: retryAfter(throttle.blockedUntil, now) });
  }

  const user = await findUserByEmail(svc.db, email);
  const passwordOk = await verifyPassword(user?.passwordHash, input.password);
  if (!user || !passwordOk || user.status !== 'active') {
    await recordFailure(svc, emailHash, user, now);
    throw new AppError('INVALID_CREDENTIALS');
  }
  // A new session id at every sign-in; the session the browser came with ends.
  const previousId = input.previousToken ? sha256Hex(input.previousToken) : undefined;
  const opened = await svc.db.transaction(async (tx) => {
    await tx.delete(loginThrottles).where(eq(loginThrottles.emailHash, emailHash));
    if (previousId) await tx.delete(sessions).where(eq(sessions.id, previousId));
    const created = await openSession({ ...svc, db: tx }, user, 'password');
    await writeAudit(tx, { actor: created.actor, now }, { action: 'auth.sign_in', recordType: 'session', subjectPersonId: user.personId, details: { method: 'password' } });
    return created;
  });
  if (previousId) svc.sessions.delete(`s:${previousId}`);
  return opened;
}

/** Opens a session for a user who has proven who they are (password or OIDC). */
export async function openSession(svc: Services, user: UserWithRoles, method: 'password' | 'oidc') {
  const now = svc.now();
  const token = randomToken();
  const id = sha256Hex(token);
  const expiresAt = new Date(now.getTime() + svc.config.sessionAbsoluteMs);
  await svc.db.insert(sessions).values({ id, tenantId: user.tenantId, userId: user.id, createdAt: now, lastSeenAt: now, expiresAt, method });
  return { token, actor: actorOf(user, 'session', id), expiresAt };
}

async function recordFailure(svc: Services, emailHash: string, user: UserWithRoles | undefined, now: Date): Promise<void> {
  await svc.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(loginThrottles)
      .values({ emailHash, failures: 1, lastFailureAt: now })
      .onConflictDoUpdate({ target: loginThrottles.emailHash, set: { failures: sql`${loginThrottles.failures} + 1`, lastFailureAt: now } })
      .returning();
    const failures = row!.failures;
    if (failures <= FREE_FAILURES) return;
    const delay = failures >= LOCK_AT_FAILURES ? LOCKED_FOR_MS : FIRST_DELAY_MS * 2 ** (failures - FREE_FAILURES - 1);
    await tx.update(loginThrottles).set({ blockedUntil: new Date(now.getTime() + delay) }).where(eq(loginThrottles.emailHash, emailHash));
    if (user && user.status === 'active' && (failures === FREE_FAILURES + 1 || failures === LOCK_AT_FAILURES)) {
      const token = randomToken();
      await tx.insert(unlockTokens).values({ tokenHash: sha256Hex(token), tenantId: user.tenantId, userId: user.id, expiresAt: new Date(now.getTime() + UNLOCK_LINK_MS) });
      const link = `${svc.config.publicOrigin}/unlock?token=${token}`;
      await svc.mailer.enqueue(tx, {
        tenantId: user.tenantId,
        to: user.email,
        subject: serverText(user.locale, 'mail.unlock.subject'),
        text: serverText(user.locale, 'mail.unlock.body', { name: user.name, link }),
      });
      await writeAudit(tx, { actor: null, tenantId: user.tenantId, now }, { action: 'auth.locked', recordType: 'user', recordId: user.id, subjectPersonId: user.personId, details: { failures } });
    }
  });
  svc.mailer.kick();
}

function retryAfter(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
}

/** Lifts a sign-in lock with the link from the e-mail. Unknown, used and expired links are all "not found". */
export async function unlockAccount(svc: Services, token: string): Promise<void> {
  const now = svc.now();
  await svc.db.transaction(async (tx) => {
    const [row] = await tx
      .update(unlockTokens)
      .set({ usedAt: now })
      .where(and(eq(unlockTokens.tokenHash, sha256Hex(token)), isNull(unlockTokens.usedAt), gt(unlockTokens.expiresAt, now)))
      .returning();
    if (!row) throw new AppError('NOT_FOUND');
    const [user] = await tx.select().from(users).where(eq(users.id, row.userId));
    if (!user) throw new AppError('NOT_FOUND');
    await tx.delete(loginThrottles).where(eq(loginThrottles.emailHash, sha256Hex(user.email)));
    await writeAudit(tx, { actor: null, tenantId: row.tenantId, now }, { action: 'auth.unlocked', recordType: 'user', recordId: user.id, subjectPersonId: user.personId });
  });
}

export async function signOut(svc: Services, actor: Actor): Promise<void> {
  if (!actor.sessionId) return;
  const sessionId = actor.sessionId;
  await svc.db.transaction(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.id, sessionId));
    await writeAudit(tx, { actor, now: svc.now() }, { action: 'auth.sign_out', recordType: 'session', subjectPersonId: actor.personId });
  });
  svc.sessions.delete(`s:${sessionId}`);
}

/** Resolves a session cookie to its actor, enforcing the idle and absolute time-outs. */
export async function resolveSession(svc: Services, token: string): Promise<Actor | null> {
  const id = sha256Hex(token);
  const key = `s:${id}`;
  const now = svc.now();
  let entry = svc.sessions.get(key, now.getTime());
  if (!entry) {
    const row = await findSessionRow(svc.db, id);
    if (!row) return null;
    const user = await findUserById(svc.db, row.userId);
    if (!user || user.status !== 'active') return null;
    entry = { actor: actorOf(user, 'session', id), expiresAt: row.expiresAt, lastSeenAt: row.lastSeenAt, lastWrittenAt: row.lastSeenAt, cachedAt: now.getTime() };
    svc.sessions.set(key, entry);
  }
  const idle = now.getTime() - (entry.lastSeenAt?.getTime() ?? 0) > svc.config.sessionIdleMs;
  if (idle || (entry.expiresAt && entry.expiresAt <= now)) {
    svc.sessions.delete(key);
    await svc.db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  entry.lastSeenAt = now;
  if (now.getTime() - entry.lastWrittenAt.getTime() > TOUCH_EVERY_MS) {
    entry.lastWrittenAt = now;
    await svc.db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
  }
  return entry.actor;
}

/** Resolves `Authorization: Bearer pbt_...` to the token owner's actor. */
export async function resolveApiToken(svc: Services, token: string): Promise<Actor | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const tokenHash = sha256Hex(token);
  const key = `t:${tokenHash}`;
  const now = svc.now();
  let entry: CachedPrincipal | undefined = svc.sessions.get(key, now.getTime());
  if (!entry) {
    const row = await findActiveTokenRow(svc.db, tokenHash);
    if (!row) return null;
    const user = await findUserById(svc.db, row.userId);
    if (!user || user.status !== 'active') return null;
    entry = { actor: actorOf(user, 'token'), expiresAt: row.expiresAt, lastSeenAt: null, lastWrittenAt: row.lastUsedAt ?? new Date(0), cachedAt: now.getTime() };
    svc.sessions.set(key, entry);
  }
  if (entry.expiresAt && entry.expiresAt <= now) return null;
  if (now.getTime() - entry.lastWrittenAt.getTime() > TOUCH_EVERY_MS) {
    entry.lastWrittenAt = now;
    await svc.db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.tokenHash, tokenHash));
  }
  return entry.actor;
}

/** Deletes sessions past their time-outs; run by the retention job. */
export async function deleteExpiredSessions(svc: Services): Promise<number> {
  const now = svc.now();
  const idleBefore = new Date(now.getTime() - svc.config.sessionIdleMs);
  const gone = await svc.db
    .delete(sessions)
    .where(sql`${sessions.expiresAt} <= ${now} or ${lt(sessions.lastSeenAt, idleBefore)}`)
    .returning({ id: sessions.id });
  return gone.length;
}
