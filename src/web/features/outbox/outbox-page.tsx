import { Details, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useI18n } from '../../app/i18n.tsx';
import { usePagedList } from '../../app/use-api.ts';
import { ListTable } from '../../ui/list-table.tsx';
import { Page } from '../../ui/page.tsx';

interface Email {
  id: string;
  to: string;
  subject: string;
  body: string;
  status: 'queued' | 'sent' | 'failed' | 'outbox';
  createdAt: string;
}

const statusColor = { queued: 'info', sent: 'success', failed: 'danger', outbox: 'neutral' } as const;

/** E-mails of the tenant; the subject opens to show the message, so long bodies stay out of the way. */
export function OutboxPage() {
  const { t, formatDateTime } = useI18n();
  const list = usePagedList<Email>('/api/outbox');
  return (
    <Page title={t('outbox.title')} wide>
      <Paragraph>{t('outbox.intro')}</Paragraph>
      <ListTable
        caption={t('outbox.caption')}
        headers={[t('outbox.col.created'), t('outbox.col.to'), t('outbox.col.subject'), t('outbox.col.status')]}
        rowCount={list.items.length}
        emptyText={t('outbox.empty')}
        loading={list.loading}
        error={list.error}
        onRetry={list.reload}
        hasMore={list.hasMore}
        onLoadMore={list.loadMore}
      >
        {list.items.map((m) => (
          <Table.Row key={m.id}>
            <Table.Cell className="pb-nowrap">{formatDateTime(m.createdAt)}</Table.Cell>
            <Table.Cell>{m.to}</Table.Cell>
            <Table.Cell className="pb-mail">
              <Details>
                <Details.Summary>{m.subject}</Details.Summary>
                <Details.Content>
                  <pre className="pb-mail__body">{m.body}</pre>
                </Details.Content>
              </Details>
            </Table.Cell>
            <Table.Cell>
              <Tag data-color={statusColor[m.status]} data-size="sm">
                {t(`mailStatus.${m.status}`)}
              </Tag>
            </Table.Cell>
          </Table.Row>
        ))}
      </ListTable>
    </Page>
  );
}
