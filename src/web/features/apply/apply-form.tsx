import { useState, type FormEvent } from 'react';
import { Button, Paragraph } from '@digdir/designsystemet-react';
import { letterPrompts, type PublicIntakeView, type SubmissionResult } from '../../../shared/contracts/recruitment.ts';
import type { ApiError } from '../../app/api.ts';
import { useI18n, type Translate } from '../../app/i18n.tsx';
import type { Locale } from '../../../shared/i18n/locale.ts';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { fieldId } from '../../ui/form-errors.tsx';
import { AboutYouSection } from './about-you-section.tsx';
import { ApplyErrorSummary, placeErrors } from './apply-errors.tsx';
import { toSubmission } from './apply-values.ts';
import { ConsentSection } from './consent-section.tsx';
import { LetterSection, resetFileInput } from './letter-section.tsx';
import { asApiError, publicApi } from './public-api.ts';
import { localized, SelfAssessmentSection } from './self-assessment-section.tsx';
import { deviceToken, keepDeviceToken, newIdempotencyKey } from './storage.ts';
import { fingerprint, useDraft } from './use-draft.ts';

/** Every slot of the form in reading order, for the error summary. */
function slotOrder(intake: PublicIntakeView, t: Translate, locale: Locale) {
  const one = (slot: string, label: string) => ({ slot, label, target: fieldId(slot) });
  const firstCriterion = intake.criteria[0];
  return [
    one('name', t('apply.field.name')),
    one('email', t('apply.field.email')),
    one('phone', t('apply.field.phone')),
    one('municipality', t('apply.field.municipality')),
    one('track', t('apply.field.track')),
    ...letterPrompts.map((p) => one(`letter-${p}`, t(`apply.letter.${p}.label`))),
    { slot: 'letter', label: t('apply.letter.heading'), target: fieldId('letter-about') },
    one('letterFile', t('apply.file.label')),
    { slot: 'selfAssessment', label: t('apply.self.heading'), target: fieldId(firstCriterion ? `rating-${firstCriterion.id}` : 'selfAssessment') },
    ...intake.criteria.flatMap((c, i) => [
      one(`rating-${c.id}`, localized(c.label, locale)),
      one(`comment-${c.id}`, t('apply.self.comment', { n: i + 1 })),
    ]),
    one('workingGoal', t('apply.goal.heading')),
    one('consent', t('apply.consent.heading')),
  ];
}

interface Props {
  intake: PublicIntakeView;
  onDone: (result: SubmissionResult, email: string) => void;
}

/** The application form; what is typed survives refusals, lost connections and reloads. */
export function ApplyForm({ intake, onDone }: Props) {
  const { t, locale, formatDateTime } = useI18n();
  const draft = useDraft(intake);
  const [file, setFile] = useState<File | null>(null);
  const [fileHint, setFileHint] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [sentCriteria, setSentCriteria] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [confirmClear, setConfirmClear] = useState(false);
  const { values, update } = draft;
  const { placed, unplaced } = placeErrors(error, intake, sentCriteria, values);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const { body, sentCriteria: sent } = toSubmission(values, intake, locale);
    const json = JSON.stringify(body);
    const print = fingerprint(file ? `${json}|${file.name}|${file.size}|${file.lastModified}` : json);
    const key = draft.pending?.fingerprint === print ? draft.pending.key : newIdempotencyKey();
    let form: FormData | undefined;
    if (file) {
      form = new FormData();
      form.append('application', json);
      form.append('letterFile', file);
    }
    setBusy(true);
    try {
      const result = await publicApi<SubmissionResult>(`/api/public/intakes/${intake.id}/applications`, {
        locale,
        method: 'POST',
        body,
        form,
        token: deviceToken(intake.id),
        idempotencyKey: key,
      });
      if (result.statusToken) keepDeviceToken(intake.id, result.statusToken);
      draft.clear();
      onDone(result, body.email);
    } catch (e) {
      const err = asApiError(e);
      // An answered refusal is final for that key; without an answer the retry must reuse it.
      const answered = err.status !== 0 && err.status < 500;
      draft.setPending(answered ? null : { key, fingerprint: print });
      setSentCriteria(sent);
      setError(err);
      setAttempt((a) => a + 1);
      setBusy(false);
    }
  };

  const clearDraft = () => {
    draft.clear();
    resetFileInput();
    setFile(null);
    setFileHint(null);
    setError(null);
    setConfirmClear(false);
  };

  return (
    <>
      {draft.restored && draft.savedAt && (
        <Paragraph className="pb-calm">{t('apply.draft.restored', { when: formatDateTime(draft.savedAt) })}</Paragraph>
      )}
      <ApplyErrorSummary key={attempt} error={error} placed={placed} unplaced={unplaced} order={slotOrder(intake, t, locale)} />
      <form onSubmit={submit} noValidate className="pb-stack pb-form" aria-describedby="apply-required">
        <Paragraph id="apply-required">{t('apply.required')}</Paragraph>
        <AboutYouSection intake={intake} values={values} onChange={update} placed={placed} />
        <LetterSection
          letter={values.letter}
          onLetter={(letter) => update({ letter })}
          file={file}
          fileHint={fileHint}
          onFile={(f, hint) => {
            setFile(f);
            setFileHint(hint);
          }}
          placed={placed}
        />
        <SelfAssessmentSection intake={intake} ratings={values.ratings} onChange={(ratings) => update({ ratings })} placed={placed} />
        <ConsentSection intake={intake} values={values} onChange={update} placed={placed} />

        <div className="pb-stack">
          <Paragraph role="status" data-size="sm">
            {busy ? t(file ? 'apply.sendingFile' : 'apply.sending') : ''}
          </Paragraph>
          <div>
            <Button type="submit" loading={busy} aria-disabled={busy || undefined}>
              {t('apply.submit')}
            </Button>
          </div>
        </div>

        <div className="pb-stack pb-calm">
          <Paragraph data-size="sm">
            {draft.savedAt ? t('apply.draft.saved', { when: formatDateTime(draft.savedAt) }) : t('apply.draft.info')}{' '}
            {t('apply.draft.noFile')}
          </Paragraph>
          <div>
            <Button variant="secondary" data-size="sm" onClick={() => setConfirmClear(true)}>
              {t('apply.draft.clear')}
            </Button>
          </div>
        </div>
      </form>
      <ConfirmDialog
        open={confirmClear}
        title={t('apply.draft.clearTitle')}
        body={t('apply.draft.clearBody')}
        confirmLabel={t('apply.draft.clearConfirm')}
        danger
        onConfirm={clearDraft}
        onCancel={() => setConfirmClear(false)}
      />
    </>
  );
}
