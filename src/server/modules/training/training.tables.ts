import { pgTable, text, timestamp, uuid, index, uniqueIndex, integer, boolean, jsonb, date, numeric } from 'drizzle-orm/pg-core';
import { tenants, units } from '../tenants/tenants.tables.ts';
import { persons } from '../persons/persons.tables.ts';
import { users } from '../users/users.tables.ts';
import type { LocalizedText } from '../../../shared/contracts/recruitment.ts';
import {
  attendanceStatuses,
  checkinQuestions,
  courseKinds,
  livelihoods,
  type CompletionRule,
  type CourseLeader,
  type Material,
  type ScheduleTemplate,
} from '../../../shared/contracts/training.ts';

/**
 * A course the tenant gives: the peer training (seed 002: five weeks, study and reflection weeks
 * alternating), a Recovery College course (public catalogue, anyone may enrol), or a staff
 * introduction to peer support held for a unit (seed 001).
 */
export const courses = pgTable('courses', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
  kind: text('kind', { enum: courseKinds }).notNull(),
  title: jsonb('title').$type<LocalizedText>().notNull(),
  description: jsonb('description').$type<LocalizedText>().notNull(),
  scheduleTemplate: jsonb('schedule_template').$type<ScheduleTemplate>().notNull(),
  completion: jsonb('completion').$type<CompletionRule>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('courses_tenant_idx').on(t.tenantId, t.kind)]);

/** One run of a course with its dates: a cohort of the peer training, a Recovery College course, a staff training. */
export const cohorts = pgTable('cohorts', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
  courseId: uuid('course_id').notNull().references(() => courses.id),
  title: text('title').notNull(),
  startsOn: date('starts_on').notNull(),
  endsOn: date('ends_on').notNull(),
  place: text('place').notNull().default(''),
  status: text('status', { enum: ['planned', 'in_progress', 'completed', 'cancelled'] }).notNull().default('planned'),
  /** The intake whose admitted applicants fill this cohort, if any. */
  intakeId: uuid('intake_id'),
  /** A staff introduction is held for one unit. */
  unitId: uuid('unit_id').references(() => units.id),
  /** Recovery College: places for enrolment (null: no limit). */
  capacity: integer('capacity'),
  /** Recovery College co-leaders, with and without lived experience, as the catalogue shows them. */
  leaders: jsonb('leaders').$type<CourseLeader[]>().notNull().default([]),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('cohorts_tenant_course_idx').on(t.tenantId, t.courseId, t.startsOn)]);

/** A session of a cohort: time, place, topic, course leaders and materials. */
export const trainingSessions = pgTable('training_sessions', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
  cohortId: uuid('cohort_id').notNull().references(() => cohorts.id, { onDelete: 'cascade' }),
  startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
  endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
  place: text('place').notNull().default(''),
  topic: text('topic').notNull().default(''),
  /** Week of the course (1-based) as the template laid it out. */
  week: integer('week').notNull().default(1),
  leaderUserIds: jsonb('leader_user_ids').$type<string[]>().notNull().default([]),
  materials: jsonb('materials').$type<Material[]>().notNull().default([]),
  /** Set when the day is a public holiday the team chose to keep (the template skips them otherwise). */
  holidayName: text('holiday_name'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('training_sessions_cohort_idx').on(t.cohortId, t.startsAt)]);

/**
 * A person taking part in a cohort. Their livelihood during the training decides what they must
 * report and when (seed 002); it is for the training team's eyes only.
 */
export const participants = pgTable('participants', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
  cohortId: uuid('cohort_id').notNull().references(() => cohorts.id),
  personId: uuid('person_id').notNull().references(() => persons.id),
  /** The application they were admitted through, if any (kept as a plain id: the application may be purged). */
  applicationId: uuid('application_id'),
  track: text('track', { enum: ['own_experience', 'relative'] }),
  livelihood: text('livelihood', { enum: livelihoods }),
  status: text('status', { enum: ['active', 'completed', 'interrupted'] }).notNull().default('active'),
  /** Why the course was interrupted: may touch on health, so encrypted. */
  interruptionReasonEncrypted: text('interruption_reason_encrypted'),
  interruptedAt: timestamp('interrupted_at', { withTimezone: true }),
  /** An interrupted participant may come back in a later cohort (the team's note to itself). */
  returnLater: boolean('return_later').notNull().default(false),
  completedAt: timestamp('completed_at', { withTimezone: true }),
  certificateNumber: text('certificate_number'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('participants_cohort_person_key').on(t.cohortId, t.personId),
  index('participants_person_idx').on(t.personId),
  index('participants_application_idx').on(t.applicationId),
]);

/** Who was there: one row per session and participant, taken on a phone. */
export const attendance = pgTable('attendance', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
  sessionId: uuid('session_id').notNull().references(() => trainingSessions.id, { onDelete: 'cascade' }),
  participantId: uuid('participant_id').notNull().references(() => participants.id, { onDelete: 'cascade' }),
  status: text('status', { enum: attendanceStatuses }).notNull(),
  note: text('note').notNull().default(''),
  recordedBy: uuid('recorded_by').references(() => users.id),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
}, (t) => [uniqueIndex('attendance_session_participant_key').on(t.sessionId, t.participantId), index('attendance_participant_idx').on(t.participantId)]);

/** Homework and reflection for a reflection week, with a due date. */
export const reflectionTasks = pgTable('reflection_tasks', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
  cohortId: uuid('cohort_id').notNull().references(() => cohorts.id, { onDelete: 'cascade' }),
  week: integer('week').notNull(),
  title: text('title').notNull(),
  instructions: text('instructions').notNull().default(''),
  dueOn: date('due_on').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('reflection_tasks_cohort_idx').on(t.cohortId, t.dueOn)]);

/** A participant's hand-in (text and/or a file) and the course leader's written feedback; all encrypted. */
export const taskSubmissions = pgTable('task_submissions', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
  taskId: uuid('task_id').notNull().references(() => reflectionTasks.id, { onDelete: 'cascade' }),
  participantId: uuid('participant_id').notNull().references(() => participants.id, { onDelete: 'cascade' }),
  textEncrypted: text('text_encrypted'),
  fileName: text('file_name'),
  fileMimeType: text('file_mime_type'),
  fileSizeBytes: integer('file_size_bytes'),
  fileEncrypted: text('file_encrypted'),
  submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
  feedbackEncrypted: text('feedback_encrypted'),
  feedbackBy: uuid('feedback_by').references(() => users.id),
  feedbackAt: timestamp('feedback_at', { withTimezone: true }),
}, (t) => [uniqueIndex('task_submissions_task_participant_key').on(t.taskId, t.participantId), index('task_submissions_participant_idx').on(t.participantId)]);

/** The team's dated notes on a participant's process (seed 002), private to the team, encrypted. */
export const followUpNotes = pgTable('follow_up_notes', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
  participantId: uuid('participant_id').notNull().references(() => participants.id, { onDelete: 'cascade' }),
  /** Null once the author's account is erased: the note stays with the participant. */
  authorUserId: uuid('author_user_id').references(() => users.id),
  noteEncrypted: text('note_encrypted').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
}, (t) => [index('follow_up_notes_participant_idx').on(t.participantId, t.createdAt)]);

/** A participant's weekly check-in: a few 1-5 answers and a free text; flagged to the team when answers drop. */
export const checkins = pgTable('checkins', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
  participantId: uuid('participant_id').notNull().references(() => participants.id, { onDelete: 'cascade' }),
  week: integer('week').notNull(),
  answers: jsonb('answers').$type<Record<(typeof checkinQuestions)[number], number>>().notNull(),
  commentEncrypted: text('comment_encrypted'),
  flagged: boolean('flagged').notNull().default(false),
  flagReasons: jsonb('flag_reasons').$type<string[]>().notNull().default([]),
  flagSeenAt: timestamp('flag_seen_at', { withTimezone: true }),
  flagSeenBy: uuid('flag_seen_by').references(() => users.id),
  submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
}, (t) => [uniqueIndex('checkins_participant_week_key').on(t.participantId, t.week)]);

/**
 * A trained peer, ready for the brokering service (issue 5 adds what they take on and when). Made
 * when a participant completes the peer training, or by hand.
 */
export const peerProfiles = pgTable('peer_profiles', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
  personId: uuid('person_id').notNull().references(() => persons.id),
  track: text('track', { enum: ['own_experience', 'relative', 'both'] }).notNull(),
  status: text('status', { enum: ['active', 'paused', 'inactive'] }).notNull().default('active'),
  trainedInCohortId: uuid('trained_in_cohort_id').references(() => cohorts.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('peer_profiles_person_key').on(t.personId)]);

/** A course leader's hours for a session that took place: the basis of their fee (issue 5). */
export const leaderHours = pgTable('leader_hours', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
  sessionId: uuid('session_id').notNull().references(() => trainingSessions.id, { onDelete: 'cascade' }),
  userId: uuid('user_id').notNull().references(() => users.id),
  hours: numeric('hours', { precision: 5, scale: 2 }).notNull(),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
}, (t) => [uniqueIndex('leader_hours_session_user_key').on(t.sessionId, t.userId)]);

/** A secret iCalendar feed of one user's sessions (as participant or course leader); only the hash is kept. */
export const calendarFeeds = pgTable('calendar_feeds', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('calendar_feeds_token_key').on(t.tokenHash), uniqueIndex('calendar_feeds_user_key').on(t.userId)]);

/**
 * An enrolment in a Recovery College course, by anyone, without an account. Beyond the places it is
 * a waiting list, in order of enrolment, that moves up by itself when someone cancels.
 */
export const enrolments = pgTable('enrolments', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
  cohortId: uuid('cohort_id').notNull().references(() => cohorts.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  /** Normalised (lower case): one enrolment per address and course. */
  email: text('email').notNull(),
  locale: text('locale', { enum: ['sv', 'da', 'en'] }).notNull(),
  status: text('status', { enum: ['enrolled', 'waitlisted', 'cancelled'] }).notNull(),
  /** The cancel link's token: found by hash, kept encrypted for the reminder e-mail. */
  cancelTokenHash: text('cancel_token_hash').notNull(),
  cancelTokenEncrypted: text('cancel_token_encrypted').notNull(),
  reminderSentAt: timestamp('reminder_sent_at', { withTimezone: true }),
  promotedAt: timestamp('promoted_at', { withTimezone: true }),
  cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
}, (t) => [
  uniqueIndex('enrolments_cohort_email_key').on(t.cohortId, t.email),
  uniqueIndex('enrolments_cancel_token_key').on(t.cancelTokenHash),
  index('enrolments_cohort_status_idx').on(t.cohortId, t.status, t.createdAt),
]);

/** Attendance at a Recovery College course or a staff introduction, by enrolment (no account needed). */
export const enrolmentAttendance = pgTable('enrolment_attendance', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
  sessionId: uuid('session_id').notNull().references(() => trainingSessions.id, { onDelete: 'cascade' }),
  enrolmentId: uuid('enrolment_id').notNull().references(() => enrolments.id, { onDelete: 'cascade' }),
  status: text('status', { enum: attendanceStatuses }).notNull(),
  recordedBy: uuid('recorded_by').references(() => users.id),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
}, (t) => [uniqueIndex('enrolment_attendance_key').on(t.sessionId, t.enrolmentId)]);
