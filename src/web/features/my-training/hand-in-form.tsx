import { useState, type ChangeEvent, type FormEvent } from 'react';
import { Alert, Button, Field, Input, Label, Paragraph, Textarea, ValidationMessage } from '@digdir/designsystemet-react';
import { TASK_FILE_MAX_BYTES, type TaskSubmissionView } from '../../../shared/contracts/training-work.ts';
import { api, ApiError } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { errorMessage, fieldError, fieldId } from '../../ui/form-errors.tsx';
import { useHandInDraft } from './hand-in-draft.ts';
import { sendForm } from './send-form.ts';

const maxMb = TASK_FILE_MAX_BYTES / 1024 / 1024;
const extensions = ['.pdf', '.docx', '.odt', '.jpg', '.jpeg', '.png'];

interface Props {
  taskId: string;
  /** The text handed in before, when replacing it. */
  initialText: string;
  replacing: boolean;
  onDone: (submission: TaskSubmissionView) => void;
  onCancel?: () => void;
}

/** A reflection as text (kept as a draft on this device), a file, or both. */
export function HandInForm({ taskId, initialText, replacing, onDone, onCancel }: Props) {
  const { t, locale, formatDateTime } = useI18n();
  const draft = useHandInDraft(taskId, initialText);
  const [file, setFile] = useState<File | null>(null);
  const [fileHint, setFileHint] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const textId = fieldId(`handIn-${taskId}`);
  const fileId = fieldId(`handInFile-${taskId}`);

  const chooseFile = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0] ?? null;
    // A quick hint only: the server judges the file by its content.
    const named = chosen && extensions.some((ext) => chosen.name.toLowerCase().endsWith(ext));
    const hint = !chosen ? null : !named ? t('myTraining.handIn.wrongType') : chosen.size > TASK_FILE_MAX_BYTES ? t('myTraining.handIn.tooLarge', { maxMb }) : null;
    if (hint) event.target.value = '';
    setFile(hint ? null : chosen);
    setFileHint(hint);
  };

  const removeFile = () => {
    const input = document.getElementById(fileId);
    if (input instanceof HTMLInputElement) input.value = '';
    setFile(null);
    setFileHint(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const text = draft.text.trim();
    if (!text && !file) {
      setError(new ApiError(400, 'VALIDATION_FAILED', '', { text: t('myTraining.handIn.empty') }));
      document.getElementById(textId)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    const path = `/api/reflection-tasks/${taskId}/submission`;
    try {
      let submission: TaskSubmissionView;
      if (file) {
        const form = new FormData();
        form.append('text', text);
        form.append('file', file);
        submission = await sendForm<TaskSubmissionView>(path, form, locale, 'PUT');
      } else {
        submission = await api<TaskSubmissionView>(path, { method: 'PUT', body: { text } });
      }
      draft.clear();
      onDone(submission);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'INTERNAL', ''));
      setBusy(false);
    }
  };

  const textError = fieldError(error, 'text');
  const fileError = fileHint ?? fieldError(error, 'file');
  const general = error && !textError && !fieldError(error, 'file') ? errorMessage(error, t) : null;

  return (
    <form onSubmit={submit} noValidate className="pb-stack">
      {general && (
        <Alert data-color="danger" role="alert">
          {general}
        </Alert>
      )}
      <Field>
        <Label htmlFor={textId}>{t('myTraining.handIn.text')}</Label>
        <Field.Description>{t('myTraining.handIn.textHint')}</Field.Description>
        <Textarea id={textId} rows={8} value={draft.text} onChange={(e) => draft.change(e.target.value)} aria-invalid={textError ? true : undefined} />
        {textError && <ValidationMessage>{textError}</ValidationMessage>}
      </Field>
      {draft.savedAt && <Paragraph data-size="sm">{t('myTraining.handIn.draftSaved', { when: formatDateTime(draft.savedAt) })}</Paragraph>}
      <Field>
        <Label htmlFor={fileId}>{t('myTraining.handIn.file')}</Label>
        <Field.Description>{t('myTraining.handIn.fileHint', { maxMb })}</Field.Description>
        <Input
          id={fileId}
          type="file"
          accept={`${extensions.join(',')},application/pdf,image/jpeg,image/png`}
          onChange={chooseFile}
          aria-invalid={fileError ? true : undefined}
        />
        {fileError && <ValidationMessage>{fileError}</ValidationMessage>}
      </Field>
      {file && (
        <div className="pb-actions">
          <Paragraph data-size="sm">{t('myTraining.handIn.chosen', { name: file.name })}</Paragraph>
          <Button variant="tertiary" data-size="sm" onClick={removeFile}>
            {t('myTraining.handIn.removeFile')}
          </Button>
        </div>
      )}
      <Paragraph role="status" data-size="sm">
        {busy ? t('myTraining.handIn.sending') : ''}
      </Paragraph>
      <div className="pb-actions">
        <Button type="submit" loading={busy} aria-disabled={busy || undefined}>
          {t(replacing ? 'myTraining.handIn.submitReplace' : 'myTraining.handIn.submit')}
        </Button>
        {onCancel && (
          <Button variant="secondary" onClick={onCancel}>
            {t('myTraining.handIn.cancel')}
          </Button>
        )}
      </div>
    </form>
  );
}

