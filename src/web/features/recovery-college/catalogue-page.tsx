import { Link, useSearchParams } from 'react-router';
import { Button, Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { PublicCourseView } from '../../../shared/contracts/recovery-college.ts';
import { withQuery, type Page as ListPage } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useResource } from '../../app/use-api.ts';
import { Page } from '../../ui/page.tsx';
import { LoadError, Loading } from '../../ui/status.tsx';
import { localized } from '../recruitment/recruitment-format.ts';
import { RunFacts } from './run-facts.tsx';

/** `?tenant=<slug>` narrows the catalogue to one organisation, and links inside keep it. */
export function useTenantQuery(): string {
  const [params] = useSearchParams();
  return withQuery('', { tenant: params.get('tenant') ?? undefined });
}

/** `/recovery-college`: the upcoming courses, open to anyone, each with its runs and places left. */
export function CataloguePage() {
  const { t, locale, formatDate } = useI18n();
  const tenantQuery = useTenantQuery();
  const courses = useResource<ListPage<PublicCourseView>>(`/api/public/courses${tenantQuery}`);
  const items = courses.data?.items ?? [];
  const organisers = new Set(items.map((c) => c.tenantSlug));

  return (
    <Page title={t('rc.title')}>
      <Paragraph>{t('rc.intro')}</Paragraph>
      <Paragraph>{t('rc.coLed')}</Paragraph>
      {courses.loading && !courses.data && <Loading />}
      {courses.error && <LoadError error={courses.error} onRetry={courses.reload} />}
      {courses.data && items.length === 0 && <Paragraph className="pb-calm">{t('rc.none')}</Paragraph>}
      {items.length > 0 && (
        <ul className="pb-plain-list pb-stack">
          {items.map((course) => {
            const title = localized(course.title, locale);
            return (
              <li key={course.id}>
                <Card data-color="neutral" className="pb-stack">
                  <Heading level={2} data-size="sm">
                    {title}
                  </Heading>
                  {organisers.size > 1 && <Paragraph data-size="sm">{t('rc.organiser', { name: course.tenantName })}</Paragraph>}
                  <Paragraph className="pb-prewrap">{localized(course.description, locale)}</Paragraph>
                  {course.runs.length === 0 && <Paragraph>{t('rc.course.noRuns')}</Paragraph>}
                  {course.runs.map((run) => (
                    <div key={run.id} className="pb-stack">
                      {course.runs.length > 1 && (
                        <Heading level={3} data-size="2xs">
                          {t('rc.run.heading', { from: formatDate(run.startsOn), to: formatDate(run.endsOn) })}
                        </Heading>
                      )}
                      <RunFacts run={run} datesShown={course.runs.length > 1} />
                    </div>
                  ))}
                  <div>
                    <Button asChild>
                      <Link to={`/recovery-college/${course.id}${tenantQuery}`}>{t('rc.toCourse', { title })}</Link>
                    </Button>
                  </div>
                </Card>
              </li>
            );
          })}
        </ul>
      )}
    </Page>
  );
}
