import { Button, Checkbox, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import type { ApplicationSummary } from '../../../shared/contracts/recruitment.ts';
import { useI18n } from '../../app/i18n.tsx';
import type { PagedList } from '../../app/use-api.ts';
import { ListTable } from '../../ui/list-table.tsx';
import { RouterLink } from '../../ui/router-link.tsx';
import { LoadError, Loading } from '../../ui/status.tsx';
import { StageTag } from './stage-tag.tsx';
import { useNarrow } from './use-narrow.ts';

interface Props {
  list: PagedList<ApplicationSummary>;
  selectable: boolean;
  selected: ReadonlySet<string>;
  onToggle: (id: string, on: boolean) => void;
}

/** The pipeline's applications: a dense table on a desk, a list of cards on a phone. */
export function ApplicationsList({ list, selectable, selected, onToggle }: Props) {
  const { t } = useI18n();
  const narrow = useNarrow();
  const select = (a: ApplicationSummary) =>
    selectable && (
      <Checkbox
        aria-label={t('recruitment.pipeline.select', { name: a.name })}
        checked={selected.has(a.id)}
        onChange={(e) => onToggle(a.id, e.target.checked)}
      />
    );

  if (!narrow) {
    return (
      <ListTable
        caption={t('recruitment.pipeline.caption')}
        headers={[
          ...(selectable ? [t('recruitment.pipeline.col.select')] : []),
          t('recruitment.pipeline.col.reference'),
          t('recruitment.pipeline.col.name'),
          t('recruitment.pipeline.col.municipality'),
          t('recruitment.form.tracks'),
          t('recruitment.pipeline.col.stage'),
          t('recruitment.pipeline.col.reviews'),
          t('recruitment.pipeline.col.interview'),
          t('recruitment.pipeline.col.decisionDue'),
        ]}
        rowCount={list.items.length}
        emptyText={t('recruitment.pipeline.empty')}
        loading={list.loading}
        error={list.error}
        onRetry={list.reload}
        hasMore={list.hasMore}
        onLoadMore={list.loadMore}
      >
        {list.items.map((a) => (
          <Table.Row key={a.id}>
            {selectable && <Table.Cell>{select(a)}</Table.Cell>}
            <Table.Cell className="pb-nowrap">{a.reference}</Table.Cell>
            <Table.Cell>
              <RouterLink to={`/recruitment/applications/${a.id}`}>{a.name}</RouterLink>
            </Table.Cell>
            <Table.Cell>{a.municipality}</Table.Cell>
            <Table.Cell>{t(`recruitment.track.${a.track}`)}</Table.Cell>
            <Table.Cell>
              <StageTag stage={a.stage} />
            </Table.Cell>
            <Table.Cell>
              <Reviews a={a} />
            </Table.Cell>
            <Table.Cell>
              <InterviewAt a={a} />
            </Table.Cell>
            <Table.Cell>
              <DecisionDue a={a} />
            </Table.Cell>
          </Table.Row>
        ))}
      </ListTable>
    );
  }

  return (
    <div className="pb-stack">
      {list.error && <LoadError error={list.error} onRetry={list.reload} />}
      {list.items.length > 0 && (
        <ul className="pb-plain-list" aria-label={t('recruitment.pipeline.caption')}>
          {list.items.map((a) => (
            <li key={a.id} className="pb-app-card">
              <div className="pb-app-card__head">
                {select(a)}
                <div>
                  <RouterLink to={`/recruitment/applications/${a.id}`}>{a.name}</RouterLink>
                  <div className="pb-subtle">
                    {a.reference} · {a.municipality} · {t(`recruitment.track.${a.track}`)}
                  </div>
                </div>
              </div>
              <dl className="pb-details">
                <dt>{t('recruitment.pipeline.col.stage')}</dt>
                <dd>
                  <StageTag stage={a.stage} />
                </dd>
                <dt>{t('recruitment.pipeline.col.reviews')}</dt>
                <dd>
                  <Reviews a={a} />
                </dd>
                <dt>{t('recruitment.pipeline.col.interview')}</dt>
                <dd>
                  <InterviewAt a={a} />
                </dd>
                <dt>{t('recruitment.pipeline.col.decisionDue')}</dt>
                <dd>
                  <DecisionDue a={a} />
                </dd>
              </dl>
            </li>
          ))}
        </ul>
      )}
      {list.loading && <Loading />}
      {!list.loading && !list.error && list.items.length === 0 && <Paragraph>{t('recruitment.pipeline.empty')}</Paragraph>}
      {!list.loading && list.hasMore && (
        <div>
          <Button variant="secondary" onClick={list.loadMore}>
            {t('common.loadMore')}
          </Button>
        </div>
      )}
    </div>
  );
}

function Reviews({ a }: { a: ApplicationSummary }) {
  const t = useI18n().t;
  return (
    <>
      {t('recruitment.reviews.count', { count: a.reviewsSubmitted })}
      <span className="pb-subtle"> · {t(a.myReviewSubmitted ? 'recruitment.reviews.mineDone' : 'recruitment.reviews.mineMissing')}</span>
    </>
  );
}

function InterviewAt({ a }: { a: ApplicationSummary }) {
  const { formatDateTime } = useI18n();
  return <span className="pb-nowrap">{a.interviewAt ? formatDateTime(a.interviewAt) : '–'}</span>;
}

/** Overdue is said in words and shown in colour, so neither alone carries it. */
export function DecisionDue({ a }: { a: Pick<ApplicationSummary, 'decisionDueOn' | 'isOverdue'> }) {
  const { t, formatDate } = useI18n();
  if (!a.decisionDueOn) return <>–</>;
  return (
    <span className="pb-nowrap">
      {formatDate(a.decisionDueOn)}{' '}
      {a.isOverdue && (
        <Tag data-color="danger" data-size="sm">
          {t('recruitment.overdue.tag')}
        </Tag>
      )}
    </span>
  );
}
