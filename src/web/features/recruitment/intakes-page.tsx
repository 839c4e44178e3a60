import './recruitment.css';
import { Link } from 'react-router';
import { Button, Table, Tag } from '@digdir/designsystemet-react';
import type { IntakeView } from '../../../shared/contracts/recruitment.ts';
import { useCan } from '../../app/auth.tsx';
import { useI18n } from '../../app/i18n.tsx';
import { usePagedList } from '../../app/use-api.ts';
import { ListTable } from '../../ui/list-table.tsx';
import { Page } from '../../ui/page.tsx';
import { RouterLink } from '../../ui/router-link.tsx';
import { IntakeStatusTag, totalApplications } from './intake-status.tsx';

/** The tenant's intakes, newest first, with what needs the team: counts and overdue decisions. */
export function IntakesPage() {
  const { t, formatDateTime } = useI18n();
  const can = useCan();
  const list = usePagedList<IntakeView>('/api/intakes');

  return (
    <Page title={t('recruitment.intakes.title')} wide>
      <div className="pb-actions">
        {can('intakes.manage') && (
          <Button asChild>
            <Link to="/recruitment/intakes/new">{t('recruitment.intakes.new')}</Link>
          </Button>
        )}
        {can('applications.review') && <RouterLink to="/recruitment/interviews">{t('recruitment.interviews.title')}</RouterLink>}
      </div>
      <ListTable
        caption={t('recruitment.intakes.caption')}
        headers={[
          t('recruitment.intakes.col.title'),
          t('recruitment.intakes.col.status'),
          t('recruitment.intakes.col.deadline'),
          t('recruitment.intakes.col.applications'),
          t('recruitment.intakes.col.places'),
          t('recruitment.intakes.col.overdue'),
        ]}
        rowCount={list.items.length}
        emptyText={t('recruitment.intakes.empty')}
        loading={list.loading}
        error={list.error}
        onRetry={list.reload}
        hasMore={list.hasMore}
        onLoadMore={list.loadMore}
      >
        {list.items.map((intake) => (
          <Table.Row key={intake.id}>
            <Table.Cell>
              <RouterLink to={`/recruitment/intakes/${intake.id}`}>{intake.title}</RouterLink>
            </Table.Cell>
            <Table.Cell>
              <IntakeStatusTag intake={intake} />
            </Table.Cell>
            <Table.Cell className="pb-nowrap">{formatDateTime(intake.deadline)}</Table.Cell>
            <Table.Cell>{totalApplications(intake)}</Table.Cell>
            <Table.Cell>{intake.places}</Table.Cell>
            <Table.Cell>
              {intake.overdueDecisions > 0 ? (
                <RouterLink to={`/recruitment/intakes/${intake.id}?overdue=true`}>
                  <Tag data-color="danger" data-size="sm">
                    {t('recruitment.overdue.count', { count: intake.overdueDecisions })}
                  </Tag>
                </RouterLink>
              ) : (
                t('recruitment.overdue.none')
              )}
            </Table.Cell>
          </Table.Row>
        ))}
      </ListTable>
    </Page>
  );
}
