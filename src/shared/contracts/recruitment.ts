import { z } from 'zod';
import { locales } from '../i18n/locale.ts';

/**
 * Recruitment and selection (issue 3): intakes, applications, reviews, interviews and decisions.
 * Used by the server's routes (request and response schemas) and by the web pages.
 */

export const tracks = ['own_experience', 'relative'] as const;
export type Track = (typeof tracks)[number];

export const applicationStages = [
  'received',
  'under_review',
  'interview_invited',
  'interviewed',
  'admitted',
  'waitlisted',
  'not_admitted',
  'withdrawn',
] as const;
export type ApplicationStage = (typeof applicationStages)[number];

export const decisions = ['admitted', 'waitlisted', 'not_admitted'] as const;
export type Decision = (typeof decisions)[number];

export const criterionLevels = ['must', 'should', 'plus'] as const;
export const selfRatings = ['yes', 'partly', 'no'] as const;
export const reviewRatings = ['met', 'partly', 'not_met'] as const;

/** A text the team writes in one or more of the three languages; the reader's language is shown first. */
export const localizedText = z
  .object({ sv: z.string().trim().max(500).optional(), da: z.string().trim().max(500).optional(), en: z.string().trim().max(500).optional() })
  .refine((t) => Boolean(t.sv || t.da || t.en), { message: 'required' });
export type LocalizedText = z.infer<typeof localizedText>;

export const criterion = z.object({ id: z.string().min(1).max(40), level: z.enum(criterionLevels), label: localizedText });
export type Criterion = z.infer<typeof criterion>;
export const scenarioQuestion = z.object({ id: z.string().min(1).max(40), text: localizedText });
export type ScenarioQuestion = z.infer<typeof scenarioQuestion>;

const isoDateTime = z.iso.datetime({ offset: true });

// ---------------------------------------------------------------- intakes (training team)

export const intakeBody = z.object({
  title: z.string().trim().min(1).max(200),
  courseName: z.string().trim().min(1).max(200),
  description: z.string().trim().max(4000).default(''),
  tracks: z.array(z.enum(tracks)).min(1).max(2),
  deadline: isoDateTime,
  places: z.number().int().min(1).max(500),
  /** Items without an id get one; an item keeps its id when edited so assessments stay attached. */
  criteria: z.array(criterion.extend({ id: z.string().min(1).max(40).optional() })).min(1).max(30),
  questions: z.array(scenarioQuestion.extend({ id: z.string().min(1).max(40).optional() })).max(20),
  decisionDays: z.number().int().min(1).max(60).default(7),
  retentionMonths: z.number().int().min(1).max(36).default(12),
  status: z.enum(['draft', 'open', 'closed']).default('draft'),
}).strict();
export type IntakeBody = z.input<typeof intakeBody>;
/** A change names only what changes: the body's defaults must not fill in (zod 4 applies them under `.partial()`). */
const intakeFields = intakeBody.shape;
export const intakePatch = intakeBody
  .extend({
    description: intakeFields.description.unwrap(),
    decisionDays: intakeFields.decisionDays.unwrap(),
    retentionMonths: intakeFields.retentionMonths.unwrap(),
    status: intakeFields.status.unwrap(),
  })
  .partial()
  .strict();

export const stageCounts = z.record(z.enum(applicationStages), z.number().int());

export const intakeView = z.object({
  id: z.string(),
  title: z.string(),
  courseName: z.string(),
  description: z.string(),
  tracks: z.array(z.enum(tracks)),
  deadline: z.string(),
  places: z.number().int(),
  criteria: z.array(criterion),
  questions: z.array(scenarioQuestion),
  decisionDays: z.number().int(),
  retentionMonths: z.number().int(),
  status: z.enum(['draft', 'open', 'closed']),
  /** Open for applications right now: status open and the deadline not passed. */
  isOpen: z.boolean(),
  createdAt: z.string(),
  counts: stageCounts,
  /** Interviewed applicants still without a decision past the promise (`decisionDays`). */
  overdueDecisions: z.number().int(),
});
export type IntakeView = z.infer<typeof intakeView>;

export const intakeDefaults = z.object({ criteria: z.array(criterion), questions: z.array(scenarioQuestion) });

export const funnelView = z.object({
  applied: z.number().int(),
  reviewed: z.number().int(),
  interviewed: z.number().int(),
  admitted: z.number().int(),
  waitlisted: z.number().int(),
  notAdmitted: z.number().int(),
  withdrawn: z.number().int(),
  /** Median whole days from the interview to the decision; null before any decision. */
  medianDaysInterviewToDecision: z.number().nullable(),
  overdueDecisions: z.number().int(),
});
export type FunnelView = z.infer<typeof funnelView>;

// ---------------------------------------------------------------- public: intakes and applying

export const publicIntakeView = z.object({
  id: z.string(),
  tenantSlug: z.string(),
  tenantName: z.string(),
  title: z.string(),
  courseName: z.string(),
  description: z.string(),
  tracks: z.array(z.enum(tracks)),
  deadline: z.string(),
  places: z.number().int(),
  isOpen: z.boolean(),
  criteria: z.array(criterion),
  /** Months after a "not admitted" decision or a withdrawal until everything is deleted: the consent text says it. */
  retentionMonths: z.number().int(),
  /** The version of the consent text shown (web: `apply.consent.*` texts); sent back with the application. */
  consentVersion: z.string(),
});
export type PublicIntakeView = z.infer<typeof publicIntakeView>;
export const publicIntakesQuery = z.object({ tenant: z.string().max(100).optional() });

/** The guided letter: one text per prompt of the seed (about you, experience, turning points, why, fit). */
export const letterText = z.object({
  about: z.string().trim().max(6000).default(''),
  experience: z.string().trim().max(6000).default(''),
  turningPoints: z.string().trim().max(6000).default(''),
  whyRole: z.string().trim().max(6000).default(''),
  fit: z.string().trim().max(6000).default(''),
}).strict();
export type LetterText = z.infer<typeof letterText>;
export const letterPrompts = ['about', 'experience', 'turningPoints', 'whyRole', 'fit'] as const;

export const selfAssessment = z.object({
  criterionId: z.string().min(1).max(40),
  rating: z.enum(selfRatings),
  comment: z.string().trim().max(1000).default(''),
});
export type SelfAssessment = z.infer<typeof selfAssessment>;

/**
 * An application as the public form sends it: as the JSON body, or in multipart as the field
 * `application` (this JSON as a string) next to the file field `letterFile`.
 * Server rules beyond the shape: consent and the working goal must be true; the letter needs text
 * (at least `LETTER_MIN_CHARS` in all) or a file; the track must be one the intake offers; every
 * criterion of the intake needs a self-assessment.
 */
export const applicationSubmission = z.object({
  name: z.string().trim().min(1).max(200),
  email: z.email().max(320),
  phone: z.string().trim().max(40).regex(/^[+0-9 ()-]*$/).optional().or(z.literal('')),
  municipality: z.string().trim().min(1).max(100),
  track: z.enum(tracks),
  locale: z.enum(locales),
  letter: letterText.optional(),
  selfAssessment: z.array(selfAssessment).max(30),
  workingGoalAcknowledged: z.boolean(),
  consent: z.boolean(),
  consentVersion: z.string().min(1).max(40),
}).strict();
export type ApplicationSubmission = z.input<typeof applicationSubmission>;
export const LETTER_MIN_CHARS = 200;
export const LETTER_FILE_MAX_BYTES = 10 * 1024 * 1024;
export const letterFileTypes = ['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/vnd.oasis.opendocument.text'] as const;

/**
 * `created`: a new application. `updated`: the same e-mail had applied and the request carried that
 * application's status token, so it was updated at once. `update_pending`: the same e-mail had applied
 * from elsewhere; the change waits until confirmed from the link e-mailed to that address (so nobody
 * can overwrite another person's application by knowing their e-mail).
 */
export const submissionResult = z.object({
  outcome: z.enum(['created', 'updated', 'update_pending']),
  reference: z.string(),
  /** The personal status link (`/application#<token>`); absent for `update_pending`. */
  statusUrl: z.string().nullable(),
  statusToken: z.string().nullable(),
});
export type SubmissionResult = z.infer<typeof submissionResult>;

/** The status page's routes take the personal link's token in this header, never in the URL. */
export const APPLICATION_TOKEN_HEADER = 'x-application-token';

export const slotView = z.object({
  id: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  mode: z.enum(['place', 'video']),
  location: z.string().nullable(),
  videoUrl: z.string().nullable(),
});
export type SlotView = z.infer<typeof slotView>;

export const timelineEntry = z.object({ stage: z.enum(applicationStages), at: z.string() });

export const applicationStatusView = z.object({
  reference: z.string(),
  tenantName: z.string(),
  intakeTitle: z.string(),
  name: z.string(),
  email: z.string(),
  locale: z.enum(locales),
  stage: z.enum(applicationStages),
  submittedAt: z.string(),
  timeline: z.array(timelineEntry),
  interview: slotView.nullable(),
  /** Invited and not yet decided: the applicant may pick or move a slot. */
  canBookInterview: z.boolean(),
  availableSlots: z.array(slotView),
  canWithdraw: z.boolean(),
  decision: z
    .object({ decision: z.enum(decisions), letter: z.string(), decidedAt: z.string(), purgeAfter: z.string().nullable() })
    .nullable(),
  /** The day everything is deleted (not admitted or withdrawn), else null. */
  purgeAfter: z.string().nullable(),
});
export type ApplicationStatusView = z.infer<typeof applicationStatusView>;

export const bookSlotBody = z.object({ slotId: z.uuid() }).strict();
export const confirmUpdateBody = z.object({ token: z.string().min(20).max(200) }).strict();
export const confirmUpdateResult = z.object({ reference: z.string(), statusToken: z.string(), statusUrl: z.string() });
export const exportQuery = z.object({ format: z.enum(['json', 'pdf']).default('json') });

// ---------------------------------------------------------------- applications (training team)

export const applicationsQuery = z.object({
  intakeId: z.uuid().optional(),
  stage: z.enum(applicationStages).optional(),
  track: z.enum(tracks).optional(),
  /** Only interviewed applications whose decision is past the promise. */
  overdue: z.enum(['true', 'false']).optional(),
});

export const applicationSummary = z.object({
  id: z.string(),
  intakeId: z.string(),
  intakeTitle: z.string(),
  reference: z.string(),
  name: z.string(),
  email: z.string(),
  municipality: z.string(),
  track: z.enum(tracks),
  stage: z.enum(applicationStages),
  submittedAt: z.string(),
  reviewsSubmitted: z.number().int(),
  myReviewSubmitted: z.boolean(),
  interviewAt: z.string().nullable(),
  /** The last day of the decision promise (interview day + decisionDays), once interviewed. */
  decisionDueOn: z.string().nullable(),
  isOverdue: z.boolean(),
});
export type ApplicationSummary = z.infer<typeof applicationSummary>;

export const reviewView = z.object({
  reviewerUserId: z.string(),
  reviewerName: z.string(),
  ratings: z.array(z.object({ criterionId: z.string(), rating: z.enum(reviewRatings) })),
  notes: z.string(),
  submittedAt: z.string().nullable(),
});
export type ReviewView = z.infer<typeof reviewView>;

export const scoreView = z.object({
  interviewerUserId: z.string(),
  interviewerName: z.string(),
  questionScores: z.array(z.object({ questionId: z.string(), score: z.number().int().min(1).max(5) })),
  criterionScores: z.array(z.object({ criterionId: z.string(), score: z.number().int().min(1).max(5) })),
  notes: z.string(),
  submittedAt: z.string().nullable(),
});
export type ScoreView = z.infer<typeof scoreView>;

export const applicationDetail = applicationSummary.extend({
  phone: z.string().nullable(),
  locale: z.enum(locales),
  letter: letterText.nullable(),
  letterFile: z.object({ filename: z.string(), mimeType: z.string(), sizeBytes: z.number().int() }).nullable(),
  selfAssessment: z.array(selfAssessment),
  workingGoalAcknowledged: z.boolean(),
  timeline: z.array(timelineEntry),
  reviews: z.object({
    mine: reviewView.nullable(),
    /** Null while hidden: until your own review is submitted and at least two are. */
    others: z.array(reviewView).nullable(),
    submittedCount: z.number().int(),
  }),
  interview: z
    .object({
      id: z.string(),
      slot: slotView,
      interviewers: z.array(z.object({ id: z.string(), name: z.string() })),
      scores: z.object({ mine: scoreView.nullable(), others: z.array(scoreView).nullable(), submittedCount: z.number().int() }),
    })
    .nullable(),
  decision: z
    .object({ decision: z.enum(decisions), letter: z.string(), decidedAt: z.string(), decidedByName: z.string().nullable() })
    .nullable(),
  purgeAfter: z.string().nullable(),
});
export type ApplicationDetail = z.infer<typeof applicationDetail>;

export const assessBody = z.object({
  ratings: z.array(z.object({ criterionId: z.string().min(1).max(40), rating: z.enum(reviewRatings) })).max(30),
  notes: z.string().trim().max(4000).default(''),
  /** False saves a draft; true submits (every criterion must then be rated). */
  submit: z.boolean(),
}).strict();

export const bulkMoveBody = z.object({
  ids: z.array(z.uuid()).min(1).max(200),
  /** `interview_invited` e-mails each applicant a link to book a slot. */
  stage: z.enum(['under_review', 'interview_invited']),
}).strict();
export const bulkMoveResult = z.object({ moved: z.number().int(), skipped: z.number().int() });

export const inviteBody = z.object({ slotId: z.uuid().optional() }).strict();
export const decideBody = z.object({ decision: z.enum(decisions), letter: z.string().trim().min(20).max(10000) }).strict();
export const decisionDraftQuery = z.object({ decision: z.enum(decisions) });
export const decisionDraft = z.object({ letter: z.string(), locale: z.enum(locales), purgeAfter: z.string().nullable() });

// ---------------------------------------------------------------- interview slots and interviews

export const slotBody = z.object({
  intakeId: z.uuid(),
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  mode: z.enum(['place', 'video']),
  location: z.string().trim().max(300).optional(),
  videoUrl: z.url().max(500).optional(),
  interviewerUserIds: z.array(z.uuid()).min(1).max(5),
}).strict();

export const teamSlotView = slotView.extend({
  intakeId: z.string(),
  interviewers: z.array(z.object({ id: z.string(), name: z.string() })),
  booked: z.object({ applicationId: z.string(), reference: z.string(), name: z.string() }).nullable(),
});
export type TeamSlotView = z.infer<typeof teamSlotView>;
export const slotsQuery = z.object({ intakeId: z.uuid() });
export const interviewerView = z.object({ id: z.string(), name: z.string() });

export const assignInterviewBody = z.object({ applicationId: z.uuid(), slotId: z.uuid() }).strict();

export const scoreBody = z.object({
  questionScores: z.array(z.object({ questionId: z.string().min(1).max(40), score: z.number().int().min(1).max(5) })).max(20),
  criterionScores: z.array(z.object({ criterionId: z.string().min(1).max(40), score: z.number().int().min(1).max(5) })).max(30),
  notes: z.string().trim().max(4000).default(''),
  submit: z.boolean(),
}).strict();

export const myInterviewView = z.object({
  id: z.string(),
  applicationId: z.string(),
  reference: z.string(),
  name: z.string(),
  intakeTitle: z.string(),
  slot: slotView,
  myScoreSubmitted: z.boolean(),
});
export const myInterviewsQuery = z.object({ intakeId: z.uuid().optional() });
