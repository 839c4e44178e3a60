import crypto from 'node:crypto';
import { asc, eq, inArray } from 'drizzle-orm';
import { asBrowser, type TestApp } from '../../../../tests/helpers/test-app.ts';
import { demoEmail, SECOND_TRAINER, OTHER_TENANT_ADMIN } from '../../demo/seed.ts';
import type { ApplicationStage } from '../../../shared/contracts/recruitment.ts';
import type { Locale } from '../../../shared/i18n/locale.ts';
import type { MailAttachment } from '../mail/mailer.ts';
import { emails } from '../mail/mail.tables.ts';
import { persons } from '../persons/persons.tables.ts';
import { users } from '../users/users.tables.ts';
import { applications, intakes } from './recruitment.tables.ts';
import { newStatusToken } from './application-token.ts';

/**
 * A small factory for the interview tests: intakes and applications written straight to the
 * database (the public form and the team's routes are tested on their own), in the demo tenant.
 */
export async function demoTeam(t: TestApp) {
  const rows = await t.svc.db
    .select({ id: users.id, email: users.email, tenantId: users.tenantId })
    .from(users)
    .where(inArray(users.email, [demoEmail('trainer'), SECOND_TRAINER.email, demoEmail('coordinator'), OTHER_TENANT_ADMIN]));
  const byEmail = (email: string) => rows.find((r) => r.email === email)!;
  return {
    tenantId: byEmail(demoEmail('trainer')).tenantId,
    otherTenantId: byEmail(OTHER_TENANT_ADMIN).tenantId,
    trainerId: byEmail(demoEmail('trainer')).id,
    trainer2Id: byEmail(SECOND_TRAINER.email).id,
    coordinatorId: byEmail(demoEmail('coordinator')).id,
  };
}

export async function makeIntake(t: TestApp, tenantId: string): Promise<string> {
  const [row] = await t.svc.db
    .insert(intakes)
    .values({
      tenantId,
      title: 'Peer support training, spring',
      courseName: 'Peer support basics',
      tracks: ['own_experience', 'relative'],
      deadline: new Date('2026-12-15T22:59:00Z'),
      places: 12,
      criteria: [
        { id: 'c1', level: 'must', label: { sv: 'Egen erfarenhet av återhämtning' } },
        { id: 'c2', level: 'should', label: { sv: 'Kan lyssna' } },
      ],
      questions: [
        { id: 'q1', text: { sv: 'Någon vill avsluta samtalet. Vad gör du?' } },
        { id: 'q2', text: { sv: 'En kollega delar för mycket. Vad gör du?' } },
      ],
      status: 'open',
    })
    .returning({ id: intakes.id });
  return row!.id;
}

export type TestApplicant = { id: string; reference: string; email: string; token: string; personId: string; name: string };

export async function makeApplication(
  t: TestApp,
  opts: { tenantId: string; intakeId: string; stage?: ApplicationStage; locale?: Locale; name?: string },
): Promise<TestApplicant> {
  const suffix = crypto.randomBytes(4).toString('hex');
  const email = `applicant-${suffix}@example.org`;
  const name = opts.name ?? `Sökande ${suffix}`;
  const locale = opts.locale ?? 'sv';
  const [person] = await t.svc.db.insert(persons).values({ tenantId: opts.tenantId, fullName: name, email, preferredLocale: locale }).returning({ id: persons.id });
  const { token, hash } = newStatusToken();
  const now = t.clock.now();
  const [row] = await t.svc.db
    .insert(applications)
    .values({
      tenantId: opts.tenantId,
      intakeId: opts.intakeId,
      personId: person!.id,
      reference: `PB-${suffix.toUpperCase()}`,
      email,
      municipality: 'Lund',
      track: 'own_experience',
      locale,
      selfAssessmentEncrypted: t.svc.keyring.encrypt('[]'),
      workingGoalAcknowledged: true,
      consentAt: now,
      consentVersion: 'test',
      stage: opts.stage ?? 'interview_invited',
      statusTokenHash: hash,
      statusTokenEncrypted: t.svc.keyring.encrypt(token),
      submittedAt: now,
      updatedAt: now,
    })
    .returning({ id: applications.id, reference: applications.reference });
  return { id: row!.id, reference: row!.reference, email, token, personId: person!.id, name };
}

/** Publishes a slot through the API, `hoursFromNow` after the test clock, an hour long. */
export async function addSlot(
  t: TestApp,
  cookie: string,
  body: { intakeId: string; hoursFromNow: number; interviewerUserIds: string[]; mode?: 'place' | 'video' },
): Promise<string> {
  const startsAt = new Date(t.clock.now().getTime() + body.hoursFromNow * 3_600_000);
  const mode = body.mode ?? 'place';
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/interview-slots',
    headers: asBrowser(cookie),
    payload: {
      intakeId: body.intakeId,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
      mode,
      ...(mode === 'place' ? { location: 'Storgatan 1, Lund' } : { videoUrl: 'https://video.example.org/room-7' }),
      interviewerUserIds: body.interviewerUserIds,
    },
  });
  if (res.statusCode !== 201) throw new Error(`slot: ${res.statusCode} ${res.body}`);
  return res.json().id;
}

export const book = (t: TestApp, token: string | undefined, slotId: string) =>
  t.app.inject({
    method: 'PUT',
    url: '/api/public/applications/current/interview',
    headers: token ? { 'x-application-token': token } : {},
    payload: { slotId },
  });

export type SentMail = { subject: string; text: string; attachments: MailAttachment[] };

/** The e-mails to an address, oldest first, opened with the key ring. */
export async function mailsTo(t: TestApp, address: string): Promise<SentMail[]> {
  const rows = await t.svc.db.select().from(emails).where(eq(emails.toAddress, address)).orderBy(asc(emails.createdAt));
  return rows.map((r) => ({
    subject: r.subject,
    text: t.svc.keyring.decrypt(r.bodyEncrypted),
    attachments: r.attachmentsEncrypted ? (JSON.parse(t.svc.keyring.decrypt(r.attachmentsEncrypted)) as MailAttachment[]) : [],
  }));
}
