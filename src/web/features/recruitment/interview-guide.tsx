import { useState } from 'react';
import { Button, Fieldset, Heading, Radio, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import type { Criterion, ScenarioQuestion, ScoreView } from '../../../shared/contracts/recruitment.ts';
import { api, ApiError } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { clientValidation, fieldError, fieldId, FormErrors } from '../../ui/form-errors.tsx';
import { localized } from './recruitment-format.ts';
import { useAction } from './use-action.ts';

const scale = [1, 2, 3, 4, 5] as const;

interface Props {
  interviewId: string;
  mine: ScoreView | null;
  questions: readonly ScenarioQuestion[];
  criteria: readonly Criterion[];
  onSaved: (message: string) => void;
}

/**
 * The interviewer's guide: each scenario question, then each criterion, scored 1-5 on the same
 * rubric, with notes. Saved as a draft during the interview, submitted once afterwards.
 */
export function InterviewGuide({ interviewId, mine, questions, criteria, onSaved }: Props) {
  const { t, locale } = useI18n();
  const [scores, setScores] = useState<Record<string, number>>(() =>
    Object.fromEntries([
      ...(mine?.questionScores ?? []).map((s) => [`q-${s.questionId}`, s.score]),
      ...(mine?.criterionScores ?? []).map((s) => [`c-${s.criterionId}`, s.score]),
    ]),
  );
  const [notes, setNotes] = useState(mine?.notes ?? '');
  const [confirming, setConfirming] = useState(false);
  const action = useAction();
  const { busy, setError, run } = action;
  // The review form on the same page has its own "notes" field; the ids must not collide.
  const error = action.error && renameField(action.error, 'notes', 'interviewNotes');
  const items = [
    ...questions.map((q) => ({ key: `q-${q.id}`, field: 'questionScores', label: localized(q.text, locale) })),
    ...criteria.map((c) => ({ key: `c-${c.id}`, field: 'criterionScores', label: localized(c.label, locale) })),
  ];
  const firstMissing = items.findIndex((i) => !scores[i.key]);
  const scoresError = fieldError(error, 'scores') ?? fieldError(error, 'questionScores') ?? fieldError(error, 'criterionScores');
  const labels = { scores: t('recruitment.guide.scores'), interviewNotes: t('recruitment.review.notes') };

  const save = async (submit: boolean) => {
    const body = {
      questionScores: questions.filter((q) => scores[`q-${q.id}`]).map((q) => ({ questionId: q.id, score: scores[`q-${q.id}`]! })),
      criterionScores: criteria.filter((c) => scores[`c-${c.id}`]).map((c) => ({ criterionId: c.id, score: scores[`c-${c.id}`]! })),
      notes,
      submit,
    };
    const ok = await run(() => api(`/api/interviews/${interviewId}/scores`, { method: 'POST', body }));
    setConfirming(false);
    if (ok) onSaved(t(submit ? 'recruitment.guide.submitted' : 'recruitment.review.draftSaved'));
  };
  const askSubmit = () => {
    if (firstMissing >= 0) return setError(clientValidation({ scores: t('recruitment.guide.scoreAll') }, t));
    setError(null);
    setConfirming(true);
  };

  const group = (item: (typeof items)[number], n: number) => (
    <Fieldset key={item.key} data-size="sm">
      <Fieldset.Legend>{item.label}</Fieldset.Legend>
      <div className="pb-radio-row">
        {scale.map((score) => (
          <Radio
            key={score}
            id={score === 1 && n === Math.max(firstMissing, 0) ? fieldId('scores') : undefined}
            name={`score-${item.key}`}
            value={String(score)}
            label={t('recruitment.rubric.option', { score, text: t(`recruitment.rubric.${score}`) })}
            checked={scores[item.key] === score}
            onChange={() => setScores((prev) => ({ ...prev, [item.key]: score }))}
          />
        ))}
      </div>
      {scoresError && !scores[item.key] && <ValidationMessage>{scoresError}</ValidationMessage>}
    </Fieldset>
  );

  return (
    <div className="pb-stack">
      <Heading level={3} data-size="xs">
        {t('recruitment.guide.heading')}
      </Heading>
      <FormErrors error={error} labels={labels} />
      <form noValidate className="pb-stack pb-form" onSubmit={(e) => e.preventDefault()}>
        {questions.length > 0 && (
          <Heading level={4} data-size="2xs">
            {t('recruitment.guide.questions')}
          </Heading>
        )}
        {items.slice(0, questions.length).map((item, n) => group(item, n))}
        <Heading level={4} data-size="2xs">
          {t('recruitment.guide.criteria')}
        </Heading>
        {items.slice(questions.length).map((item, n) => group(item, n + questions.length))}
        <Textfield
          id={fieldId('interviewNotes')}
          label={labels.interviewNotes}
          multiline
          rows={4}
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
          error={fieldError(error, 'interviewNotes')}
        />
        <div className="pb-actions">
          <Button type="button" variant="secondary" loading={busy && !confirming} onClick={() => void save(false)}>
            {t('recruitment.review.saveDraft')}
          </Button>
          <Button type="button" onClick={askSubmit}>
            {t('recruitment.guide.submit')}
          </Button>
        </div>
      </form>
      <ConfirmDialog
        open={confirming}
        title={t('recruitment.guide.confirmTitle')}
        body={t('recruitment.guide.confirmBody')}
        confirmLabel={t('recruitment.guide.submit')}
        busy={busy}
        onConfirm={() => void save(true)}
        onCancel={() => setConfirming(false)}
      />
    </div>
  );
}

function renameField(error: ApiError, from: string, to: string): ApiError {
  if (!(from in error.fields)) return error;
  const { [from]: reason, ...rest } = error.fields;
  return new ApiError(error.status, error.code, error.message, { ...rest, [to]: reason! });
}
