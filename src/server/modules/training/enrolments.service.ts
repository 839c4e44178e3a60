import { and, asc, count, eq, lt, max, or } from 'drizzle-orm';
import type { Actor, Ctx, Services } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { fieldError, notFound } from '../../lib/errors.ts';
import { randomToken, sha256Hex } from '../../lib/crypto.ts';
import type {
  CancelEnrolmentByTeamResult,
  CancelEnrolmentResult,
  CurrentEnrolmentView,
  EnrolmentBody,
  EnrolmentList,
  EnrolmentResult,
  EnrolmentView,
} from '../../../shared/contracts/recovery-college.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { normalizeEmail } from '../auth/auth.service.ts';
import { dayIn } from './schedule.ts';
import { cohorts, enrolments } from './training.tables.ts';
import { assertCan } from './training.policy.ts';
import { isReminderDue } from './enrolment-reminders.ts';
import { isNotErased } from './recovery-college.retention.ts';
import {
  cancelUrlOf,
  countsByCohort,
  findRun,
  isOpenForEnrolment,
  mailEnrolment,
  placesLeftOf,
  publicSessionsOf,
  type RunDetails,
} from './recovery-college.service.ts';

type EnrolmentRow = typeof enrolments.$inferSelect;

/** The waiting list's order, and the order places were taken in: first come, first served. */
const queueOrder = [asc(enrolments.createdAt), asc(enrolments.id)];

/**
 * Locks the run's cohort row for the rest of the transaction: every change of who holds a place
 * takes this lock first, so two people racing for the last place cannot both get it.
 */
export async function lockRun(tx: Db, cohortId: string): Promise<RunDetails | null> {
  const [locked] = await tx.select({ id: cohorts.id }).from(cohorts).where(eq(cohorts.id, cohortId)).for('update');
  return locked ? findRun(tx, cohortId) : null;
}

/**
 * The moment an enrolment joins the queue: now, or just after the last one when requests come
 * within the same millisecond (or on a test's fixed clock), so the order stays strict. Under the lock.
 */
export async function nextQueueTime(tx: Db, cohortId: string, now: Date): Promise<Date> {
  const [row] = await tx.select({ last: max(enrolments.createdAt) }).from(enrolments).where(eq(enrolments.cohortId, cohortId));
  return row?.last && row.last >= now ? new Date(row.last.getTime() + 1) : now;
}

async function positionOf(db: Db, e: EnrolmentRow): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(enrolments)
    .where(and(
      eq(enrolments.cohortId, e.cohortId),
      eq(enrolments.status, 'waitlisted'),
      or(lt(enrolments.createdAt, e.createdAt), and(eq(enrolments.createdAt, e.createdAt), lt(enrolments.id, e.id))),
    ));
  return row!.n + 1;
}

/**
 * Enrols someone in a Recovery College run, without an account: a place while there is one, else
 * the waiting list. The same address again for the same run answers the enrolment there is (and
 * e-mails its cancel link to the address); a cancelled one enrols anew, at the end of the queue.
 */
export async function enrol(svc: Services, courseId: string, body: EnrolmentBody): Promise<{ created: boolean; result: EnrolmentResult }> {
  const email = normalizeEmail(body.email);
  const now = svc.now();
  const out = await svc.db.transaction(async (tx) => {
    const run = await lockRun(tx, body.cohortId);
    if (!run || run.course.id !== courseId || run.course.kind !== 'recovery_college') throw notFound();
    if (!isOpenForEnrolment(run, now)) throw fieldError('cohortId', 'field.invalid_value');
    const [existing] = await tx.select().from(enrolments).where(and(eq(enrolments.cohortId, run.cohort.id), eq(enrolments.email, email)));
    if (existing && existing.status !== 'cancelled') {
      await mailEnrolment(tx, svc, run, existing, 'already');
      const position = existing.status === 'waitlisted' ? await positionOf(tx, existing) : null;
      return { created: false, result: { status: existing.status, position, cancelUrl: null, alreadyEnrolled: true } };
    }
    const counts = (await countsByCohort(tx, [run.cohort.id])).get(run.cohort.id)!;
    const hasPlace = placesLeftOf(run.cohort.capacity, counts.enrolled) !== 0;
    const status = hasPlace ? ('enrolled' as const) : ('waitlisted' as const);
    const token = randomToken();
    const values = {
      name: body.name,
      locale: body.locale,
      status,
      cancelTokenHash: sha256Hex(token),
      cancelTokenEncrypted: svc.keyring.encrypt(token),
      reminderSentAt: hasPlace && isReminderDue(run, now) ? now : null,
      promotedAt: null,
      cancelledAt: null,
      createdAt: await nextQueueTime(tx, run.cohort.id, now),
    };
    const [row] = existing
      ? await tx.update(enrolments).set(values).where(eq(enrolments.id, existing.id)).returning()
      : await tx.insert(enrolments).values({ tenantId: run.tenant.id, cohortId: run.cohort.id, email, ...values }).returning();
    const position = hasPlace ? null : counts.waitlisted + 1;
    await writeAudit(tx, { actor: null, tenantId: run.tenant.id, now }, { action: 'enrolment.create', recordType: 'enrolment', recordId: row!.id, details: { cohortId: run.cohort.id, status, again: Boolean(existing) } });
    await mailEnrolment(tx, svc, run, row!, status, position ?? undefined);
    return { created: true, result: { status, position, cancelUrl: cancelUrlOf(svc.config.publicOrigin, token), alreadyEnrolled: false } };
  });
  svc.mailer.kick();
  return out;
}

/**
 * Gives the run's free places to the first on the waiting list, in order, and e-mails each "you
 * have a place". The caller holds the run's lock (`lockRun`); call it too when places are added.
 */
export async function fillFreePlaces(tx: Db, svc: Services, run: RunDetails, who: { actor: Actor | null; now: Date }): Promise<EnrolmentRow[]> {
  // A cancelled or finished run moves no one up.
  if (run.cohort.status === 'cancelled' || run.cohort.endsOn < dayIn(who.now, run.tenant.country)) return [];
  const c = (await countsByCohort(tx, [run.cohort.id])).get(run.cohort.id)!;
  const free = placesLeftOf(run.cohort.capacity, c.enrolled) ?? c.waitlisted;
  if (free === 0 || c.waitlisted === 0) return [];
  const next = await tx
    .select({ id: enrolments.id })
    .from(enrolments)
    .where(and(eq(enrolments.cohortId, run.cohort.id), eq(enrolments.status, 'waitlisted')))
    .orderBy(...queueOrder)
    .limit(free);
  const promoted: EnrolmentRow[] = [];
  for (const { id } of next) {
    const [row] = await tx
      .update(enrolments)
      .set({ status: 'enrolled', promotedAt: who.now, reminderSentAt: isReminderDue(run, who.now) ? who.now : null })
      .where(eq(enrolments.id, id))
      .returning();
    await writeAudit(tx, { ...who, tenantId: run.tenant.id }, { action: 'enrolment.promote', recordType: 'enrolment', recordId: id, details: { cohortId: run.cohort.id } });
    await mailEnrolment(tx, svc, run, row!, 'promoted');
    promoted.push(row!);
  }
  return promoted;
}

async function cancelEnrolment(tx: Db, svc: Services, run: RunDetails, row: EnrolmentRow, who: { actor: Actor | null; now: Date }) {
  const [cancelled] = await tx.update(enrolments).set({ status: 'cancelled', cancelledAt: who.now }).where(eq(enrolments.id, row.id)).returning();
  await writeAudit(tx, { ...who, tenantId: run.tenant.id }, { action: 'enrolment.cancel', recordType: 'enrolment', recordId: row.id, details: { cohortId: run.cohort.id, by: who.actor ? 'team' : 'self' } });
  // Staff of a unit were added by the team and are told by their unit, not by us.
  if (run.course.kind === 'recovery_college') await mailEnrolment(tx, svc, run, cancelled!, 'cancelled');
  const promoted = row.status === 'enrolled' ? await fillFreePlaces(tx, svc, run, who) : [];
  return { cancelled: cancelled!, promoted: promoted[0] ?? null };
}

/** The cancel link's use: the place (or the waiting list spot) is given up; the first waiting moves up. */
export async function cancelByToken(svc: Services, token: string): Promise<CancelEnrolmentResult> {
  const hash = sha256Hex(token);
  const [found] = await svc.db.select({ cohortId: enrolments.cohortId }).from(enrolments).where(eq(enrolments.cancelTokenHash, hash));
  if (!found) throw notFound();
  const now = svc.now();
  const result = await svc.db.transaction(async (tx) => {
    const run = (await lockRun(tx, found.cohortId))!;
    const [row] = await tx.select().from(enrolments).where(eq(enrolments.cancelTokenHash, hash)).for('update');
    if (!row || row.status === 'cancelled') throw notFound();
    await cancelEnrolment(tx, svc, run, row, { actor: null, now });
    return { status: 'cancelled' as const, courseTitle: run.course.title };
  });
  svc.mailer.kick();
  return result;
}

/** What the cancel page shows: whose enrolment, in what, and where it stands. */
export async function readCurrentEnrolment(svc: Services, token: string | null): Promise<CurrentEnrolmentView> {
  if (!token) throw notFound();
  const [row] = await svc.db.select().from(enrolments).where(eq(enrolments.cancelTokenHash, sha256Hex(token)));
  if (!row) throw notFound();
  const run = (await findRun(svc.db, row.cohortId))!;
  return {
    name: row.name,
    status: row.status,
    position: row.status === 'waitlisted' ? await positionOf(svc.db, row) : null,
    courseTitle: run.course.title,
    startsOn: run.cohort.startsOn,
    endsOn: run.cohort.endsOn,
    place: run.cohort.place,
    sessions: publicSessionsOf(run.sessions),
  };
}

const enrolmentViewOf = (e: EnrolmentRow, position: number | null): EnrolmentView => ({
  id: e.id,
  cohortId: e.cohortId,
  name: e.name,
  email: e.email,
  locale: e.locale,
  status: e.status,
  position,
  enrolledAt: e.createdAt.toISOString(),
  promotedAt: e.promotedAt?.toISOString() ?? null,
  cancelledAt: e.cancelledAt?.toISOString() ?? null,
  reminderSentAt: e.reminderSentAt?.toISOString() ?? null,
});

/** A run of the actor's tenant; another tenant's is not found. */
export async function getTenantRun(db: Db, actor: Actor, cohortId: string): Promise<RunDetails> {
  const run = await findRun(db, cohortId);
  if (!run || run.tenant.id !== actor.tenantId) throw notFound();
  return run;
}

/** Everyone on a run, in queue order, each waiting one with their place in the queue. */
export async function enrolmentViewsOf(db: Db, cohortId: string): Promise<EnrolmentView[]> {
  const rows = await db.select().from(enrolments).where(and(eq(enrolments.cohortId, cohortId), isNotErased)).orderBy(...queueOrder);
  let waiting = 0;
  return rows.map((e) => enrolmentViewOf(e, e.status === 'waitlisted' ? ++waiting : null));
}

/** The team's list of a run: places taken in order, then the waiting list; cancelled apart. Audited. */
export async function findEnrolments(ctx: Ctx, cohortId: string): Promise<EnrolmentList> {
  assertCan(ctx.actor, 'training.manage');
  const run = await getTenantRun(ctx.db, ctx.actor, cohortId);
  const views = await enrolmentViewsOf(ctx.db, cohortId);
  const enrolled = views.filter((v) => v.status === 'enrolled');
  await writeAudit(ctx.db, { actor: ctx.actor, now: ctx.now() }, { action: 'enrolment.list_read', recordType: 'cohort', recordId: cohortId, details: { count: views.length } });
  return {
    items: [...enrolled, ...views.filter((v) => v.status === 'waitlisted')],
    cancelled: views.filter((v) => v.status === 'cancelled'),
    capacity: run.cohort.capacity,
    placesLeft: placesLeftOf(run.cohort.capacity, enrolled.length),
    nextCursor: null,
  };
}

/** The team cancels on someone's behalf (a phone call, say); the first waiting moves up as by the link. */
export async function cancelByTeam(ctx: Ctx, enrolmentId: string): Promise<CancelEnrolmentByTeamResult> {
  assertCan(ctx.actor, 'training.manage');
  const [found] = await ctx.db
    .select({ cohortId: enrolments.cohortId })
    .from(enrolments)
    .where(and(eq(enrolments.id, enrolmentId), eq(enrolments.tenantId, ctx.actor.tenantId), isNotErased));
  if (!found) throw notFound();
  const now = ctx.now();
  const result = await ctx.db.transaction(async (tx) => {
    const run = (await lockRun(tx, found.cohortId))!;
    const [row] = await tx.select().from(enrolments).where(eq(enrolments.id, enrolmentId)).for('update');
    if (row!.status === 'cancelled') return { cancelled: enrolmentViewOf(row!, null), promoted: null };
    const { cancelled, promoted } = await cancelEnrolment(tx, ctx, run, row!, { actor: ctx.actor, now });
    return { cancelled: enrolmentViewOf(cancelled, null), promoted: promoted && enrolmentViewOf(promoted, null) };
  });
  ctx.mailer.kick();
  return result;
}
