import { and, eq, isNull } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import type { ApplicationDetail, Decision } from '../../../shared/contracts/recruitment.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { personStages } from '../persons/persons.tables.ts';
import { cancelComingInterview } from './interviews.service.ts';
import { moveToStage } from './application-stages.ts';
import { statusUrlFor } from './application-token.ts';
import { formatDay, letterKey, recruitmentText } from './decision.texts.ts';
import { assertCan, assertCanDecide, assertCanWithdraw, dayOf, purgeDayFrom } from './recruitment.policy.ts';
import { getRecord, readApplication } from './applications.service.ts';
import type { ApplicationRecord } from './applications.repo.ts';
import { applications } from './recruitment.tables.ts';

const textParams = (ctx: Ctx, rec: ApplicationRecord) => ({
  name: rec.person.fullName,
  intake: rec.intake.title,
  course: rec.intake.courseName,
  reference: rec.app.reference,
  tenant: ctx.actor.tenantName,
  link: statusUrlFor(ctx, rec.app),
});

/**
 * A decision letter to start from, in the applicant's language. A "no" tells the day everything is
 * deleted (the intake's retention time from today), so the applicant can fetch a copy before.
 */
export async function draftDecision(ctx: Ctx, id: string, decision: Decision) {
  assertCan(ctx.actor, 'applications.decide');
  const rec = await getRecord(ctx.db, ctx, id);
  assertCanDecide(rec.app.stage, decision);
  const locale = rec.app.locale;
  const purgeAfter = decision === 'not_admitted' ? purgeDayFrom(ctx.now(), rec.intake.retentionMonths) : null;
  const letter = recruitmentText(locale, letterKey(decision), { ...textParams(ctx, rec), purgeDate: purgeAfter ? formatDay(locale, purgeAfter) : '' });
  return { letter, locale, purgeAfter };
}

/**
 * Decides and sends the (edited) letter by e-mail with the personal link. Admission ends the
 * person's applicant stage: they are ready to be placed in a cohort by the training team.
 */
export async function decideApplication(ctx: Ctx, id: string, input: { decision: Decision; letter: string }): Promise<ApplicationDetail> {
  assertCan(ctx.actor, 'applications.decide');
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const rec = await getRecord(tx, ctx, id, true);
    assertCanDecide(rec.app.stage, input.decision);
    const purgeAfter = input.decision === 'not_admitted' ? purgeDayFrom(now, rec.intake.retentionMonths) : null;
    await tx
      .update(applications)
      .set({ decision: input.decision, decidedAt: now, decidedBy: ctx.actor.userId, decisionLetterEncrypted: ctx.keyring.encrypt(input.letter), purgeAfter, updatedAt: now })
      .where(eq(applications.id, id));
    await moveToStage(tx, rec.app, input.decision, { byUserId: ctx.actor.userId, now });
    if (input.decision === 'admitted') {
      await tx
        .update(personStages)
        .set({ endedOn: dayOf(now) })
        .where(and(eq(personStages.personId, rec.app.personId), eq(personStages.kind, 'applicant'), isNull(personStages.endedOn)));
    }
    const params = { ...textParams(ctx, rec), letter: input.letter };
    await ctx.mailer.enqueue(tx, {
      tenantId: ctx.actor.tenantId,
      to: rec.app.email,
      subject: recruitmentText(rec.app.locale, 'decision.subject', params),
      text: recruitmentText(rec.app.locale, 'decision.body', params),
    });
    await writeAudit(tx, { actor: ctx.actor, now }, { action: 'application.decide', recordType: 'application', recordId: id, subjectPersonId: rec.app.personId, details: { decision: input.decision, from: rec.app.stage } });
  });
  ctx.mailer.kick();
  return readApplication(ctx, id);
}

/**
 * Records a withdrawal the applicant made by phone or mail, with the same effect as their own from
 * the status page: deletion after the retention time, and a booked interview time set free.
 */
export async function withdrawApplication(ctx: Ctx, id: string): Promise<ApplicationDetail> {
  assertCan(ctx.actor, 'applications.decide');
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const rec = await getRecord(tx, ctx, id, true);
    assertCanWithdraw(rec.app.stage);
    const purgeAfter = purgeDayFrom(now, rec.intake.retentionMonths);
    await tx.update(applications).set({ withdrawnAt: now, purgeAfter, updatedAt: now }).where(eq(applications.id, id));
    await moveToStage(tx, rec.app, 'withdrawn', { byUserId: ctx.actor.userId, now });
    const calendarCancel = await cancelComingInterview(ctx, tx, id, ctx.actor);
    const params = { ...textParams(ctx, rec), purgeDate: formatDay(rec.app.locale, purgeAfter) };
    await ctx.mailer.enqueue(tx, {
      tenantId: ctx.actor.tenantId,
      to: rec.app.email,
      subject: recruitmentText(rec.app.locale, 'withdrawn.subject', params),
      text: recruitmentText(rec.app.locale, 'withdrawn.body', params),
      // A coming interview leaves the applicant's calendar too.
      attachments: calendarCancel ? [calendarCancel] : [],
    });
    await writeAudit(tx, { actor: ctx.actor, now }, { action: 'application.withdraw', recordType: 'application', recordId: id, subjectPersonId: rec.app.personId, details: { from: rec.app.stage } });
  });
  ctx.mailer.kick();
  return readApplication(ctx, id);
}
