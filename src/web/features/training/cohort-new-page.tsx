import './training.css';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Paragraph } from '@digdir/designsystemet-react';
import type { CohortCreated, CourseView } from '../../../shared/contracts/training.ts';
import type { Page as ListPage } from '../../app/api.ts';
import { useT } from '../../app/i18n.tsx';
import { useResource } from '../../app/use-api.ts';
import { Page } from '../../ui/page.tsx';
import { RouterLink } from '../../ui/router-link.tsx';
import { LoadError, Loading } from '../../ui/status.tsx';
import { CohortCreatedSummary } from './cohort-created.tsx';
import { CohortForm } from './cohort-form.tsx';

/** A new cohort from a course's template; the answer shows the schedule it made before going on. */
export function NewCohortPage() {
  const t = useT();
  const [params] = useSearchParams();
  const courses = useResource<ListPage<CourseView>>('/api/courses?limit=200');
  const [created, setCreated] = useState<CohortCreated | null>(null);

  if (created) {
    return (
      <Page title={created.title}>
        <CohortCreatedSummary created={created} course={courses.data?.items.find((c) => c.id === created.courseId)} />
      </Page>
    );
  }

  let body;
  if (courses.error) body = <LoadError error={courses.error} onRetry={courses.reload} />;
  else if (!courses.data) body = <Loading />;
  else body = <CohortForm courses={courses.data.items} initialCourseId={params.get('courseId') ?? ''} onCreated={(c) => {
        setCreated(c);
        window.scrollTo(0, 0);
        // The form is gone and the new cohort's page stands in its place: start reading from its top.
        requestAnimationFrame(() => document.getElementById('main')?.focus());
      }} />;

  return (
    <Page title={t('training.new.title')}>
      <p>
        <RouterLink to="/training">{t('training.back')}</RouterLink>
      </p>
      <Paragraph>{t('training.new.intro')}</Paragraph>
      {body}
    </Page>
  );
}
