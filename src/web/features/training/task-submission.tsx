import { useId, useState, type FormEvent } from 'react';
import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import type { TaskSubmissionView } from '../../../shared/contracts/training-work.ts';
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { clientValidation, fieldError, FormErrors } from '../../ui/form-errors.tsx';
import { Saved } from '../../ui/status.tsx';
import { useAction } from '../recruitment/use-action.ts';
import { participantApi } from './participant-api.ts';

interface Props {
  submission: TaskSubmissionView | null;
  participantName: string;
  /** Heading level of "Feedback" under the task's or participant's own heading. */
  level: 4 | 5;
  onChanged: () => void;
}

/** One hand-in as the course leader reads it, then the feedback given, or a box to write it. */
export function TaskSubmission({ submission, participantName, level, onChanged }: Props) {
  const { t, formatDateTime } = useI18n();
  const [notice, setNotice] = useState<string | null>(null);
  if (!submission) return <Paragraph>{t('trainingWork.handIn.none')}</Paragraph>;
  const s = submission;
  return (
    <div className="pb-stack">
      <Paragraph data-size="sm" className="pb-subtle">
        {t('trainingWork.handIn.submitted', { date: formatDateTime(s.submittedAt) })}
      </Paragraph>
      {s.text && (
        <div className="pb-letter">
          <p className="pb-prewrap">{s.text}</p>
        </div>
      )}
      {s.file && (
        <p>
          <a href={participantApi.submissionFile(s.id)} download={s.file.filename}>
            {t('trainingWork.handIn.file', { filename: s.file.filename, size: t('trainingWork.handIn.kb', { size: Math.max(1, Math.round(s.file.sizeBytes / 1024)) }) })}
          </a>
        </p>
      )}
      <Saved>{notice}</Saved>
      {s.feedback !== null ? (
        <div className="pb-stack">
          <Heading level={level} data-size="2xs">
            {t('trainingWork.feedback.given', { name: s.feedbackByName ?? '–', date: s.feedbackAt ? formatDateTime(s.feedbackAt) : '–' })}
          </Heading>
          <p className="pb-prewrap">{s.feedback}</p>
        </div>
      ) : (
        <FeedbackForm
          submissionId={s.id}
          participantName={participantName}
          onSent={() => {
            setNotice(t('trainingWork.feedback.sent', { name: participantName }));
            onChanged();
          }}
        />
      )}
    </div>
  );
}

function FeedbackForm({ submissionId, participantName, onSent }: { submissionId: string; participantName: string; onSent: () => void }) {
  const { t } = useI18n();
  // Several feedback boxes share a page (one per participant), so each needs its own id.
  const inputId = useId();
  const [feedback, setFeedback] = useState('');
  const { busy, error, setError, run } = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!feedback.trim()) return setError(clientValidation({ feedback: t('trainingWork.feedback.required') }, t));
    const ok = await run(() => api(participantApi.feedback(submissionId), { method: 'POST', body: { feedback } }));
    if (ok) onSent();
  };
  // One field: its reason shows beside it; a summary linking to it would say the same twice.
  const hasFieldError = error !== null && Object.keys(error.fields).length > 0;
  return (
    <form noValidate className="pb-stack pb-form" onSubmit={(e) => void submit(e)}>
      <FormErrors error={hasFieldError ? null : error} labels={{}} />
      <Textfield
        id={inputId}
        label={t('trainingWork.feedback.label', { name: participantName })}
        description={t('trainingWork.feedback.hint')}
        multiline
        rows={5}
        value={feedback}
        onChange={(e) => setFeedback(e.target.value)}
        error={fieldError(error, 'feedback')}
      />
      <div>
        <Button type="submit" loading={busy}>
          {t('trainingWork.feedback.send')}
        </Button>
      </div>
    </form>
  );
}
