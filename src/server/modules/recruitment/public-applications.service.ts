import crypto from 'node:crypto';
import { and, asc, eq, gt } from 'drizzle-orm';
import type { z } from 'zod';
import { validatorCompiler } from 'fastify-type-provider-zod';
import type { FastifySchemaValidationError } from 'fastify';
import type { Services } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { AppError, notFound, type FieldReason } from '../../lib/errors.ts';
import { sha256Hex } from '../../lib/crypto.ts';
import {
  applicationSubmission,
  LETTER_MIN_CHARS,
  letterPrompts,
  type ApplicationStage,
  type PublicIntakeView,
  type SubmissionResult,
} from '../../../shared/contracts/recruitment.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { normalizeEmail } from '../auth/auth.service.ts';
import { persons, personStages } from '../persons/persons.tables.ts';
import { tenants } from '../tenants/tenants.tables.ts';
import { applications, intakes } from './recruitment.tables.ts';
import { moveToStage } from './application-stages.ts';
import { newStatusToken, statusUrlFor, statusUrlOf } from './application-token.ts';
import { CONSENT_VERSION } from './consent.ts';
import { replaceLetterFile, storedFileOf, submissionFromMultipart, type StoredLetterFile } from './letter-file.ts';
import { publicText, type PublicTextKey } from './public.texts.ts';
import { dayOf } from './recruitment.policy.ts';

type IntakeRow = typeof intakes.$inferSelect;
type ApplicationRow = typeof applications.$inferSelect;
type Submission = z.output<typeof applicationSubmission>;
/** A validated submission with its file, as applied to an application (or held until confirmed). */
type ApplicantInput = Submission & { file: StoredLetterFile | null };

export const isIntakeOpen = (intake: IntakeRow, now: Date) => intake.status === 'open' && intake.deadline > now;
/** The applicant may change what they sent until the team has started inviting to interviews. */
const updatableStages: readonly ApplicationStage[] = ['received', 'under_review'];

export const publicIntakeViewOf = (intake: IntakeRow, tenant: { name: string; slug: string }, now: Date): PublicIntakeView => ({
  id: intake.id,
  tenantSlug: tenant.slug,
  tenantName: tenant.name,
  title: intake.title,
  courseName: intake.courseName,
  description: intake.description,
  tracks: intake.tracks,
  deadline: intake.deadline.toISOString(),
  places: intake.places,
  isOpen: isIntakeOpen(intake, now),
  criteria: intake.criteria,
  retentionMonths: intake.retentionMonths,
  consentVersion: CONSENT_VERSION,
});

/** A published intake (open or closed); a draft is not public and answers as absent. */
export async function getPublicIntake(db: Db, id: string) {
  const [row] = await db
    .select({ intake: intakes, tenant: { name: tenants.name, slug: tenants.slug } })
    .from(intakes)
    .innerJoin(tenants, eq(tenants.id, intakes.tenantId))
    .where(eq(intakes.id, id));
  if (!row || row.intake.status === 'draft') throw notFound();
  return row;
}

// The routes' own validator, run by hand on the body (JSON or multipart alike), so that the errors
// plugin turns its shape errors into field errors exactly as for any other route.
const checkShape = validatorCompiler({ schema: applicationSubmission, method: 'POST', url: 'application', httpPart: 'body' });

function parseShape(raw: unknown): Submission {
  const result = checkShape(raw) as { error?: FastifySchemaValidationError[]; value?: Submission };
  if (result.error) throw Object.assign(new Error('invalid body'), { validation: result.error, validationContext: 'body' });
  return result.value!;
}

/** The rules beyond the shape, all checked at once so the applicant sees every problem together. */
function validateSubmission(raw: unknown, intake: IntakeRow, hasFile: boolean): Submission {
  const s = parseShape(raw);
  const fields: Record<string, FieldReason> = {};
  // Nothing is kept without consent to the current text (what is kept, who sees it, for how long).
  if (!s.consent) fields.consent = { key: 'field.consent_required' };
  else if (s.consentVersion !== CONSENT_VERSION) fields.consent = { key: 'field.consent_outdated' };
  if (!s.workingGoalAcknowledged) fields.workingGoalAcknowledged = { key: 'field.working_goal_required' };
  const letterChars = letterPrompts.reduce((n, p) => n + (s.letter?.[p].length ?? 0), 0);
  if (!hasFile && letterChars < LETTER_MIN_CHARS) fields.letter = { key: 'field.letter_required', params: { min: LETTER_MIN_CHARS } };
  if (!intake.tracks.includes(s.track)) fields.track = { key: 'field.track_not_offered' };
  const criterionIds = new Set(intake.criteria.map((c) => c.id));
  const assessed = new Set(s.selfAssessment.map((a) => a.criterionId));
  if ([...assessed].some((id) => !criterionIds.has(id))) fields.selfAssessment = { key: 'field.criterion_unknown' };
  else if ([...criterionIds].some((id) => !assessed.has(id))) fields.selfAssessment = { key: 'field.criterion_missing' };
  if (Object.keys(fields).length > 0) throw new AppError('VALIDATION_FAILED', { fields });
  return s;
}

// Crockford base32: no I, L, O or U, so a reference read aloud or typed from paper stays unambiguous.
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const newReference = () => {
  const c = Array.from(crypto.randomBytes(8), (b) => CROCKFORD[b % 32]).join('');
  return `PB-${c.slice(0, 4)}-${c.slice(4)}`;
};

/** Thrown inside the transaction when another request created the same e-mail's application first. */
class SameEmailRace extends Error {}

/**
 * Receives an application (JSON or multipart). A new e-mail for the intake creates it; the same
 * e-mail again updates it at once when the request carries that application's status token, and
 * otherwise only after the owner of the address confirms from an e-mailed link.
 */
export async function submitApplication(
  svc: Services,
  input: { intakeId: string; body: unknown; isMultipart: boolean; token: string | null },
): Promise<SubmissionResult> {
  const { intake, tenant } = await getPublicIntake(svc.db, input.intakeId);
  if (!isIntakeOpen(intake, svc.now())) throw new AppError('INTAKE_CLOSED');
  const { raw, upload } = input.isMultipart ? submissionFromMultipart(input.body) : { raw: input.body, upload: null };
  const s = validateSubmission(raw, intake, upload !== null);
  const applicant: ApplicantInput = { ...s, email: normalizeEmail(s.email), file: upload && storedFileOf(upload) };
  const once = () => submitOnce(svc, intake, tenant.name, applicant, input.token);
  const result = await once().catch((err: unknown) => {
    if (err instanceof SameEmailRace) return once();
    throw err;
  });
  svc.mailer.kick();
  return result;
}

async function submitOnce(svc: Services, intake: IntakeRow, tenantName: string, a: ApplicantInput, token: string | null): Promise<SubmissionResult> {
  const now = svc.now();
  return svc.db.transaction(async (tx) => {
    const [existing] = await tx.select().from(applications).where(and(eq(applications.intakeId, intake.id), eq(applications.email, a.email)));
    if (!existing) return createApplication(tx, svc, intake, tenantName, a, now);
    if (token && sha256Hex(token) === existing.statusTokenHash) {
      if (!updatableStages.includes(existing.stage)) throw new AppError('WRONG_STAGE');
      await applyUpdate(tx, svc, existing, a, now, { confirmed: false });
      await mailApplicant(tx, svc, existing, a.locale, 'mail.updated.subject', 'mail.updated.body', { name: a.name, intake: intake.title });
      return { outcome: 'updated', reference: existing.reference, statusUrl: statusUrlFor(svc, existing), statusToken: svc.keyring.decrypt(existing.statusTokenEncrypted) };
    }
    // Knowing someone's e-mail must not be enough to overwrite their application.
    const confirm = newStatusToken();
    await tx
      .update(applications)
      .set({ pendingUpdateEncrypted: svc.keyring.encrypt(JSON.stringify(a)), pendingUpdateTokenHash: confirm.hash })
      .where(eq(applications.id, existing.id));
    await writeAudit(tx, { actor: null, tenantId: existing.tenantId, now }, { action: 'application.update_requested', recordType: 'application', recordId: existing.id, subjectPersonId: existing.personId });
    await svc.mailer.enqueue(tx, {
      tenantId: existing.tenantId,
      to: existing.email,
      subject: publicText(existing.locale, 'mail.confirm_update.subject', { reference: existing.reference }),
      text: publicText(existing.locale, 'mail.confirm_update.body', { intake: intake.title, reference: existing.reference, link: `${svc.config.publicOrigin}/application/confirm#${confirm.token}` }),
    });
    return { outcome: 'update_pending', reference: existing.reference, statusUrl: null, statusToken: null };
  });
}

const contentOf = (svc: Services, a: ApplicantInput) => ({
  municipality: a.municipality,
  track: a.track,
  locale: a.locale,
  letterEncrypted: letterPrompts.some((p) => a.letter?.[p]) ? svc.keyring.encrypt(JSON.stringify(a.letter)) : null,
  selfAssessmentEncrypted: svc.keyring.encrypt(JSON.stringify(a.selfAssessment)),
  workingGoalAcknowledged: a.workingGoalAcknowledged,
  consentVersion: a.consentVersion,
});

async function createApplication(tx: Db, svc: Services, intake: IntakeRow, tenantName: string, a: ApplicantInput, now: Date): Promise<SubmissionResult> {
  const tenantId = intake.tenantId;
  const [person] = await tx
    .insert(persons)
    .values({ tenantId, fullName: a.name, email: a.email, phone: a.phone || null, preferredLocale: a.locale })
    .returning({ id: persons.id });
  await tx.insert(personStages).values({ tenantId, personId: person!.id, kind: 'applicant', startedOn: dayOf(now) });
  for (let attempt = 0; attempt < 5; attempt++) {
    const status = newStatusToken();
    const [app] = await tx
      .insert(applications)
      .values({
        tenantId,
        intakeId: intake.id,
        personId: person!.id,
        reference: newReference(),
        email: a.email,
        ...contentOf(svc, a),
        consentAt: now,
        statusTokenHash: status.hash,
        statusTokenEncrypted: svc.keyring.encrypt(status.token),
        submittedAt: now,
        updatedAt: now,
      })
      // The unique (intake, e-mail) and reference indexes decide: nothing inserted means a clash.
      .onConflictDoNothing()
      .returning();
    if (!app) {
      const [sameEmail] = await tx.select({ id: applications.id }).from(applications).where(and(eq(applications.intakeId, intake.id), eq(applications.email, a.email)));
      if (sameEmail) throw new SameEmailRace();
      continue;
    }
    if (a.file) await replaceLetterFile(tx, svc.keyring, app, a.file, now);
    await moveToStage(tx, { ...app, stage: null }, 'received', { byUserId: null, now });
    await writeAudit(tx, { actor: null, tenantId, now }, { action: 'application.submit', recordType: 'application', recordId: app.id, subjectPersonId: person!.id, details: { intakeId: intake.id, withFile: a.file !== null } });
    const statusUrl = statusUrlOf(svc.config.publicOrigin, status.token);
    await mailApplicant(tx, svc, app, a.locale, 'mail.submitted.subject', 'mail.submitted.body', { name: a.name, intake: intake.title, tenant: tenantName }, statusUrl);
    return { outcome: 'created', reference: app.reference, statusUrl, statusToken: status.token };
  }
  throw new Error('No free application reference after 5 attempts');
}

async function applyUpdate(tx: Db, svc: Services, app: ApplicationRow, a: ApplicantInput, now: Date, details: { confirmed: boolean }): Promise<void> {
  await tx
    .update(applications)
    .set({ ...contentOf(svc, a), consentAt: now, updatedAt: now, pendingUpdateEncrypted: null, pendingUpdateTokenHash: null })
    .where(eq(applications.id, app.id));
  await tx.update(persons).set({ fullName: a.name, phone: a.phone || null, updatedAt: now }).where(eq(persons.id, app.personId));
  if (a.file) await replaceLetterFile(tx, svc.keyring, app, a.file, now);
  await writeAudit(tx, { actor: null, tenantId: app.tenantId, now }, { action: 'application.update', recordType: 'application', recordId: app.id, subjectPersonId: app.personId, details: { ...details, withFile: a.file !== null } });
}

export async function mailApplicant(
  tx: Db,
  svc: Services,
  app: Pick<ApplicationRow, 'tenantId' | 'email' | 'reference' | 'statusTokenEncrypted'>,
  locale: ApplicationRow['locale'],
  subject: PublicTextKey,
  body: PublicTextKey,
  params: Record<string, string>,
  link = statusUrlFor(svc, app),
): Promise<void> {
  await svc.mailer.enqueue(tx, {
    tenantId: app.tenantId,
    to: app.email,
    subject: publicText(locale, subject, { reference: app.reference }),
    text: publicText(locale, body, { ...params, reference: app.reference, link }),
  });
}

/** Applies a held update from the link e-mailed to the address; the status link is renewed. */
export async function confirmPendingUpdate(svc: Services, token: string) {
  const now = svc.now();
  const result = await svc.db.transaction(async (tx) => {
    const [app] = await tx.select().from(applications).where(eq(applications.pendingUpdateTokenHash, sha256Hex(token))).for('update');
    if (!app?.pendingUpdateEncrypted) throw notFound();
    const [intake] = await tx.select().from(intakes).where(eq(intakes.id, app.intakeId));
    if (!isIntakeOpen(intake!, now)) throw new AppError('INTAKE_CLOSED');
    if (!updatableStages.includes(app.stage)) throw new AppError('WRONG_STAGE');
    const a = JSON.parse(svc.keyring.decrypt(app.pendingUpdateEncrypted)) as ApplicantInput;
    await applyUpdate(tx, svc, app, a, now, { confirmed: true });
    const status = newStatusToken();
    await tx.update(applications).set({ statusTokenHash: status.hash, statusTokenEncrypted: svc.keyring.encrypt(status.token) }).where(eq(applications.id, app.id));
    const statusUrl = statusUrlOf(svc.config.publicOrigin, status.token);
    await mailApplicant(tx, svc, app, a.locale, 'mail.updated.subject', 'mail.update_confirmed.body', { name: a.name, intake: intake!.title }, statusUrl);
    return { reference: app.reference, statusToken: status.token, statusUrl };
  });
  svc.mailer.kick();
  return result;
}

/** Open intakes, soonest deadline first; `tenantSlug` narrows to one organisation's (an embedded form). */
export async function findOpenIntakes(svc: Services, tenantSlug?: string): Promise<PublicIntakeView[]> {
  const now = svc.now();
  const where = [eq(intakes.status, 'open'), gt(intakes.deadline, now)];
  if (tenantSlug) where.push(eq(tenants.slug, tenantSlug));
  const rows = await svc.db
    .select({ intake: intakes, tenant: { name: tenants.name, slug: tenants.slug } })
    .from(intakes)
    .innerJoin(tenants, eq(tenants.id, intakes.tenantId))
    .where(and(...where))
    .orderBy(asc(intakes.deadline), asc(intakes.id));
  return rows.map((r) => publicIntakeViewOf(r.intake, r.tenant, now));
}
