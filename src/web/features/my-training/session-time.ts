import { useMemo } from 'react';
import { useI18n } from '../../app/i18n.tsx';

export interface SessionTime {
  /** "måndag 23 nov. 2026": the weekday helps someone who plans by the week. */
  day: (iso: string) => string;
  /** "måndag 23 nov. 2026, 09:00–15:00" in the reader's language, 24-hour clock. */
  range: (startsAt: string, endsAt: string) => string;
}

/** How a session's day and time read on the participant's and the public pages. */
export function useSessionTime(): SessionTime {
  const { t, locale, formatDate } = useI18n();
  return useMemo(() => {
    const weekday = new Intl.DateTimeFormat(locale, { weekday: 'long' });
    const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    const day = (iso: string) => `${weekday.format(new Date(iso))} ${formatDate(iso)}`;
    return {
      day,
      range: (startsAt, endsAt) =>
        t('myTraining.timeRange', { day: day(startsAt), from: time.format(new Date(startsAt)), to: time.format(new Date(endsAt)) }),
    };
  }, [t, locale, formatDate]);
}
