import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { CheckinAnswers } from '../../shared/contracts/training-work.ts';
import { persons } from '../modules/persons/persons.tables.ts';
import { users } from '../modules/users/users.tables.ts';
import { dayOf } from '../modules/recruitment/recruitment.policy.ts';
import { flagReasonsOf } from '../modules/training/checkins.service.ts';
import { makePeer, nextCertificateNumber } from '../modules/training/completion.service.ts';
import { weekStartOn } from '../modules/training/training-work.repo.ts';
import { addDays } from '../modules/training/schedule.ts';
import { checkins, cohorts, followUpNotes, participants, reflectionTasks, taskSubmissions } from '../modules/training/training.tables.ts';
import type { TrainingDemoContext } from './training-seed.ts';

const tasks = {
  2: { title: 'Min väg hit', instructions: 'Skriv en sida om en vändpunkt i din egen återhämtning: vad hände, vem gjorde skillnad, och vad tar du med dig in i rollen som peer?' },
  4: { title: 'Mötet med personalen', instructions: 'Tänk på ett tillfälle när personal ifrågasatte dig eller någon annan med egen erfarenhet. Hur reagerade du? Hur skulle du vilja möta det i rollen som peer?' },
} as const;

const handInTexts = [
  'Vändpunkten kom när en skötare satte sig ner och faktiskt lyssnade. Det vill jag kunna ge vidare.',
  'För mig var det gruppen på dagverksamheten. Att se att andra tagit sig igenom gav mig hopp.',
  'Jag skriver om dagen jag själv bad om hjälp. Det var svårast och viktigast.',
  'Att få ett arbete att gå till, några timmar i veckan, blev början på något nytt.',
];
const feedbackTexts = ['Tack för att du delar så öppet. Det du skriver om att bli lyssnad på är kärnan i peer support.', 'Fint skrivet! Ta gärna med exemplet till seminariet på måndag.'];

/** Reflection tasks, hand-ins with feedback, check-ins (one flagged), follow-up notes and completions. Runs after seedTrainingDemo. */
export async function seedTrainingWorkDemo(tx: Db, c: TrainingDemoContext): Promise<void> {
  const cohortOf = async (title: string) => (await tx.select().from(cohorts).where(and(eq(cohorts.tenantId, c.tenantId), eq(cohorts.title, title))))[0];
  const autumn = await cohortOf('PEER höst 2026');
  if (autumn) await seedInProgress(tx, c, autumn);
  const spring = await cohortOf('PEER vår 2026');
  if (spring) await seedCompleted(tx, c, spring);
}

type Cohort = typeof cohorts.$inferSelect;
/** A moment in a week of the cohort (local daytime), never after the seed's now. */
const at = (c: TrainingDemoContext, cohort: Cohort, week: number, dayOffset: number) => {
  const when = new Date(`${addDays(weekStartOn(cohort.startsOn, week), dayOffset)}T13:00:00Z`);
  return when > c.now ? new Date(c.now.getTime() - 3_600_000) : when;
};

async function participantsOf(tx: Db, cohortId: string) {
  return tx
    .select({ id: participants.id, personId: participants.personId, name: persons.fullName })
    .from(participants)
    .innerJoin(persons, eq(persons.id, participants.personId))
    .where(eq(participants.cohortId, cohortId))
    .orderBy(asc(persons.fullName));
}

async function addTask(tx: Db, c: TrainingDemoContext, cohort: Cohort, week: 2 | 4) {
  const [task] = await tx
    .insert(reflectionTasks)
    .values({ tenantId: c.tenantId, cohortId: cohort.id, week, ...tasks[week], dueOn: addDays(weekStartOn(cohort.startsOn, week), 4), createdAt: at(c, cohort, 1, 0) })
    .returning();
  return task!;
}

async function handIn(tx: Db, c: TrainingDemoContext, cohort: Cohort, taskId: string, week: number, participantId: string, i: number, withFeedback: boolean) {
  await tx.insert(taskSubmissions).values({
    tenantId: c.tenantId,
    taskId,
    participantId,
    textEncrypted: c.keyring.encrypt(handInTexts[i % handInTexts.length]!),
    submittedAt: at(c, cohort, week, 3),
    ...(withFeedback ? { feedbackEncrypted: c.keyring.encrypt(feedbackTexts[i % feedbackTexts.length]!), feedbackBy: c.trainerUserIds[i % c.trainerUserIds.length]!, feedbackAt: at(c, cohort, week + 1, 0) } : {}),
  });
}

async function addCheckin(tx: Db, c: TrainingDemoContext, cohort: Cohort, participantId: string, week: number, answers: CheckinAnswers, previous: CheckinAnswers | null, comment?: string) {
  const reasons = flagReasonsOf(answers, previous);
  await tx.insert(checkins).values({
    tenantId: c.tenantId,
    participantId,
    week,
    answers,
    commentEncrypted: comment ? c.keyring.encrypt(comment) : null,
    flagged: reasons.length > 0,
    flagReasons: reasons,
    submittedAt: at(c, cohort, week, 4),
  });
}

/**
 * "PEER höst 2026", in week 3: the week-2 task handed in by most (two with feedback, one of them
 * the demo participant's), the week-4 task still ahead; check-ins for week 1 and some for week 3,
 * one of them flagged by a drop; notes on two participants. The demo participant's week-3
 * check-in is left for the journey to fill in.
 */
async function seedInProgress(tx: Db, c: TrainingDemoContext, cohort: Cohort): Promise<void> {
  const [dana] = await tx.select({ personId: users.personId }).from(users).where(eq(users.id, c.participantUserId));
  const people = await participantsOf(tx, cohort.id);
  const own = people.find((p) => p.personId === dana?.personId);
  const others = people.filter((p) => p !== own);
  const week2 = await addTask(tx, c, cohort, 2);
  await addTask(tx, c, cohort, 4);
  const handingIn = [...(own ? [own] : []), ...others.slice(0, -2)];
  for (const [i, p] of handingIn.entries()) await handIn(tx, c, cohort, week2.id, 2, p.id, i, i < 2);

  const good = { wellbeing: 4, energy: 4, belonging: 4, coping: 4 };
  const week3Started = weekStartOn(cohort.startsOn, 3) <= dayOf(c.now);
  for (const [i, p] of people.entries()) {
    const week1 = { ...good, belonging: 3 + (i % 3) };
    await addCheckin(tx, c, cohort, p.id, 1, week1, null, i === 0 ? 'Spännande vecka. Lite trött efter dagarna men glad att jag är här.' : undefined);
    if (!week3Started || p === own || i > 4) continue;
    const dropped = p === others[0];
    const week3 = dropped ? { wellbeing: 3, energy: 2, belonging: 3, coping: 3 } : { ...week1, energy: 5 };
    await addCheckin(tx, c, cohort, p.id, 3, week3, week1, dropped ? 'Det har varit tungt sedan reflektionsveckan. Sover dåligt.' : undefined);
  }

  const notes: [typeof others[number] | undefined, string][] = [
    [others[0], 'Berättade på rasten att reflektionsveckan blev ensam. Vi kom överens om att ringa mitt i nästa reflektionsvecka.'],
    [others[1], 'Tog stort ansvar i rollspelet om mötet med personalen. Redo för mer utmanande övningar.'],
  ];
  for (const [p, note] of notes) {
    if (p) await tx.insert(followUpNotes).values({ tenantId: c.tenantId, participantId: p.id, authorUserId: c.trainerUserIds[0]!, noteEncrypted: c.keyring.encrypt(note), createdAt: at(c, cohort, 2, 2) });
  }
}

/** "PEER vår 2026", completed: every task handed in with feedback, certificates, and each participant now a peer. */
async function seedCompleted(tx: Db, c: TrainingDemoContext, cohort: Cohort): Promise<void> {
  const people = await participantsOf(tx, cohort.id);
  for (const week of [2, 4] as const) {
    const task = await addTask(tx, c, cohort, week);
    for (const [i, p] of people.entries()) await handIn(tx, c, cohort, task.id, week, p.id, i + week, true);
  }
  const completedAt = new Date(`${cohort.endsOn}T15:00:00Z`);
  for (const p of people) {
    const number = await nextCertificateNumber(tx, c.tenantId, cohort.endsOn.slice(0, 4));
    const [row] = await tx.update(participants).set({ status: 'completed', completedAt, certificateNumber: number }).where(eq(participants.id, p.id)).returning();
    await makePeer(tx, row!, addDays(cohort.endsOn, 3), completedAt);
  }
}
