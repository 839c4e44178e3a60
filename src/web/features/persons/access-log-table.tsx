import { Table } from '@digdir/designsystemet-react';
import { useI18n } from '../../app/i18n.tsx';
import { usePagedList } from '../../app/use-api.ts';
import { ListTable } from '../../ui/list-table.tsx';
import { ActionName, ActorRole } from '../../ui/names.tsx';
import type { AccessLogEntry } from './person-types.ts';

/** "Who has read this data?": one row per read, for a person page or for one's own settings. */
export function AccessLogTable({ path, caption }: { path: string; caption?: string }) {
  const { t, formatDateTime } = useI18n();
  const list = usePagedList<AccessLogEntry>(path);
  return (
    <ListTable
      caption={caption ?? t('accessLog.caption')}
      headers={[t('accessLog.col.at'), t('accessLog.col.actor'), t('accessLog.col.role'), t('accessLog.col.action')]}
      rowCount={list.items.length}
      emptyText={t('accessLog.empty')}
      loading={list.loading}
      error={list.error}
      onRetry={list.reload}
      hasMore={list.hasMore}
      onLoadMore={list.loadMore}
    >
      {list.items.map((e, i) => (
        <Table.Row key={`${e.at}-${i}`}>
          <Table.Cell className="pb-nowrap">{formatDateTime(e.at)}</Table.Cell>
          <Table.Cell>{e.actor?.name ?? t('audit.system')}</Table.Cell>
          <Table.Cell>
            <ActorRole role={e.actorRole} />
          </Table.Cell>
          <Table.Cell>
            <ActionName action={e.action} />
          </Table.Cell>
        </Table.Row>
      ))}
    </ListTable>
  );
}
