import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { AppError, fieldError, notFound } from '../../lib/errors.ts';
import type { ApplicationDetail, ApplicationSummary, ReviewView, ScoreView, assessBody, bulkMoveBody } from '../../../shared/contracts/recruitment.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { isFinal, moveToStage } from './application-stages.ts';
import { statusUrlFor } from './application-token.ts';
import { recruitmentText } from './decision.texts.ts';
import { assignInterview } from './interviews.service.ts';
import { assertCan, assertCanAssess, dayOf, decisionDueOn, moveSources } from './recruitment.policy.ts';
import {
  findApplicationInTenant,
  findSummaryRow,
  interviewOf,
  letterFileOf,
  listSummaryRows,
  reviewsOf,
  timelineOf,
  userNameOf,
  type ApplicationFilter,
  type ApplicationRecord,
  type SummaryRow,
} from './applications.repo.ts';
import { applicationReviews } from './recruitment.tables.ts';

function toSummary(r: SummaryRow, now: Date): ApplicationSummary {
  // The promise runs from the interview day until a decision (or a withdrawal) ends it.
  const awaiting = r.interviewAt !== null && r.interviewAt <= now && r.decision === null && !isFinal(r.stage);
  const dueOn = awaiting ? decisionDueOn(r.interviewAt!, r.decisionDays) : null;
  return {
    id: r.id,
    intakeId: r.intakeId,
    intakeTitle: r.intakeTitle,
    reference: r.reference,
    name: r.name,
    email: r.email,
    municipality: r.municipality,
    track: r.track,
    stage: r.stage,
    submittedAt: r.submittedAt.toISOString(),
    reviewsSubmitted: r.reviewsSubmitted,
    myReviewSubmitted: r.myReviewSubmitted,
    interviewAt: r.interviewAt?.toISOString() ?? null,
    decisionDueOn: dueOn,
    isOverdue: dueOn !== null && dayOf(now) > dueOn,
  };
}

export async function findApplications(ctx: Ctx, filter: ApplicationFilter): Promise<ApplicationSummary[]> {
  assertCan(ctx.actor, 'applications.read');
  const now = ctx.now();
  return (await listSummaryRows(ctx.db, ctx.actor.tenantId, ctx.actor.userId, filter, now)).map((r) => toSummary(r, now));
}

export async function getRecord(db: Db, ctx: Ctx, id: string, lock = false): Promise<ApplicationRecord> {
  const rec = await findApplicationInTenant(db, ctx.actor.tenantId, id, lock);
  if (!rec) throw notFound();
  return rec;
}

/**
 * Each judges alone (seed 002): the others' assessments stay hidden from a reviewer until their own
 * is submitted and at least two are; a team member who is not reviewing sees them once two are.
 */
function blind<T extends { ownerId: string; submittedAt: string | null }>(items: T[], userId: string) {
  const mine = items.find((i) => i.ownerId === userId) ?? null;
  const submitted = items.filter((i) => i.submittedAt !== null);
  const visible = submitted.length >= 2 && (mine === null || mine.submittedAt !== null);
  return { mine, others: visible ? submitted.filter((i) => i.ownerId !== userId) : null, submittedCount: submitted.length };
}

const strip = <T extends { ownerId: string }>({ ownerId: _, ...rest }: T) => rest;
const decryptOr = (ctx: Ctx, value: string | null) => (value ? ctx.keyring.decrypt(value) : '');

async function reviewsBlock(db: Db, ctx: Ctx, applicationId: string): Promise<ApplicationDetail['reviews']> {
  const views = (await reviewsOf(db, applicationId)).map(({ review: r, reviewerName }) => ({
    ownerId: r.reviewerUserId,
    reviewerUserId: r.reviewerUserId,
    reviewerName,
    ratings: r.ratings,
    notes: decryptOr(ctx, r.notesEncrypted),
    submittedAt: r.submittedAt?.toISOString() ?? null,
  }));
  const b = blind(views, ctx.actor.userId);
  return { mine: b.mine && (strip(b.mine) satisfies ReviewView), others: b.others?.map(strip) ?? null, submittedCount: b.submittedCount };
}

async function interviewBlock(db: Db, ctx: Ctx, applicationId: string): Promise<ApplicationDetail['interview']> {
  const iv = await interviewOf(db, applicationId);
  if (!iv) return null;
  const scores = iv.scores.map(({ score: s, interviewerName }) => ({
    ownerId: s.interviewerUserId,
    interviewerUserId: s.interviewerUserId,
    interviewerName,
    questionScores: s.questionScores,
    criterionScores: s.criterionScores,
    notes: decryptOr(ctx, s.notesEncrypted),
    submittedAt: s.submittedAt?.toISOString() ?? null,
  }));
  const b = blind(scores, ctx.actor.userId);
  const { slot } = iv;
  return {
    id: iv.interview.id,
    slot: { id: slot.id, startsAt: slot.startsAt.toISOString(), endsAt: slot.endsAt.toISOString(), mode: slot.mode, location: slot.location, videoUrl: slot.videoUrl },
    interviewers: iv.interviewers,
    scores: { mine: b.mine && (strip(b.mine) satisfies ScoreView), others: b.others?.map(strip) ?? null, submittedCount: b.submittedCount },
  };
}

async function detailOf(db: Db, ctx: Ctx, rec: ApplicationRecord): Promise<ApplicationDetail> {
  const { app } = rec;
  const file = await letterFileOf(db, app.id);
  return {
    ...toSummary((await findSummaryRow(db, ctx.actor.tenantId, ctx.actor.userId, app.id))!, ctx.now()),
    phone: rec.person.phone,
    locale: app.locale,
    letter: app.letterEncrypted ? JSON.parse(ctx.keyring.decrypt(app.letterEncrypted)) : null,
    letterFile: file ? { filename: file.filename, mimeType: file.mimeType, sizeBytes: file.sizeBytes } : null,
    selfAssessment: JSON.parse(ctx.keyring.decrypt(app.selfAssessmentEncrypted)),
    workingGoalAcknowledged: app.workingGoalAcknowledged,
    timeline: await timelineOf(db, app.id),
    reviews: await reviewsBlock(db, ctx, app.id),
    interview: await interviewBlock(db, ctx, app.id),
    decision:
      app.decision && app.decidedAt
        ? { decision: app.decision, letter: decryptOr(ctx, app.decisionLetterEncrypted), decidedAt: app.decidedAt.toISOString(), decidedByName: await userNameOf(db, app.decidedBy) }
        : null,
    purgeAfter: app.purgeAfter,
  };
}

/** One application with its letter, self-assessment and notes decrypted; every reading is audited. */
export async function readApplication(ctx: Ctx, id: string): Promise<ApplicationDetail> {
  assertCan(ctx.actor, 'applications.read');
  return ctx.db.transaction(async (tx) => {
    const rec = await getRecord(tx, ctx, id, true);
    await writeAudit(tx, { actor: ctx.actor, now: ctx.now() }, { action: 'application.read', recordType: 'application', recordId: id, subjectPersonId: rec.app.personId });
    return detailOf(tx, ctx, rec);
  });
}

/** The uploaded letter's bytes, for download; audited like reading the letter. */
export async function readLetterFile(ctx: Ctx, id: string) {
  assertCan(ctx.actor, 'applications.read');
  return ctx.db.transaction(async (tx) => {
    const rec = await getRecord(tx, ctx, id, true);
    const file = await letterFileOf(tx, id);
    if (!file) throw notFound();
    await writeAudit(tx, { actor: ctx.actor, now: ctx.now() }, { action: 'application.letter_file.read', recordType: 'application', recordId: id, subjectPersonId: rec.app.personId });
    return { filename: file.filename, mimeType: file.mimeType, bytes: Buffer.from(ctx.keyring.decrypt(file.contentEncrypted), 'base64') };
  });
}

/**
 * Saves the caller's own assessment as a draft, or submits it (then every criterion must be rated
 * and it cannot change). The first assessment takes a received application into review.
 */
export async function assessApplication(ctx: Ctx, id: string, input: z.output<typeof assessBody>): Promise<ApplicationDetail['reviews']> {
  assertCan(ctx.actor, 'applications.review');
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const rec = await getRecord(tx, ctx, id, true);
    assertCanAssess(rec.app.stage);
    const known = new Set(rec.intake.criteria.map((c) => c.id));
    if (input.ratings.some((r) => !known.has(r.criterionId))) throw fieldError('ratings', 'field.criterion_unknown');
    const ratings = [...new Map(input.ratings.map((r) => [r.criterionId, r])).values()];
    if (input.submit && ratings.length < known.size) throw fieldError('ratings', 'field.criterion_missing');
    const values = { ratings, notesEncrypted: input.notes ? ctx.keyring.encrypt(input.notes) : null, submittedAt: input.submit ? now : null, updatedAt: now };
    const saved = await tx
      .insert(applicationReviews)
      .values({ tenantId: ctx.actor.tenantId, applicationId: id, reviewerUserId: ctx.actor.userId, ...values })
      .onConflictDoUpdate({ target: [applicationReviews.applicationId, applicationReviews.reviewerUserId], set: values, setWhere: sql`${applicationReviews.submittedAt} is null` })
      .returning({ id: applicationReviews.id });
    // A submitted assessment is final: the other reviewer may already have read it.
    if (saved.length === 0) throw new AppError('CONFLICT');
    if (rec.app.stage === 'received') await moveToStage(tx, rec.app, 'under_review', { byUserId: ctx.actor.userId, now });
    await writeAudit(tx, { actor: ctx.actor, now }, { action: 'application.assess', recordType: 'application', recordId: id, subjectPersonId: rec.app.personId, details: { submitted: input.submit } });
    return reviewsBlock(tx, ctx, id);
  });
}

type MoveTarget = z.output<typeof bulkMoveBody>['stage'];

/** Moves one application (already checked) and, for an invitation, e-mails the applicant their link to book a time. */
async function moveAndNotify(tx: Db, ctx: Ctx, rec: ApplicationRecord, stage: MoveTarget, now: Date, opts = { mail: true }): Promise<void> {
  await moveToStage(tx, rec.app, stage, { byUserId: ctx.actor.userId, now });
  await writeAudit(tx, { actor: ctx.actor, now }, { action: 'application.move', recordType: 'application', recordId: rec.app.id, subjectPersonId: rec.app.personId, details: { from: rec.app.stage, to: stage } });
  if (stage !== 'interview_invited' || !opts.mail) return;
  const params = { name: rec.person.fullName, intake: rec.intake.title, reference: rec.app.reference, link: statusUrlFor(ctx, rec.app), tenant: ctx.actor.tenantName };
  await ctx.mailer.enqueue(tx, {
    tenantId: ctx.actor.tenantId,
    to: rec.app.email,
    subject: recruitmentText(rec.app.locale, 'invite.subject', params),
    text: recruitmentText(rec.app.locale, 'invite.body', params),
  });
}

/** Moves many applications at once, all or nothing; those not in a stage the move starts from are skipped. */
export async function bulkMove(ctx: Ctx, input: z.output<typeof bulkMoveBody>): Promise<{ moved: number; skipped: number }> {
  assertCan(ctx.actor, 'applications.review');
  const now = ctx.now();
  const ids = [...new Set(input.ids)];
  const moved = await ctx.db.transaction(async (tx) => {
    let count = 0;
    for (const id of ids) {
      const rec = await findApplicationInTenant(tx, ctx.actor.tenantId, id);
      if (!rec || !moveSources[input.stage].includes(rec.app.stage)) continue;
      await moveAndNotify(tx, ctx, rec, input.stage, now);
      count += 1;
    }
    return count;
  });
  if (moved > 0) ctx.mailer.kick();
  return { moved, skipped: ids.length - moved };
}

/**
 * Invites one applicant to pick an interview time on their personal page, or, with `slotId`, books
 * that time for them at once: then the booking's e-mail (with its calendar file) is the invitation.
 * Invitation and booking stand or fall together.
 */
export async function inviteApplication(ctx: Ctx, id: string, slotId?: string): Promise<ApplicationDetail> {
  assertCan(ctx.actor, 'applications.review');
  await ctx.db.transaction(async (tx) => {
    const rec = await getRecord(tx, ctx, id, true);
    if (!moveSources.interview_invited.includes(rec.app.stage)) throw new AppError('WRONG_STAGE');
    await moveAndNotify(tx, ctx, rec, 'interview_invited', ctx.now(), { mail: !slotId });
    if (slotId) await assignInterview({ ...ctx, db: tx }, { applicationId: id, slotId });
  });
  ctx.mailer.kick();
  return readApplication(ctx, id);
}

