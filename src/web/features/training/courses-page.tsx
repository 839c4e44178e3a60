import './training.css';
import { Link } from 'react-router';
import { Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { courseKinds, type CohortSummary, type CourseKind, type CourseView } from '../../../shared/contracts/training.ts';
import type { Page as ListPage } from '../../app/api.ts';
import { useI18n, type Translate } from '../../app/i18n.tsx';
import { useResource } from '../../app/use-api.ts';
import { ListTable } from '../../ui/list-table.tsx';
import { Page } from '../../ui/page.tsx';
import { RouterLink } from '../../ui/router-link.tsx';
import { LoadError, Loading } from '../../ui/status.tsx';
import { localized } from '../recruitment/recruitment-format.ts';
import { CohortStatusTag } from './cohort-status.tsx';

/** The tenant's courses by kind, each with its cohorts: where the training team starts. */
export function TrainingPage() {
  const { t, locale } = useI18n();
  // A tenant has a handful of courses and a few cohorts a year: one page of each is all of them.
  const courses = useResource<ListPage<CourseView>>('/api/courses?limit=200');
  const cohorts = useResource<ListPage<CohortSummary>>('/api/cohorts?limit=200');
  const failed = courses.error ?? cohorts.error;

  let body;
  if (failed) body = <LoadError error={failed} onRetry={() => (courses.reload(), cohorts.reload())} />;
  else if (!courses.data || !cohorts.data) body = <Loading />;
  else {
    const allCohorts = cohorts.data.items;
    body = courseKinds.map((kind) => {
      const ofKind = courses.data!.items.filter((c) => c.kind === kind);
      return (
        <section key={kind} aria-labelledby={`kind-${kind}`} className="pb-stack">
          <Heading level={2} data-size="sm" id={`kind-${kind}`}>
            {t(`training.kind.${kind}`)}
          </Heading>
          {ofKind.length === 0 && <Paragraph>{t('training.courses.noneOfKind')}</Paragraph>}
          {ofKind.map((course) => (
            <CourseCohorts
              key={course.id}
              title={localized(course.title, locale)}
              courseId={course.id}
              kind={kind}
              cohorts={allCohorts.filter((c) => c.courseId === course.id)}
            />
          ))}
        </section>
      );
    });
  }

  return (
    <Page title={t('training.courses.title')} wide>
      <div className="pb-actions">
        <Button asChild>
          <Link to="/training/cohorts/new">{t('training.courses.newCohort')}</Link>
        </Button>
        <RouterLink to="/training/leading">{t('nav.leading')}</RouterLink>
      </div>
      {body}
    </Page>
  );
}

function CourseCohorts({ title, courseId, kind, cohorts }: { title: string; courseId: string; kind: CourseKind; cohorts: readonly CohortSummary[] }) {
  const { t, formatDate } = useI18n();
  const sorted = [...cohorts].sort((a, b) => b.startsOn.localeCompare(a.startsOn));
  return (
    <div className="pb-stack pb-course">
      <div className="pb-actions pb-course__head">
        <Heading level={3} data-size="xs">
          {title}
        </Heading>
        <RouterLink to={`/training/cohorts/new?courseId=${courseId}`}>{t('training.courses.newCohortOf', { course: title })}</RouterLink>
      </div>
      <ListTable
        caption={t('training.courses.cohortsOf', { course: title })}
        headers={[t('training.cohorts.col.title'), t('training.cohorts.col.dates'), t('training.cohorts.col.status'), t(kind === 'peer_training' ? 'training.cohorts.col.participants' : 'training.cohorts.col.places')]}
        rowCount={sorted.length}
        emptyText={t('training.courses.noCohorts')}
        loading={false}
        error={null}
      >
        {sorted.map((c) => (
          <Table.Row key={c.id}>
            <Table.Cell>
              <RouterLink to={`/training/cohorts/${c.id}`}>{c.title}</RouterLink>
            </Table.Cell>
            <Table.Cell className="pb-nowrap">
              {formatDate(c.startsOn)}–{formatDate(c.endsOn)}
            </Table.Cell>
            <Table.Cell>
              <CohortStatusTag status={c.status} />
            </Table.Cell>
            <Table.Cell>{peopleCount(c, t)}</Table.Cell>
          </Table.Row>
        ))}
      </ListTable>
    </div>
  );
}

/** Participants of a peer training; enrolments (of the places, and waiting) for the other kinds. */
function peopleCount(c: CohortSummary, t: Translate): string {
  if (c.courseKind === 'peer_training') return t('training.cohorts.participants', { count: c.counts.participants });
  const enrolled =
    c.capacity === null ? t('training.cohorts.enrolled', { count: c.counts.enrolled }) : t('training.cohorts.enrolledOf', { count: c.counts.enrolled, capacity: c.capacity });
  return c.counts.waitlisted > 0 ? `${enrolled}, ${t('training.cohorts.waiting', { count: c.counts.waitlisted })}` : enrolled;
}
