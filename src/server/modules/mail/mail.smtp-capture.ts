import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** Test helper: a real SMTP server on loopback that keeps what it receives. */
export type CapturedMail = { from: string; to: string[]; subject: string; text: string; raw: string };

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
        const parsed = parseMessage(raw);
        capture.messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          ...parsed,
          raw,
        });
        setTimeout(() => callback(), capture.delayMs);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  capture.url = `smtp://127.0.0.1:${port}`;
  capture.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return capture;
}

/** Just enough MIME for a single text part: unfolded headers, encoded words, QP or base64 body. */
function parseMessage(raw: string): { subject: string; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head)?.[1] ?? '';
  const subject = header('Subject').replace(/=\?utf-8\?([qb])\?([^?]*)\?=\s*/gi, (_m, enc: string, word: string) =>
    enc.toLowerCase() === 'b' ? Buffer.from(word, 'base64').toString('utf8') : decodeQuotedPrintable(word.replace(/_/g, ' ')),
  );
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  const text =
    encoding === 'quoted-printable' ? decodeQuotedPrintable(body) : encoding === 'base64' ? Buffer.from(body, 'base64').toString('utf8') : body;
  return { subject: subject.trim(), text: text.replace(/\r\n/g, '\n').trimEnd() };
}

function decodeQuotedPrintable(s: string): string {
  const soft = s.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    const hex = soft.slice(i + 1, i + 3);
    if (soft[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(soft[i]!, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}
