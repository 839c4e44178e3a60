import { and, count, eq, isNull, like, sql } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { AppError, fieldError, notFound } from '../../lib/errors.ts';
import type { CompletionView } from '../../../shared/contracts/training-work.ts';
import type { MailAttachment } from '../mail/mailer.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { personStages } from '../persons/persons.tables.ts';
import { dayOf } from '../recruitment/recruitment.policy.ts';
import { assertCan } from './training.policy.ts';
import { assertTeamOrParticipant, assertTeamOrSelf } from './training-work.policy.ts';
import { insertNote } from './follow-up.service.ts';
import { certificateFilename, renderCertificate } from './certificate.ts';
import { attendanceFiguresOf, getParticipantRecord, type ParticipantRecord } from './training-work.repo.ts';
import { trainingWorkText } from './training-work.texts.ts';
import { pickText } from './training.repo.ts';
import { participants, peerProfiles, reflectionTasks, taskSubmissions } from './training.tables.ts';

export const certificateUrlOf = (participantId: string) => `/api/participants/${participantId}/certificate.pdf`;

/** Whether the course's criteria are met (issue 4, default: 80 % attendance and every reflection task), with the figures. */
async function completionOf(db: Db, rec: ParticipantRecord, now: Date) {
  const { participant: p, course } = rec;
  const rule = course.completion;
  const attendance = await attendanceFiguresOf(db, p, now);
  const [tasks] = await db.select({ n: count() }).from(reflectionTasks).where(eq(reflectionTasks.cohortId, p.cohortId));
  const [handedIn] = await db.select({ n: count() }).from(taskSubmissions).where(eq(taskSubmissions.participantId, p.id));
  const total = Number(tasks?.n ?? 0);
  const done = Number(handedIn?.n ?? 0);
  const attendanceMet = attendance.percent >= rule.minAttendancePercent;
  const tasksMet = !rule.allReflectionTasks || done >= total;
  return { rule, attendance, tasks: { total, handedIn: done }, attendanceMet, tasksMet, criteriaMet: attendanceMet && tasksMet };
}

export async function readCompletion(ctx: Ctx, participantId: string): Promise<CompletionView> {
  assertCan(ctx.actor, 'training.manage');
  const now = ctx.now();
  const rec = await getParticipantRecord(ctx.db, ctx.actor.tenantId, participantId);
  const { participant: p } = rec;
  const [profile] = await ctx.db.select({ id: peerProfiles.id }).from(peerProfiles).where(eq(peerProfiles.personId, p.personId));
  if (p.interruptionReasonEncrypted) {
    await ctx.db.transaction((tx) =>
      writeAudit(tx, { actor: ctx.actor, now }, { action: 'participant.read', recordType: 'participant', recordId: p.id, subjectPersonId: p.personId, details: { interruptionReason: true } }),
    );
  }
  return {
    participantId: p.id,
    status: p.status,
    ...(await completionOf(ctx.db, rec, now)),
    completedAt: p.completedAt?.toISOString() ?? null,
    certificateNumber: p.certificateNumber,
    certificateUrl: p.status === 'completed' ? certificateUrlOf(p.id) : null,
    peerProfileId: p.status === 'completed' ? (profile?.id ?? null) : null,
    interruption: p.interruptedAt && p.interruptionReasonEncrypted ? { at: p.interruptedAt.toISOString(), reason: ctx.keyring.decrypt(p.interruptionReasonEncrypted), returnLater: p.returnLater } : null,
  };
}

/** The next certificate number of the tenant and year, e.g. `PB-C-2026-0007`; call inside the transaction that stores it. */
export async function nextCertificateNumber(tx: Db, tenantId: string, year: string): Promise<string> {
  // Two completions at the same moment must not get the same number.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`certificate:${tenantId}`}))`);
  const prefix = `PB-C-${year}-`;
  const rows = await tx.select({ number: participants.certificateNumber }).from(participants).where(and(eq(participants.tenantId, tenantId), like(participants.certificateNumber, `${prefix}%`)));
  const last = Math.max(0, ...rows.map((r) => Number(r.number!.slice(prefix.length)) || 0));
  return `${prefix}${String(last + 1).padStart(4, '0')}`;
}

/**
 * The person becomes a peer: the participant stage ends and a peer stage starts, and their peer
 * profile is made (or kept) with their track; trained on both tracks over time, they are `both`.
 */
export async function makePeer(tx: Db, p: { tenantId: string; personId: string; cohortId: string; track: 'own_experience' | 'relative' | null }, day: string, now: Date): Promise<string> {
  await tx.update(personStages).set({ endedOn: day }).where(and(eq(personStages.personId, p.personId), eq(personStages.kind, 'participant'), isNull(personStages.endedOn)));
  const [openPeer] = await tx.select({ id: personStages.id }).from(personStages).where(and(eq(personStages.personId, p.personId), eq(personStages.kind, 'peer'), isNull(personStages.endedOn)));
  if (!openPeer) await tx.insert(personStages).values({ tenantId: p.tenantId, personId: p.personId, kind: 'peer', startedOn: day });
  const completed = await tx.select({ track: participants.track }).from(participants).where(and(eq(participants.personId, p.personId), eq(participants.status, 'completed')));
  const [existing] = await tx.select().from(peerProfiles).where(eq(peerProfiles.personId, p.personId));
  const tracks = new Set([p.track ?? 'own_experience', ...completed.map((c) => c.track ?? 'own_experience'), ...(existing ? [existing.track] : [])]);
  const track = tracks.size > 1 || tracks.has('both') ? 'both' : [...tracks][0]!;
  if (existing) {
    await tx.update(peerProfiles).set({ track }).where(eq(peerProfiles.id, existing.id));
    return existing.id;
  }
  const [created] = await tx.insert(peerProfiles).values({ tenantId: p.tenantId, personId: p.personId, track, status: 'active', trainedInCohortId: p.cohortId, createdAt: now }).returning({ id: peerProfiles.id });
  return created!.id;
}

async function certificateOf(db: Db, rec: ParticipantRecord, tenantName: string, now: Date) {
  const { participant: p, person, cohort, course } = rec;
  const locale = person.preferredLocale;
  const figures = await attendanceFiguresOf(db, p, now);
  const pdf = await renderCertificate({
    locale,
    tenantName,
    participantName: person.fullName,
    courseTitle: pickText(course.title, locale),
    cohortTitle: cohort.title,
    startsOn: cohort.startsOn,
    endsOn: cohort.endsOn,
    completedOn: dayOf(p.completedAt ?? now),
    hoursAttended: figures.hoursAttended,
    certificateNumber: p.certificateNumber ?? '',
  });
  return { filename: certificateFilename(locale, p.certificateNumber ?? ''), bytes: pdf };
}

/**
 * The team confirms a completion: refused below the course's criteria unless overridden with a
 * reason (kept as a follow-up note). Gives a certificate number, makes the person a peer, and
 * e-mails the certificate in the participant's language.
 */
export async function completeParticipant(ctx: Ctx, participantId: string, input: { override: boolean; reason?: string | undefined }): Promise<CompletionView> {
  assertCan(ctx.actor, 'training.manage');
  const now = ctx.now();
  const day = dayOf(now);
  const rec = await getParticipantRecord(ctx.db, ctx.actor.tenantId, participantId);
  if (rec.participant.status !== 'active') throw new AppError('WRONG_STAGE');
  const { criteriaMet } = await completionOf(ctx.db, rec, now);
  if (!criteriaMet && !input.override) throw new AppError('WRONG_STAGE');
  if (!criteriaMet && !input.reason) throw fieldError('reason', 'field.required');
  await ctx.db.transaction(async (tx) => {
    const number = await nextCertificateNumber(tx, ctx.actor.tenantId, day.slice(0, 4));
    const [done] = await tx
      .update(participants)
      .set({ status: 'completed', completedAt: now, certificateNumber: number })
      .where(and(eq(participants.id, participantId), eq(participants.status, 'active')))
      .returning();
    if (!done) throw new AppError('WRONG_STAGE');
    const peerProfileId = await makePeer(tx, done, day, now);
    if (!criteriaMet) {
      await insertNote(tx, ctx, { participantId, personId: done.personId }, trainingWorkText(ctx.actor.locale, 'note.override', { reason: input.reason! }), now);
    }
    const { person, cohort, course } = rec;
    if (person.email) {
      const locale = person.preferredLocale;
      const certificate = await certificateOf(tx, { ...rec, participant: done }, ctx.actor.tenantName, now);
      const params = { name: person.fullName, course: pickText(course.title, locale), cohort: cohort.title, number, tenant: ctx.actor.tenantName, link: `${ctx.config.publicOrigin}/my-training` };
      // nodemailer decodes `encoding: 'base64'`: the outbox keeps attachments as text.
      const attachment: MailAttachment = { filename: certificate.filename, contentType: 'application/pdf', content: certificate.bytes.toString('base64'), encoding: 'base64' };
      await ctx.mailer.enqueue(tx, { tenantId: ctx.actor.tenantId, to: person.email, subject: trainingWorkText(locale, 'completed.subject', params), text: trainingWorkText(locale, 'completed.body', params), attachments: [attachment] });
    }
    await writeAudit(tx, { actor: ctx.actor, now }, { action: 'participant.complete', recordType: 'participant', recordId: participantId, subjectPersonId: done.personId, details: { certificateNumber: number, override: !criteriaMet, peerProfileId } });
  });
  ctx.mailer.kick();
  return readCompletion(ctx, participantId);
}

/** The course is interrupted with a reason (it may touch on health: encrypted); the participant stage ends. */
export async function interruptParticipant(ctx: Ctx, participantId: string, input: { reason: string; returnLater: boolean }): Promise<CompletionView> {
  assertCan(ctx.actor, 'training.manage');
  const now = ctx.now();
  const rec = await getParticipantRecord(ctx.db, ctx.actor.tenantId, participantId);
  if (rec.participant.status !== 'active') throw new AppError('WRONG_STAGE');
  await ctx.db.transaction(async (tx) => {
    // Only an active participant: a completion that won the race (certificate, peer profile) stands.
    const [changed] = await tx
      .update(participants)
      .set({ status: 'interrupted', interruptedAt: now, returnLater: input.returnLater, interruptionReasonEncrypted: ctx.keyring.encrypt(input.reason) })
      .where(and(eq(participants.id, participantId), eq(participants.status, 'active')))
      .returning({ id: participants.id });
    if (!changed) throw new AppError('WRONG_STAGE');
    await tx.update(personStages).set({ endedOn: dayOf(now) }).where(and(eq(personStages.personId, rec.person.id), eq(personStages.kind, 'participant'), isNull(personStages.endedOn)));
    await writeAudit(tx, { actor: ctx.actor, now }, { action: 'participant.interrupt', recordType: 'participant', recordId: participantId, subjectPersonId: rec.person.id, details: { returnLater: input.returnLater } });
  });
  return readCompletion(ctx, participantId);
}

/** The certificate PDF, for the team or the participant themself, once completed. */
export async function readCertificate(ctx: Ctx, participantId: string): Promise<{ filename: string; bytes: Buffer }> {
  assertTeamOrParticipant(ctx.actor);
  const rec = await getParticipantRecord(ctx.db, ctx.actor.tenantId, participantId);
  assertTeamOrSelf(ctx.actor, rec.person.id);
  if (rec.participant.status !== 'completed') throw notFound();
  return certificateOf(ctx.db, rec, ctx.actor.tenantName, ctx.now());
}
