import { useState, type FormEvent } from 'react';
import { Button, Fieldset, Heading, Paragraph, Radio, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import type { EnrolmentBody, EnrolmentResult, PublicCourseView } from '../../../shared/contracts/recovery-college.ts';
import type { ApiError } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { clientValidation, fieldError, fieldId, FormErrors } from '../../ui/form-errors.tsx';
import { asApiError, publicApi } from '../apply/public-api.ts';
import { newIdempotencyKey } from '../apply/storage.ts';
import { placesText } from './run-facts.tsx';

export interface Enrolled {
  result: EnrolmentResult;
  email: string;
}

interface Props {
  course: PublicCourseView;
  onDone: (enrolled: Enrolled) => void;
}

/** Name and e-mail, and the run when there is more than one; a full run puts the person on its waiting list. */
export function EnrolForm({ course, onDone }: Props) {
  const { t, locale, formatDate } = useI18n();
  const [runId, setRunId] = useState(course.runs.length === 1 ? course.runs[0]!.id : '');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  // The key of a sending that got no answer: sending the same again reuses it, so no one is enrolled twice.
  const [pending, setPending] = useState<{ key: string; json: string } | null>(null);
  const run = course.runs.find((r) => r.id === runId);
  const labels = { cohortId: t('rc.enrol.run'), name: t('rc.enrol.name'), email: t('rc.enrol.email') };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const refused = clientValidation(
      {
        cohortId: run ? undefined : t('rc.enrol.chooseRun'),
        name: name.trim() ? undefined : t('rc.enrol.nameMissing'),
        email: email.includes('@') ? undefined : t('rc.enrol.emailMissing'),
      },
      t,
    );
    setAttempt((a) => a + 1);
    setError(refused);
    if (refused) return;
    const body: EnrolmentBody = { cohortId: runId, name: name.trim(), email: email.trim(), locale };
    const json = JSON.stringify(body);
    const key = pending?.json === json ? pending.key : newIdempotencyKey();
    setBusy(true);
    try {
      const result = await publicApi<EnrolmentResult>(`/api/public/courses/${course.id}/enrolments`, { locale, method: 'POST', body, idempotencyKey: key });
      onDone({ result, email: body.email });
    } catch (e) {
      const err = asApiError(e);
      const answered = err.status !== 0 && err.status < 500;
      setPending(answered ? null : { key, json });
      setError(err);
      setAttempt((a) => a + 1);
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="rc-enrol" className="pb-stack">
      <Heading level={2} data-size="sm" id="rc-enrol">
        {t('rc.enrol.heading')}
      </Heading>
      <Paragraph>{t('rc.enrol.intro')}</Paragraph>
      <FormErrors key={attempt} error={error} labels={labels} />
      <form onSubmit={submit} noValidate className="pb-stack pb-form">
        <Paragraph data-size="sm">{t('rc.enrol.required')}</Paragraph>
        {course.runs.length > 1 && (
          <Fieldset>
            <Fieldset.Legend>{labels.cohortId}</Fieldset.Legend>
            {course.runs.map((r, i) => (
              <Radio
                key={r.id}
                id={i === 0 ? fieldId('cohortId') : undefined}
                name="run"
                value={r.id}
                label={t('rc.enrol.runOption', { from: formatDate(r.startsOn), to: formatDate(r.endsOn) })}
                description={placesText(r, t)}
                checked={runId === r.id}
                onChange={() => setRunId(r.id)}
              />
            ))}
            {fieldError(error, 'cohortId') && <ValidationMessage>{fieldError(error, 'cohortId')}</ValidationMessage>}
          </Fieldset>
        )}
        <Textfield
          id={fieldId('name')}
          label={labels.name}
          autoComplete="name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={fieldError(error, 'name')}
        />
        <Textfield
          id={fieldId('email')}
          label={labels.email}
          description={t('rc.enrol.emailHint')}
          type="email"
          inputMode="email"
          autoComplete="email"
          spellCheck={false}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={fieldError(error, 'email')}
        />
        <Paragraph role="status" data-size="sm">
          {busy ? t('rc.enrol.sending') : ''}
        </Paragraph>
        <div>
          <Button type="submit" loading={busy} aria-disabled={busy || undefined}>
            {t(run?.placesLeft === 0 ? 'rc.enrol.submitWaiting' : 'rc.enrol.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
