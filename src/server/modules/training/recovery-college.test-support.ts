import crypto from 'node:crypto';
import { asc, eq, inArray } from 'drizzle-orm';
import type { TestApp } from '../../../../tests/helpers/test-app.ts';
import { demoEmail, SECOND_TRAINER } from '../../demo/seed.ts';
import type { EnrolmentBody } from '../../../shared/contracts/recovery-college.ts';
import type { CourseKind } from '../../../shared/contracts/training.ts';
import { emails } from '../mail/mail.tables.ts';
import { tenants, units } from '../tenants/tenants.tables.ts';
import { users } from '../users/users.tables.ts';
import { addDays, dayOf } from '../recruitment/recruitment.policy.ts';
import { fiveWeekTemplate, defaultCompletion } from '../../../shared/contracts/training.ts';
import { cohorts, courses, trainingSessions } from './training.tables.ts';

/**
 * A small factory for the Recovery College tests: courses, runs and sessions written straight to
 * the database in the demo tenant (the team's cohort routes are tested on their own).
 */
export async function demoPeople(t: TestApp) {
  const rows = await t.svc.db
    .select({ id: users.id, email: users.email, tenantId: users.tenantId })
    .from(users)
    .where(inArray(users.email, [demoEmail('trainer'), SECOND_TRAINER.email, demoEmail('peer')]));
  const byEmail = (email: string) => rows.find((r) => r.email === email)!;
  const [slug] = await t.svc.db.select({ slug: tenants.slug }).from(tenants).where(eq(tenants.id, byEmail(demoEmail('trainer')).tenantId));
  const unitRows = await t.svc.db.select({ id: units.id, name: units.name }).from(units).where(eq(units.tenantId, byEmail(demoEmail('trainer')).tenantId)).orderBy(asc(units.name));
  return {
    tenantId: byEmail(demoEmail('trainer')).tenantId,
    tenantSlug: slug!.slug,
    trainerId: byEmail(demoEmail('trainer')).id,
    trainer2Id: byEmail(SECOND_TRAINER.email).id,
    peerId: byEmail(demoEmail('peer')).id,
    units: unitRows,
  };
}

export type TestRun = { courseId: string; cohortId: string; sessionIds: string[]; startsOn: string };

/**
 * A course with one run starting `startsInDays` from the test clock's day, with weekly sessions
 * 17:30-19:30 Swedish time (16:30 UTC in winter).
 */
export async function makeRun(
  t: TestApp,
  opts: { tenantId: string; capacity?: number | null; startsInDays?: number; sessions?: number; leaderUserIds?: string[]; kind?: CourseKind; unitId?: string; courseId?: string },
): Promise<TestRun> {
  const kind = opts.kind ?? 'recovery_college';
  const courseId = opts.courseId ?? (await t.svc.db
    .insert(courses)
    .values({
      tenantId: opts.tenantId,
      kind,
      title: { sv: 'Att leva med ångest', da: 'At leve med angst', en: 'Living with anxiety' },
      description: { sv: 'Tre kvällar om ångest och återhämtning.', en: 'Three evenings on anxiety and recovery.' },
      scheduleTemplate: fiveWeekTemplate,
      completion: defaultCompletion,
    })
    .returning({ id: courses.id }))[0]!.id;
  const startsOn = addDays(dayOf(t.clock.now()), opts.startsInDays ?? 10);
  const sessions = opts.sessions ?? 3;
  const [cohort] = await t.svc.db
    .insert(cohorts)
    .values({
      tenantId: opts.tenantId,
      courseId,
      title: `Run ${startsOn}`,
      startsOn,
      endsOn: addDays(startsOn, 7 * (sessions - 1)),
      place: 'Recovery College, Kulturhuset',
      capacity: opts.capacity === undefined ? 12 : opts.capacity,
      unitId: opts.unitId ?? null,
      leaders: [
        { userId: opts.leaderUserIds?.[0] ?? null, name: 'Pelle Peer', livedExperience: true },
        { userId: null, name: 'Tove Utbildare', livedExperience: false },
      ],
    })
    .returning({ id: cohorts.id });
  const sessionRows = sessions === 0 ? [] : await t.svc.db
    .insert(trainingSessions)
    .values(Array.from({ length: sessions }, (_, i) => {
      const day = addDays(startsOn, 7 * i);
      return {
        tenantId: opts.tenantId,
        cohortId: cohort!.id,
        startsAt: new Date(`${day}T16:30:00Z`),
        endsAt: new Date(`${day}T18:30:00Z`),
        place: 'Recovery College, Kulturhuset',
        week: i + 1,
        leaderUserIds: opts.leaderUserIds ?? [],
      };
    }))
    .returning({ id: trainingSessions.id });
  return { courseId, cohortId: cohort!.id, sessionIds: sessionRows.map((s) => s.id), startsOn };
}

export const uniqueEmail = (prefix = 'deltagare') => `${prefix}-${crypto.randomBytes(4).toString('hex')}@example.org`;

export function enrol(t: TestApp, run: TestRun, body: Partial<EnrolmentBody> = {}, headers: Record<string, string> = {}) {
  return t.app.inject({
    method: 'POST',
    url: `/api/public/courses/${run.courseId}/enrolments`,
    payload: { cohortId: run.cohortId, name: 'Alva Andersson', email: uniqueEmail(), locale: 'sv', ...body },
    headers,
  });
}

/** The e-mails an address received, oldest first, their bodies decrypted. */
export async function mailsTo(t: TestApp, address: string) {
  const rows = await t.svc.db.select().from(emails).where(eq(emails.toAddress, address)).orderBy(asc(emails.createdAt));
  return rows.map((r) => ({ subject: r.subject, text: t.svc.keyring.decrypt(r.bodyEncrypted) }));
}

/** The token of the last cancel link an address was sent. */
export async function cancelTokenOf(t: TestApp, address: string): Promise<string> {
  for (const { text } of (await mailsTo(t, address)).reverse()) {
    const match = text.match(/\/recovery-college\/cancel#([A-Za-z0-9_-]+)/);
    if (match) return match[1]!;
  }
  throw new Error(`no cancel link sent to ${address}`);
}
