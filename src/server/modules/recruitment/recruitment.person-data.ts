import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { deleteApplicationRecords } from './application-purge.ts';
import type { PersonDataPart } from '../persons/person-data.ts';
import { emails } from '../mail/mail.tables.ts';
import {
  applicationEvents,
  applicationFiles,
  applicationReviews,
  applications,
  intakes,
  interviews,
  interviewScores,
  interviewSlots,
} from './recruitment.tables.ts';

/**
 * Deletes applications and everything in them (files, assessments, interview and scores, stage
 * history) and the e-mails sent about them, but never the person: in an erasure the person part
 * comes last and deletes the person row. (`purgeApplications` also removes the person when nothing
 * else holds them, which is right for the retention job and would run ahead of the other parts here.)
 */
async function deleteApplicationsOf(db: Db, personId: string): Promise<number> {
  const rows = await db.select({ id: applications.id, tenantId: applications.tenantId, email: applications.email }).from(applications).where(eq(applications.personId, personId));
  if (rows.length === 0) return 0;
  await deleteApplicationRecords(db, rows.map((r) => r.id));
  // Invitations and decisions quote the application and carry the personal link.
  for (const r of rows) await db.delete(emails).where(and(eq(emails.tenantId, r.tenantId), sql`lower(${emails.toAddress}) = ${r.email}`));
  return rows.length;
}

/** A person's applications: what they wrote, how it was assessed, and what was decided. */
export const applicationsPart: PersonDataPart = {
  name: 'applications',
  async exportFor(db, personId, keyring) {
    const open = (v: string | null) => (v ? keyring.decrypt(v) : null);
    const rows = await db
      .select({ app: applications, intakeTitle: intakes.title })
      .from(applications)
      .innerJoin(intakes, eq(intakes.id, applications.intakeId))
      .where(eq(applications.personId, personId))
      .orderBy(asc(applications.submittedAt));
    return Promise.all(rows.map(async ({ app, intakeTitle }) => {
      const files = await db.select({ filename: applicationFiles.filename, mimeType: applicationFiles.mimeType, sizeBytes: applicationFiles.sizeBytes }).from(applicationFiles).where(eq(applicationFiles.applicationId, app.id));
      const timeline = await db.select({ stage: applicationEvents.toStage, at: applicationEvents.at }).from(applicationEvents).where(eq(applicationEvents.applicationId, app.id)).orderBy(asc(applicationEvents.at));
      const reviews = await db.select().from(applicationReviews).where(eq(applicationReviews.applicationId, app.id));
      const [interview] = await db
        .select({ id: interviews.id, startsAt: interviewSlots.startsAt, mode: interviewSlots.mode, location: interviewSlots.location })
        .from(interviews)
        .innerJoin(interviewSlots, eq(interviewSlots.id, interviews.slotId))
        .where(eq(interviews.applicationId, app.id));
      const scores = interview ? await db.select().from(interviewScores).where(eq(interviewScores.interviewId, interview.id)) : [];
      return {
        reference: app.reference,
        intake: intakeTitle,
        email: app.email,
        municipality: app.municipality,
        track: app.track,
        locale: app.locale,
        submittedAt: app.submittedAt,
        letter: app.letterEncrypted ? JSON.parse(keyring.decrypt(app.letterEncrypted)) : null,
        letterFiles: files,
        selfAssessment: JSON.parse(keyring.decrypt(app.selfAssessmentEncrypted)),
        workingGoalAcknowledged: app.workingGoalAcknowledged,
        consent: { at: app.consentAt, version: app.consentVersion },
        stage: app.stage,
        timeline,
        // Assessments about a person are their data too; who assessed stays with the team.
        assessments: reviews.map((r) => ({ ratings: r.ratings, notes: open(r.notesEncrypted), submittedAt: r.submittedAt })),
        interview: interview ? { startsAt: interview.startsAt, mode: interview.mode, location: interview.location } : null,
        interviewScores: scores.map((s) => ({ questionScores: s.questionScores, criterionScores: s.criterionScores, notes: open(s.notesEncrypted), submittedAt: s.submittedAt })),
        decision: app.decision ? { decision: app.decision, decidedAt: app.decidedAt, letter: open(app.decisionLetterEncrypted) } : null,
        withdrawnAt: app.withdrawnAt,
        purgeAfter: app.purgeAfter,
      };
    }));
  },
  eraseFor: deleteApplicationsOf,
};
