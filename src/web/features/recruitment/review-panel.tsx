import { useState } from 'react';
import { Button, Fieldset, Heading, Paragraph, Radio, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { reviewRatings, type ApplicationDetail, type Criterion, } from '../../../shared/contracts/recruitment.ts';
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { clientValidation, fieldError, fieldId, FormErrors } from '../../ui/form-errors.tsx';
import { Saved } from '../../ui/status.tsx';
import { localized } from './recruitment-format.ts';
import { ReviewsSideBySide } from './reviews-side-by-side.tsx';
import { useAction } from './use-action.ts';

type Rating = (typeof reviewRatings)[number];

/**
 * The reviewer's own assessment of each criterion. Reviews are independent: the others' stay hidden
 * until this one is submitted and at least two are, so nobody is swayed by a colleague's view.
 */
export function ReviewPanel({ a, criteria, onChanged }: { a: ApplicationDetail; criteria: readonly Criterion[]; onChanged: () => void }) {
  const { t } = useI18n();
  const [notice, setNotice] = useState<string | null>(null);
  const mine = a.reviews.mine?.submittedAt ? a.reviews.mine : null;
  const others = a.reviews.others;
  const shown = [...(mine ? [mine] : []), ...(others ?? [])];

  return (
    <section aria-labelledby="app-review" className="pb-stack">
      <Heading level={2} data-size="sm" id="app-review">
        {t('recruitment.review.heading')}
      </Heading>
      <Saved>{notice}</Saved>
      <Paragraph>{t('recruitment.review.count', { count: a.reviews.submittedCount })}</Paragraph>
      {!mine && (
        <ReviewForm
          a={a}
          criteria={criteria}
          onSaved={(message) => {
            setNotice(message);
            onChanged();
          }}
        />
      )}
      {others === null && <Paragraph className="pb-calm">{t(mine ? 'recruitment.review.hiddenWaiting' : 'recruitment.review.hiddenUntilMine')}</Paragraph>}
      {shown.length > 0 && <ReviewsSideBySide criteria={criteria} reviews={shown} />}
    </section>
  );
}

function ReviewForm({ a, criteria, onSaved }: { a: ApplicationDetail; criteria: readonly Criterion[]; onSaved: (message: string) => void }) {
  const { t, locale } = useI18n();
  const mine = a.reviews.mine;
  const [ratings, setRatings] = useState<Record<string, Rating>>(() => Object.fromEntries((mine?.ratings ?? []).map((r) => [r.criterionId, r.rating])));
  const [notes, setNotes] = useState(mine?.notes ?? '');
  const [confirming, setConfirming] = useState(false);
  const { busy, error, setError, run } = useAction();
  const firstUnrated = criteria.findIndex((c) => !ratings[c.id]);
  const ratingsError = fieldError(error, 'ratings');
  const labels = { ratings: t('recruitment.review.ratings'), notes: t('recruitment.review.notes') };

  const save = async (submit: boolean) => {
    const body = { ratings: criteria.filter((c) => ratings[c.id]).map((c) => ({ criterionId: c.id, rating: ratings[c.id]! })), notes, submit };
    const ok = await run(() => api(`/api/applications/${a.id}/assess`, { method: 'POST', body }));
    setConfirming(false);
    if (!ok) return;
    onSaved(t(submit ? 'recruitment.review.submitted' : 'recruitment.review.draftSaved'));
  };
  const askSubmit = () => {
    if (firstUnrated >= 0) return setError(clientValidation({ ratings: t('recruitment.review.rateAll') }, t));
    setError(null);
    setConfirming(true);
  };

  return (
    <div className="pb-stack">
      <FormErrors error={error} labels={labels} />
      <form noValidate className="pb-stack pb-form" onSubmit={(e) => e.preventDefault()}>
        {criteria.map((c, n) => (
          <Fieldset key={c.id} data-size="sm">
            <Fieldset.Legend>{localized(c.label, locale)}</Fieldset.Legend>
            <Fieldset.Description>{t(`recruitment.level.${c.level}`)}</Fieldset.Description>
            <div className="pb-radio-row">
              {reviewRatings.map((r, k) => (
                <Radio
                  key={r}
                  id={k === 0 && n === Math.max(firstUnrated, 0) ? fieldId('ratings') : undefined}
                  name={`review-${c.id}`}
                  value={r}
                  label={t(`recruitment.rating.${r}`)}
                  checked={ratings[c.id] === r}
                  onChange={() => setRatings((prev) => ({ ...prev, [c.id]: r }))}
                />
              ))}
            </div>
            {ratingsError && !ratings[c.id] && <ValidationMessage>{ratingsError}</ValidationMessage>}
          </Fieldset>
        ))}
        <Textfield
          id={fieldId('notes')}
          label={labels.notes}
          description={t('recruitment.review.notesHint')}
          multiline
          rows={4}
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
          error={fieldError(error, 'notes')}
        />
        <div className="pb-actions">
          <Button type="button" variant="secondary" loading={busy && !confirming} onClick={() => void save(false)}>
            {t('recruitment.review.saveDraft')}
          </Button>
          <Button type="button" onClick={askSubmit}>
            {t('recruitment.review.submit')}
          </Button>
        </div>
      </form>
      <ConfirmDialog
        open={confirming}
        title={t('recruitment.review.confirmTitle')}
        body={t('recruitment.review.confirmBody')}
        confirmLabel={t('recruitment.review.submit')}
        busy={busy}
        onConfirm={() => void save(true)}
        onCancel={() => setConfirming(false)}
      />
    </div>
  );
}
