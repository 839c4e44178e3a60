import { useState } from 'react';
import { useParams } from 'react-router';
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import type { PublicCourseView } from '../../../shared/contracts/recovery-college.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useResource } from '../../app/use-api.ts';
import { Page } from '../../ui/page.tsx';
import { RouterLink } from '../../ui/router-link.tsx';
import { LoadError, Loading } from '../../ui/status.tsx';
import { localized } from '../recruitment/recruitment-format.ts';
import { useTenantQuery } from './catalogue-page.tsx';
import { EnrolForm, type Enrolled } from './enrol-form.tsx';
import { EnrolmentReceipt } from './enrolment-receipt.tsx';
import { RunFacts } from './run-facts.tsx';

/** `/recovery-college/:courseId`: one course, its upcoming runs and the enrolment form. */
export function RecoveryCoursePage() {
  const { courseId = '' } = useParams();
  // Another course is another form.
  return <Course key={courseId} courseId={courseId} />;
}

function Course({ courseId }: { courseId: string }) {
  const { t, locale, formatDate } = useI18n();
  const backTo = `/recovery-college${useTenantQuery()}`;
  const course = useResource<PublicCourseView>(`/api/public/courses/${encodeURIComponent(courseId)}`);
  const [enrolled, setEnrolled] = useState<Enrolled | null>(null);
  const back = (
    <Paragraph>
      <RouterLink to={backTo}>{t('rc.back')}</RouterLink>
    </Paragraph>
  );

  if (!course.data) {
    const missing = course.error?.status === 404;
    return (
      <Page title={missing ? t('rc.course.notFoundTitle') : t('rc.title')}>
        {course.loading && <Loading />}
        {missing && <Paragraph>{t('rc.course.notFoundText')}</Paragraph>}
        {course.error && !missing && <LoadError error={course.error} onRetry={course.reload} />}
        {course.error && back}
      </Page>
    );
  }

  const data = course.data;
  const title = localized(data.title, locale);
  if (enrolled) return <EnrolmentReceipt {...enrolled} courseTitle={title} backTo={backTo} />;

  return (
    <Page title={title}>
      <Paragraph className="pb-prewrap">{localized(data.description, locale)}</Paragraph>
      <Paragraph>{t('rc.coLed')}</Paragraph>
      {data.runs.length === 0 && <Paragraph className="pb-calm">{t('rc.course.noRuns')}</Paragraph>}
      {data.runs.map((run) => (
        <section key={run.id} aria-labelledby={`rc-run-${run.id}`} className="pb-stack">
          <Heading level={2} data-size="sm" id={`rc-run-${run.id}`}>
            {t('rc.run.heading', { from: formatDate(run.startsOn), to: formatDate(run.endsOn) })}
          </Heading>
          <RunFacts run={run} withSessions datesShown />
        </section>
      ))}
      {data.runs.length > 0 && <EnrolForm course={data} onDone={setEnrolled} />}
      {back}
    </Page>
  );
}
