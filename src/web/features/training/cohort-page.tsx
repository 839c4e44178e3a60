import './training.css';
import { useParams } from 'react-router';
import { Heading } from '@digdir/designsystemet-react';
import type { CohortDetail, CourseView } from '../../../shared/contracts/training.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useResource } from '../../app/use-api.ts';
import { Page } from '../../ui/page.tsx';
import { RouterLink } from '../../ui/router-link.tsx';
import { LoadError, Loading } from '../../ui/status.tsx';
import { localized } from '../recruitment/recruitment-format.ts';
import { OnThisPage } from '../recruitment/on-this-page.tsx';
import { AddPersonForm } from './add-person-form.tsx';
import { CalendarFeed } from './calendar-feed.tsx';
import { CohortCheckinsSection } from './cohort-checkins-section.tsx';
import { CohortEnrolments } from './cohort-enrolments.tsx';
import { CohortParticipants } from './cohort-participants.tsx';
import { CohortSchedule } from './cohort-schedule.tsx';
import { CohortStatusTag } from './cohort-status.tsx';
import { CohortTasksSection } from './cohort-tasks-section.tsx';
import { PlacementPanel } from './placement-panel.tsx';

/**
 * One cohort: its schedule week by week, and its people: participants with attendance (peer
 * training) or enrolments and the waiting list (Recovery College, staff introduction).
 */
export function CohortPage() {
  const { t, locale, formatDate } = useI18n();
  const { id = '' } = useParams();
  const cohort = useResource<CohortDetail>(`/api/cohorts/${encodeURIComponent(id)}`);
  const course = useResource<CourseView>(cohort.data ? `/api/courses/${cohort.data.courseId}` : null);

  if (cohort.error) {
    return (
      <Page title={t('training.courses.title')}>
        <LoadError error={cohort.error} onRetry={cohort.reload} />
      </Page>
    );
  }
  if (!cohort.data) return <Loading />;
  const c = cohort.data;
  const peerTraining = c.courseKind === 'peer_training';

  return (
    <Page title={c.title} wide>
      <p>
        <RouterLink to="/training">{t('training.back')}</RouterLink>
      </p>
      <dl className="pb-details">
        <dt>{t('training.cohort.course')}</dt>
        <dd>
          {localized(c.courseTitle, locale)} ({t(`training.kind.${c.courseKind}`)})
        </dd>
        <dt>{t('training.cohorts.col.dates')}</dt>
        <dd>
          {formatDate(c.startsOn)}–{formatDate(c.endsOn)}
        </dd>
        <dt>{t('training.cohorts.col.status')}</dt>
        <dd>
          <CohortStatusTag status={c.status} />
        </dd>
        <dt>{t('training.form.place')}</dt>
        <dd>{c.place || '–'}</dd>
        {c.leaders.length > 0 && (
          <>
            <dt>{t('training.form.coLeaders')}</dt>
            <dd>
              {c.leaders.map((l) => `${l.name} (${t(l.livedExperience ? 'training.cohort.withLived' : 'training.cohort.withoutLived')})`).join(', ')}
            </dd>
          </>
        )}
      </dl>
      <OnThisPage
        links={[
          { id: 'schedule', label: t('training.schedule.heading') },
          ...(peerTraining
            ? [
                { id: 'participants', label: t('training.participants.heading') },
                { id: 'cohort-tasks', label: t('trainingWork.tasks.heading') },
                { id: 'cohort-checkins', label: t('trainingWork.flagged.heading') },
              ]
            : [{ id: 'enrolments', label: t('training.enrolments.heading') }]),
          { id: 'calendar', label: t('training.calendar.heading') },
        ]}
      />

      <section aria-labelledby="schedule" className="pb-stack">
        <Heading level={2} data-size="sm" id="schedule" tabIndex={-1}>
          {t('training.schedule.heading')}
        </Heading>
        <CohortSchedule sessions={c.sessions} template={course.data?.scheduleTemplate} onChanged={cohort.reload} />
      </section>

      {peerTraining ? (
        <section aria-labelledby="participants" className="pb-stack">
          <Heading level={2} data-size="sm" id="participants" tabIndex={-1}>
            {t('training.participants.heading')}
          </Heading>
          <CohortParticipants participants={c.participants} onChanged={cohort.reload} />
          <PlacementPanel cohortId={c.id} intakeId={c.intakeId} participants={c.participants} onPlaced={cohort.reload} />
          <AddPersonForm cohortId={c.id} onPlaced={cohort.reload} />
        </section>
      ) : (
        <section aria-labelledby="enrolments" className="pb-stack">
          <Heading level={2} data-size="sm" id="enrolments" tabIndex={-1}>
            {t('training.enrolments.heading')}
          </Heading>
          <CohortEnrolments cohortId={c.id} staff={c.courseKind === 'staff_introduction'} />
        </section>
      )}

      {peerTraining && <CohortTasksSection cohortId={c.id} />}
      {peerTraining && <CohortCheckinsSection cohortId={c.id} />}

      <CalendarFeed />
    </Page>
  );
}
