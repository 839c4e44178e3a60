import nodemailer, { type Transporter } from 'nodemailer';
import { and, asc, eq, notInArray } from 'drizzle-orm';
import type { Services } from '../../context.ts';
import type { Config } from '../../config.ts';
import { emails } from './mail.tables.ts';

/** After this many failed tries an e-mail is marked 'failed' and no longer retried. */
export const MAX_DELIVERY_ATTEMPTS = 5;
/** At most this many e-mails per run, so one job never holds the queue for long. */
const BATCH_LIMIT = 100;

export type MailTransport = Pick<Transporter, 'sendMail' | 'close'>;

/**
 * The SMTP connection from SMTP_URL (`smtp://user:pass@host:587`, `smtps://…:465`; nodemailer
 * reads options from the query, e.g. `?ignoreTLS=true` for a plain relay on loopback). The
 * timeouts bound how long an e-mail's row lock is held when the server hangs.
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
 * Sends the queued e-mails, one row per transaction: the row is claimed with
 * `FOR UPDATE SKIP LOCKED`, so two processes (or two jobs) never send the same e-mail, and the
 * lock lasts for one send only. Delivery is at least once: if the server accepts a message but
 * the database then fails to record it, it is sent again on the next run.
 */
export async function deliverPendingEmails(svc: Services, transport: MailTransport): Promise<DeliveryResult> {
  const result: DeliveryResult = { sent: 0, retrying: 0, failed: 0 };
  // An e-mail that failed in this run waits for the next run rather than being retried at once.
  const tried: string[] = [];
  while (tried.length < BATCH_LIMIT) {
    const outcome = await svc.db.transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(emails)
        .where(and(eq(emails.status, 'queued'), tried.length > 0 ? notInArray(emails.id, tried) : undefined))
        .orderBy(asc(emails.createdAt), asc(emails.id))
        .limit(1)
        .for('update', { skipLocked: true });
      if (!row) return null;
      tried.push(row.id);
      const attempts = row.attempts + 1;
      const error = await trySend(svc, transport, row);
      if (error) {
        const status = attempts >= MAX_DELIVERY_ATTEMPTS ? 'failed' : 'queued';
        await tx.update(emails).set({ attempts, status, lastError: error }).where(eq(emails.id, row.id));
        return status === 'failed' ? 'failed' : 'retrying';
      }
      await tx.update(emails).set({ attempts, status: 'sent', sentAt: svc.now(), lastError: null }).where(eq(emails.id, row.id));
      return 'sent';
    });
    if (!outcome) break;
    result[outcome]++;
  }
  return result;
}

/** Sends one e-mail; answers a short reason when it was not accepted, else null. */
async function trySend(svc: Services, transport: MailTransport, row: typeof emails.$inferSelect): Promise<string | null> {
  let text: string;
  try {
    text = svc.keyring.decrypt(row.bodyEncrypted);
  } catch {
    // Sealed with a key that is no longer configured (PEERBRIDGE_PREVIOUS_KEYS).
    return 'EDECRYPT';
  }
  try {
    await transport.sendMail({ from: svc.config.mailFrom, to: row.toAddress, subject: row.subject, text });
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
