import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { randomToken, sha256Hex } from '../lib/crypto.ts';
import type { AttendanceStatus, CourseKind, CourseLeader } from '../../shared/contracts/training.ts';
import { units } from '../modules/tenants/tenants.tables.ts';
import { users } from '../modules/users/users.tables.ts';
import { addDays, dayIn, layOutSchedule, mondayOf } from '../modules/training/schedule.ts';
import { recordLeaderHours } from '../modules/training/attendance.service.ts';
import { cohorts, courses, enrolmentAttendance, enrolments, trainingSessions } from '../modules/training/training.tables.ts';
import { RECOVERY_COLLEGE_COURSE_TITLE, STAFF_INTRODUCTION_COURSE_TITLE, type TrainingDemoContext } from './training-seed.ts';

const HOUR_MS = 3_600_000;
const RC_PLACE = 'Recovery College, Kulturhuset';
const STAFF_UNIT = 'Psykiatriska kliniken, avdelning 3';

/** Fictional people; no name here belongs to a real person. The first run takes 12, and 2 wait. */
const firstRun = [
  'Anna Berg', 'Bertil Ström', 'Camilla Åkesson', 'Daniel Fors', 'Elin Hägg', 'Fredrik Lund', 'Gunilla Rask',
  'Hampus Öberg', 'Ida Sandell', 'Jakob Vik', 'Klara Mårtensson', 'Linnea Dahl', 'Mats Bergkvist', 'Nora Lind',
];
const secondRun = ['Olle Ceder', 'Petra Ahl', 'Rasmus Kvist', 'Sofia Ringdahl'];
const unitStaff = [
  'Agneta Sköld (sjuksköterska)', 'Bengt Ros (skötare)', 'Cecilia Grahn (skötare)', 'David Eng (psykolog)', 'Eva Tell (undersköterska)',
  'Filip Ros (kurator)', 'Gun Lindh (skötare)', 'Hanna Ekdal (sjuksköterska)', 'Ivar Sten (överläkare)', 'Johanna Falk (arbetsterapeut)',
];

const emailOf = (name: string) => `${name.split(' (')[0]!.toLowerCase().replace(/å|ä/g, 'a').replace(/ö/g, 'o').replace(/\s+/g, '.')}@example.org`;

/**
 * Two upcoming runs of the Recovery College course (the first full with a waiting list of two, the
 * second with places left), co-led by the peer Pelle (lived experience) and Tove (without); and a
 * staff introduction held last month for a ward that starts with peer support (seed 001).
 */
export async function seedRecoveryCollegeDemo(tx: Db, c: TrainingDemoContext): Promise<void> {
  const [tove] = await tx.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, c.trainerUserIds[0]!));
  const [pelle] = await tx.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, c.peerUserId));
  const leaders: CourseLeader[] = [
    { userId: pelle!.id, name: pelle!.name, livedExperience: true },
    { userId: tove!.id, name: tove!.name, livedExperience: false },
  ];
  const today = dayIn(c.now, 'SE');

  const rc = await courseOf(tx, c, 'recovery_college', RECOVERY_COLLEGE_COURSE_TITLE);
  const full = await addRun(tx, c, rc, { title: 'Att leva med ångest – vinter', from: addDays(today, 10), place: RC_PLACE, capacity: 12, leaders });
  await enrolPeople(tx, c, full.id, firstRun, (i) => (i < 12 ? 'enrolled' : 'waitlisted'));
  const open = await addRun(tx, c, rc, { title: 'Att leva med ångest – vår', from: addDays(today, 40), place: RC_PLACE, capacity: 12, leaders });
  await enrolPeople(tx, c, open.id, secondRun, () => 'enrolled');

  const intro = await courseOf(tx, c, 'staff_introduction', STAFF_INTRODUCTION_COURSE_TITLE);
  const [unit] = await tx.select({ id: units.id }).from(units).where(and(eq(units.tenantId, c.tenantId), eq(units.name, STAFF_UNIT)));
  const held = await addRun(tx, c, intro, {
    title: `Introduktion: ${STAFF_UNIT}`,
    from: addDays(today, -30),
    place: `${STAFF_UNIT}, konferensrummet`,
    capacity: null,
    leaders: [{ userId: tove!.id, name: tove!.name, livedExperience: false }, { userId: pelle!.id, name: pelle!.name, livedExperience: true }],
    unitId: unit!.id,
    status: 'completed',
  });
  const staff = await enrolPeople(tx, c, held.id, unitStaff, () => 'enrolled');
  // Nine came; one was on sick leave that day.
  await tx.insert(enrolmentAttendance).values(staff.map((id, i) => ({
    tenantId: c.tenantId,
    sessionId: held.sessions[0]!.id,
    enrolmentId: id,
    status: (i === 4 ? 'absent' : 'present') as AttendanceStatus,
    recordedBy: tove!.id,
    recordedAt: held.sessions[0]!.endsAt,
  })));
  // Pelle told his story to the staff (seed 000: a peer's assignment, paid by the hour).
  await recordLeaderHours(tx, held.sessions[0]!, held.sessions[0]!.endsAt);
}

type CourseRow = typeof courses.$inferSelect;

/** The training seed's course by its Swedish title; made here when that seed has none. */
async function courseOf(tx: Db, c: TrainingDemoContext, kind: CourseKind, title: string): Promise<CourseRow> {
  const [found] = await tx.select().from(courses).where(and(eq(courses.tenantId, c.tenantId), eq(courses.kind, kind), sql`${courses.title}->>'sv' = ${title}`));
  if (found) return found;
  const [made] = await tx.insert(courses).values({
    tenantId: c.tenantId,
    kind,
    title: { sv: title },
    description: { sv: kind === 'recovery_college' ? 'Kvällar om ångest och återhämtning. Öppen för alla.' : 'Vad peer support är, för personalen i en verksamhet som börjar med det.' },
    scheduleTemplate: kind === 'recovery_college'
      ? { weeks: [1, 2, 3].map((week) => ({ week, kind: 'study' as const, days: [3], startTime: '17:30', endTime: '19:30' })) }
      : { weeks: [{ week: 1, kind: 'study' as const, days: [2], startTime: '13:00', endTime: '16:00' }] },
    completion: { minAttendancePercent: 0, allReflectionTasks: false },
  }).returning();
  return made!;
}

/** A run laid out by the course's template from the Monday of `from`; its dates are its first and last session's. */
async function addRun(
  tx: Db,
  c: TrainingDemoContext,
  course: CourseRow,
  r: { title: string; from: string; place: string; capacity: number | null; leaders: CourseLeader[]; unitId?: string; status?: 'planned' | 'completed' },
) {
  const { sessions } = layOutSchedule(course.scheduleTemplate, mondayOf(r.from), { country: 'SE', locale: 'sv', keepHolidays: false });
  const [cohort] = await tx.insert(cohorts).values({
    tenantId: c.tenantId,
    courseId: course.id,
    title: r.title,
    startsOn: dayIn(sessions[0]!.startsAt, 'SE'),
    endsOn: dayIn(sessions.at(-1)!.startsAt, 'SE'),
    place: r.place,
    status: r.status ?? 'planned',
    unitId: r.unitId ?? null,
    capacity: r.capacity,
    leaders: r.leaders,
  }).returning({ id: cohorts.id });
  const leaderUserIds = r.leaders.flatMap((l) => (l.userId ? [l.userId] : []));
  const rows = await tx.insert(trainingSessions).values(sessions.map((s) => ({
    tenantId: c.tenantId,
    cohortId: cohort!.id,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    place: r.place,
    week: s.week,
    leaderUserIds,
  }))).returning();
  return { id: cohort!.id, sessions: rows };
}

/** Enrolments an hour apart, in the order given (the waiting list's order). */
async function enrolPeople(tx: Db, c: TrainingDemoContext, cohortId: string, names: string[], statusOf: (i: number) => 'enrolled' | 'waitlisted'): Promise<string[]> {
  const rows = await tx.insert(enrolments).values(names.map((name, i) => {
    const token = randomToken();
    return {
      tenantId: c.tenantId,
      cohortId,
      name: name.split(' (')[0]!,
      email: emailOf(name),
      locale: 'sv' as const,
      status: statusOf(i),
      cancelTokenHash: sha256Hex(token),
      cancelTokenEncrypted: c.keyring.encrypt(token),
      createdAt: new Date(c.now.getTime() - (names.length - i) * HOUR_MS),
    };
  })).returning({ id: enrolments.id });
  return rows.map((r) => r.id);
}
