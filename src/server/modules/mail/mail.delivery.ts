import nodemailer, { type Transporter } from 'nodemailer';
import { and, asc, eq, isNull, lte, or, sql } from 'drizzle-orm';
import type { Services } from '../../context.ts';
import type { Config } from '../../config.ts';
import { emails } from './mail.tables.ts';
import type { MailAttachment } from './mailer.ts';

/** After this many failed tries (about two hours of back-off) an e-mail is marked 'failed'. */
export const MAX_DELIVERY_ATTEMPTS = 8;
/** At most this many e-mails per run, so one job never holds the queue for long. */
const BATCH_LIMIT = 100;
/** How long a run may hold a claimed e-mail; a run that died mid-send frees it when this passes. */
const CLAIM_MS = 5 * 60_000;

/** Wait before the next try after `attempts` refusals: 1, 2, 4 … minutes, at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

export type MailTransport = Pick<Transporter, 'sendMail' | 'close'>;

/**
 * The SMTP connection from SMTP_URL (`smtp://user:pass@host:587`, `smtps://…:465`; nodemailer
 * reads options from the query, e.g. `?ignoreTLS=true` for a plain relay on loopback). The
 * timeouts bound how long one send may take when the server hangs.
 */
export function createSmtpTransport(config: Pick<Config, 'smtpUrl'>): MailTransport {
  if (!config.smtpUrl) throw new Error('SMTP_URL is not set');
  return nodemailer.createTransport({
    url: config.smtpUrl,
    pool: true,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
}

export type DeliveryResult = { sent: number; retrying: number; failed: number };

/**
 * Sends the queued e-mails that are due. Each is claimed in a short transaction
 * (`FOR UPDATE SKIP LOCKED`, then a claim that expires), sent with no transaction open, and its
 * outcome recorded in a second short transaction. So two processes never send one e-mail twice,
 * and a slow SMTP server never holds a database lock (on the embedded database, where one
 * connection serves everyone, that would stall every request). Delivery is at least once: a run
 * that dies after the server accepted a message sends it again when its claim expires.
 */
export async function deliverPendingEmails(svc: Services, transport: MailTransport): Promise<DeliveryResult> {
  const result: DeliveryResult = { sent: 0, retrying: 0, failed: 0 };
  for (let i = 0; i < BATCH_LIMIT; i++) {
    const row = await claimNextDue(svc);
    if (!row) break;
    const error = await trySend(svc, transport, row);
    const now = svc.now();
    if (!error) {
      await svc.db.update(emails).set({ status: 'sent', sentAt: now, lastError: null, claimedUntil: null, nextAttemptAt: null }).where(eq(emails.id, row.id));
      result.sent++;
      continue;
    }
    const failed = row.attempts >= MAX_DELIVERY_ATTEMPTS;
    await svc.db
      .update(emails)
      .set({
        status: failed ? 'failed' : 'queued',
        lastError: error,
        claimedUntil: null,
        nextAttemptAt: failed ? null : new Date(now.getTime() + retryDelayMs(row.attempts)),
      })
      .where(eq(emails.id, row.id));
    result[failed ? 'failed' : 'retrying']++;
  }
  return result;
}

/** Claims the oldest due e-mail for this run and counts the attempt; null when none is due. */
async function claimNextDue(svc: Services): Promise<typeof emails.$inferSelect | null> {
  const now = svc.now();
  return svc.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: emails.id })
      .from(emails)
      .where(
        and(
          eq(emails.status, 'queued'),
          or(isNull(emails.nextAttemptAt), lte(emails.nextAttemptAt, now)),
          or(isNull(emails.claimedUntil), lte(emails.claimedUntil, now)),
        ),
      )
      .orderBy(asc(emails.createdAt), asc(emails.id))
      .limit(1)
      .for('update', { skipLocked: true });
    if (!row) return null;
    const [claimed] = await tx
      .update(emails)
      .set({ claimedUntil: new Date(now.getTime() + CLAIM_MS), attempts: sql`${emails.attempts} + 1` })
      .where(eq(emails.id, row.id))
      .returning();
    return claimed ?? null;
  });
}

/** Sends one e-mail; answers a short reason when it was not accepted, else null. */
async function trySend(svc: Services, transport: MailTransport, row: typeof emails.$inferSelect): Promise<string | null> {
  let text: string;
  let attachments: MailAttachment[];
  try {
    text = svc.keyring.decrypt(row.bodyEncrypted);
    attachments = row.attachmentsEncrypted ? (JSON.parse(svc.keyring.decrypt(row.attachmentsEncrypted)) as MailAttachment[]) : [];
  } catch {
    // Sealed with a key that is no longer configured (PEERBRIDGE_PREVIOUS_KEYS).
    return 'EDECRYPT';
  }
  try {
    await transport.sendMail({ from: svc.config.mailFrom, to: row.toAddress, subject: row.subject, text, attachments });
    return null;
  } catch (err) {
    return describeSendError(err);
  }
}

/**
 * A short reason without personal data: SMTP replies often quote the recipient's address
 * ("550 <anna@…> unknown"), so only nodemailer's error code and the SMTP status are kept.
 */
export function describeSendError(err: unknown): string {
  const e = (err ?? {}) as { code?: unknown; responseCode?: unknown };
  const code = typeof e.code === 'string' ? e.code.replace(/[^A-Z0-9_]/gi, '').slice(0, 40) : 'ERROR';
  return typeof e.responseCode === 'number' ? `${code} ${e.responseCode}` : code;
}
