import { useState, type FormEvent } from 'react';
import { Button, Fieldset, Heading, Paragraph, Radio, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import type { CheckinAnswers, CheckinBody, MyCheckinView } from '../../../shared/contracts/training-work.ts';
import { checkinQuestions, type CheckinQuestion } from '../../../shared/contracts/training.ts';
import { api, ApiError } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { clientValidation, fieldId, FormErrors } from '../../ui/form-errors.tsx';
import { Saved } from '../../ui/status.tsx';
import type { Participation } from './my-training-page.tsx';

const scale = [1, 2, 3, 4, 5] as const;

interface Props {
  weeks: Participation['weeks'];
  active: boolean;
  onSent: () => void;
}

/** The study week's check-in when it is due, and the ones already sent. The team's flags are never shown here. */
export function CheckinSection({ weeks, active, onSent }: Props) {
  const { t, formatDateTime } = useI18n();
  const [notice, setNotice] = useState<string | null>(null);
  // The check-in as the server answered it, shown at once with the thanks; the page's reload then catches up.
  const [justSent, setJustSent] = useState<MyCheckinView | null>(null);
  const shown = weeks.map((w) => (justSent?.week === w.week ? { ...w, checkinDue: false, checkin: w.checkin ?? justSent } : w));
  // A missed earlier week is left behind: how this week is going is what helps now.
  const due = active ? [...shown].reverse().find((w) => w.checkinDue) : undefined;
  const sent = shown.filter((w): w is typeof w & { checkin: MyCheckinView } => w.checkin !== null);
  if (!active && sent.length === 0) return null;

  return (
    <section aria-labelledby="mt-checkin" className="pb-stack">
      <Heading level={2} data-size="sm" id="mt-checkin">
        {t('myTraining.checkin.heading')}
      </Heading>
      <Saved>{notice}</Saved>
      {due ? (
        <CheckinForm
          key={due.week}
          week={due.week}
          onSent={(checkin) => {
            setJustSent(checkin);
            setNotice(t('myTraining.checkin.done', { week: due.week }));
            onSent();
          }}
        />
      ) : (
        active && !notice && <Paragraph>{t('myTraining.checkin.notDue')}</Paragraph>
      )}
      {sent.length > 0 && (
        <>
          <Heading level={3} data-size="2xs">
            {t('myTraining.checkin.sentHeading')}
          </Heading>
          <ul className="pb-plain-list">
            {sent.map((w) => (
              <li key={w.week}>{t('myTraining.checkin.sent', { week: w.week, when: formatDateTime(w.checkin.submittedAt) })}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function CheckinForm({ week, onSent }: { week: number; onSent: (checkin: MyCheckinView) => void }) {
  const { t } = useI18n();
  const [answers, setAnswers] = useState<Partial<CheckinAnswers>>({});
  const [comment, setComment] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const labels = Object.fromEntries(checkinQuestions.map((q) => [q, t(`myTraining.checkin.q.${q}`)]));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const missing = clientValidation(Object.fromEntries(checkinQuestions.map((q) => [q, answers[q] ? undefined : t('myTraining.checkin.missing')])), t);
    setAttempt((a) => a + 1);
    setError(missing);
    if (missing) return;
    const body: CheckinBody = { week, answers: answers as CheckinAnswers, ...(comment.trim() ? { comment: comment.trim() } : {}) };
    setBusy(true);
    try {
      onSent(await api<MyCheckinView>('/api/check-ins', { method: 'PUT', body }));
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'INTERNAL', ''));
      setBusy(false);
    }
  };

  return (
    <>
      <Paragraph>{t('myTraining.checkin.intro')}</Paragraph>
      <Paragraph className="pb-calm">{t('myTraining.checkin.team')}</Paragraph>
      <FormErrors key={attempt} error={error} labels={labels} />
      <form onSubmit={submit} noValidate className="pb-stack pb-form">
        <Heading level={3} data-size="xs">
          {t('myTraining.checkin.week', { week })}
        </Heading>
        {checkinQuestions.map((q) => (
          <Question key={q} question={q} value={answers[q]} onChange={(n) => setAnswers((a) => ({ ...a, [q]: n }))} error={error?.fields[q]} />
        ))}
        <Textfield
          id={fieldId('comment')}
          multiline
          rows={3}
          label={t('myTraining.checkin.comment')}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          error={error?.fields.comment}
        />
        <div>
          <Button type="submit" loading={busy} aria-disabled={busy || undefined}>
            {t('myTraining.checkin.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}

interface QuestionProps {
  question: CheckinQuestion;
  value: number | undefined;
  onChange: (value: number) => void;
  error?: string;
}

/** One question on a 1–5 scale, with words at both ends so the numbers mean something. */
function Question({ question, value, onChange, error }: QuestionProps) {
  const { t } = useI18n();
  const low = t(`myTraining.checkin.q.${question}.low`);
  const high = t(`myTraining.checkin.q.${question}.high`);
  const label = (n: number) => (n === 1 ? t('myTraining.checkin.end', { n, words: low }) : n === 5 ? t('myTraining.checkin.end', { n, words: high }) : String(n));
  return (
    <Fieldset>
      <Fieldset.Legend>{t(`myTraining.checkin.q.${question}`)}</Fieldset.Legend>
      <Fieldset.Description>{t('myTraining.checkin.scale', { low, high })}</Fieldset.Description>
      {scale.map((n) => (
        <Radio
          key={n}
          id={n === 1 ? fieldId(question) : undefined}
          name={`checkin-${question}`}
          value={String(n)}
          label={label(n)}
          checked={value === n}
          onChange={() => onChange(n)}
        />
      ))}
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </Fieldset>
  );
}
