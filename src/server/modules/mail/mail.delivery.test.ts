import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { createTestApp, asBrowser, ORIGIN, type TestApp } from '../../../../tests/helpers/test-app.ts';
import { demoEmail } from '../../demo/seed.ts';
import { emails } from './mail.tables.ts';
import { createSmtpTransport, deliverPendingEmails, MAX_DELIVERY_ATTEMPTS, retryDelayMs, type MailTransport } from './mail.delivery.ts';
import { sql } from 'drizzle-orm';
import { startSmtpCapture, type SmtpCapture } from './mail.smtp-capture.ts';

let smtp: SmtpCapture;
let t: TestApp;
let transport: MailTransport;
let admin: string;

beforeAll(async () => {
  smtp = await startSmtpCapture();
  t = await createTestApp({ SMTP_URL: smtp.url, MAIL_FROM: 'Peerbridge <no-reply@region.example>' });
  transport = createSmtpTransport(t.config);
  admin = await t.signIn('admin');
});
afterAll(async () => {
  transport.close();
  await t.close();
  await smtp.close();
});
beforeEach(() => {
  smtp.messages.length = 0;
  smtp.rejectRecipientsWith = null;
  smtp.delayMs = 0;
});

const emailsTo = (to: string) => t.svc.db.select().from(emails).where(eq(emails.toAddress, to));

async function failSignIns(email: string, times: number) {
  for (let i = 0; i < times; i++) {
    await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: 'not-the-password' } });
  }
}

describe('e-mail delivery over SMTP', () => {
  it('delivers the welcome e-mail of a new user to its address, with subject and sign-in link', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      payload: { email: 'Greta.Nyberg@region.example', name: 'Greta Nyberg', roles: ['coordinator'], locale: 'sv' },
      headers: asBrowser(admin),
    });
    expect(res.statusCode).toBe(201);

    expect(await deliverPendingEmails(t.svc, transport)).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(smtp.messages).toHaveLength(1);
    const mail = smtp.messages[0]!;
    expect(mail.to).toEqual(['greta.nyberg@region.example']);
    expect(mail.from).toBe('no-reply@region.example');
    expect(mail.subject).toBe('Välkommen till Peerbridge');
    expect(mail.text).toContain('Hej Greta Nyberg!');
    expect(mail.text).toContain(`${ORIGIN}/sign-in`);
    const [row] = await emailsTo('greta.nyberg@region.example');
    expect(row).toMatchObject({ status: 'sent', attempts: 1, lastError: null, sentAt: t.clock.now() });
  });

  it('keeps an e-mail queued when the server refuses it, waits before the next try, then sends it', async () => {
    const email = demoEmail('trainer');
    await failSignIns(email, 5);
    smtp.rejectRecipientsWith = 550;

    expect(await deliverPendingEmails(t.svc, transport)).toEqual({ sent: 0, retrying: 1, failed: 0 });
    const [refused] = await emailsTo(email);
    expect(refused).toMatchObject({ status: 'queued', attempts: 1, sentAt: null });
    // The server's reply names the recipient; the stored reason must not.
    expect(refused!.lastError).toBe('EENVELOPE 550');

    smtp.rejectRecipientsWith = null;
    // Not yet due: a refusal is not hammered with retries.
    expect(await deliverPendingEmails(t.svc, transport)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    t.clock.advance(retryDelayMs(1));
    expect(await deliverPendingEmails(t.svc, transport)).toMatchObject({ sent: 1 });
    expect(smtp.messages.map((m) => [m.to, m.subject])).toEqual([[[email], 'Lås upp ditt Peerbridge-konto']]);
    expect(smtp.messages[0]!.text).toMatch(new RegExp(`${ORIGIN}/unlock\\?token=[\\w-]{43}`));
    expect((await emailsTo(email))[0]).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
  });

  it(`gives an e-mail up as failed after ${MAX_DELIVERY_ATTEMPTS} refused attempts and sends it no more`, async () => {
    const id = await t.svc.mailer.enqueue(t.svc.db, { tenantId: null, to: 'nobody@region.example', subject: 'Test', text: 'Body' });
    smtp.rejectRecipientsWith = 550;
    for (let i = 1; i < MAX_DELIVERY_ATTEMPTS; i++) {
      expect(await deliverPendingEmails(t.svc, transport)).toEqual({ sent: 0, retrying: 1, failed: 0 });
      t.clock.advance(retryDelayMs(i));
    }
    expect(await deliverPendingEmails(t.svc, transport)).toEqual({ sent: 0, retrying: 0, failed: 1 });

    smtp.rejectRecipientsWith = null;
    t.clock.advance(retryDelayMs(MAX_DELIVERY_ATTEMPTS));
    expect(await deliverPendingEmails(t.svc, transport)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(smtp.messages).toHaveLength(0);
    const [row] = await t.svc.db.select().from(emails).where(eq(emails.id, id));
    expect(row).toMatchObject({ status: 'failed', attempts: MAX_DELIVERY_ATTEMPTS });
  });

  it('never sends one e-mail twice when two delivery runs work at the same time', async () => {
    const count = 8;
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      ids.push(await t.svc.mailer.enqueue(t.svc.db, { tenantId: null, to: `peer${i}@region.example`, subject: `Reminder ${i}`, text: `Hello ${i}` }));
    }
    // Slow answers keep each run's row lock open while the other run looks for work.
    smtp.delayMs = 40;
    const second = createSmtpTransport(t.config);
    const [a, b] = await Promise.all([deliverPendingEmails(t.svc, transport), deliverPendingEmails(t.svc, second)]);
    second.close();

    expect(a.sent + b.sent).toBe(count);
    const subjects = smtp.messages.map((m) => m.subject).sort();
    expect(subjects).toEqual(Array.from({ length: count }, (_, i) => `Reminder ${i}`).sort());
    const rows = await t.svc.db.select().from(emails).where(inArray(emails.id, ids));
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
  });
});

describe('a slow SMTP server', () => {
  it('does not hold up the database while an e-mail is being sent', async () => {
    await t.svc.mailer.enqueue(t.svc.db, { tenantId: null, to: 'slow@region.example', subject: 'Slow', text: 'Body' });
    smtp.delayMs = 800;
    const order: string[] = [];
    const delivery = deliverPendingEmails(t.svc, transport).then(() => order.push('delivered'));
    await new Promise((r) => setTimeout(r, 150));
    // A write in its own transaction, as any request would make while the e-mail is on its way.
    await t.svc.db.transaction((tx) => tx.execute(sql`select count(*) from emails`)).then(() => order.push('request answered'));
    await delivery;
    expect(order).toEqual(['request answered', 'delivered']);
    expect(smtp.messages.map((m) => m.subject)).toEqual(['Slow']);
  });

  it('lets another run pick up an e-mail whose run died mid-send, once its claim has expired', async () => {
    const id = await t.svc.mailer.enqueue(t.svc.db, { tenantId: null, to: 'orphan@region.example', subject: 'Orphan', text: 'Body' });
    await t.svc.db.update(emails).set({ claimedUntil: new Date(t.clock.now().getTime() + 60_000), attempts: 1 }).where(eq(emails.id, id));
    expect(await deliverPendingEmails(t.svc, transport)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    t.clock.advance(5 * 60_000);
    expect(await deliverPendingEmails(t.svc, transport)).toEqual({ sent: 1, retrying: 0, failed: 0 });
  });
});

describe('demo mode (no SMTP_URL)', () => {
  it('keeps e-mails in the outbox an admin can read, and sends nothing', async () => {
    const demo = await createTestApp();
    try {
      const cookie = await demo.signIn('admin');
      const res = await demo.app.inject({
        method: 'POST',
        url: '/api/users',
        payload: { email: 'outbox.only@region.example', name: 'Outbox Only', roles: ['coordinator'], locale: 'en' },
        headers: asBrowser(cookie),
      });
      expect(res.statusCode).toBe(201);
      expect(await deliverPendingEmails(demo.svc, transport)).toEqual({ sent: 0, retrying: 0, failed: 0 });
      expect(smtp.messages).toHaveLength(0);
      const outbox = await demo.app.inject({ url: '/api/outbox', headers: { cookie } });
      expect(outbox.json().items).toEqual([expect.objectContaining({ to: 'outbox.only@region.example', status: 'outbox' })]);
    } finally {
      await demo.close();
    }
  });
});
