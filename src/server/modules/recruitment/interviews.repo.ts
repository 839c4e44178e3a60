import { and, asc, count, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Locale } from '../../../shared/i18n/locale.ts';
import type { SlotView, TeamSlotView } from '../../../shared/contracts/recruitment.ts';
import { auditEvents } from '../audit/audit.tables.ts';
import { persons } from '../persons/persons.tables.ts';
import { tenants } from '../tenants/tenants.tables.ts';
import { userRoles, users } from '../users/users.tables.ts';
import { applications, intakes, interviews, interviewScores, interviewSlots } from './recruitment.tables.ts';

export type SlotRow = typeof interviewSlots.$inferSelect;
export type InterviewRow = typeof interviews.$inferSelect;
export type StaffMember = { id: string; name: string; email: string; locale: Locale };

export const toSlotView = (s: SlotRow): SlotView => ({
  id: s.id,
  startsAt: s.startsAt.toISOString(),
  endsAt: s.endsAt.toISOString(),
  mode: s.mode,
  location: s.location,
  videoUrl: s.videoUrl,
});

export async function findIntake(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select({ id: intakes.id, title: intakes.title, questions: intakes.questions, criteria: intakes.criteria })
    .from(intakes)
    .where(and(eq(intakes.tenantId, tenantId), eq(intakes.id, id)));
  return row;
}

/**
 * A slot of the tenant. `share` keeps it from being deleted while an interview is booked into it;
 * `update` (deleting it) makes such a booking wait and then find it gone.
 */
export async function findSlot(db: Db, tenantId: string, id: string, lock?: 'share' | 'update'): Promise<SlotRow | undefined> {
  const query = db.select().from(interviewSlots).where(and(eq(interviewSlots.tenantId, tenantId), eq(interviewSlots.id, id))).$dynamic();
  const [row] = await (lock ? query.for(lock) : query);
  return row;
}

/** The training team members who can interview: active users of the tenant with the trainer role. */
export async function findActiveTrainers(db: Db, tenantId: string, ids?: readonly string[]): Promise<StaffMember[]> {
  const where: SQL[] = [
    eq(users.tenantId, tenantId),
    eq(users.status, 'active'),
    sql`exists (select 1 from ${userRoles} where ${userRoles.userId} = ${users.id} and ${userRoles.role} = 'trainer')`,
  ];
  if (ids) where.push(inArray(users.id, [...ids]));
  return db
    .select({ id: users.id, name: users.name, email: users.email, locale: users.locale })
    .from(users)
    .where(and(...where))
    .orderBy(asc(users.name), asc(users.id));
}

async function userNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Slots with their interviewers' names and who booked each, by start time. */
export async function listSlotViews(db: Db, tenantId: string, filter: { intakeId: string } | { slotId: string }): Promise<TeamSlotView[]> {
  const rows = await db
    .select({ slot: interviewSlots, applicationId: applications.id, reference: applications.reference, name: persons.fullName })
    .from(interviewSlots)
    .leftJoin(interviews, eq(interviews.slotId, interviewSlots.id))
    .leftJoin(applications, eq(applications.id, interviews.applicationId))
    .leftJoin(persons, eq(persons.id, applications.personId))
    .where(and(
      eq(interviewSlots.tenantId, tenantId),
      'intakeId' in filter ? eq(interviewSlots.intakeId, filter.intakeId) : eq(interviewSlots.id, filter.slotId),
    ))
    .orderBy(asc(interviewSlots.startsAt), asc(interviewSlots.id));
  const names = await userNames(db, [...new Set(rows.flatMap((r) => r.slot.interviewerUserIds))]);
  return rows.map((r) => ({
    ...toSlotView(r.slot),
    intakeId: r.slot.intakeId,
    interviewers: r.slot.interviewerUserIds.map((id) => ({ id, name: names.get(id) ?? '' })),
    booked: r.applicationId && r.reference ? { applicationId: r.applicationId, reference: r.reference, name: r.name ?? '' } : null,
  }));
}

/**
 * An application with what every interview e-mail needs (name, intake, tenant). `lock` holds the
 * application for the rest of the transaction, so that one applicant's two quick clicks, or a
 * booking and a score, are handled one after the other.
 */
export async function findInterviewParties(db: Db, applicationId: string, opts: { lock: boolean }) {
  const query = db
    .select({ app: applications, name: persons.fullName, intakeTitle: intakes.title, tenantName: tenants.name, country: tenants.country })
    .from(applications)
    .innerJoin(persons, eq(persons.id, applications.personId))
    .innerJoin(intakes, eq(intakes.id, applications.intakeId))
    .innerJoin(tenants, eq(tenants.id, applications.tenantId))
    .where(eq(applications.id, applicationId))
    .$dynamic();
  const [row] = await (opts.lock ? query.for('update', { of: applications }) : query);
  return row;
}
export type InterviewParties = NonNullable<Awaited<ReturnType<typeof findInterviewParties>>>;

export const calendarActions = ['interview.book', 'interview.assign', 'interview.cancel'] as const;

/**
 * The calendar SEQUENCE for the next version of an interview's event: how many versions were sent
 * before, counted from the audit log, which records each of them in the same transaction.
 */
export async function nextCalendarSequence(db: Db, interviewId: string, personId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(auditEvents)
    .where(and(
      eq(auditEvents.subjectPersonId, personId),
      eq(auditEvents.recordType, 'interview'),
      eq(auditEvents.recordId, interviewId),
      inArray(auditEvents.action, [...calendarActions]),
    ));
  return row?.n ?? 0;
}

/** Interviews where the user is one of the slot's interviewers, soonest first. */
export async function listInterviewsOf(db: Db, tenantId: string, userId: string, intakeId?: string) {
  const where: SQL[] = [
    eq(interviews.tenantId, tenantId),
    sql`${interviewSlots.interviewerUserIds} @> ${JSON.stringify([userId])}::jsonb`,
    ne(applications.stage, 'withdrawn'),
  ];
  if (intakeId) where.push(eq(interviewSlots.intakeId, intakeId));
  const rows = await db
    .select({
      id: interviews.id,
      applicationId: applications.id,
      reference: applications.reference,
      name: persons.fullName,
      intakeTitle: intakes.title,
      slot: interviewSlots,
      submittedAt: interviewScores.submittedAt,
    })
    .from(interviews)
    .innerJoin(interviewSlots, eq(interviewSlots.id, interviews.slotId))
    .innerJoin(applications, eq(applications.id, interviews.applicationId))
    .innerJoin(persons, eq(persons.id, applications.personId))
    .innerJoin(intakes, eq(intakes.id, applications.intakeId))
    .leftJoin(interviewScores, and(eq(interviewScores.interviewId, interviews.id), eq(interviewScores.interviewerUserId, userId)))
    .where(and(...where))
    .orderBy(asc(interviewSlots.startsAt), asc(interviews.id));
  return rows.map(({ slot, submittedAt, ...r }) => ({ ...r, slot: toSlotView(slot), myScoreSubmitted: submittedAt !== null }));
}
