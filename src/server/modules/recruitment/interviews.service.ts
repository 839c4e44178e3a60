import { and, eq, gt } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor, Ctx, Services } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { AppError, fieldError, notFound, type FieldReason } from '../../lib/errors.ts';
import type { SlotView, TeamSlotView, slotBody } from '../../../shared/contracts/recruitment.ts';
import { violatedConstraint } from '../../lib/db-errors.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { getApplicationByToken } from './application-token.ts';
import { interviews, interviewSlots } from './recruitment.tables.ts';
import { assertCan } from './recruitment.policy.ts';
import { applicantCalendarFile, mailApplicant, mailInterviewer, type InterviewVersion } from './interview-mail.ts';
import type { MailAttachment } from '../mail/mailer.ts';
import { REMINDER_WINDOW_MS } from './interview-reminders.ts';
import {
  findActiveTrainers,
  findIntake,
  findInterviewParties,
  findSlot,
  listInterviewsOf,
  listSlotViews,
  nextCalendarSequence,
  toSlotView,
  type SlotRow,
} from './interviews.repo.ts';

export async function findSlots(ctx: Ctx, intakeId: string): Promise<TeamSlotView[]> {
  assertCan(ctx.actor, 'applications.read');
  if (!(await findIntake(ctx.db, ctx.actor.tenantId, intakeId))) throw notFound();
  return listSlotViews(ctx.db, ctx.actor.tenantId, { intakeId });
}

export async function findInterviewers(ctx: Ctx): Promise<{ id: string; name: string }[]> {
  assertCan(ctx.actor, 'applications.read');
  return (await findActiveTrainers(ctx.db, ctx.actor.tenantId)).map(({ id, name }) => ({ id, name }));
}

/** The interviews the signed-in team member is an interviewer in, soonest first. */
export async function findMyInterviews(ctx: Ctx, filter: { intakeId?: string }) {
  assertCan(ctx.actor, 'applications.review');
  return listInterviewsOf(ctx.db, ctx.actor.tenantId, ctx.actor.userId, filter.intakeId);
}

/** Publishes a time for an interview, on site or by video, with interviewers from the training team. */
export async function createSlot(ctx: Ctx, input: z.infer<typeof slotBody>): Promise<TeamSlotView> {
  assertCan(ctx.actor, 'intakes.manage');
  const tenantId = ctx.actor.tenantId;
  if (!(await findIntake(ctx.db, tenantId, input.intakeId))) throw notFound();
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  const interviewerIds = [...new Set(input.interviewerUserIds)];
  const fields: Record<string, FieldReason> = {};
  if (endsAt <= startsAt) fields.endsAt = { key: 'field.ends_before_start' };
  if (input.mode === 'place' && !input.location) fields.location = { key: 'field.required' };
  if (input.mode === 'video' && !input.videoUrl) fields.videoUrl = { key: 'field.required' };
  if ((await findActiveTrainers(ctx.db, tenantId, interviewerIds)).length !== interviewerIds.length) {
    fields.interviewerUserIds = { key: 'field.invalid' };
  }
  if (Object.keys(fields).length > 0) throw new AppError('VALIDATION_FAILED', { fields });

  const id = await ctx.db.transaction(async (tx) => {
    const [slot] = await tx
      .insert(interviewSlots)
      .values({
        tenantId,
        intakeId: input.intakeId,
        startsAt,
        endsAt,
        mode: input.mode,
        location: input.mode === 'place' ? input.location! : null,
        videoUrl: input.mode === 'video' ? input.videoUrl! : null,
        interviewerUserIds: interviewerIds,
      })
      .returning({ id: interviewSlots.id });
    await writeAudit(tx, { actor: ctx.actor, now: ctx.now() }, { action: 'interview_slot.create', recordType: 'interview_slot', recordId: slot!.id, details: { intakeId: input.intakeId } });
    return slot!.id;
  });
  return (await listSlotViews(ctx.db, tenantId, { slotId: id }))[0]!;
}

/**
 * Removes a slot. A booked interview goes with it: the applicant (still invited) is told by e-mail,
 * with a calendar cancellation, to pick a new time, and the interviewers get the cancellation too.
 * A slot whose interview has been held (the application moved on) stays: its scores hang on it.
 */
export async function deleteSlot(ctx: Ctx, id: string): Promise<void> {
  assertCan(ctx.actor, 'intakes.manage');
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const slot = await findSlot(tx, ctx.actor.tenantId, id, 'update');
    if (!slot) throw notFound();
    // Deleted by slot, not by id: an interview moved away meanwhile is not this slot's any more.
    const [booked] = await tx.delete(interviews).where(eq(interviews.slotId, id)).returning();
    if (booked) {
      const parties = (await findInterviewParties(tx, booked.applicationId, { lock: false }))!;
      const stage = parties.app.stage;
      if (stage !== 'interview_invited' && stage !== 'withdrawn') throw new AppError('CONFLICT');
      const version = { interviewId: booked.id, sequence: await nextCalendarSequence(tx, booked.id, parties.app.personId), parties, slot };
      await writeAudit(tx, { actor: ctx.actor, now }, { action: 'interview.cancel', recordType: 'interview', recordId: booked.id, subjectPersonId: parties.app.personId, details: { slotId: id, applicationId: parties.app.id } });
      if (stage === 'interview_invited') {
        await mailApplicant(ctx, tx, 'cancelled', version);
        for (const who of await findActiveTrainers(tx, ctx.actor.tenantId, slot.interviewerUserIds)) await mailInterviewer(ctx, tx, 'cancelled', version, who);
      }
    }
    await tx.delete(interviewSlots).where(eq(interviewSlots.id, id));
    await writeAudit(tx, { actor: ctx.actor, now }, { action: 'interview_slot.delete', recordType: 'interview_slot', recordId: id, details: { intakeId: slot.intakeId, hadBooking: Boolean(booked) } });
  });
  ctx.mailer.kick();
}

/**
 * Cancels an application's coming interview when it is withdrawn (a held one stays with its scores
 * until the purge): frees the slot, sends the interviewers a calendar cancellation, and answers the
 * applicant's cancellation file for the caller to attach to the withdrawal receipt.
 */
export async function cancelComingInterview(svc: Services, tx: Db, applicationId: string, actor: Actor | null): Promise<MailAttachment | null> {
  const now = svc.now();
  const [row] = await tx
    .select({ interview: interviews, slot: interviewSlots })
    .from(interviews)
    .innerJoin(interviewSlots, eq(interviewSlots.id, interviews.slotId))
    .where(and(eq(interviews.applicationId, applicationId), gt(interviewSlots.startsAt, now)));
  if (!row) return null;
  const parties = (await findInterviewParties(tx, applicationId, { lock: false }))!;
  const version = { interviewId: row.interview.id, sequence: await nextCalendarSequence(tx, row.interview.id, parties.app.personId), parties, slot: row.slot };
  await tx.delete(interviews).where(eq(interviews.id, row.interview.id));
  await writeAudit(tx, { actor, tenantId: parties.app.tenantId, now }, {
    action: 'interview.cancel',
    recordType: 'interview',
    recordId: row.interview.id,
    subjectPersonId: parties.app.personId,
    details: { slotId: row.slot.id, applicationId },
  });
  for (const who of await findActiveTrainers(tx, parties.app.tenantId, row.slot.interviewerUserIds)) await mailInterviewer(svc, tx, 'cancelled', version, who);
  return applicantCalendarFile(svc, version, 'CANCEL');
}

/** The team assigns an invited applicant to a slot, or moves their interview to another one. */
export async function assignInterview(ctx: Ctx, input: { applicationId: string; slotId: string }): Promise<{ id: string; applicationId: string; slot: SlotView }> {
  assertCan(ctx.actor, 'applications.review');
  return placeInterview(ctx, { actor: ctx.actor, tenantId: ctx.actor.tenantId }, input.applicationId, input.slotId);
}

/** The applicant books or moves their own interview from the status page (the personal link's token). */
export async function bookInterview(svc: Services, token: string | null, slotId: string): Promise<void> {
  const app = await getApplicationByToken(svc.db, token);
  await placeInterview(svc, { actor: null, tenantId: app.tenantId }, app.id, slotId);
}

const slotTaken = () => new AppError('SLOT_TAKEN', { fields: { slotId: { key: 'field.slot_taken' } } });

/**
 * Books the slot for the application, or moves its interview there, and e-mails everyone concerned.
 * Two people racing for one slot: the unique index on `interviews.slot_id` lets exactly one win.
 */
async function placeInterview(
  svc: Services,
  by: { actor: Actor | null; tenantId: string },
  applicationId: string,
  slotId: string,
): Promise<{ id: string; applicationId: string; slot: SlotView }> {
  const now = svc.now();
  let changed = false;
  try {
    const result = await svc.db.transaction(async (tx) => {
      const parties = await findInterviewParties(tx, applicationId, { lock: true });
      if (!parties || parties.app.tenantId !== by.tenantId) throw notFound();
      // Only an invited applicant is booked: later the interview has been held, or the decision made.
      if (parties.app.stage !== 'interview_invited') throw new AppError('WRONG_STAGE');
      const slot = await findSlot(tx, by.tenantId, slotId, 'share');
      if (!slot || slot.intakeId !== parties.app.intakeId) throw notFound();
      if (slot.startsAt <= now) throw fieldError('slotId', 'field.invalid');

      const [current] = await tx.select().from(interviews).where(eq(interviews.applicationId, applicationId));
      if (current?.slotId === slot.id) return { id: current.id, applicationId, slot: toSlotView(slot) };
      const bookedBy = by.actor ? 'team' : 'applicant';
      // A new time gets its own day-before reminder, unless it is that close already: then this
      // e-mail is the reminder.
      const reminderSentAt = slot.startsAt.getTime() - now.getTime() <= REMINDER_WINDOW_MS ? now : null;
      let interviewId: string;
      if (current) {
        await tx.update(interviews).set({ slotId, bookedBy, reminderSentAt, updatedAt: now }).where(eq(interviews.id, current.id));
        interviewId = current.id;
      } else {
        const [row] = await tx
          .insert(interviews)
          .values({ tenantId: by.tenantId, applicationId, slotId, bookedBy, reminderSentAt, createdAt: now, updatedAt: now })
          .returning({ id: interviews.id });
        interviewId = row!.id;
      }
      const oldSlot = current ? await findSlot(tx, by.tenantId, current.slotId) : undefined;
      const version: InterviewVersion = { interviewId, sequence: await nextCalendarSequence(tx, interviewId, parties.app.personId), parties, slot };
      await writeAudit(tx, { actor: by.actor, tenantId: by.tenantId, now }, {
        action: by.actor ? 'interview.assign' : 'interview.book',
        recordType: 'interview',
        recordId: interviewId,
        subjectPersonId: parties.app.personId,
        details: { applicationId, slotId, previousSlotId: oldSlot?.id ?? null },
      });
      await mailEveryone(svc, tx, version, oldSlot);
      changed = true;
      return { id: interviewId, applicationId, slot: toSlotView(slot) };
    });
    if (changed) svc.mailer.kick();
    return result;
  } catch (err) {
    if (violatedConstraint(err, '23505') === 'interviews_slot_key') throw slotTaken();
    throw err;
  }
}

/**
 * The applicant gets the new time; the new slot's interviewers the event (an update for those who
 * were on the old slot too); interviewers only on the old slot get it cancelled.
 */
async function mailEveryone(svc: Services, tx: Db, version: InterviewVersion, oldSlot: SlotRow | undefined): Promise<void> {
  await mailApplicant(svc, tx, oldSlot ? 'moved' : 'booked', version);
  const before = new Set(oldSlot?.interviewerUserIds ?? []);
  const tenantId = version.parties.app.tenantId;
  for (const who of await findActiveTrainers(tx, tenantId, version.slot.interviewerUserIds)) {
    await mailInterviewer(svc, tx, before.has(who.id) ? 'moved' : 'booked', version, who);
  }
  if (!oldSlot) return;
  const gone = oldSlot.interviewerUserIds.filter((id) => !version.slot.interviewerUserIds.includes(id));
  if (gone.length === 0) return;
  for (const who of await findActiveTrainers(tx, tenantId, gone)) await mailInterviewer(svc, tx, 'cancelled', { ...version, slot: oldSlot }, who);
}
