import { pgTable, text, timestamp, uuid, index, uniqueIndex, integer, boolean, jsonb, date } from 'drizzle-orm/pg-core';
import { tenants } from '../tenants/tenants.tables.ts';
import { persons } from '../persons/persons.tables.ts';
import { users } from '../users/users.tables.ts';
import {
  applicationStages,
  decisions,
  tracks,
  type Criterion,
  type ScenarioQuestion,
  type Track,
} from '../../../shared/contracts/recruitment.ts';

/**
 * An intake: one round of recruitment that leads to a course. The training team opens it with its
 * criteria and interview questions (the seed's lists as defaults), and it is listed publicly while
 * `status` is open and the deadline has not passed.
 */
export const intakes = pgTable('intakes', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
  title: text('title').notNull(),
  courseName: text('course_name').notNull(),
  description: text('description').notNull().default(''),
  tracks: jsonb('tracks').$type<Track[]>().notNull(),
  deadline: timestamp('deadline', { withTimezone: true }).notNull(),
  places: integer('places').notNull(),
  criteria: jsonb('criteria').$type<Criterion[]>().notNull(),
  questions: jsonb('questions').$type<ScenarioQuestion[]>().notNull(),
  /** The promise to applicants: a decision within this many days of the interview. */
  decisionDays: integer('decision_days').notNull().default(7),
  /** Applications not admitted or withdrawn are deleted this many months after the decision. */
  retentionMonths: integer('retention_months').notNull().default(12),
  status: text('status', { enum: ['draft', 'open', 'closed'] }).notNull().default('draft'),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('intakes_tenant_idx').on(t.tenantId, t.status, t.deadline)]);

/**
 * One application to one intake; a second submission with the same e-mail updates this row.
 * The personal letter and the self-assessment comments are encrypted at rest; the row and all its
 * children are deleted by retention when not admitted or withdrawn (`purgeAfter`).
 */
export const applications = pgTable('applications', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
  intakeId: uuid('intake_id').notNull().references(() => intakes.id),
  personId: uuid('person_id').notNull().references(() => persons.id),
  /** Shown to the applicant and quoted in every e-mail, e.g. `PB-7KQ3-M9XA`. */
  reference: text('reference').notNull(),
  /** Normalised (lower case, trimmed): one application per e-mail and intake. */
  email: text('email').notNull(),
  municipality: text('municipality').notNull(),
  track: text('track', { enum: tracks }).notNull(),
  locale: text('locale', { enum: ['sv', 'da', 'en'] }).notNull(),
  /** JSON of the guided letter (`LetterText`), encrypted. Null when only a file was uploaded. */
  letterEncrypted: text('letter_encrypted'),
  /** JSON of the self-assessment (`SelfAssessment[]`), encrypted: the comments are personal. */
  selfAssessmentEncrypted: text('self_assessment_encrypted').notNull(),
  workingGoalAcknowledged: boolean('working_goal_acknowledged').notNull(),
  consentAt: timestamp('consent_at', { withTimezone: true }).notNull(),
  /** Which consent text the applicant agreed to (the text itself lives in the code, versioned). */
  consentVersion: text('consent_version').notNull(),
  stage: text('stage', { enum: applicationStages }).notNull().default('received'),
  /** SHA-256 of the personal status link's token: how a request with the token finds the application. */
  statusTokenHash: text('status_token_hash').notNull(),
  /** The token itself, encrypted, so that every later e-mail (invitation, decision) can carry the link. */
  statusTokenEncrypted: text('status_token_encrypted').notNull(),
  /** A second submission with the same e-mail waits here until confirmed from the e-mailed link. */
  pendingUpdateEncrypted: text('pending_update_encrypted'),
  pendingUpdateTokenHash: text('pending_update_token_hash'),
  submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  decision: text('decision', { enum: decisions }),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
  decidedBy: uuid('decided_by').references(() => users.id),
  decisionLetterEncrypted: text('decision_letter_encrypted'),
  withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  /** Set on a "not admitted" decision or a withdrawal: the retention job deletes everything then. */
  purgeAfter: date('purge_after'),
}, (t) => [
  uniqueIndex('applications_intake_email_key').on(t.intakeId, t.email),
  uniqueIndex('applications_reference_key').on(t.reference),
  uniqueIndex('applications_status_token_key').on(t.statusTokenHash),
  index('applications_pending_update_token_idx').on(t.pendingUpdateTokenHash),
  index('applications_tenant_intake_stage_idx').on(t.tenantId, t.intakeId, t.stage),
  index('applications_purge_idx').on(t.purgeAfter),
  index('applications_person_idx').on(t.personId),
]);

/** An uploaded letter (PDF, DOCX or ODT, at most 10 MB, type checked by content), encrypted. */
export const applicationFiles = pgTable('application_files', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
  applicationId: uuid('application_id').notNull().references(() => applications.id, { onDelete: 'cascade' }),
  filename: text('filename').notNull(),
  mimeType: text('mime_type').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  /** The file's bytes, base64, sealed by the key ring. */
  contentEncrypted: text('content_encrypted').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('application_files_application_idx').on(t.applicationId)]);

/** The stage history of an application: the status page's timeline and the funnel's source. */
export const applicationEvents = pgTable('application_events', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
  applicationId: uuid('application_id').notNull().references(() => applications.id, { onDelete: 'cascade' }),
  fromStage: text('from_stage', { enum: applicationStages }),
  toStage: text('to_stage', { enum: applicationStages }).notNull(),
  byUserId: uuid('by_user_id').references(() => users.id),
  at: timestamp('at', { withTimezone: true }).notNull(),
}, (t) => [index('application_events_application_idx').on(t.applicationId, t.at)]);

/**
 * One reviewer's independent assessment of an application against the intake's criteria. Others'
 * reviews stay hidden from a reviewer until theirs is submitted and at least two are (seed 002:
 * selection by the team, each judging alone first).
 */
export const applicationReviews = pgTable('application_reviews', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
  applicationId: uuid('application_id').notNull().references(() => applications.id, { onDelete: 'cascade' }),
  reviewerUserId: uuid('reviewer_user_id').notNull().references(() => users.id),
  /** `{ criterionId, rating }[]`; ratings carry no free text. */
  ratings: jsonb('ratings').$type<{ criterionId: string; rating: 'met' | 'partly' | 'not_met' }[]>().notNull(),
  notesEncrypted: text('notes_encrypted'),
  submittedAt: timestamp('submitted_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
}, (t) => [uniqueIndex('application_reviews_once_key').on(t.applicationId, t.reviewerUserId)]);

/** A time the team offers for an interview: on site or by video, with its interviewers. */
export const interviewSlots = pgTable('interview_slots', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
  intakeId: uuid('intake_id').notNull().references(() => intakes.id),
  startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
  endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
  mode: text('mode', { enum: ['place', 'video'] }).notNull(),
  location: text('location'),
  videoUrl: text('video_url'),
  interviewerUserIds: jsonb('interviewer_user_ids').$type<string[]>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('interview_slots_intake_idx').on(t.intakeId, t.startsAt)]);

/** An applicant's booked interview. One applicant per slot, one interview per application. */
export const interviews = pgTable('interviews', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
  applicationId: uuid('application_id').notNull().references(() => applications.id, { onDelete: 'cascade' }),
  slotId: uuid('slot_id').notNull().references(() => interviewSlots.id),
  bookedBy: text('booked_by', { enum: ['applicant', 'team'] }).notNull(),
  reminderSentAt: timestamp('reminder_sent_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
}, (t) => [uniqueIndex('interviews_application_key').on(t.applicationId), uniqueIndex('interviews_slot_key').on(t.slotId)]);

/** One interviewer's scores (1-5 per scenario question and per criterion), given independently. */
export const interviewScores = pgTable('interview_scores', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
  interviewId: uuid('interview_id').notNull().references(() => interviews.id, { onDelete: 'cascade' }),
  interviewerUserId: uuid('interviewer_user_id').notNull().references(() => users.id),
  questionScores: jsonb('question_scores').$type<{ questionId: string; score: number }[]>().notNull(),
  criterionScores: jsonb('criterion_scores').$type<{ criterionId: string; score: number }[]>().notNull(),
  notesEncrypted: text('notes_encrypted'),
  submittedAt: timestamp('submitted_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
}, (t) => [uniqueIndex('interview_scores_once_key').on(t.interviewId, t.interviewerUserId)]);
