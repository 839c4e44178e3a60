import type { ScheduleTemplate, SessionView } from '../../../shared/contracts/training.ts';
import { useI18n, type Translate } from '../../app/i18n.tsx';
import { toLocalInputs } from '../recruitment/recruitment-format.ts';

/** "mån 22 mars 2027 09:00–15:00": a session's day with its weekday, so a schedule reads at a glance. */
export function useSessionTime(): (s: Pick<SessionView, 'startsAt' | 'endsAt'>) => string {
  const { locale, formatDateTime } = useI18n();
  const weekday = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale, { weekday: 'short' });
  return (s) => `${weekday.format(new Date(s.startsAt))} ${formatDateTime(s.startsAt)}–${toLocalInputs(s.endsAt).time}`;
}

/** A holiday's name as a sentence starts it (date-holidays writes Swedish names in lower case). */
export function capitalized(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

export interface CourseWeek<T> {
  week: number;
  kind: 'study' | 'reflection';
  sessions: T[];
}

/**
 * The course week by week, as the template lays it out (reflection weeks have no sessions but are
 * part of the course), with each session in the week it belongs to; a week the template lacks
 * counts as a study week.
 */
export function courseWeeks<T extends Pick<SessionView, 'week' | 'startsAt'>>(template: ScheduleTemplate | undefined, sessions: readonly T[]): CourseWeek<T>[] {
  const last = Math.max(0, ...sessions.map((s) => s.week), ...(template?.weeks.map((w) => w.week) ?? []));
  const sorted = [...sessions].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return Array.from({ length: last }, (_, i) => i + 1)
    .map((week) => ({
      week,
      kind: template?.weeks.find((w) => w.week === week)?.kind ?? ('study' as const),
      sessions: sorted.filter((s) => s.week === week),
    }))
    .filter((w) => w.sessions.length > 0 || template?.weeks.some((t) => t.week === w.week));
}

/**
 * "Vecka 2 · reflektionsvecka" where the course alternates study and reflection (the peer
 * training); plainly "Vecka 2" for a course that meets every week.
 */
export function weekHeading<T>(w: CourseWeek<T>, weeks: readonly CourseWeek<T>[], t: Translate): string {
  return weeks.some((x) => x.kind === 'reflection') ? t(`training.week.${w.kind}`, { week: w.week }) : t('training.week.plain', { week: w.week });
}

/** The 1-based week of the course a day falls in, counted from its first day. */
export function weekOfDay(startsOn: string, day: string): number {
  const days = (Date.parse(`${day}T00:00:00Z`) - Date.parse(`${startsOn}T00:00:00Z`)) / 86_400_000;
  return Math.floor(days / 7) + 1;
}

/** Monday is the first day of a weekly course (ISO weekday 1). */
export function isMonday(day: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && new Date(`${day}T00:00:00Z`).getUTCDay() === 1;
}
