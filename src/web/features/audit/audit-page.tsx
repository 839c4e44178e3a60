import { Button, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import type { AuditEventView } from '../../../shared/contracts/audit.ts';
import { useCan } from '../../app/auth.tsx';
import { useI18n } from '../../app/i18n.tsx';
import { usePagedList } from '../../app/use-api.ts';
import { useUrlFilters } from '../../app/use-url-filters.ts';
import { ListTable } from '../../ui/list-table.tsx';
import { ActionName, ActorRole } from '../../ui/names.tsx';
import { Page } from '../../ui/page.tsx';
import { RouterLink } from '../../ui/router-link.tsx';

const formKeys = ['q', 'action', 'recordType', 'from', 'to'] as const;
/** Filters only reachable by link (e.g. from a person page), kept as they are. */
const linkKeys = ['actorUserId', 'subjectPersonId', 'recordId'] as const;
type FormKey = (typeof formKeys)[number];

export function AuditPage() {
  const { t, formatDateTime } = useI18n();
  const can = useCan();
  const { params, draft, setField, apply } = useUrlFilters(formKeys);
  const filters = Object.fromEntries([...formKeys, ...linkKeys].map((k) => [k, params.get(k)]));
  const list = usePagedList<AuditEventView>('/api/audit-events', filters);
  const field = (key: FormKey, label: string, type: 'search' | 'text' | 'date' = 'text') => (
    <Textfield
      label={label}
      type={type}
      value={draft[key]}
      onChange={(e) => setField(key, e.target.value)}
    />
  );

  return (
    <Page title={t('audit.title')} wide>
      <Paragraph>{t('audit.intro')}</Paragraph>
      <form role="search" onSubmit={apply} className="pb-filters">
        {field('q', t('audit.q'), 'search')}
        {field('action', t('audit.action'))}
        {field('recordType', t('audit.recordType'))}
        {field('from', t('audit.from'), 'date')}
        {field('to', t('audit.to'), 'date')}
        <div className="pb-filters__submit">
          <Button type="submit" variant="secondary">
            {t('audit.apply')}
          </Button>
        </div>
      </form>
      <ListTable
        caption={t('audit.caption')}
        headers={[t('audit.col.at'), t('audit.col.actor'), t('audit.col.role'), t('audit.col.action'), t('audit.col.record'), t('audit.col.subject')]}
        rowCount={list.items.length}
        emptyText={t('audit.empty')}
        loading={list.loading}
        error={list.error}
        onRetry={list.reload}
        hasMore={list.hasMore}
        onLoadMore={list.loadMore}
      >
        {list.items.map((e) => (
          <Table.Row key={e.seq}>
            <Table.Cell className="pb-nowrap">{formatDateTime(e.at)}</Table.Cell>
            <Table.Cell>{e.actor?.name ?? t('audit.system')}</Table.Cell>
            <Table.Cell>
              <ActorRole role={e.actorRole} />
            </Table.Cell>
            <Table.Cell>
              <ActionName action={e.action} />
            </Table.Cell>
            <Table.Cell>
              <code>{e.recordType}</code>
              {e.recordId && <span className="pb-id"> {e.recordId}</span>}
            </Table.Cell>
            <Table.Cell>
              {e.subjectPersonId && can('persons.read') ? (
                <RouterLink to={`/admin/persons/${e.subjectPersonId}`}>{e.subjectPersonId.slice(0, 8)}</RouterLink>
              ) : (
                (e.subjectPersonId?.slice(0, 8) ?? '–')
              )}
            </Table.Cell>
          </Table.Row>
        ))}
      </ListTable>
    </Page>
  );
}
