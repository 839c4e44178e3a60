import type { Db } from '../../db/client.ts';
import type { Keyring } from '../../lib/crypto.ts';
import { emails } from './mail.tables.ts';

/** A file sent with an e-mail: an invitation's .ics, say. Kept small: it is stored in the outbox. */
/** `content` is text, or base64 of the bytes with `encoding: 'base64'` (a PDF), as nodemailer reads it. */
export type MailAttachment = { filename: string; contentType: string; content: string; encoding?: 'base64' };
export type OutgoingEmail = { tenantId: string | null; to: string; subject: string; text: string; attachments?: MailAttachment[] };

export type Mailer = {
  /** Writes the message in the caller's transaction; it is sent after commit by the e-mail job. */
  enqueue(tx: Db, message: OutgoingEmail): Promise<string>;
  /** Called after a commit that enqueued mail, so delivery need not wait for the next sweep. */
  kick(): void;
  /** The e-mail job registers here to be woken after a commit. */
  setKickHandler(fn: (() => void) | null): void;
};

export function createOutboxMailer(opts: { keyring: Keyring; smtpConfigured: boolean }): Mailer {
  let onKick: (() => void) | null = null;
  return {
    async enqueue(tx, message) {
      const [row] = await tx
        .insert(emails)
        .values({
          tenantId: message.tenantId,
          toAddress: message.to,
          subject: message.subject,
          bodyEncrypted: opts.keyring.encrypt(message.text),
          attachmentsEncrypted: message.attachments?.length ? opts.keyring.encrypt(JSON.stringify(message.attachments)) : null,
          // Without SMTP (demo mode) the message stays in the outbox that an admin can read.
          status: opts.smtpConfigured ? 'queued' : 'outbox',
        })
        .returning({ id: emails.id });
      return row!.id;
    },
    kick() {
      onKick?.();
    },
    setKickHandler(fn) {
      onKick = fn;
    },
  };
}
