import { useState } from 'react';
import { Link } from 'react-router';
import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { CohortCreated, CourseView, SessionBody, SessionView } from '../../../shared/contracts/training.ts';
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { FormErrors } from '../../ui/form-errors.tsx';
import { Saved } from '../../ui/status.tsx';
import { fromLocalInputs } from '../recruitment/recruitment-format.ts';
import { useAction } from '../recruitment/use-action.ts';
import { capitalized, courseWeeks, useSessionTime, weekHeading, weekOfDay } from './training-format.ts';

/**
 * The answer to a new cohort: the schedule the template made, and the public holidays it left out,
 * named, each with a way to hold that day's session anyway.
 */
export function CohortCreatedSummary({ created, course }: { created: CohortCreated; course: CourseView | undefined }) {
  const { t, formatDate } = useI18n();
  const sessionTime = useSessionTime();
  const [sessions, setSessions] = useState<SessionView[]>(created.sessions);
  const [kept, setKept] = useState<string[]>([]);
  const { busy, error, run } = useAction();
  const weeks = courseWeeks(course?.scheduleTemplate, sessions);
  const leaderUserIds = [...new Set(created.sessions.flatMap((s) => s.leaders.map((l) => l.id)))];

  const keep = (day: string) =>
    run(async () => {
      const week = weekOfDay(created.startsOn, day);
      const times = course?.scheduleTemplate.weeks.find((w) => w.week === week) ?? { startTime: '09:00', endTime: '15:00' };
      const body: SessionBody = {
        cohortId: created.id,
        startsAt: fromLocalInputs(day, times.startTime) ?? '',
        endsAt: fromLocalInputs(day, times.endTime) ?? '',
        place: created.place,
        week,
        leaderUserIds,
      };
      const session = await api<SessionView>('/api/sessions', { method: 'POST', body });
      setSessions((prev) => [...prev, session]);
      setKept((prev) => [...prev, day]);
    });

  return (
    <div className="pb-stack">
      <Saved>{t('training.created.notice', { count: created.sessions.length })}</Saved>
      {created.skippedHolidays.length > 0 && (
        <section aria-labelledby="skipped" className="pb-stack">
          <Heading level={2} data-size="sm" id="skipped">
            {t('training.created.skippedHeading')}
          </Heading>
          <FormErrors error={error} labels={{}} />
          <ul className="pb-plain-list">
            {created.skippedHolidays.map((h) => (
              <li key={h.date} className="pb-actions">
                <span>{t('training.created.skipped', { name: capitalized(h.name), date: formatDate(h.date) })}</span>
                {kept.includes(h.date) ? (
                  <span role="status">{t('training.created.keptNotice', { date: formatDate(h.date) })}</span>
                ) : (
                  <Button variant="secondary" data-size="sm" loading={busy} onClick={() => void keep(h.date)}>
                    {t('training.created.keep', { date: formatDate(h.date) })}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="generated" className="pb-stack">
        <Heading level={2} data-size="sm" id="generated">
          {t('training.created.scheduleHeading', { count: sessions.length })}
        </Heading>
        {weeks.map((w) => (
          <div key={w.week}>
            <Heading level={3} data-size="2xs">
              {weekHeading(w, weeks, t)}
            </Heading>
            {w.sessions.length === 0 ? (
              <Paragraph data-size="sm">{t(w.kind === 'reflection' ? 'training.week.reflectionHint' : 'training.week.noSessions')}</Paragraph>
            ) : (
              <ul>
                {w.sessions.map((s) => (
                  <li key={s.id}>{sessionTime(s)}</li>
                ))}
              </ul>
            )}
          </div>
        ))}
      </section>
      <div>
        <Button asChild>
          <Link to={`/training/cohorts/${created.id}`}>{t('training.created.toCohort')}</Link>
        </Button>
      </div>
    </div>
  );
}
