import Holidays from 'date-holidays';
import type { Locale } from '../../../shared/i18n/locale.ts';
import type { ScheduleTemplate } from '../../../shared/contracts/training.ts';

/** Session times and calendar days are the tenant's own: a session at 09:00 is 09:00 where it is held. */
export const timeZoneOf = { SE: 'Europe/Stockholm', DK: 'Europe/Copenhagen' } as const;
export type Country = keyof typeof timeZoneOf;

const partsFormats = new Map<string, Intl.DateTimeFormat>();
function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let f = partsFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    partsFormats.set(timeZone, f);
  }
  return f;
}

function wallClock(at: Date, timeZone: string) {
  const parts = Object.fromEntries(partsFormat(timeZone).formatToParts(at).map((p) => [p.type, p.value]));
  return { day: `${parts.year}-${parts.month}-${parts.day}`, utcMs: Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second)) };
}

/** The calendar day (`YYYY-MM-DD`) of a moment where the tenant is. */
export const dayIn = (at: Date, country: Country): string => wallClock(at, timeZoneOf[country]).day;

/** The moment of a local time of day (`HH:MM`) on a day, where the tenant is (summer time included). */
export function localTime(day: string, time: string, country: Country): Date {
  const zone = timeZoneOf[country];
  const naive = Date.parse(`${day}T${time}:00Z`);
  const offsetAt = (ms: number) => wallClock(new Date(ms), zone).utcMs - ms;
  // Twice: the first guess may sit on the other side of a summer-time change.
  const guess = naive - offsetAt(naive);
  return new Date(naive - offsetAt(guess));
}

export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export const isoWeekday = (day: string): number => ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;

/** The Monday of the week a day is in. */
export const mondayOf = (day: string): string => addDays(day, 1 - isoWeekday(day));

/** The public holidays (not bank or observance days) of a country between two days, by day, named in `locale`. */
export function publicHolidays(country: Country, from: string, to: string, locale: Locale): Map<string, string> {
  const calendar = new Holidays(country);
  const found = new Map<string, string>();
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    for (const h of calendar.getHolidays(year, locale)) {
      const day = h.date.slice(0, 10);
      if (h.type === 'public' && day >= from && day <= to && !found.has(day)) found.set(day, h.name);
    }
  }
  return found;
}

export type PlannedSession = { week: number; startsAt: Date; endsAt: Date; holidayName: string | null };
export type Schedule = { sessions: PlannedSession[]; skippedHolidays: { date: string; name: string }[]; endsOn: string };

/** A template's times are a valid day: each study week ends after it starts, and no week is listed twice. */
export function templateProblem(template: ScheduleTemplate): 'ends_before_start' | 'invalid' | null {
  if (template.weeks.some((w) => w.days.length > 0 && w.endTime <= w.startTime)) return 'ends_before_start';
  if (new Set(template.weeks.map((w) => w.week)).size !== template.weeks.length) return 'invalid';
  return null;
}

/**
 * Lays a template out from its first Monday: one session per listed weekday of each week, at the
 * week's local times. A public holiday is skipped and reported, so the team sees what was left out
 * (seed 002's study weeks are on site, and the venue is closed then), or kept and flagged on request.
 */
export function layOutSchedule(
  template: ScheduleTemplate,
  startsOn: string,
  opts: { country: Country; locale: Locale; keepHolidays: boolean },
): Schedule {
  const weeks = [...template.weeks].sort((a, b) => a.week - b.week);
  const last = weeks.at(-1)!;
  const endsOn = addDays(startsOn, (last.week - 1) * 7 + (last.days.length > 0 ? Math.max(...last.days) : 7) - 1);
  const holidays = publicHolidays(opts.country, startsOn, endsOn, opts.locale);
  const sessions: PlannedSession[] = [];
  const skippedHolidays: Schedule['skippedHolidays'] = [];
  for (const week of weeks) {
    for (const weekday of [...new Set(week.days)].sort((a, b) => a - b)) {
      const day = addDays(startsOn, (week.week - 1) * 7 + weekday - 1);
      const holidayName = holidays.get(day) ?? null;
      if (holidayName && !opts.keepHolidays) {
        skippedHolidays.push({ date: day, name: holidayName });
        continue;
      }
      sessions.push({ week: week.week, startsAt: localTime(day, week.startTime, opts.country), endsAt: localTime(day, week.endTime, opts.country), holidayName });
    }
  }
  return { sessions, skippedHolidays, endsOn };
}
