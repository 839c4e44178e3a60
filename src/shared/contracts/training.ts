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
