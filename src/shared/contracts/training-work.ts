import { z } from 'zod';
import { localizedText } from './recruitment.ts';
import { attendanceStatuses, checkinQuestions, completionRule, participantStatuses } from './training.ts';

/**
 * The participant's work in a training (issue 4): reflection tasks and hand-ins with feedback, the
 * team's follow-up notes, weekly check-ins with flags, completion with a certificate and a peer
 * profile, and the participant's own view. Lists answer `{ items, nextCursor }` (shared/api.md).
 */

const isoDate = z.iso.date();

// ---------------------------------------------------------------- reflection tasks (training team)

export const reflectionTasksQuery = z.object({ cohortId: z.uuid() });

/** `week` must be a reflection week of the cohort's course template (else a field error on `week`). */
export const reflectionTaskBody = z.object({
  cohortId: z.uuid(),
  week: z.number().int().min(1).max(52),
  title: z.string().trim().min(1).max(200),
  instructions: z.string().trim().max(10000).default(''),
  dueOn: isoDate,
}).strict();
export type ReflectionTaskBody = z.input<typeof reflectionTaskBody>;

export const reflectionTaskPatch = z.object({
  week: z.number().int().min(1).max(52),
  title: z.string().trim().min(1).max(200),
  instructions: z.string().trim().max(10000),
  dueOn: isoDate,
}).partial().strict();
export type ReflectionTaskPatch = z.input<typeof reflectionTaskPatch>;

export const reflectionTaskView = z.object({
  id: z.string(),
  cohortId: z.string(),
  week: z.number().int(),
  title: z.string(),
  instructions: z.string(),
  dueOn: z.string(),
  /** Hand-ins so far, of `participantCount` participants (interrupted ones not counted). */
  submittedCount: z.number().int(),
  participantCount: z.number().int(),
  createdAt: z.string(),
});
export type ReflectionTaskView = z.infer<typeof reflectionTaskView>;

// ---------------------------------------------------------------- hand-ins and feedback

/**
 * A hand-in as JSON `{ text }`, or multipart with the field `text` and an optional file in the field
 * `file` (PDF, DOCX, ODT, JPEG or PNG by content, at most `TASK_FILE_MAX_BYTES`: 415/413 naming `file`).
 * Text or a file is required. A hand-in can be replaced as a whole (text and file; a replacement
 * without a file drops the earlier one) until feedback is given (then 409 WRONG_STAGE).
 */
export const submissionBody = z.object({ text: z.string().trim().max(20000).default('') }).strict();
export type SubmissionBody = z.input<typeof submissionBody>;
export const TASK_FILE_MAX_BYTES = 10 * 1024 * 1024;
export const taskFileTypes = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.oasis.opendocument.text',
  'image/jpeg',
  'image/png',
] as const;

export const submissionFileView = z.object({ filename: z.string(), mimeType: z.string(), sizeBytes: z.number().int() });

/** A hand-in as its owner and the team see it; the file is fetched from `/api/task-submissions/{id}/file`. */
export const taskSubmissionView = z.object({
  id: z.string(),
  taskId: z.string(),
  text: z.string(),
  file: submissionFileView.nullable(),
  submittedAt: z.string(),
  feedback: z.string().nullable(),
  feedbackAt: z.string().nullable(),
  feedbackByName: z.string().nullable(),
  /** False once feedback is given. */
  canReplace: z.boolean(),
});
export type TaskSubmissionView = z.infer<typeof taskSubmissionView>;

/** One row per participant of the cohort, with their hand-in or null. */
export const taskSubmissionRow = z.object({
  participantId: z.string(),
  participantName: z.string(),
  participantStatus: z.enum(participantStatuses),
  submission: taskSubmissionView.nullable(),
});
export type TaskSubmissionRow = z.infer<typeof taskSubmissionRow>;

export const feedbackBody = z.object({ feedback: z.string().trim().min(1).max(10000) }).strict();

// ---------------------------------------------------------------- follow-up notes (team only)

export const followUpNoteBody = z.object({ note: z.string().trim().min(1).max(10000) }).strict();
export const followUpNoteView = z.object({
  id: z.string(),
  participantId: z.string(),
  note: z.string(),
  /** Null when the author's account has been erased. */
  authorUserId: z.string().nullable(),
  authorName: z.string().nullable(),
  createdAt: z.string(),
});
export type FollowUpNoteView = z.infer<typeof followUpNoteView>;

// ---------------------------------------------------------------- weekly check-ins

const answer = z.number().int().min(1).max(5);
export const checkinAnswers = z.object({ wellbeing: answer, energy: answer, belonging: answer, coping: answer }).strict() satisfies z.ZodType<
  Record<(typeof checkinQuestions)[number], number>
>;
export type CheckinAnswers = z.infer<typeof checkinAnswers>;

/** `week` must be a study week of the caller's cohort that has started (else a field error on `week`). Sent again, it replaces that week's check-in. */
export const checkinBody = z.object({
  week: z.number().int().min(1).max(52),
  answers: checkinAnswers,
  comment: z.string().trim().max(4000).optional(),
}).strict();
export type CheckinBody = z.input<typeof checkinBody>;

/**
 * Why a check-in was flagged: `low_answer` any answer ≤ 2; `sum_dropped` the sum fell by ≥ 3 against
 * the previous check-in; `answer_dropped` one answer fell by ≥ 2 against the previous check-in.
 */
export const flagReasons = ['low_answer', 'sum_dropped', 'answer_dropped'] as const;
export type FlagReason = (typeof flagReasons)[number];

/** The participant's own check-in: never the flag. */
export const myCheckinView = z.object({
  id: z.string(),
  week: z.number().int(),
  answers: checkinAnswers,
  comment: z.string().nullable(),
  submittedAt: z.string(),
});
export type MyCheckinView = z.infer<typeof myCheckinView>;

export const checkinsQuery = z.object({
  cohortId: z.uuid().optional(),
  participantId: z.uuid().optional(),
  flagged: z.enum(['true', 'false']).optional(),
});

/** A check-in as the team sees it (reading the comments is audited). */
export const teamCheckinView = myCheckinView.extend({
  participantId: z.string(),
  participantName: z.string(),
  cohortId: z.string(),
  flagged: z.boolean(),
  flagReasons: z.array(z.enum(flagReasons)),
  flagSeenAt: z.string().nullable(),
  flagSeenByName: z.string().nullable(),
});
export type TeamCheckinView = z.infer<typeof teamCheckinView>;

// ---------------------------------------------------------------- completion and interruption

export const attendanceFigures = z.object({
  /** All sessions of the cohort, past and planned. */
  sessions: z.number().int(),
  /** Sessions whose start has passed. */
  held: z.number().int(),
  present: z.number().int(),
  /** Counted as not present, in both per cents. */
  excused: z.number().int(),
  /** The rate so far: present ÷ held, rounded; null before any session was held (as the team's participant list shows it). */
  ratePercent: z.number().int().nullable(),
  /** The completion measure: present ÷ all sessions, rounded down; 0 without sessions. */
  percent: z.number().int(),
  /** Hours of the sessions attended (present), to one decimal: printed on the certificate. */
  hoursAttended: z.number(),
});
export type AttendanceFigures = z.infer<typeof attendanceFigures>;

export const completionView = z.object({
  participantId: z.string(),
  status: z.enum(participantStatuses),
  rule: completionRule,
  attendance: attendanceFigures,
  tasks: z.object({ total: z.number().int(), handedIn: z.number().int() }),
  attendanceMet: z.boolean(),
  tasksMet: z.boolean(),
  criteriaMet: z.boolean(),
  completedAt: z.string().nullable(),
  certificateNumber: z.string().nullable(),
  /** `/api/participants/{id}/certificate.pdf` once completed. */
  certificateUrl: z.string().nullable(),
  peerProfileId: z.string().nullable(),
  /** Set when interrupted; reading the reason is audited. */
  interruption: z.object({ at: z.string(), reason: z.string(), returnLater: z.boolean() }).nullable(),
});
export type CompletionView = z.infer<typeof completionView>;

/** Send `{}` when the criteria are met. Below them: 409 WRONG_STAGE, unless `override` with a `reason` (a field error on `reason` without one). */
export const completeBody = z.object({
  override: z.boolean().default(false),
  reason: z.string().trim().max(2000).optional(),
}).strict();

export const interruptBody = z.object({
  reason: z.string().trim().min(1).max(4000),
  /** The participant may return to a later cohort. */
  returnLater: z.boolean(),
}).strict();

// ---------------------------------------------------------------- the participant's own view

export const myTrainingWeek = z.object({
  week: z.number().int(),
  kind: z.enum(['study', 'reflection']),
  startsOn: z.string(),
  /** A study week that has started and has no check-in of mine yet. */
  checkinDue: z.boolean(),
  checkin: myCheckinView.nullable(),
});

export const myTrainingView = z.object({
  /** My active participation, else the most recent; null when I have none. */
  participation: z.object({
    participantId: z.string(),
    status: z.enum(participantStatuses),
    cohort: z.object({ id: z.string(), title: z.string(), startsOn: z.string(), endsOn: z.string(), place: z.string() }),
    courseTitle: localizedText,
    sessions: z.array(z.object({
      id: z.string(),
      startsAt: z.string(),
      endsAt: z.string(),
      place: z.string(),
      topic: z.string(),
      week: z.number().int(),
      myAttendance: z.enum(attendanceStatuses).nullable(),
    })),
    attendance: attendanceFigures,
    tasks: z.array(z.object({
      id: z.string(),
      week: z.number().int(),
      title: z.string(),
      instructions: z.string(),
      dueOn: z.string(),
      submission: taskSubmissionView.nullable(),
    })),
    weeks: z.array(myTrainingWeek),
    completedAt: z.string().nullable(),
    certificateNumber: z.string().nullable(),
    certificateUrl: z.string().nullable(),
  }).nullable(),
});
export type MyTrainingView = z.infer<typeof myTrainingView>;
