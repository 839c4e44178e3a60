import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import { createTestApp, asBrowser, type TestApp } from '../../../../tests/helpers/test-app.ts';
import { emails } from '../mail/mail.tables.ts';
import { startSmtpCapture, type SmtpCapture } from '../mail/mail.smtp-capture.ts';
import { createOutboxMailer } from '../mail/mailer.ts';
import { EMAIL_QUEUE, RETENTION_QUEUE, INTERVIEW_REMINDERS_QUEUE, ENROLMENT_REMINDERS_QUEUE, startJobs, type JobRunner } from './jobs.ts';
import { bossDbOf } from './boss-db.ts';

const log = pino({ level: 'silent' });
let smtp: SmtpCapture;
let t: TestApp;
let admin: string;

beforeAll(async () => {
  smtp = await startSmtpCapture();
  t = await createTestApp({ SMTP_URL: smtp.url });
  admin = await t.signIn('admin');
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const statusOf = async (to: string) => (await t.svc.db.select({ status: emails.status }).from(emails).where(eq(emails.toAddress, to)))[0]?.status;

async function waitFor(check: () => Promise<boolean>, ms = 15_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

const createUser = (email: string) =>
  t.app.inject({ method: 'POST', url: '/api/users', payload: { email, name: 'Ny Användare', roles: ['coordinator'], locale: 'en' }, headers: asBrowser(admin) });

describe('job queue on the test database', () => {
  let runner: JobRunner | undefined;

  it('starts in two app processes at once and sends mail left queued before the start exactly once', async () => {
    const leftOver = Array.from({ length: 5 }, (_, i) => `left.over.${i}@region.example`);
    for (const to of leftOver) await t.svc.mailer.enqueue(t.svc.db, { tenantId: null, to, subject: `Left over ${to}`, text: 'From before a restart' });
    // A second process: the same database, a mailer of its own.
    const other = { ...t.svc, mailer: createOutboxMailer({ keyring: t.svc.keyring, smtpConfigured: true }) };

    const [first, second] = await Promise.all([startJobs(t.svc, log, { pollingIntervalSeconds: 30 }), startJobs(other, log, { pollingIntervalSeconds: 30 })]);
    runner = first;
    await waitFor(async () => (await Promise.all(leftOver.map(statusOf))).every((s) => s === 'sent'));
    await second.stop();

    expect(smtp.messages.map((m) => m.to[0]).sort()).toEqual(leftOver);
  });

  it('sends the mail of a new use case as soon as it commits', async () => {
    smtp.messages.length = 0;
    // Polling every 30 s: only the kick after commit can deliver this within the wait.
    expect((await createUser('kicked@region.example')).statusCode).toBe(201);
    await waitFor(async () => (await statusOf('kicked@region.example')) === 'sent', 10_000);
    expect(smtp.messages.map((m) => [m.to, m.subject])).toEqual([[['kicked@region.example'], 'Welcome to Peerbridge']]);
  });

  it('schedules the delivery safety net every minute, interview and course reminders every 15 minutes and the retention sweep every hour', async () => {
    const { rows } = await t.database.raw.query<{ name: string; cron: string }>('select name, cron from pgboss.schedule order by name');
    expect(rows).toEqual([
      { name: EMAIL_QUEUE, cron: '* * * * *' },
      { name: ENROLMENT_REMINDERS_QUEUE, cron: '*/15 * * * *' },
      { name: INTERVIEW_REMINDERS_QUEUE, cron: '*/15 * * * *' },
      { name: RETENTION_QUEUE, cron: '17 * * * *' },
    ]);
  });

  it('stops: later mail stays queued and the database stays usable', async () => {
    await runner!.stop();
    expect((await createUser('after.stop@region.example')).statusCode).toBe(201);
    await new Promise((r) => setTimeout(r, 500));
    expect(await statusOf('after.stop@region.example')).toBe('queued');
    expect((await t.app.inject({ url: '/api/health' })).statusCode).toBe(200);
  });

  it('leaves the shared database usable when a multi-statement queue command fails', async () => {
    const db = bossDbOf(t.database);
    await expect(db.executeSql('BEGIN; SELECT 1; SELECT 1/0; COMMIT;', [])).rejects.toThrow(/division by zero/);
    for (let i = 0; i < 6; i++) expect((await t.database.raw.query<{ ok: number }>('select 1 as ok')).rows).toEqual([{ ok: 1 }]);
  });
});
