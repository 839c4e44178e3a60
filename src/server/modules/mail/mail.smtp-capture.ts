import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';

/** Test helper: a real SMTP server on loopback that keeps what it receives. */
export type CapturedAttachment = { filename: string; contentType: string; content: string };
export type CapturedMail = { from: string; to: string[]; subject: string; text: string; attachments: CapturedAttachment[]; raw: string };

export type SmtpCapture = {
  /** For SMTP_URL; plain SMTP, since the server offers no STARTTLS. */
  url: string;
  messages: CapturedMail[];
  /** While set, every recipient is refused with this SMTP status (e.g. 550). */
  rejectRecipientsWith: number | null;
  /** Each message is answered after this many milliseconds, to make concurrent sends overlap. */
  delayMs: number;
  close(): Promise<void>;
};

export async function startSmtpCapture(): Promise<SmtpCapture> {
  const capture: SmtpCapture = { url: '', messages: [], rejectRecipientsWith: null, delayMs: 0, close: async () => {} };
  const server = new SMTPServer({
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (capture.rejectRecipientsWith === null) return callback();
      // The reply quotes the address, as real servers do, so tests can see it is not stored.
      const err = Object.assign(new Error(`<${address.address}>: Recipient address rejected`), { responseCode: capture.rejectRecipientsWith });
      callback(err);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        void simpleParser(raw).then((parsed) => {
          capture.messages.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: parsed.subject ?? '',
            text: (parsed.text ?? '').replace(/\r\n/g, '\n').trimEnd(),
            attachments: parsed.attachments.map((a) => ({ filename: a.filename ?? '', contentType: a.contentType, content: a.content.toString('utf8') })),
            raw,
          });
          setTimeout(() => callback(), capture.delayMs);
        }, callback);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  capture.url = `smtp://127.0.0.1:${port}`;
  capture.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return capture;
}
