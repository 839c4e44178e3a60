import { useLocation } from 'react-router';
import { Button, Table, Textfield } from '@digdir/designsystemet-react';
import { useT } from '../../app/i18n.tsx';
import { usePagedList } from '../../app/use-api.ts';
import { useUrlFilters } from '../../app/use-url-filters.ts';
import { ListTable } from '../../ui/list-table.tsx';
import { Page } from '../../ui/page.tsx';
import { Saved } from '../../ui/status.tsx';
import type { Key } from '../../i18n/sv.ts';
import { RouterLink } from '../../ui/router-link.tsx';
import { currentStage, type PersonSummary } from './person-types.ts';

export function PersonsPage() {
  const t = useT();
  const { params, draft, setField, apply } = useUrlFilters(['q'] as const);
  const list = usePagedList<PersonSummary>('/api/persons', { q: params.get('q') });
  const notice = (useLocation().state as { notice?: Key } | null)?.notice;

  return (
    <Page title={t('persons.title')} wide>
      <Saved>{notice ? t(notice) : null}</Saved>
      <form role="search" onSubmit={apply} className="pb-filters">
        <Textfield label={t('persons.search')} type="search" value={draft.q} onChange={(e) => setField('q', e.target.value)} />
        <div className="pb-filters__submit">
          <Button type="submit" variant="secondary">
            {t('common.search')}
          </Button>
        </div>
      </form>
      <ListTable
        caption={t('persons.caption')}
        headers={[t('persons.col.name'), t('persons.col.email'), t('persons.col.stage')]}
        rowCount={list.items.length}
        emptyText={t('persons.empty')}
        loading={list.loading}
        error={list.error}
        onRetry={list.reload}
        hasMore={list.hasMore}
        onLoadMore={list.loadMore}
      >
        {list.items.map((p) => {
          const stage = currentStage(p.stages);
          return (
            <Table.Row key={p.id}>
              <Table.Cell>
                <RouterLink to={`/admin/persons/${p.id}`}>{p.fullName}</RouterLink>
              </Table.Cell>
              <Table.Cell>{p.email ?? '–'}</Table.Cell>
              <Table.Cell>{stage ? t(`stage.${stage.kind}`) : '–'}</Table.Cell>
            </Table.Row>
          );
        })}
      </ListTable>
    </Page>
  );
}
