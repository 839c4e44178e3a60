import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../context.ts';
import { AppError, notFound, type FieldReason } from '../../lib/errors.ts';
import type { ScoreView, scoreBody } from '../../../shared/contracts/recruitment.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { moveToStage } from './application-stages.ts';
import { applications, intakes, interviews, interviewScores, interviewSlots } from './recruitment.tables.ts';
import { assertCanScore } from './interviews.policy.ts';
import { assertCan } from './recruitment.policy.ts';

type Scored = { id: string; score: number };

/**
 * Keeps the scores in the intake's order and names what is wrong: an id the intake does not have,
 * or (when submitting) a question or criterion left without a score.
 */
function checkScores(field: string, given: Scored[], known: readonly string[], submit: boolean, fields: Record<string, FieldReason>): Scored[] {
  const byId = new Map(given.map((g) => [g.id, g.score]));
  if ([...byId.keys()].some((id) => !known.includes(id))) fields[field] = { key: 'field.criterion_unknown' };
  else if (submit && known.some((id) => !byId.has(id))) fields[field] = { key: 'field.criterion_missing' };
  return known.filter((id) => byId.has(id)).map((id) => ({ id, score: byId.get(id)! }));
}

/**
 * Saves the caller's own scores for an interview, as a draft or submitted. Each interviewer scores
 * alone (seed 002): the answer holds only the caller's scores. A submitted score is final, and the
 * first one marks the application interviewed.
 */
export async function scoreInterview(ctx: Ctx, interviewId: string, input: z.infer<typeof scoreBody>): Promise<ScoreView> {
  assertCan(ctx.actor, 'applications.review');
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ slot: interviewSlots, app: applications, questions: intakes.questions, criteria: intakes.criteria })
      .from(interviews)
      .innerJoin(interviewSlots, eq(interviewSlots.id, interviews.slotId))
      .innerJoin(applications, eq(applications.id, interviews.applicationId))
      .innerJoin(intakes, eq(intakes.id, applications.intakeId))
      .where(and(eq(interviews.id, interviewId), eq(interviews.tenantId, ctx.actor.tenantId)))
      .for('update', { of: applications });
    if (!row) throw notFound();
    assertCanScore(ctx.actor, row.slot);
    if (row.app.stage !== 'interview_invited' && row.app.stage !== 'interviewed') throw new AppError('WRONG_STAGE');
    // Scores are submitted from the interview itself: before it starts only a draft can be saved.
    if (input.submit && row.slot.startsAt > now) throw new AppError('WRONG_STAGE');

    const fields: Record<string, FieldReason> = {};
    const questionScores = checkScores('questionScores', input.questionScores.map((q) => ({ id: q.questionId, score: q.score })), row.questions.map((q) => q.id), input.submit, fields)
      .map(({ id, score }) => ({ questionId: id, score }));
    const criterionScores = checkScores('criterionScores', input.criterionScores.map((c) => ({ id: c.criterionId, score: c.score })), row.criteria.map((c) => c.id), input.submit, fields)
      .map(({ id, score }) => ({ criterionId: id, score }));
    if (Object.keys(fields).length > 0) throw new AppError('VALIDATION_FAILED', { fields });

    const values = {
      questionScores,
      criterionScores,
      notesEncrypted: input.notes ? ctx.keyring.encrypt(input.notes) : null,
      submittedAt: input.submit ? now : null,
      updatedAt: now,
    };
    const [saved] = await tx
      .insert(interviewScores)
      .values({ tenantId: ctx.actor.tenantId, interviewId, interviewerUserId: ctx.actor.userId, ...values })
      .onConflictDoUpdate({ target: [interviewScores.interviewId, interviewScores.interviewerUserId], set: values, setWhere: isNull(interviewScores.submittedAt) })
      .returning({ id: interviewScores.id });
    if (!saved) throw new AppError('CONFLICT');
    if (input.submit) await moveToStage(tx, row.app, 'interviewed', { byUserId: ctx.actor.userId, now });
    await writeAudit(tx, { actor: ctx.actor, now }, {
      action: 'interview.score',
      recordType: 'interview',
      recordId: interviewId,
      subjectPersonId: row.app.personId,
      details: { submitted: input.submit },
    });
    return {
      interviewerUserId: ctx.actor.userId,
      interviewerName: ctx.actor.name,
      questionScores,
      criterionScores,
      notes: input.notes,
      submittedAt: values.submittedAt?.toISOString() ?? null,
    };
  });
}
