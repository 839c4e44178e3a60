import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { AppError, fieldError, notFound } from '../../lib/errors.ts';
import { checkinQuestions } from '../../../shared/contracts/training.ts';
import type { CheckinAnswers, CheckinBody, FlagReason, MyCheckinView, TeamCheckinView } from '../../../shared/contracts/training-work.ts';
import type { Keyring } from '../../lib/crypto.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { persons } from '../persons/persons.tables.ts';
import { dayOf } from '../recruitment/recruitment.policy.ts';
import { assertCan } from './training.policy.ts';
import { findOwnParticipations, findTrainingTeam, userNamesOf, weekKindOf, weekStartOn } from './training-work.repo.ts';
import { trainingWorkText } from './training-work.texts.ts';
import { checkins, participants } from './training.tables.ts';

type CheckinRow = typeof checkins.$inferSelect;

/**
 * When a check-in should reach the team: a low answer (≤ 2 of 5) on its own, or a drop against the
 * participant's previous check-in (the sum by 3 or more, or one answer by 2 or more). A drop matters
 * even from a high level: it is the change the team follows, not only the level.
 */
export function flagReasonsOf(answers: CheckinAnswers, previous: CheckinAnswers | null): FlagReason[] {
  const reasons: FlagReason[] = [];
  if (checkinQuestions.some((q) => answers[q] <= 2)) reasons.push('low_answer');
  if (previous) {
    const sum = (a: CheckinAnswers) => checkinQuestions.reduce((n, q) => n + a[q], 0);
    if (sum(previous) - sum(answers) >= 3) reasons.push('sum_dropped');
    if (checkinQuestions.some((q) => previous[q] - answers[q] >= 2)) reasons.push('answer_dropped');
  }
  return reasons;
}

export function myCheckinViewOf(keyring: Keyring, c: CheckinRow): MyCheckinView {
  return { id: c.id, week: c.week, answers: c.answers, comment: c.commentEncrypted ? keyring.decrypt(c.commentEncrypted) : null, submittedAt: c.submittedAt.toISOString() };
}

/**
 * The caller's check-in for a study week of their active cohort that has started. Sent again it
 * replaces the answers, but a flag once raised stays: the team was told and should see why.
 */
export async function submitCheckin(ctx: Ctx, input: CheckinBody): Promise<MyCheckinView> {
  assertCan(ctx.actor, 'training.participate');
  const now = ctx.now();
  const own = (await findOwnParticipations(ctx.db, ctx.actor)).find((r) => r.participant.status === 'active');
  if (!own) throw notFound();
  const { participant, cohort, course } = own;
  if (weekKindOf(course, input.week) !== 'study' || weekStartOn(cohort.startsOn, input.week) > dayOf(now)) throw fieldError('week', 'field.invalid_value');
  const saved = await ctx.db.transaction(async (tx) => {
    const [previous] = await tx.select().from(checkins).where(and(eq(checkins.participantId, participant.id), lt(checkins.week, input.week))).orderBy(desc(checkins.week)).limit(1);
    const [existing] = await tx.select().from(checkins).where(and(eq(checkins.participantId, participant.id), eq(checkins.week, input.week)));
    const found = flagReasonsOf(input.answers, previous?.answers ?? null);
    const reasons = [...new Set([...(existing?.flagReasons ?? []), ...found])];
    const values = {
      answers: input.answers,
      commentEncrypted: input.comment ? ctx.keyring.encrypt(input.comment) : null,
      flagged: reasons.length > 0,
      flagReasons: reasons,
      submittedAt: now,
    };
    const [row] = existing
      ? await tx.update(checkins).set(values).where(eq(checkins.id, existing.id)).returning()
      : await tx.insert(checkins).values({ tenantId: ctx.actor.tenantId, participantId: participant.id, week: input.week, ...values }).returning();
    if (values.flagged && !existing?.flagged) {
      // The e-mail only points to Peerbridge: how someone is doing is not written into a mailbox.
      for (const member of await findTrainingTeam(tx, ctx.actor.tenantId)) {
        const params = { name: member.name, cohort: cohort.title, link: `${ctx.config.publicOrigin}/training/participants/${participant.id}` };
        await ctx.mailer.enqueue(tx, { tenantId: ctx.actor.tenantId, to: member.email, subject: trainingWorkText(member.locale, 'flagged.subject', params), text: trainingWorkText(member.locale, 'flagged.body', params) });
      }
    }
    await writeAudit(tx, { actor: ctx.actor, now }, { action: 'checkin.submit', recordType: 'checkin', recordId: row!.id, subjectPersonId: participant.personId, details: { week: input.week, flagged: values.flagged } });
    return row!;
  });
  ctx.mailer.kick();
  return myCheckinViewOf(ctx.keyring, saved);
}

/** Check-ins as the team sees them; the comments shown are audited, once per participant. */
async function teamViewsOf(ctx: Ctx, rows: { checkin: CheckinRow; name: string; cohortId: string; personId: string }[]): Promise<TeamCheckinView[]> {
  const now = ctx.now();
  const withComment = new Map(rows.filter((r) => r.checkin.commentEncrypted).map((r) => [r.checkin.participantId, r.personId]));
  if (withComment.size > 0) {
    await ctx.db.transaction(async (tx) => {
      for (const [participantId, personId] of withComment) {
        await writeAudit(tx, { actor: ctx.actor, now }, { action: 'checkin.read', recordType: 'participant', recordId: participantId, subjectPersonId: personId });
      }
    });
  }
  const names = await userNamesOf(ctx.db, rows.map((r) => r.checkin.flagSeenBy));
  return rows.map(({ checkin: c, name, cohortId }) => ({
    ...myCheckinViewOf(ctx.keyring, c),
    participantId: c.participantId,
    participantName: name,
    cohortId,
    flagged: c.flagged,
    flagReasons: c.flagReasons as FlagReason[],
    flagSeenAt: c.flagSeenAt?.toISOString() ?? null,
    flagSeenByName: c.flagSeenBy ? (names.get(c.flagSeenBy) ?? null) : null,
  }));
}

const teamColumns = { checkin: checkins, name: persons.fullName, cohortId: participants.cohortId, personId: participants.personId };

export async function findCheckins(ctx: Ctx, q: { cohortId?: string; participantId?: string; flagged?: boolean }): Promise<TeamCheckinView[]> {
  assertCan(ctx.actor, 'training.manage');
  const where: SQL[] = [eq(checkins.tenantId, ctx.actor.tenantId)];
  if (q.cohortId) where.push(eq(participants.cohortId, q.cohortId));
  if (q.participantId) where.push(eq(checkins.participantId, q.participantId));
  if (q.flagged !== undefined) where.push(eq(checkins.flagged, q.flagged));
  const rows = await ctx.db
    .select(teamColumns)
    .from(checkins)
    .innerJoin(participants, eq(participants.id, checkins.participantId))
    .innerJoin(persons, eq(persons.id, participants.personId))
    .where(and(...where))
    .orderBy(desc(checkins.submittedAt))
    .limit(500);
  return teamViewsOf(ctx, rows);
}

/** Someone in the team has looked at the flag (who and when are kept, so nobody wonders whether it was seen). */
export async function markFlagSeen(ctx: Ctx, id: string): Promise<TeamCheckinView> {
  assertCan(ctx.actor, 'training.manage');
  const now = ctx.now();
  const load = () =>
    ctx.db
      .select(teamColumns)
      .from(checkins)
      .innerJoin(participants, eq(participants.id, checkins.participantId))
      .innerJoin(persons, eq(persons.id, participants.personId))
      .where(and(eq(checkins.id, id), eq(checkins.tenantId, ctx.actor.tenantId)));
  const [row] = await load();
  if (!row) throw notFound();
  if (!row.checkin.flagged) throw new AppError('CONFLICT');
  if (!row.checkin.flagSeenAt) {
    await ctx.db.transaction(async (tx) => {
      await tx.update(checkins).set({ flagSeenAt: now, flagSeenBy: ctx.actor.userId }).where(eq(checkins.id, id));
      await writeAudit(tx, { actor: ctx.actor, now }, { action: 'checkin.flag_seen', recordType: 'checkin', recordId: id, subjectPersonId: row.personId });
    });
  }
  const [after] = await load();
  const [view] = await teamViewsOf(ctx, [after!]);
  return view!;
}
