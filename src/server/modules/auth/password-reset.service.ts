import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Services } from '../../context.ts';
import { fieldError } from '../../lib/errors.ts';
import { sha256Hex } from '../../lib/crypto.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { users } from '../users/users.tables.ts';
import { findUserByEmail } from './auth.repo.ts';
import { normalizeEmail } from './auth.service.ts';
import { loginThrottles, passwordTokens, sessions } from './auth.tables.ts';
import { createPasswordLink } from './password-links.ts';
import { hashPassword } from './password.ts';
import { passwordText } from './password.texts.ts';

/**
 * "I forgot my password": e-mails a one-hour link to choose a new one, in the account's language.
 * The caller answers the same whether or not an account has the address, so nothing here may throw
 * for an unknown one.
 */
export async function requestPasswordReset(svc: Services, input: { email: string }): Promise<void> {
  const user = await findUserByEmail(svc.db, normalizeEmail(input.email));
  if (!user || user.status !== 'active') return;
  const now = svc.now();
  await svc.db.transaction(async (tx) => {
    const link = await createPasswordLink(tx, svc, user, 'reset');
    await svc.mailer.enqueue(tx, {
      tenantId: user.tenantId,
      to: user.email,
      subject: passwordText(user.locale, 'mail.reset.subject'),
      text: passwordText(user.locale, 'mail.reset.body', { name: user.name, link }),
    });
    await writeAudit(tx, { actor: null, tenantId: user.tenantId, now }, { action: 'auth.password_reset_requested', recordType: 'user', recordId: user.id, subjectPersonId: user.personId });
  });
  svc.mailer.kick();
}

/**
 * Chooses a password with a setup or reset link. The link works once; every other open link of the
 * account stops working and every session ends, since whoever knew the old password is now out.
 * Does not sign in: the person signs in with the new password, which proves they can.
 */
export async function setPasswordWithLink(svc: Services, input: { token: string; password: string }): Promise<{ email: string }> {
  const passwordHash = await hashPassword(input.password);
  const now = svc.now();
  const user = await svc.db.transaction(async (tx) => {
    const [link] = await tx
      .update(passwordTokens)
      .set({ usedAt: now })
      .where(and(eq(passwordTokens.tokenHash, sha256Hex(input.token)), isNull(passwordTokens.usedAt), gt(passwordTokens.expiresAt, now)))
      .returning();
    if (!link) {
      const [stale] = await tx.select({ usedAt: passwordTokens.usedAt }).from(passwordTokens).where(eq(passwordTokens.tokenHash, sha256Hex(input.token)));
      throw fieldError('token', stale?.usedAt ? 'field.link_used' : 'field.link_expired');
    }
    const [row] = await tx
      .update(users)
      .set({ passwordHash, securityVersion: sql`${users.securityVersion} + 1` })
      .where(and(eq(users.id, link.userId), eq(users.status, 'active')))
      .returning({ id: users.id, email: users.email, personId: users.personId });
    // A deactivated account keeps its old state: the update above is undone with the transaction.
    if (!row) throw fieldError('token', 'field.invalid');
    await tx.update(passwordTokens).set({ usedAt: now }).where(and(eq(passwordTokens.userId, row.id), isNull(passwordTokens.usedAt)));
    await tx.delete(sessions).where(eq(sessions.userId, row.id));
    // Choosing a password through the mailbox proves the same as the unlock link does.
    await tx.delete(loginThrottles).where(eq(loginThrottles.emailHash, sha256Hex(row.email)));
    await writeAudit(tx, { actor: null, tenantId: link.tenantId, now }, { action: 'auth.password_set', recordType: 'user', recordId: row.id, subjectPersonId: row.personId, details: { purpose: link.purpose } });
    return row;
  });
  svc.sessions.revokeUser(user.id);
  return { email: user.email };
}
