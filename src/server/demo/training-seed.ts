import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Keyring } from '../lib/crypto.ts';
import { fiveWeekTemplate, type AttendanceStatus, type Livelihood, type ScheduleTemplate } from '../../shared/contracts/training.ts';
import { persons, personStages } from '../modules/persons/persons.tables.ts';
import { users } from '../modules/users/users.tables.ts';
import { addDays, dayIn, isoWeekday, layOutSchedule, mondayOf } from '../modules/training/schedule.ts';
import { recordLeaderHours } from '../modules/training/attendance.service.ts';
import { attendance, cohorts, courses, participants, trainingSessions } from '../modules/training/training.tables.ts';

export type TrainingDemoContext = {
  tenantId: string;
  keyring: Keyring;
  now: Date;
  /** Tove and Tage, the training team. */
  trainerUserIds: string[];
  /** The demo participant's user (participant@demo.peerbridge.test). */
  participantUserId: string;
  /** The demo peer's user (peer@demo.peerbridge.test), also a Recovery College course leader. */
  peerUserId: string;
};

/** The Recovery College course whose runs and enrolments the Recovery College seed adds. */
export const RECOVERY_COLLEGE_COURSE_TITLE = 'Att leva med ångest – en väg framåt';
/** The staff introduction course whose run (for a unit) the Recovery College seed adds. */
export const STAFF_INTRODUCTION_COURSE_TITLE = 'Introduktion till peer support för personal';

const weekly = (weeks: number, day: number, startTime: string, endTime: string): ScheduleTemplate => ({
  weeks: Array.from({ length: weeks }, (_, i) => ({ week: i + 1, kind: 'study' as const, days: [day], startTime, endTime })),
});

const PLACE = 'Utbildningslokalen, Storgatan 12, Demostad';

/** The study weeks' themes (seed 002: challenging exercises, role play, reflection on oneself in the role). */
const topics = [
  'Välkomna: vi lär känna varandra', 'Återhämtning – vad är det?', 'Att möta ilska och misstro', 'Rollen som peer supporter', 'Gränser och självomsorg',
  'Psykiatrins och socialpsykiatrins organisation', 'Brukarrörelsen och demokrati', 'Samtal och rollspel', 'Att dela sin berättelse', 'Reflektion i gruppen',
  'Att arbeta i ett arbetslag', 'Sekretess och etik', 'Anställning och lönestöd', 'Min plan framåt', 'Avslutning',
];

type DemoPerson = { name: string; livelihood: Livelihood; absences?: Record<number, { status: AttendanceStatus; note?: string }> };

/** Fictional participants; no name here belongs to a real person. */
const springGroup: DemoPerson[] = [
  { name: 'Greta Lindqvist', livelihood: 'sickness_compensation' },
  { name: 'Omar Haddad', livelihood: 'employment_service', absences: { 6: { status: 'excused', note: 'Läkarbesök' } } },
  { name: 'Lena Sjöberg', livelihood: 'rehabilitation_benefit' },
  { name: 'Viktor Nyman', livelihood: 'sickness_compensation', absences: { 3: { status: 'absent' }, 4: { status: 'absent' } } },
  { name: 'Ebba Holmgren', livelihood: 'other' },
];
const autumnGroup: DemoPerson[] = [
  { name: 'Jonas Ek', livelihood: 'employment_service', absences: { 2: { status: 'excused', note: 'Möte hos Arbetsförmedlingen' } } },
  { name: 'Maja Forsberg', livelihood: 'sickness_compensation' },
  { name: 'Samir Aziz', livelihood: 'rehabilitation_benefit', absences: { 3: { status: 'absent', note: 'Hörde inte av sig; vi ringer' } } },
  { name: 'Karin Wallin', livelihood: 'salary' },
  { name: 'Hassan Ali', livelihood: 'other', absences: { 1: { status: 'excused', note: 'Sjuk' } } },
];

/** Courses, a completed cohort (spring 2026) and one in progress (week 3 is this week), with attendance. */
export async function seedTrainingDemo(tx: Db, c: TrainingDemoContext): Promise<void> {
  const [peerCourse] = await tx.insert(courses).values([
    {
      tenantId: c.tenantId, kind: 'peer_training',
      title: { sv: 'PEER Support-utbildning', da: 'PEER Support-uddannelse', en: 'PEER Support training' },
      description: {
        sv: 'Fem veckor, kostnadsfritt. Vecka 1, 3 och 5 är studieveckor på plats; vecka 2 och 4 är för reflektion, återhämtning och hemuppgifter.',
        da: 'Fem uger, gratis. Uge 1, 3 og 5 er studieuger med fremmøde; uge 2 og 4 er til refleksion, restitution og hjemmeopgaver.',
        en: 'Five weeks, free of charge. Weeks 1, 3 and 5 are study weeks on site; weeks 2 and 4 are for reflection, recovery and homework.',
      },
      scheduleTemplate: fiveWeekTemplate, completion: { minAttendancePercent: 80, allReflectionTasks: true },
    },
    {
      tenantId: c.tenantId, kind: 'peer_training',
      title: { sv: 'Anhörigpeer-utbildning', da: 'Uddannelse til pårørende peer-medarbejder', en: 'Relative peer training' },
      description: {
        sv: 'För dig med erfarenhet som anhörig: att stötta andra anhöriga, per telefon eller på plats.',
        da: 'For dig med erfaring som pårørende: at støtte andre pårørende, i telefonen eller ved fremmøde.',
        en: 'For people with experience as a relative: supporting other relatives, by phone or in person.',
      },
      scheduleTemplate: fiveWeekTemplate, completion: { minAttendancePercent: 80, allReflectionTasks: true },
    },
    {
      tenantId: c.tenantId, kind: 'recovery_college',
      title: { sv: RECOVERY_COLLEGE_COURSE_TITLE, da: 'At leve med angst – en vej frem', en: 'Living with anxiety – a way forward' },
      description: {
        sv: 'Fyra kvällar om ångest och återhämtning, ledda tillsammans av en person med egen erfarenhet och en psykolog. Öppen för alla.',
        da: 'Fire aftener om angst og recovery, ledet sammen af en person med egen erfaring og en psykolog. Åben for alle.',
        en: 'Four evenings on anxiety and recovery, co-led by a person with lived experience and a psychologist. Open to everyone.',
      },
      scheduleTemplate: weekly(4, 3, '17:30', '19:30'), completion: { minAttendancePercent: 0, allReflectionTasks: false },
    },
    {
      tenantId: c.tenantId, kind: 'staff_introduction',
      title: { sv: STAFF_INTRODUCTION_COURSE_TITLE, da: 'Introduktion til peer-støtte for personale', en: 'Introduction to peer support for staff' },
      description: {
        sv: 'En eftermiddag för personalen i en verksamhet som börjar med peer support: vad rollen är och hur vi tar emot den.',
        da: 'En eftermiddag for personalet i et tilbud, der begynder med peer-støtte: hvad rollen er, og hvordan vi tager imod den.',
        en: 'An afternoon for the staff of a unit starting with peer support: what the role is and how to welcome it.',
      },
      scheduleTemplate: weekly(1, 2, '13:00', '16:00'), completion: { minAttendancePercent: 100, allReflectionTasks: false },
    },
  ]).returning({ id: courses.id });

  const [dana] = await tx.select({ personId: users.personId, name: users.name }).from(users).where(eq(users.id, c.participantUserId));
  await seedCohort(tx, c, peerCourse!.id, { title: 'PEER vår 2026', startsOn: '2026-03-02', status: 'completed', group: springGroup.map((p) => ({ ...p, personId: null })) });
  const autumnStart = addDays(mondayOf(dayIn(c.now, 'SE')), -14);
  await seedCohort(tx, c, peerCourse!.id, {
    title: 'PEER höst 2026', startsOn: autumnStart, status: 'in_progress',
    group: [{ name: dana!.name, personId: dana!.personId, livelihood: 'sickness_compensation', absences: { 4: { status: 'excused', note: 'Tandläkare' } } }, ...autumnGroup.map((p) => ({ ...p, personId: null }))],
  });
}

async function seedCohort(
  tx: Db,
  c: TrainingDemoContext,
  courseId: string,
  run: { title: string; startsOn: string; status: 'completed' | 'in_progress'; group: (DemoPerson & { personId: string | null })[] },
): Promise<void> {
  const schedule = layOutSchedule(fiveWeekTemplate, run.startsOn, { country: 'SE', locale: 'sv', keepHolidays: false });
  const [cohort] = await tx.insert(cohorts).values({ tenantId: c.tenantId, courseId, title: run.title, startsOn: run.startsOn, endsOn: schedule.endsOn, place: PLACE, status: run.status }).returning();
  const sessions = await tx.insert(trainingSessions).values(schedule.sessions.map((s) => {
    const slot = ((s.week - 1) / 2) * 5 + isoWeekday(dayIn(s.startsAt, 'SE')) - 1;
    return {
      tenantId: c.tenantId, cohortId: cohort!.id, ...s, place: PLACE, topic: topics[slot] ?? '',
      // The demo peer co-leads the session on sharing one's story (Thursday of week 3) in the autumn cohort.
      leaderUserIds: run.status === 'in_progress' && slot === 8 ? [c.trainerUserIds[0]!, c.peerUserId] : c.trainerUserIds,
    };
  })).returning();

  const done = run.status === 'completed';
  const completedAt = new Date(`${schedule.endsOn}T15:00:00Z`);
  const people: (DemoPerson & { personId: string })[] = [];
  for (const p of run.group) {
    const personId = p.personId ?? (await tx.insert(persons).values({ tenantId: c.tenantId, fullName: p.name, email: `${p.name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.org`, preferredLocale: 'sv' }).returning())[0]!.id;
    await tx.insert(personStages).values([
      { tenantId: c.tenantId, personId, kind: 'applicant', startedOn: addDays(run.startsOn, -90), endedOn: addDays(run.startsOn, -21) },
      { tenantId: c.tenantId, personId, kind: 'participant', startedOn: addDays(run.startsOn, -14), endedOn: done ? schedule.endsOn : null },
    ]);
    people.push({ ...p, personId });
  }
  const rows = await tx.insert(participants).values(people.map((p) => ({
    tenantId: c.tenantId, cohortId: cohort!.id, personId: p.personId, track: 'own_experience' as const, livelihood: p.livelihood,
    status: done ? ('completed' as const) : ('active' as const), completedAt: done ? completedAt : null,
  }))).returning({ id: participants.id });

  const held = sessions.filter((s) => s.startsAt <= c.now);
  const marks = held.flatMap((s, i) => people.map((p, j) => {
    const mark = p.absences?.[i] ?? { status: 'present' as const };
    return { tenantId: c.tenantId, sessionId: s.id, participantId: rows[j]!.id, status: mark.status, note: mark.note ?? '', recordedBy: c.trainerUserIds[0]!, recordedAt: s.startsAt };
  }));
  if (marks.length > 0) await tx.insert(attendance).values(marks);
  for (const s of held) await recordLeaderHours(tx, s, s.endsAt);
}
