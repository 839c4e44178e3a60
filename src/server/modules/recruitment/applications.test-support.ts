import crypto from 'node:crypto';
import { asc, eq, inArray } from 'drizzle-orm';
import { asBrowser, type TestApp } from '../../../../tests/helpers/test-app.ts';
import { OTHER_TENANT_ADMIN, SECOND_TRAINER, demoEmail } from '../../demo/seed.ts';
import type { IntakeView, Track } from '../../../shared/contracts/recruitment.ts';
import type { Locale } from '../../../shared/i18n/locale.ts';
import { emails } from '../mail/mail.tables.ts';
import { persons } from '../persons/persons.tables.ts';
import { users } from '../users/users.tables.ts';
import { moveToStage } from './application-stages.ts';
import { newStatusToken } from './application-token.ts';
import { CONSENT_VERSION } from './consent.ts';
import { applications, intakes, interviews, interviewSlots } from './recruitment.tables.ts';

/**
 * Helpers for the training team's tests: intakes through the team's API, applications through the
 * public form, and an interview "held" written straight to the database (slots and bookings are
 * the interview module's, tested there).
 */
export const DAY = 86_400_000;

export async function teamOf(t: TestApp) {
  const rows = await t.svc.db.select({ id: users.id, email: users.email, tenantId: users.tenantId }).from(users).where(inArray(users.email, [demoEmail('trainer'), SECOND_TRAINER.email, OTHER_TENANT_ADMIN]));
  const by = (email: string) => rows.find((r) => r.email === email)!;
  return {
    tove: await t.signIn('trainer'),
    tage: await t.signIn(SECOND_TRAINER.email),
    toveId: by(demoEmail('trainer')).id,
    tageId: by(SECOND_TRAINER.email).id,
    tenantId: by(demoEmail('trainer')).tenantId,
    otherTenantId: by(OTHER_TENANT_ADMIN).tenantId,
  };
}

export async function createIntake(t: TestApp, cookie: string, overrides: Record<string, unknown> = {}): Promise<IntakeView> {
  const defaults = (await t.app.inject({ url: '/api/intakes/defaults', headers: { cookie } })).json();
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/intakes',
    headers: asBrowser(cookie),
    payload: {
      title: `PEER-utbildning ${crypto.randomBytes(3).toString('hex')}`,
      courseName: 'PEER Support-utbildning',
      tracks: ['own_experience', 'relative'],
      deadline: new Date(t.clock.now().getTime() + 30 * DAY).toISOString(),
      places: 12,
      criteria: defaults.criteria,
      questions: defaults.questions,
      status: 'open',
      ...overrides,
    },
  });
  if (res.statusCode !== 201) throw new Error(`intake not created: ${res.statusCode} ${res.body}`);
  return res.json();
}

const letter = {
  about: 'Jag är 38 år och bor i en mindre stad med min sambo. Jag tycker om att vara ute i skogen.',
  experience: 'Jag har levt med bipolär sjukdom i femton år och har varit inlagd några gånger under den tiden.',
  turningPoints: 'Det som vände var en samtalsgrupp där jag fick höra andras berättelser och kände att jag inte var ensam.',
  whyRole: 'Jag vill ge andra det hopp som jag själv fick av någon som hade varit där.',
  fit: 'Jag lyssnar gärna, och jag vet när jag själv behöver vila.',
};

export type Applied = { id: string; reference: string; email: string; name: string; statusUrl: string; personId: string };

/** Applies through the public form, as an applicant on their phone would. */
export async function apply(
  t: TestApp,
  intake: Pick<IntakeView, 'id' | 'criteria'>,
  who: { name: string; email?: string; locale?: Locale; track?: Track; municipality?: string },
): Promise<Applied> {
  const email = who.email ?? `${who.name.toLowerCase().replace(/[^a-z]+/g, '.')}.${crypto.randomBytes(3).toString('hex')}@example.org`;
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/public/intakes/${intake.id}/applications`,
    payload: {
      name: who.name,
      email,
      municipality: who.municipality ?? 'Jönköping',
      track: who.track ?? 'own_experience',
      locale: who.locale ?? 'sv',
      letter,
      selfAssessment: intake.criteria.map((c) => ({ criterionId: c.id, rating: 'yes', comment: '' })),
      workingGoalAcknowledged: true,
      consent: true,
      consentVersion: CONSENT_VERSION,
    },
  });
  if (res.statusCode !== 201) throw new Error(`application not created: ${res.statusCode} ${res.body}`);
  const { reference, statusUrl } = res.json();
  const [row] = await t.svc.db.select({ id: applications.id, personId: applications.personId }).from(applications).where(eq(applications.reference, reference));
  return { id: row!.id, personId: row!.personId, reference, email, name: who.name, statusUrl };
}

/** An interview time on site with both trainers. */
export async function addSlot(t: TestApp, intakeId: string, at: Date): Promise<string> {
  const team = await teamOf(t);
  const [slot] = await t.svc.db
    .insert(interviewSlots)
    .values({ tenantId: team.tenantId, intakeId, startsAt: at, endsAt: new Date(at.getTime() + 3_600_000), mode: 'place', location: 'Storgatan 1', interviewerUserIds: [team.toveId, team.tageId] })
    .returning({ id: interviewSlots.id });
  return slot!.id;
}

/** The application's interview at `at`; once that time has passed, it is marked interviewed. */
export async function holdInterview(t: TestApp, app: { id: string }, at: Date): Promise<string> {
  const [row] = await t.svc.db.select().from(applications).where(eq(applications.id, app.id));
  const slotId = await addSlot(t, row!.intakeId, at);
  await t.svc.db.insert(interviews).values({ tenantId: row!.tenantId, applicationId: app.id, slotId, bookedBy: 'applicant', createdAt: at, updatedAt: at });
  if (at <= t.clock.now()) await moveToStage(t.svc.db, row!, 'interviewed', { byUserId: null, now: new Date(at.getTime() + 3_600_000) });
  return slotId;
}

/** An intake with one application in the other tenant, written directly (it has no training team). */
export async function otherTenantApplication(t: TestApp, otherTenantId: string) {
  const [intake] = await t.svc.db
    .insert(intakes)
    .values({ tenantId: otherTenantId, title: 'Peer-uddannelse', courseName: 'Peer', tracks: ['own_experience'], deadline: new Date(t.clock.now().getTime() + 30 * DAY), places: 8, criteria: [], questions: [], status: 'open' })
    .returning({ id: intakes.id });
  const [person] = await t.svc.db.insert(persons).values({ tenantId: otherTenantId, fullName: 'Freja Hansen', email: 'freja@example.org', preferredLocale: 'da' }).returning({ id: persons.id });
  const { token, hash } = newStatusToken();
  const now = t.clock.now();
  const [app] = await t.svc.db
    .insert(applications)
    .values({
      tenantId: otherTenantId,
      intakeId: intake!.id,
      personId: person!.id,
      reference: `PB-${crypto.randomBytes(2).toString('hex').toUpperCase()}-DK01`,
      email: 'freja@example.org',
      municipality: 'Roskilde',
      track: 'own_experience',
      locale: 'da',
      selfAssessmentEncrypted: t.svc.keyring.encrypt('[]'),
      workingGoalAcknowledged: true,
      consentAt: now,
      consentVersion: CONSENT_VERSION,
      statusTokenHash: hash,
      statusTokenEncrypted: t.svc.keyring.encrypt(token),
      submittedAt: now,
      updatedAt: now,
    })
    .returning({ id: applications.id });
  return { intakeId: intake!.id, applicationId: app!.id };
}

/** The e-mails sent to an address, oldest first, with their bodies opened. */
export async function mailTo(t: TestApp, address: string) {
  const rows = await t.svc.db.select().from(emails).where(eq(emails.toAddress, address)).orderBy(asc(emails.createdAt));
  return rows.map((r) => ({
    subject: r.subject,
    text: t.svc.keyring.decrypt(r.bodyEncrypted),
    attachments: r.attachmentsEncrypted ? (JSON.parse(t.svc.keyring.decrypt(r.attachmentsEncrypted)) as { filename: string; content: string }[]) : [],
  }));
}
