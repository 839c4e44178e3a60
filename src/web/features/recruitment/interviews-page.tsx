import './recruitment.css';
import { Table, Tag } from '@digdir/designsystemet-react';
import type { myInterviewView } from '../../../shared/contracts/recruitment.ts';
import type { z } from 'zod';
import { useT } from '../../app/i18n.tsx';
import { usePagedList } from '../../app/use-api.ts';
import { ListTable } from '../../ui/list-table.tsx';
import { Page } from '../../ui/page.tsx';
import { RouterLink } from '../../ui/router-link.tsx';
import { SlotPlace, useSlotTime } from './slot-place.tsx';

type MyInterview = z.infer<typeof myInterviewView>;

/** The interviews where I am an interviewer, soonest first, each a link to its guide. */
export function MyInterviewsPage() {
  const t = useT();
  const slotTime = useSlotTime();
  const list = usePagedList<MyInterview>('/api/interviews');
  const items = [...list.items].sort((a, b) => a.slot.startsAt.localeCompare(b.slot.startsAt));

  return (
    <Page title={t('recruitment.interviews.title')} wide>
      <p>
        <RouterLink to="/recruitment">{t('recruitment.intakes.back')}</RouterLink>
      </p>
      <ListTable
        caption={t('recruitment.interviews.caption')}
        headers={[
          t('recruitment.slots.col.time'),
          t('recruitment.pipeline.col.name'),
          t('recruitment.interviews.col.intake'),
          t('recruitment.slots.col.place'),
          t('recruitment.interviews.col.scores'),
        ]}
        rowCount={items.length}
        emptyText={t('recruitment.interviews.empty')}
        loading={list.loading}
        error={list.error}
        onRetry={list.reload}
        hasMore={list.hasMore}
        onLoadMore={list.loadMore}
      >
        {items.map((i) => (
          <Table.Row key={i.id}>
            <Table.Cell className="pb-nowrap">{slotTime(i.slot)}</Table.Cell>
            <Table.Cell>
              <RouterLink to={`/recruitment/applications/${i.applicationId}#app-interview`}>{i.name}</RouterLink> <span className="pb-subtle">{i.reference}</span>
            </Table.Cell>
            <Table.Cell>{i.intakeTitle}</Table.Cell>
            <Table.Cell>
              <SlotPlace slot={i.slot} />
            </Table.Cell>
            <Table.Cell>
              <Tag data-color={i.myScoreSubmitted ? 'success' : 'info'} data-size="sm">
                {t(i.myScoreSubmitted ? 'recruitment.interviews.scored' : 'recruitment.interviews.toScore')}
              </Tag>
            </Table.Cell>
          </Table.Row>
        ))}
      </ListTable>
    </Page>
  );
}
