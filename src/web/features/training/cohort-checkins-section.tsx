import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { TeamCheckinView } from '../../../shared/contracts/training-work.ts';
import { withQuery, type Page } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useResource } from '../../app/use-api.ts';
import { ListTable } from '../../ui/list-table.tsx';
import { RouterLink } from '../../ui/router-link.tsx';
import { flagReasonsText } from './checkin-flag.tsx';
import { participantApi } from './participant-api.ts';

/** The cohort's flagged check-ins nobody has marked seen yet: who, which week, and why. */
export function CohortCheckinsSection({ cohortId }: { cohortId: string }) {
  const { t, formatDateTime } = useI18n();
  const checkins = useResource<Page<TeamCheckinView>>(withQuery(participantApi.checkins, { cohortId, flagged: 'true' }));
  const unseen = (checkins.data?.items ?? []).filter((c) => c.flagSeenAt === null).sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));

  return (
    <section aria-labelledby="cohort-checkins" className="pb-stack">
      <Heading level={2} data-size="sm" id="cohort-checkins">
        {t('trainingWork.flagged.heading')}
      </Heading>
      <Paragraph data-size="sm">{t('trainingWork.flagged.intro')}</Paragraph>
      <ListTable
        caption={t('trainingWork.flagged.caption')}
        headers={[t('trainingWork.flagged.col.participant'), t('trainingWork.flagged.col.week'), t('trainingWork.flagged.col.reasons'), t('trainingWork.flagged.col.submitted')]}
        rowCount={unseen.length}
        emptyText={t('trainingWork.flagged.empty')}
        loading={checkins.loading && !checkins.data}
        error={checkins.error}
        onRetry={checkins.reload}
      >
        {unseen.map((c) => (
          <Table.Row key={c.id}>
            <Table.Cell>
              <RouterLink to={`/training/participants/${c.participantId}`}>{c.participantName}</RouterLink>
            </Table.Cell>
            <Table.Cell>{c.week}</Table.Cell>
            <Table.Cell>{flagReasonsText(c.flagReasons, t)}</Table.Cell>
            <Table.Cell className="pb-nowrap">{formatDateTime(c.submittedAt)}</Table.Cell>
          </Table.Row>
        ))}
      </ListTable>
    </section>
  );
}
