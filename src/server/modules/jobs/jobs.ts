import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { Services } from '../../context.ts';
import { bossDbOf, withStartupLock } from './boss-db.ts';
import { createSmtpTransport, deliverPendingEmails, type MailTransport } from '../mail/mail.delivery.ts';
import { runRetention } from '../retention/retention.service.ts';
import { sendInterviewReminders } from '../recruitment/interview-reminders.ts';
import { sendEnrolmentReminders } from '../training/enrolment-reminders.ts';

export type JobRunner = { stop(): Promise<void> };

export const EMAIL_QUEUE = 'email.deliver';
export const RETENTION_QUEUE = 'retention.sweep';
export const INTERVIEW_REMINDERS_QUEUE = 'interview.reminders';
export const ENROLMENT_REMINDERS_QUEUE = 'enrolment.reminders';
// Every minute: a safety net for e-mails whose kick was lost (crash after commit, SMTP down).
const EMAIL_SWEEP_CRON = '* * * * *';
// Hourly, off the full hour when other installations' jobs crowd the database.
const RETENTION_CRON = '17 * * * *';
// Every 15 minutes (interviews and Recovery College): "the day before" needs no more precision, and a run is idempotent.
const INTERVIEW_REMINDERS_CRON = '*/15 * * * *';

export type JobOptions = {
  /** How often an idle worker asks for work; a kick in this process wakes it at once. */
  pollingIntervalSeconds?: number;
  /** Tests pass a transport of their own; by default SMTP_URL is used when it is set. */
  transport?: MailTransport | null;
};

/**
 * Starts the durable job queue (pg-boss, in the `pgboss` schema of the app's own database, on
 * PGlite as on PostgreSQL) and its workers. Several app processes may run it against one
 * PostgreSQL: pg-boss fetches jobs with SKIP LOCKED and fires each cron once for all of them.
 */
export async function startJobs(svc: Services, log: Logger, opts: JobOptions = {}): Promise<JobRunner> {
  const boss = new PgBoss({ db: bossDbOf(svc.database), schedule: true, supervise: true, migrate: true });
  // pg-boss reports failed polls and maintenance as events; an unheard 'error' would end the process.
  boss.on('error', (err) => log.error({ err: err.message }, 'job queue error'));
  const transport = opts.transport !== undefined ? opts.transport : svc.config.smtpUrl ? createSmtpTransport(svc.config) : null;
  const work = { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2 };

  try {
    await withStartupLock(svc.database, async () => {
      await boss.start();
      // 'stately': at most one job waiting (plus one running), so a burst of kicks is one delivery run.
      await ensureQueue(boss, EMAIL_QUEUE, { policy: 'stately', retryLimit: 3, retryDelay: 30, expireInSeconds: 600 });
      await ensureQueue(boss, RETENTION_QUEUE, { policy: 'stately', retryLimit: 2, retryDelay: 300, expireInSeconds: 1800 });
      await boss.schedule(RETENTION_QUEUE, RETENTION_CRON);
      await ensureQueue(boss, INTERVIEW_REMINDERS_QUEUE, { policy: 'stately', retryLimit: 2, retryDelay: 60, expireInSeconds: 600 });
      await boss.schedule(INTERVIEW_REMINDERS_QUEUE, INTERVIEW_REMINDERS_CRON);
      await ensureQueue(boss, ENROLMENT_REMINDERS_QUEUE, { policy: 'stately', retryLimit: 2, retryDelay: 60, expireInSeconds: 600 });
      await boss.schedule(ENROLMENT_REMINDERS_QUEUE, INTERVIEW_REMINDERS_CRON);
      if (transport) await boss.schedule(EMAIL_QUEUE, EMAIL_SWEEP_CRON);
      // Demo mode: e-mails stay in the outbox; an earlier run with SMTP may have scheduled the sweep.
      else await boss.unschedule(EMAIL_QUEUE);
    });
  } catch (err) {
    await boss.stop({ graceful: false, wait: true }).catch(() => {});
    if (!opts.transport) transport?.close();
    throw err;
  }

  await boss.work(RETENTION_QUEUE, work, async () => {
    const deleted = await runRetention(svc);
    log.info({ deleted }, 'retention sweep done');
  });

  await boss.work(INTERVIEW_REMINDERS_QUEUE, work, async () => {
    const sent = await sendInterviewReminders(svc);
    if (sent > 0) log.info({ sent }, 'interview reminders sent');
  });
  await boss.work(ENROLMENT_REMINDERS_QUEUE, work, async () => {
    const sent = await sendEnrolmentReminders(svc);
    if (sent > 0) log.info({ sent }, 'Recovery College reminders sent');
  });

  if (transport) {
    const workerId = await boss.work(EMAIL_QUEUE, work, async () => {
      const result = await deliverPendingEmails(svc, transport);
      if (result.sent + result.retrying + result.failed > 0) log.info(result, 'e-mail delivery run');
    });
    const kick = () => {
      boss
        .send(EMAIL_QUEUE, {})
        .then(() => boss.notifyWorker(workerId))
        .catch((err: Error) => log.warn({ err: err.message }, 'could not queue e-mail delivery; the next sweep sends it'));
    };
    svc.mailer.setKickHandler(kick);
    kick();
  }

  return {
    async stop() {
      svc.mailer.setKickHandler(null);
      // Graceful: a running delivery may finish its send (an unfinished claim expires and is retried).
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
      if (!opts.transport) transport?.close();
    },
  };
}

/** Creates the queue (a no-op when another process already did) and applies changed options. */
async function ensureQueue(boss: PgBoss, name: string, options: Omit<PgBoss.Queue, 'name'>): Promise<void> {
  await boss.createQueue(name, { name, ...options });
  await boss.updateQueue(name, { name, ...options });
}
