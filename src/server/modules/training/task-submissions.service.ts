import { and, asc, eq } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { AppError, fieldError, notFound } from '../../lib/errors.ts';
import type { Keyring } from '../../lib/crypto.ts';
import type { TaskSubmissionRow, TaskSubmissionView } from '../../../shared/contracts/training-work.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { persons } from '../persons/persons.tables.ts';
import { assertCan } from './training.policy.ts';
import { assertTeamOrParticipant, assertTeamOrSelf } from './training-work.policy.ts';
import { getTask } from './tasks.service.ts';
import type { TaskUpload } from './task-file.ts';
import { getParticipantRecord, userNamesOf } from './training-work.repo.ts';
import { trainingWorkText } from './training-work.texts.ts';
import { cohorts, participants, reflectionTasks, taskSubmissions } from './training.tables.ts';

type SubmissionRow = typeof taskSubmissions.$inferSelect;

export function submissionViewOf(keyring: Keyring, s: SubmissionRow, names: Map<string, string>): TaskSubmissionView {
  return {
    id: s.id,
    taskId: s.taskId,
    text: s.textEncrypted ? keyring.decrypt(s.textEncrypted) : '',
    file: s.fileName ? { filename: s.fileName, mimeType: s.fileMimeType ?? 'application/octet-stream', sizeBytes: s.fileSizeBytes ?? 0 } : null,
    submittedAt: s.submittedAt.toISOString(),
    feedback: s.feedbackEncrypted ? keyring.decrypt(s.feedbackEncrypted) : null,
    feedbackAt: s.feedbackAt?.toISOString() ?? null,
    feedbackByName: s.feedbackBy ? (names.get(s.feedbackBy) ?? null) : null,
    canReplace: s.feedbackEncrypted === null,
  };
}

async function getSubmission(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select({ submission: taskSubmissions, personId: participants.personId })
    .from(taskSubmissions)
    .innerJoin(participants, eq(participants.id, taskSubmissions.participantId))
    .where(and(eq(taskSubmissions.id, id), eq(taskSubmissions.tenantId, tenantId)));
  if (!row) throw notFound();
  return row;
}

/** Hands in (or replaces) the caller's own answer to a task of their cohort, until feedback is given. */
export async function submitHandIn(ctx: Ctx, taskId: string, input: { text: string; upload: TaskUpload | null }): Promise<TaskSubmissionView> {
  assertCan(ctx.actor, 'training.participate');
  const now = ctx.now();
  const task = await getTask(ctx.db, ctx.actor.tenantId, taskId);
  const [own] = await ctx.db
    .select()
    .from(participants)
    .where(and(eq(participants.cohortId, task.cohortId), eq(participants.personId, ctx.actor.personId), eq(participants.tenantId, ctx.actor.tenantId)));
  // A task of a cohort the caller is not in is none of theirs.
  if (!own) throw notFound();
  if (own.status !== 'active') throw new AppError('WRONG_STAGE');
  if (!input.text && !input.upload) throw fieldError('text', 'field.required');
  const values = {
    textEncrypted: input.text ? ctx.keyring.encrypt(input.text) : null,
    fileName: input.upload?.filename ?? null,
    fileMimeType: input.upload?.mimeType ?? null,
    fileSizeBytes: input.upload?.sizeBytes ?? null,
    fileEncrypted: input.upload ? ctx.keyring.encrypt(input.upload.content.toString('base64')) : null,
    submittedAt: now,
  };
  const row = await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(taskSubmissions).where(and(eq(taskSubmissions.taskId, taskId), eq(taskSubmissions.participantId, own.id)));
    // Feedback answers what was handed in; a later replacement would leave it answering nothing.
    if (before?.feedbackEncrypted) throw new AppError('WRONG_STAGE');
    const [saved] = before
      ? await tx.update(taskSubmissions).set(values).where(eq(taskSubmissions.id, before.id)).returning()
      : await tx.insert(taskSubmissions).values({ tenantId: ctx.actor.tenantId, taskId, participantId: own.id, ...values }).returning();
    await writeAudit(tx, { actor: ctx.actor, now }, {
      action: before ? 'task_submission.replace' : 'task_submission.submit',
      recordType: 'task_submission',
      recordId: saved!.id,
      subjectPersonId: own.personId,
      details: { taskId, withFile: input.upload !== null },
    });
    return saved!;
  });
  return submissionViewOf(ctx.keyring, row, new Map());
}

/** Every participant of the task's cohort with their hand-in, decrypted; each hand-in read is audited. */
/** The hand-ins of a task; only the one participant's when `participantId` is given, so only those reads are audited. */
export async function findSubmissions(ctx: Ctx, taskId: string, participantId?: string): Promise<TaskSubmissionRow[]> {
  assertCan(ctx.actor, 'training.manage');
  const now = ctx.now();
  const task = await getTask(ctx.db, ctx.actor.tenantId, taskId);
  const rows = await ctx.db
    .select({ participant: participants, name: persons.fullName, submission: taskSubmissions })
    .from(participants)
    .innerJoin(persons, eq(persons.id, participants.personId))
    .leftJoin(taskSubmissions, and(eq(taskSubmissions.participantId, participants.id), eq(taskSubmissions.taskId, taskId)))
    .where(and(eq(participants.cohortId, task.cohortId), participantId ? eq(participants.id, participantId) : undefined))
    .orderBy(asc(persons.fullName));
  const names = await userNamesOf(ctx.db, rows.map((r) => r.submission?.feedbackBy ?? null));
  const read = rows.filter((r) => r.submission !== null);
  if (read.length > 0) {
    await ctx.db.transaction(async (tx) => {
      for (const r of read) {
        await writeAudit(tx, { actor: ctx.actor, now }, { action: 'task_submission.read', recordType: 'task_submission', recordId: r.submission!.id, subjectPersonId: r.participant.personId, details: { taskId } });
      }
    });
  }
  return rows.map((r) => ({
    participantId: r.participant.id,
    participantName: r.name,
    participantStatus: r.participant.status,
    submission: r.submission ? submissionViewOf(ctx.keyring, r.submission, names) : null,
  }));
}

export async function readSubmissionFile(ctx: Ctx, id: string): Promise<{ filename: string; mimeType: string; bytes: Buffer }> {
  assertTeamOrParticipant(ctx.actor);
  const { submission: s, personId } = await getSubmission(ctx.db, ctx.actor.tenantId, id);
  assertTeamOrSelf(ctx.actor, personId);
  if (!s.fileEncrypted || !s.fileName) throw notFound();
  // The owner reading their own file is not "someone read my data".
  if (ctx.actor.personId !== personId) {
    const now = ctx.now();
    await ctx.db.transaction((tx) =>
      writeAudit(tx, { actor: ctx.actor, now }, { action: 'task_submission.read', recordType: 'task_submission', recordId: id, subjectPersonId: personId, details: { file: true } }),
    );
  }
  return { filename: s.fileName, mimeType: s.fileMimeType ?? 'application/octet-stream', bytes: Buffer.from(ctx.keyring.decrypt(s.fileEncrypted), 'base64') };
}

/** Written feedback on a hand-in; the participant is told by e-mail, in their language, that it is there. */
export async function giveFeedback(ctx: Ctx, id: string, feedback: string): Promise<TaskSubmissionView> {
  assertCan(ctx.actor, 'training.manage');
  const now = ctx.now();
  const { submission } = await getSubmission(ctx.db, ctx.actor.tenantId, id);
  const rec = await getParticipantRecord(ctx.db, ctx.actor.tenantId, submission.participantId);
  const [task] = await ctx.db.select({ title: reflectionTasks.title, cohortTitle: cohorts.title }).from(reflectionTasks).innerJoin(cohorts, eq(cohorts.id, reflectionTasks.cohortId)).where(eq(reflectionTasks.id, submission.taskId));
  const saved = await ctx.db.transaction(async (tx) => {
    const [row] = await tx.update(taskSubmissions).set({ feedbackEncrypted: ctx.keyring.encrypt(feedback), feedbackBy: ctx.actor.userId, feedbackAt: now }).where(eq(taskSubmissions.id, id)).returning();
    if (rec.person.email) {
      const locale = rec.person.preferredLocale;
      const params = { name: rec.person.fullName, task: task!.title, cohort: task!.cohortTitle, tenant: ctx.actor.tenantName, link: `${ctx.config.publicOrigin}/my-training` };
      await ctx.mailer.enqueue(tx, { tenantId: ctx.actor.tenantId, to: rec.person.email, subject: trainingWorkText(locale, 'feedback.subject', params), text: trainingWorkText(locale, 'feedback.body', params) });
    }
    await writeAudit(tx, { actor: ctx.actor, now }, { action: 'task_submission.feedback', recordType: 'task_submission', recordId: id, subjectPersonId: rec.person.id, details: { taskId: submission.taskId } });
    return row!;
  });
  ctx.mailer.kick();
  return submissionViewOf(ctx.keyring, saved, new Map([[ctx.actor.userId, ctx.actor.name]]));
}
