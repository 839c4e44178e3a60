import { useState, type FormEvent } from 'react';
import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import type { FollowUpNoteView } from '../../../shared/contracts/training-work.ts';
import { api, type Page } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useResource } from '../../app/use-api.ts';
import { clientValidation, fieldError, fieldId, FormErrors } from '../../ui/form-errors.tsx';
import { LoadError, Loading, Saved } from '../../ui/status.tsx';
import { useAction } from '../recruitment/use-action.ts';
import { participantApi } from './participant-api.ts';

/** The team's dated notes on the participant's process (seed 002), newest first; never shown to the participant. */
export function ParticipantFollowUp({ participantId }: { participantId: string }) {
  const { t, formatDateTime } = useI18n();
  const notes = useResource<Page<FollowUpNoteView>>(participantApi.notes(participantId));
  const [notice, setNotice] = useState<string | null>(null);
  const items = [...(notes.data?.items ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));

  return (
    <section aria-labelledby="participant-follow-up" className="pb-stack">
      <Heading level={2} data-size="sm" id="participant-follow-up">
        {t('trainingWork.followUp.heading')}
      </Heading>
      <Paragraph className="pb-calm">{t('trainingWork.followUp.private')}</Paragraph>
      <NoteForm
        participantId={participantId}
        onSaved={() => {
          setNotice(t('trainingWork.followUp.saved'));
          notes.reload();
        }}
      />
      <Saved>{notice}</Saved>
      {notes.error && <LoadError error={notes.error} onRetry={notes.reload} />}
      {notes.loading && !notes.data && <Loading />}
      {notes.data && items.length === 0 && <Paragraph>{t('trainingWork.followUp.empty')}</Paragraph>}
      {items.length > 0 && (
        <ol className="pb-plain-list" aria-label={t('trainingWork.followUp.caption')}>
          {items.map((n) => (
            <li key={n.id} className="pb-item">
              <Paragraph data-size="sm" className="pb-subtle">
                {t('trainingWork.followUp.by', { date: formatDateTime(n.createdAt), name: n.authorName ?? t('trainingWork.followUp.erasedAuthor') })}
              </Paragraph>
              <p className="pb-prewrap">{n.note}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function NoteForm({ participantId, onSaved }: { participantId: string; onSaved: () => void }) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const { busy, error, setError, run } = useAction();
  const label = t('trainingWork.followUp.label');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!note.trim()) return setError(clientValidation({ note: t('trainingWork.followUp.required') }, t));
    const ok = await run(() => api(participantApi.notes(participantId), { method: 'POST', body: { note } }));
    if (!ok) return;
    setNote('');
    onSaved();
  };
  return (
    <form noValidate className="pb-stack pb-form" onSubmit={(e) => void submit(e)}>
      <FormErrors error={error} labels={{ note: label }} />
      <Textfield
        id={fieldId('note')}
        label={label}
        description={t('trainingWork.followUp.hint')}
        multiline
        rows={4}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        error={fieldError(error, 'note')}
      />
      <div>
        <Button type="submit" loading={busy}>
          {t('trainingWork.followUp.add')}
        </Button>
      </div>
    </form>
  );
}
