import { z } from 'zod';

/**
 * Training (issue 4): the shapes shared by the tables, the server and the web. Request and response
 * schemas of the routes are added below by the training modules.
 */

export const courseKinds = ['peer_training', 'recovery_college', 'staff_introduction'] as const;
export type CourseKind = (typeof courseKinds)[number];

/** What a participant lives on during the training: it decides what they must report, and when (seed 002). */
export const livelihoods = ['sickness_compensation', 'rehabilitation_benefit', 'employment_service', 'salary', 'other'] as const;
export type Livelihood = (typeof livelihoods)[number];

export const attendanceStatuses = ['present', 'absent', 'excused'] as const;
export type AttendanceStatus = (typeof attendanceStatuses)[number];

/** The weekly check-in's scaled questions (1 = not at all, 5 = very much). */
export const checkinQuestions = ['wellbeing', 'energy', 'belonging', 'coping'] as const;
export type CheckinQuestion = (typeof checkinQuestions)[number];

export const scheduleWeek = z.object({
  /** 1-based week of the course. */
  week: z.number().int().min(1).max(52),
  kind: z.enum(['study', 'reflection']),
  /** ISO weekdays with a session (1 = Monday … 7 = Sunday); empty for a reflection week. */
  days: z.array(z.number().int().min(1).max(7)).max(7),
  /** Local time of day, HH:MM. */
  startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  endTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
});
export const scheduleTemplate = z.object({ weeks: z.array(scheduleWeek).min(1).max(52) });
export type ScheduleTemplate = z.infer<typeof scheduleTemplate>;

export const completionRule = z.object({
  minAttendancePercent: z.number().int().min(0).max(100),
  allReflectionTasks: z.boolean(),
});
export type CompletionRule = z.infer<typeof completionRule>;

export const courseLeader = z.object({
  userId: z.string().nullable(),
  name: z.string().trim().min(1).max(200),
  livedExperience: z.boolean(),
});
export type CourseLeader = z.infer<typeof courseLeader>;

export const material = z.object({ label: z.string().trim().min(1).max(200), url: z.url().max(1000) });
export type Material = z.infer<typeof material>;

/**
 * The seed's pattern (002): five weeks; weeks 1, 3 and 5 are study weeks on site, Monday to Friday;
 * weeks 2 and 4 are for reflection, recovery and homework.
 */
export const fiveWeekTemplate: ScheduleTemplate = {
  weeks: [1, 2, 3, 4, 5].map((week) =>
    week % 2 === 1
      ? { week, kind: 'study' as const, days: [1, 2, 3, 4, 5], startTime: '09:00', endTime: '15:00' }
      : { week, kind: 'reflection' as const, days: [], startTime: '09:00', endTime: '15:00' },
  ),
};

/** Default completion (issue 4): at least 80 % attendance and every reflection task handed in. */
export const defaultCompletion: CompletionRule = { minAttendancePercent: 80, allReflectionTasks: true };

// ================================================================ T1: courses, cohorts, sessions, placement, attendance, calendar

const isoDate = z.iso.date();
const isoDateTime = z.iso.datetime({ offset: true });
const listPaging = { limit: z.coerce.number().int().min(1).max(200).default(50), cursor: z.string().max(200).optional() };

/** A course's description is longer than a title; otherwise the same rule: at least one of sv/da/en. */
export const localizedDescription = z
  .object({ sv: z.string().trim().max(4000).optional(), da: z.string().trim().max(4000).optional(), en: z.string().trim().max(4000).optional() })
  .refine((t) => Boolean(t.sv || t.da || t.en), { message: 'required' });

export const cohortStatuses = ['planned', 'in_progress', 'completed', 'cancelled'] as const;
export type CohortStatus = (typeof cohortStatuses)[number];
export const participantStatuses = ['active', 'completed', 'interrupted'] as const;
export type ParticipantStatus = (typeof participantStatuses)[number];
const trackEnum = z.enum(['own_experience', 'relative']);
const localeEnum = z.enum(['sv', 'da', 'en']);
const titleText = z.object({ sv: z.string().optional(), da: z.string().optional(), en: z.string().optional() });

// ---------------------------------------------------------------- courses

export const coursesQuery = z.object({ kind: z.enum(courseKinds).optional(), ...listPaging });

export const courseBody = z.object({
  kind: z.enum(courseKinds),
  title: z.object({ sv: z.string().trim().max(200).optional(), da: z.string().trim().max(200).optional(), en: z.string().trim().max(200).optional() })
    .refine((t) => Boolean(t.sv || t.da || t.en), { message: 'required' }),
  description: localizedDescription,
  scheduleTemplate: scheduleTemplate.default(fiveWeekTemplate),
  completion: completionRule.default(defaultCompletion),
}).strict();
export type CourseBody = z.input<typeof courseBody>;
/** A change names only what changes (no defaults fill in); the kind of a course is fixed. */
export const coursePatch = z.object({
  title: courseBody.shape.title,
  description: localizedDescription,
  scheduleTemplate,
  completion: completionRule,
}).partial().strict();

export const courseView = z.object({
  id: z.string(),
  kind: z.enum(courseKinds),
  title: titleText,
  description: titleText,
  scheduleTemplate,
  completion: completionRule,
  cohortCount: z.number().int(),
  createdAt: z.string(),
});
export type CourseView = z.infer<typeof courseView>;

// ---------------------------------------------------------------- sessions

export const personRef = z.object({ id: z.string(), name: z.string() });

export const sessionView = z.object({
  id: z.string(),
  cohortId: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string(),
  topic: z.string(),
  /** Week of the course (1-based). */
  week: z.number().int(),
  /** Course leaders (users with role trainer or peer). */
  leaders: z.array(personRef),
  materials: z.array(material),
  /** A public holiday the team chose to keep (else null). */
  holidayName: z.string().nullable(),
  /** Attendance has been saved for this session (it can then no longer be deleted). */
  attendanceTaken: z.boolean(),
});
export type SessionView = z.infer<typeof sessionView>;

export const sessionsQuery = z.object({ cohortId: z.uuid() });

export const sessionBody = z.object({
  cohortId: z.uuid(),
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  place: z.string().trim().max(300).optional(),
  topic: z.string().trim().max(300).default(''),
  week: z.number().int().min(1).max(52).optional(),
  leaderUserIds: z.array(z.uuid()).max(10).default([]),
  materials: z.array(material).max(30).default([]),
}).strict();
export type SessionBody = z.input<typeof sessionBody>;

export const sessionPatch = z.object({
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  place: z.string().trim().max(300),
  topic: z.string().trim().max(300),
  week: z.number().int().min(1).max(52),
  leaderUserIds: z.array(z.uuid()).max(10),
  materials: z.array(material).max(30),
}).partial().strict();
export type SessionPatch = z.infer<typeof sessionPatch>;

/** `GET /api/sessions/mine`: from a day (default: today, local time), soonest first. */
export const mySessionsQuery = z.object({ from: isoDate.optional(), ...listPaging });
export const mySessionView = sessionView.extend({
  cohortTitle: z.string(),
  courseTitle: titleText,
  courseKind: z.enum(courseKinds),
  /** How I take part: as a course leader or as a participant. */
  role: z.enum(['leader', 'participant']),
});
export type MySessionView = z.infer<typeof mySessionView>;

/** Who may lead a session: active users of the tenant with role trainer or peer. */
export const leaderOption = z.object({ id: z.string(), name: z.string(), role: z.enum(['trainer', 'peer']) });
export type LeaderOption = z.infer<typeof leaderOption>;

// ---------------------------------------------------------------- participants

export const attendanceSummary = z.object({
  /** Sessions of the cohort whose start has passed. */
  held: z.number().int(),
  present: z.number().int(),
  absent: z.number().int(),
  /** Shown apart, but counted as not present in the rate. */
  excused: z.number().int(),
  /** present ÷ held × 100, rounded; null before any session was held. */
  percent: z.number().int().nullable(),
});
export type AttendanceSummary = z.infer<typeof attendanceSummary>;

/** A participant as the training team sees them (livelihood is the team's only: never in a participant-facing answer). */
export const participantView = z.object({
  id: z.string(),
  cohortId: z.string(),
  cohortTitle: z.string(),
  personId: z.string(),
  userId: z.string().nullable(),
  applicationId: z.string().nullable(),
  name: z.string(),
  email: z.string().nullable(),
  track: trackEnum.nullable(),
  livelihood: z.enum(livelihoods).nullable(),
  status: z.enum(participantStatuses),
  attendance: attendanceSummary,
  completedAt: z.string().nullable(),
  interruptedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type ParticipantView = z.infer<typeof participantView>;

export const participantsQuery = z.object({
  cohortId: z.uuid().optional(),
  personId: z.uuid().optional(),
  status: z.enum(participantStatuses).optional(),
  ...listPaging,
});
export const participantPatch = z.object({ livelihood: z.enum(livelihoods).nullable() }).strict();

// ---------------------------------------------------------------- cohorts

export const cohortsQuery = z.object({
  courseId: z.uuid().optional(),
  status: z.enum(cohortStatuses).optional(),
  kind: z.enum(courseKinds).optional(),
  ...listPaging,
});

export const cohortBody = z.object({
  courseId: z.uuid(),
  title: z.string().trim().min(1).max(200),
  /** A Monday when the course's template is weekly (field error otherwise). */
  startsOn: isoDate,
  place: z.string().trim().max(300).default(''),
  intakeId: z.uuid().optional(),
  unitId: z.uuid().optional(),
  capacity: z.number().int().min(1).max(1000).optional(),
  leaders: z.array(courseLeader).max(10).default([]),
  /** The course leaders of every generated session (trainer or peer users of the tenant). */
  leaderUserIds: z.array(z.uuid()).max(10).default([]),
  /** Keep sessions that fall on a public holiday (flagged with `holidayName`) instead of skipping them. */
  keepHolidays: z.boolean().default(false),
}).strict();
export type CohortBody = z.input<typeof cohortBody>;

export const cohortPatch = z.object({
  title: z.string().trim().min(1).max(200),
  place: z.string().trim().max(300),
  status: z.enum(cohortStatuses),
  startsOn: isoDate,
  endsOn: isoDate,
  capacity: z.number().int().min(1).max(1000).nullable(),
  leaders: z.array(courseLeader).max(10),
}).partial().strict();

export const cohortSummary = z.object({
  id: z.string(),
  courseId: z.string(),
  courseKind: z.enum(courseKinds),
  courseTitle: titleText,
  title: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  place: z.string(),
  status: z.enum(cohortStatuses),
  intakeId: z.string().nullable(),
  unitId: z.string().nullable(),
  capacity: z.number().int().nullable(),
  leaders: z.array(courseLeader),
  counts: z.object({
    sessions: z.number().int(),
    /** Sessions whose start has passed. */
    sessionsHeld: z.number().int(),
    participants: z.number().int(),
    active: z.number().int(),
    completed: z.number().int(),
    interrupted: z.number().int(),
    /** Recovery College and staff introductions: enrolments holding a place, and those waiting. */
    enrolled: z.number().int(),
    waitlisted: z.number().int(),
  }),
  createdAt: z.string(),
});
export type CohortSummary = z.infer<typeof cohortSummary>;

export const cohortDetail = cohortSummary.extend({
  sessions: z.array(sessionView),
  participants: z.array(participantView),
});
export type CohortDetail = z.infer<typeof cohortDetail>;

export const skippedHoliday = z.object({ date: z.string(), name: z.string() });
/** `POST /api/cohorts` answers the cohort with its generated sessions and the holidays left out. */
export const cohortCreated = cohortDetail.extend({ skippedHolidays: z.array(skippedHoliday) });
export type CohortCreated = z.infer<typeof cohortCreated>;

// ---------------------------------------------------------------- placement

/** Either admitted applications (one action from the intake) or people added by hand; or both. */
export const placeBody = z.object({
  applicationIds: z.array(z.uuid()).max(200).default([]),
  persons: z.array(z.object({
    name: z.string().trim().min(1).max(200),
    email: z.email().max(320),
    track: trackEnum.optional(),
    /** The language of the welcome e-mail (default: the tenant's). */
    locale: localeEnum.optional(),
  }).strict()).max(100).default([]),
}).strict();
export type PlaceBody = z.input<typeof placeBody>;

/** `email_in_other_tenant`: the address already signs in to another organisation, so no account can be made here. */
export const placeSkipReasons = ['not_found', 'not_admitted', 'already_placed', 'email_in_other_tenant'] as const;
export const placeResult = z.object({
  placed: z.array(participantView),
  skipped: z.array(z.object({
    /** The application left out (null for a person added by hand). */
    applicationId: z.string().nullable(),
    name: z.string().nullable(),
    email: z.string().nullable(),
    reason: z.enum(placeSkipReasons),
  })),
});
export type PlaceResult = z.infer<typeof placeResult>;

// ---------------------------------------------------------------- attendance

export const attendanceQuery = z.object({ sessionId: z.uuid() });
export const attendanceRecord = z.object({
  participantId: z.uuid(),
  status: z.enum(attendanceStatuses),
  note: z.string().trim().max(500).default(''),
});
export const attendanceBody = z.object({ sessionId: z.uuid(), records: z.array(attendanceRecord).min(1).max(200) }).strict();
export type AttendanceBody = z.input<typeof attendanceBody>;

/** The roll of one session: the cohort's active participants, status null when not taken yet. */
export const attendanceRoll = z.object({
  session: mySessionView.omit({ role: true }),
  items: z.array(z.object({
    participantId: z.string(),
    name: z.string(),
    status: z.enum(attendanceStatuses).nullable(),
    note: z.string(),
  })),
  recordedAt: z.string().nullable(),
});
export type AttendanceRoll = z.infer<typeof attendanceRoll>;

// ---------------------------------------------------------------- calendar feeds

/** A new secret feed URL (`…/api/public/calendar/<token>.ics`); any earlier one stops working. */
export const calendarFeedView = z.object({ url: z.string() });
