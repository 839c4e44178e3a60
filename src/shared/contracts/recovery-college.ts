import { z } from 'zod';
import { locales } from '../i18n/locale.ts';
import { attendanceStatuses } from './training.ts';

/**
 * Recovery College (issue 4): the public catalogue, enrolment without an account with a waiting list
 * that moves up by itself, the cancel page; the team's enrolment lists and attendance; and the staff
 * introduction trainings held for a unit (seed 001). Request and response schemas of those routes.
 */

/** The cancel page's link is `/recovery-college/cancel#<token>`; the page sends the token in this header. */
export const ENROLMENT_TOKEN_HEADER = 'x-enrolment-token';

export const enrolmentStatuses = ['enrolled', 'waitlisted', 'cancelled'] as const;
export type EnrolmentStatus = (typeof enrolmentStatuses)[number];

/** A course's text in the languages it was written in; the web shows the reader's, else the first there is. */
export const localizedTextView = z.object({ sv: z.string().optional(), da: z.string().optional(), en: z.string().optional() });
export type LocalizedTextView = z.infer<typeof localizedTextView>;

// ---------------------------------------------------------------- public catalogue

export const publicCoursesQuery = z.object({
  /** One organisation's catalogue (an embedded page); without it, every organisation's. */
  tenant: z.string().trim().min(1).max(100).optional(),
});

export const publicSessionView = z.object({
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string(),
});

export const publicLeaderView = z.object({
  name: z.string(),
  /** Co-led by someone with lived experience and someone without: the Recovery College way. */
  livedExperience: z.boolean(),
});

/** One run of a course (a cohort): the one to pick when enrolling. */
export const publicRunView = z.object({
  id: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  place: z.string(),
  sessions: z.array(publicSessionView),
  leaders: z.array(publicLeaderView),
  /** Null: no limit. */
  capacity: z.number().int().nullable(),
  /** Null: no limit; 0: full, an enrolment goes on the waiting list. */
  placesLeft: z.number().int().nullable(),
  waitingListLength: z.number().int(),
});
export type PublicRunView = z.infer<typeof publicRunView>;

export const publicCourseView = z.object({
  id: z.string(),
  tenantSlug: z.string(),
  tenantName: z.string(),
  title: localizedTextView,
  description: localizedTextView,
  /** Upcoming runs (not cancelled, starting today or later), soonest first. */
  runs: z.array(publicRunView),
});
export type PublicCourseView = z.infer<typeof publicCourseView>;

// ---------------------------------------------------------------- public enrolment and cancel page

export const enrolmentBody = z.object({
  cohortId: z.uuid(),
  name: z.string().trim().min(1).max(200),
  email: z.email().max(320),
  locale: z.enum(locales),
}).strict();
export type EnrolmentBody = z.infer<typeof enrolmentBody>;

/**
 * 201: enrolled or on the waiting list, with the cancel link. 200: this address was enrolled in the
 * run already (`alreadyEnrolled`); the cancel link is e-mailed to the address again, never answered,
 * since knowing an address must not be enough to cancel someone's place.
 */
export const enrolmentResult = z.object({
  status: z.enum(['enrolled', 'waitlisted']),
  /** Place on the waiting list (1 = next to get a place); null when enrolled. */
  position: z.number().int().nullable(),
  cancelUrl: z.string().nullable(),
  alreadyEnrolled: z.boolean(),
});
export type EnrolmentResult = z.infer<typeof enrolmentResult>;

export const cancelEnrolmentBody = z.object({ token: z.string().min(20).max(200) }).strict();
export const cancelEnrolmentResult = z.object({ status: z.literal('cancelled'), courseTitle: localizedTextView });
export type CancelEnrolmentResult = z.infer<typeof cancelEnrolmentResult>;

/** What the cancel page shows before the person confirms (header `X-Enrolment-Token`). */
export const currentEnrolmentView = z.object({
  name: z.string(),
  status: z.enum(enrolmentStatuses),
  position: z.number().int().nullable(),
  courseTitle: localizedTextView,
  startsOn: z.string(),
  endsOn: z.string(),
  place: z.string(),
  sessions: z.array(publicSessionView),
});
export type CurrentEnrolmentView = z.infer<typeof currentEnrolmentView>;

// ---------------------------------------------------------------- the team's side

export const enrolmentListQuery = z.object({ cohortId: z.uuid() });

export const enrolmentView = z.object({
  id: z.string(),
  cohortId: z.string(),
  name: z.string(),
  email: z.string(),
  locale: z.enum(locales),
  status: z.enum(enrolmentStatuses),
  position: z.number().int().nullable(),
  enrolledAt: z.string(),
  /** When they moved up from the waiting list, if they did. */
  promotedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  reminderSentAt: z.string().nullable(),
});
export type EnrolmentView = z.infer<typeof enrolmentView>;

/** `items`: the enrolled in order of enrolment, then the waiting list in order; `cancelled` apart. */
export const enrolmentList = z.object({
  items: z.array(enrolmentView),
  cancelled: z.array(enrolmentView),
  capacity: z.number().int().nullable(),
  placesLeft: z.number().int().nullable(),
  nextCursor: z.null(),
});
export type EnrolmentList = z.infer<typeof enrolmentList>;

export const cancelEnrolmentByTeamResult = z.object({
  cancelled: enrolmentView,
  /** The first on the waiting list, who got the freed place (and an e-mail), if any. */
  promoted: enrolmentView.nullable(),
});
export type CancelEnrolmentByTeamResult = z.infer<typeof cancelEnrolmentByTeamResult>;

// ---------------------------------------------------------------- attendance (Recovery College and staff introductions)

export const enrolmentAttendanceQuery = z.object({ sessionId: z.uuid() });

export const enrolmentAttendanceBody = z.object({
  sessionId: z.uuid(),
  records: z.array(z.object({ enrolmentId: z.uuid(), status: z.enum(attendanceStatuses) }).strict()).min(1).max(500),
}).strict();
export type EnrolmentAttendanceBody = z.infer<typeof enrolmentAttendanceBody>;

export const enrolmentAttendanceView = z.object({
  session: z.object({ id: z.string(), cohortId: z.string(), startsAt: z.string(), endsAt: z.string(), place: z.string(), topic: z.string() }),
  /** Everyone enrolled in the run (not the waiting list), in name order, with their status if taken. */
  records: z.array(z.object({ enrolmentId: z.string(), name: z.string(), status: z.enum(attendanceStatuses).nullable() })),
});
export type EnrolmentAttendanceView = z.infer<typeof enrolmentAttendanceView>;

// ---------------------------------------------------------------- staff introduction trainings (seed 001)

export const staffAttendeesBody = z.object({
  people: z.array(z.object({ name: z.string().trim().min(1).max(200), email: z.email().max(320) }).strict()).min(1).max(200),
}).strict();
export type StaffAttendeesBody = z.infer<typeof staffAttendeesBody>;

/** `added`: how many were new; an address already on the run is left as it is. `items`: everyone on the run. */
export const staffAttendeesResult = z.object({ added: z.number().int(), items: z.array(enrolmentView) });
export type StaffAttendeesResult = z.infer<typeof staffAttendeesResult>;

export const unitIntroductionTraining = z.object({
  cohortId: z.string(),
  courseTitle: localizedTextView,
  startsOn: z.string(),
  endsOn: z.string(),
  place: z.string(),
  status: z.enum(['planned', 'in_progress', 'completed', 'cancelled']),
  sessions: z.number().int(),
  staffAdded: z.number().int(),
  /** Staff present at one session or more. */
  staffAttended: z.number().int(),
});
export type UnitIntroductionTraining = z.infer<typeof unitIntroductionTraining>;

export const unitIntroductionView = z.object({
  unit: z.object({ id: z.string(), name: z.string() }),
  /** Newest first. */
  trainings: z.array(unitIntroductionTraining),
  /** A training has been held with staff present: the unit's implementation can show it was done. */
  isDone: z.boolean(),
});
export type UnitIntroductionView = z.infer<typeof unitIntroductionView>;
