import { Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import type { AttendanceStatus } from '../../../shared/contracts/training.ts';
import { useI18n } from '../../app/i18n.tsx';
import type { Participation } from './my-training-page.tsx';
import { useSessionTime } from './session-time.ts';

type Session = Participation['sessions'][number];

// Calm colours: being away is a fact to know, not a fault to flag.
const colours: Record<AttendanceStatus, 'success' | 'neutral' | 'info'> = { present: 'success', absent: 'neutral', excused: 'info' };

/**
 * How often I have been there among the sessions held so far, as the team counts it; the whole
 * course's share would read as a low mark in week 1.
 */
export function AttendanceRate({ sessions }: { sessions: Participation['sessions'] }) {
  const { t } = useI18n();
  const now = Date.now();
  const held = sessions.filter((s) => Date.parse(s.startsAt) <= now);
  const present = held.filter((s) => s.myAttendance === 'present').length;
  return (
    <section aria-labelledby="mt-attendance" className="pb-stack">
      <Heading level={2} data-size="sm" id="mt-attendance">
        {t('myTraining.attendance.heading')}
      </Heading>
      <Paragraph>
        {held.length === 0
          ? t('myTraining.attendance.none')
          : t('myTraining.attendance.rate', { present, held: held.length, percent: Math.round((present / held.length) * 100) })}{' '}
        {t('myTraining.attendance.total', { sessions: sessions.length })}
      </Paragraph>
    </section>
  );
}

/** Every week of the course with its sessions and, for those held, whether I was there. */
export function Schedule({ p }: { p: Participation }) {
  const { t, formatDate } = useI18n();
  const weekNumbers = [...new Set([...p.weeks.map((w) => w.week), ...p.sessions.map((s) => s.week)])].sort((a, b) => a - b);
  const sessionsOf = (week: number) => p.sessions.filter((s) => s.week === week).sort((a, b) => a.startsAt.localeCompare(b.startsAt));

  return (
    <section aria-labelledby="mt-schedule" className="pb-stack">
      <Heading level={2} data-size="sm" id="mt-schedule">
        {t('myTraining.schedule.heading')}
      </Heading>
      {weekNumbers.map((week) => {
        const info = p.weeks.find((w) => w.week === week);
        const sessions = sessionsOf(week);
        return (
          <section key={week} aria-labelledby={`mt-week-${week}`} className="pb-stack">
            <Heading level={3} data-size="xs" id={`mt-week-${week}`}>
              {t(info?.kind === 'reflection' ? 'myTraining.week.reflection' : 'myTraining.week.study', { week })}
            </Heading>
            {info && <Paragraph data-size="sm">{t('myTraining.week.starts', { date: formatDate(info.startsOn) })}</Paragraph>}
            {info?.kind === 'reflection' && sessions.length === 0 && <Paragraph>{t('myTraining.week.reflectionText')}</Paragraph>}
            {sessions.length > 0 && (
              <ul className="pb-plain-list">
                {sessions.map((s) => (
                  <SessionRow key={s.id} session={s} />
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </section>
  );
}

function SessionRow({ session }: { session: Session }) {
  const { t } = useI18n();
  const time = useSessionTime();
  const held = Date.parse(session.startsAt) <= Date.now();
  return (
    <li className="pb-stack mt-session">
      <div>
        <strong>{time.range(session.startsAt, session.endsAt)}</strong>
        {session.topic && <div>{session.topic}</div>}
        {session.place && <div>{session.place}</div>}
      </div>
      {held && (
        <div>
          {session.myAttendance ? (
            <Tag data-color={colours[session.myAttendance]} data-size="sm">
              {t(`myTraining.attendance.${session.myAttendance}`)}
            </Tag>
          ) : (
            <Paragraph data-size="sm">{t('myTraining.attendance.notTaken')}</Paragraph>
          )}
        </div>
      )}
    </li>
  );
}
