import { useState } from 'react';
import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { checkinQuestions } from '../../../shared/contracts/training.ts';
import type { TeamCheckinView } from '../../../shared/contracts/training-work.ts';
import { withQuery, type Page } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useResource } from '../../app/use-api.ts';
import { BarChart } from '../../ui/bar-chart.tsx';
import { LoadError, Loading, Saved } from '../../ui/status.tsx';
import { CheckinFlag } from './checkin-flag.tsx';
import { participantApi } from './participant-api.ts';

const sumOf = (c: TeamCheckinView) => checkinQuestions.reduce((total, q) => total + c.answers[q], 0);
const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '±0');

/**
 * The participant's weekly check-ins: the sum per week as a chart, so a drop shows at a glance, and
 * every answer with its change since the week before in a table, with the flags in words.
 */
export function ParticipantCheckins({ participantId }: { participantId: string }) {
  const { t } = useI18n();
  const [notice, setNotice] = useState<string | null>(null);
  const checkins = useResource<Page<TeamCheckinView>>(withQuery(participantApi.checkins, { participantId }));
  const items = [...(checkins.data?.items ?? [])].sort((a, b) => a.week - b.week);

  return (
    <section aria-labelledby="participant-checkins" className="pb-stack">
      <Heading level={2} data-size="sm" id="participant-checkins">
        {t('trainingWork.checkins.heading')}
      </Heading>
      <Paragraph>{t('trainingWork.checkins.intro')}</Paragraph>
      <Saved>{notice}</Saved>
      {checkins.error && <LoadError error={checkins.error} onRetry={checkins.reload} />}
      {checkins.loading && !checkins.data && <Loading />}
      {checkins.data && items.length === 0 && <Paragraph>{t('trainingWork.checkins.empty')}</Paragraph>}
      {items.length > 0 && (
        <>
          <BarChart
            title={t('trainingWork.checkins.chart')}
            items={items.map((c) => ({ label: t('trainingWork.checkins.week', { week: c.week }), value: sumOf(c), valueLabel: t('trainingWork.checkins.sumOf', { sum: sumOf(c) }) }))}
          />
          <div className="pb-table-scroll" role="region" aria-label={t('trainingWork.checkins.caption')} tabIndex={0}>
            <Table zebra border data-size="sm">
              <caption>{t('trainingWork.checkins.caption')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('trainingWork.checkins.col.week')}</Table.HeaderCell>
                  {checkinQuestions.map((q) => (
                    <Table.HeaderCell key={q}>{t(`trainingWork.question.${q}`)}</Table.HeaderCell>
                  ))}
                  <Table.HeaderCell>{t('trainingWork.checkins.col.sum')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('trainingWork.checkins.col.comment')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('trainingWork.checkins.col.flag')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {items.map((c, n) => {
                  const previous = n > 0 ? items[n - 1] : undefined;
                  return (
                    <Table.Row key={c.id}>
                      <Table.Cell>{c.week}</Table.Cell>
                      {checkinQuestions.map((q) => (
                        <Table.Cell key={q}>
                          <Change value={c.answers[q]} before={previous?.answers[q]} />
                        </Table.Cell>
                      ))}
                      <Table.Cell>
                        <Change value={sumOf(c)} before={previous && sumOf(previous)} />
                      </Table.Cell>
                      <Table.Cell className="pb-prewrap">{c.comment || '–'}</Table.Cell>
                      <Table.Cell>
                        <CheckinFlag
                          checkin={c}
                          onSeen={(week) => {
                            setNotice(t('trainingWork.flag.markedSeen', { week }));
                            checkins.reload();
                          }}
                        />
                      </Table.Cell>
                    </Table.Row>
                  );
                })}
              </Table.Body>
            </Table>
          </div>
        </>
      )}
    </section>
  );
}

function Change({ value, before }: { value: number; before: number | undefined }) {
  const { t } = useI18n();
  return (
    <>
      {value}
      {before !== undefined && <span className="pb-subtle pb-block">{t('trainingWork.checkins.change', { change: signed(value - before) })}</span>}
    </>
  );
}
