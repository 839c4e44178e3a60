import { Table } from '@digdir/designsystemet-react';
import type { Criterion, ReviewView, ScoreView, ScenarioQuestion } from '../../../shared/contracts/recruitment.ts';
import { useUser } from '../../app/auth.tsx';
import { useI18n } from '../../app/i18n.tsx';
import { localized } from './recruitment-format.ts';

interface Column {
  id: string;
  name: string;
  /** The value per row id. */
  values: Record<string, string>;
  notes: string;
}

interface Row {
  id: string;
  label: string;
}

/** Several people's judgements of the same things in one table: a row per thing, a column per person. */
function SideBySide({ caption, what, rows, columns }: { caption: string; what: string; rows: readonly Row[]; columns: readonly Column[] }) {
  const { t } = useI18n();
  return (
    <div className="pb-table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <Table border data-size="sm">
        <caption>{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{what}</Table.HeaderCell>
            {columns.map((c) => (
              <Table.HeaderCell key={c.id}>{c.name}</Table.HeaderCell>
            ))}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.map((r) => (
            <Table.Row key={r.id}>
              <Table.HeaderCell scope="row">{r.label}</Table.HeaderCell>
              {columns.map((c) => (
                <Table.Cell key={c.id}>{c.values[r.id] ?? '–'}</Table.Cell>
              ))}
            </Table.Row>
          ))}
          <Table.Row>
            <Table.HeaderCell scope="row">{t('recruitment.review.notes')}</Table.HeaderCell>
            {columns.map((c) => (
              <Table.Cell key={c.id} className="pb-prewrap">
                {c.notes || '–'}
              </Table.Cell>
            ))}
          </Table.Row>
        </Table.Body>
      </Table>
    </div>
  );
}

/** "You" for the reader's own column, the colleague's name for the others. */
function useWho(): (id: string, name: string) => string {
  const me = useUser();
  const { t } = useI18n();
  return (id, name) => (id === me.id ? t('recruitment.compare.you', { name }) : name);
}

export function ReviewsSideBySide({ criteria, reviews }: { criteria: readonly Criterion[]; reviews: readonly ReviewView[] }) {
  const { t, locale } = useI18n();
  const who = useWho();
  return (
    <SideBySide
      caption={t('recruitment.review.compareCaption')}
      what={t('recruitment.compare.criterion')}
      rows={criteria.map((c) => ({ id: c.id, label: localized(c.label, locale) }))}
      columns={reviews.map((r) => ({
        id: r.reviewerUserId,
        name: who(r.reviewerUserId, r.reviewerName),
        values: Object.fromEntries(r.ratings.map((x) => [x.criterionId, t(`recruitment.rating.${x.rating}`)])),
        notes: r.notes,
      }))}
    />
  );
}

export function ScoresSideBySide(props: { questions: readonly ScenarioQuestion[]; criteria: readonly Criterion[]; scores: readonly ScoreView[] }) {
  const { t, locale } = useI18n();
  const who = useWho();
  const rows = [
    ...props.questions.map((q) => ({ id: `q-${q.id}`, label: localized(q.text, locale) })),
    ...props.criteria.map((c) => ({ id: `c-${c.id}`, label: localized(c.label, locale) })),
  ];
  return (
    <SideBySide
      caption={t('recruitment.guide.compareCaption')}
      what={t('recruitment.compare.questionOrCriterion')}
      rows={rows}
      columns={props.scores.map((s) => ({
        id: s.interviewerUserId,
        name: who(s.interviewerUserId, s.interviewerName),
        values: Object.fromEntries([
          ...s.questionScores.map((x) => [`q-${x.questionId}`, String(x.score)]),
          ...s.criterionScores.map((x) => [`c-${x.criterionId}`, String(x.score)]),
        ]),
        notes: s.notes,
      }))}
    />
  );
}
