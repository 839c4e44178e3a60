import './my-training.css';
import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { MyTrainingView } from '../../../shared/contracts/training-work.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useResource } from '../../app/use-api.ts';
import { Page } from '../../ui/page.tsx';
import { LoadError, Loading } from '../../ui/status.tsx';
import { localized } from '../recruitment/recruitment-format.ts';
import { CalendarFeed } from './calendar-feed.tsx';
import { CheckinSection } from './checkin-section.tsx';
import { NextSession } from './next-session.tsx';
import { AttendanceRate, Schedule } from './schedule.tsx';
import { TaskList } from './task-list.tsx';

export type Participation = NonNullable<MyTrainingView['participation']>;

/**
 * `/my-training`: the participant's own training on a phone: what is next, what to hand in, how the
 * week was, and the certificate at the end. The API never sends the team's notes, flags or livelihood.
 */
export function MyTrainingPage() {
  const { t } = useI18n();
  const mine = useResource<MyTrainingView>('/api/my-training');
  const p = mine.data?.participation;

  return (
    <Page title={t('myTraining.title')}>
      {!mine.data && mine.loading && <Loading />}
      {mine.error && <LoadError error={mine.error} onRetry={mine.reload} />}
      {mine.data && !p && <Paragraph className="pb-calm">{t('myTraining.none')}</Paragraph>}
      {p && (
        <>
          <Overview p={p} />
          {p.certificateUrl && <Certificate url={p.certificateUrl} number={p.certificateNumber} />}
          {p.status === 'active' && <NextSession sessions={p.sessions} />}
          <CheckinSection weeks={p.weeks} active={p.status === 'active'} onSent={mine.reload} />
          <TaskList tasks={p.tasks} onChanged={mine.reload} />
          <AttendanceRate sessions={p.sessions} />
          {p.status === 'active' && <CalendarFeed />}
          <Schedule p={p} />
        </>
      )}
    </Page>
  );
}

function Overview({ p }: { p: Participation }) {
  const { t, locale, formatDate } = useI18n();
  return (
    <section aria-labelledby="mt-course" className="pb-stack">
      <Heading level={2} data-size="md" id="mt-course">
        {localized(p.courseTitle, locale)}
      </Heading>
      <dl className="pb-details">
        <dt>{t('myTraining.cohort')}</dt>
        <dd>{p.cohort.title}</dd>
        <dt>{t('myTraining.dates')}</dt>
        <dd>{t('myTraining.datesValue', { from: formatDate(p.cohort.startsOn), to: formatDate(p.cohort.endsOn) })}</dd>
        {p.cohort.place && (
          <>
            <dt>{t('myTraining.place')}</dt>
            <dd>{p.cohort.place}</dd>
          </>
        )}
      </dl>
      {p.status === 'completed' && p.completedAt && (
        <Paragraph className="pb-calm">{t('myTraining.completed', { date: formatDate(p.completedAt) })}</Paragraph>
      )}
      {p.status === 'interrupted' && <Paragraph className="pb-calm">{t('myTraining.interrupted')}</Paragraph>}
    </section>
  );
}

function Certificate({ url, number }: { url: string; number: string | null }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="mt-certificate" className="pb-stack">
      <Heading level={2} data-size="sm" id="mt-certificate">
        {t('myTraining.certificate.heading')}
      </Heading>
      <Paragraph>{t('myTraining.certificate.text', { number: number ?? '' })}</Paragraph>
      <div>
        {/* A plain link: the session cookie goes along, and the browser saves the PDF itself. */}
        <Button asChild>
          <a href={url} download>
            {t('myTraining.certificate.download')}
          </a>
        </Button>
      </div>
    </section>
  );
}
