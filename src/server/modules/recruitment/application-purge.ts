import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { persons, personStages } from '../persons/persons.tables.ts';
import { users } from '../users/users.tables.ts';
import { emails } from '../mail/mail.tables.ts';
import { enrolments } from '../training/training.tables.ts';
import { applicationEvents, applicationFiles, applicationReviews, applications, interviews, interviewScores } from './recruitment.tables.ts';

/**
 * Deletes applications with everything in them: letter, files, reviews, interview and scores, stage
 * history, the e-mails sent to the address about it, and the person when nothing else holds them (no
 * account, no other application, no later stage). Used by the retention job and by an applicant's
 * own erasure; the caller writes the audit event (counts only, never content). Answers how many
 * applications were deleted.
 */
export async function purgeApplications(tx: Db, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await tx
    .select({ id: applications.id, personId: applications.personId, email: applications.email, tenantId: applications.tenantId })
    .from(applications)
    .where(inArray(applications.id, [...ids]));
  if (rows.length === 0) return 0;
  await deleteApplicationRecords(tx, rows.map((r) => r.id));

  for (const personId of new Set(rows.map((r) => r.personId))) {
    const [account] = await tx.select({ id: users.id }).from(users).where(eq(users.personId, personId)).limit(1);
    const [other] = await tx.select({ id: applications.id }).from(applications).where(eq(applications.personId, personId)).limit(1);
    // A person who went on (participant, peer …) is kept: only their applicant stage goes.
    const [laterStage] = await tx
      .select({ id: personStages.id })
      .from(personStages)
      .where(and(eq(personStages.personId, personId), notInArray(personStages.kind, ['applicant'])))
      .limit(1);
    if (account || other || laterStage) {
      if (!other) await tx.delete(personStages).where(and(eq(personStages.personId, personId), eq(personStages.kind, 'applicant')));
      continue;
    }
    await tx.delete(personStages).where(eq(personStages.personId, personId));
    await tx.delete(persons).where(eq(persons.id, personId));
  }
  // The confirmation, invitation and decision e-mails quote the application: they go too (in the
  // application's tenant only), unless the address still has an application, an account or a course
  // enrolment there, whose e-mails must stay (they then go with the e-mail retention, 30 days).
  for (const { email, tenantId } of new Map(rows.map((r) => [`${r.tenantId} ${r.email}`, r])).values()) {
    const [stillApplied] = await tx.select({ id: applications.id }).from(applications).where(and(eq(applications.tenantId, tenantId), eq(applications.email, email))).limit(1);
    const [account] = await tx.select({ id: users.id }).from(users).where(and(eq(users.tenantId, tenantId), sql`lower(${users.email}) = ${email}`)).limit(1);
    const [enrolled] = await tx.select({ id: enrolments.id }).from(enrolments).where(and(eq(enrolments.tenantId, tenantId), eq(enrolments.email, email))).limit(1);
    if (!stillApplied && !account && !enrolled) await tx.delete(emails).where(and(eq(emails.tenantId, tenantId), sql`lower(${emails.toAddress}) = ${email}`));
  }
  return rows.length;
}

/** Deletes the application rows and everything hanging on them, children first; nothing about the person. */
export async function deleteApplicationRecords(tx: Db, appIds: readonly string[]): Promise<void> {
  if (appIds.length === 0) return;
  const ids = [...appIds];
  const interviewIds = (await tx.select({ id: interviews.id }).from(interviews).where(inArray(interviews.applicationId, ids))).map((r) => r.id);
  if (interviewIds.length) await tx.delete(interviewScores).where(inArray(interviewScores.interviewId, interviewIds));
  await tx.delete(interviews).where(inArray(interviews.applicationId, ids));
  await tx.delete(applicationReviews).where(inArray(applicationReviews.applicationId, ids));
  await tx.delete(applicationFiles).where(inArray(applicationFiles.applicationId, ids));
  await tx.delete(applicationEvents).where(inArray(applicationEvents.applicationId, ids));
  await tx.delete(applications).where(inArray(applications.id, ids));
}
