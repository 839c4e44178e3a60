import { useState, type FormEvent } from 'react';
import { Button, Checkbox, Fieldset, Heading, Radio, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import type { TeamSlotView, interviewerView } from '../../../shared/contracts/recruitment.ts';
import type { z } from 'zod';
import { api, type Page } from '../../app/api.ts';
import { useUser } from '../../app/auth.tsx';
import { useT } from '../../app/i18n.tsx';
import { useResource } from '../../app/use-api.ts';
import { clientValidation, fieldError, fieldId, FormErrors } from '../../ui/form-errors.tsx';
import { LoadError } from '../../ui/status.tsx';
import { fromLocalInputs } from './recruitment-format.ts';
import { useAction } from './use-action.ts';

type Interviewer = z.infer<typeof interviewerView>;

/**
 * Adds one interview slot. After adding, the day, place and interviewers stay filled in, so the
 * next slot of the same day only needs its times.
 */
export function SlotForm({ intakeId, onAdded }: { intakeId: string; onAdded: (slot: TeamSlotView) => void }) {
  const t = useT();
  const me = useUser();
  const interviewers = useResource<Page<Interviewer>>('/api/interview-slots/interviewers');
  const [date, setDate] = useState('');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [mode, setMode] = useState<'place' | 'video'>('place');
  const [location, setLocation] = useState('');
  const [videoUrl, setVideoUrl] = useState('');
  const [chosen, setChosen] = useState<string[]>([me.id]);
  const { busy, error, setError, run } = useAction();
  const labels = {
    date: t('recruitment.form.date'),
    startsAt: t('recruitment.slotForm.start'),
    endsAt: t('recruitment.slotForm.end'),
    mode: t('recruitment.slotForm.mode'),
    location: t('recruitment.slotForm.location'),
    videoUrl: t('recruitment.slotForm.videoUrl'),
    interviewerUserIds: t('recruitment.slotForm.interviewers'),
  };

  const people = interviewers.data?.items ?? [];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!date) return setError(clientValidation({ date: t('recruitment.slotForm.dateMissing') }, t));
    await run(async () => {
      const body = {
        intakeId,
        startsAt: fromLocalInputs(date, start),
        endsAt: fromLocalInputs(date, end),
        mode,
        location: mode === 'place' ? location.trim() || undefined : undefined,
        videoUrl: mode === 'video' ? videoUrl.trim() || undefined : undefined,
        interviewerUserIds: chosen.filter((id) => people.some((p) => p.id === id)),
      };
      onAdded(await api<TeamSlotView>('/api/interview-slots', { method: 'POST', body }));
      setStart('');
      setEnd('');
    });
  };

  const toggle = (id: string, on: boolean) => setChosen((prev) => (on ? [...prev, id] : prev.filter((x) => x !== id)));

  return (
    <section aria-labelledby="slot-form" className="pb-stack">
      <Heading level={3} data-size="xs" id="slot-form">
        {t('recruitment.slotForm.heading')}
      </Heading>
      <FormErrors error={error} labels={labels} />
      <form onSubmit={submit} noValidate className="pb-stack pb-form">
        <Textfield
          id={fieldId('date')}
          label={labels.date}
          type="date"
          className="pb-narrow-field"
          value={date}
          onChange={(e) => setDate(e.target.value)}
          error={fieldError(error, 'date')}
        />
        <div className="pb-actions">
          <Textfield id={fieldId('startsAt')} label={labels.startsAt} type="time" value={start} onChange={(e) => setStart(e.target.value)} error={fieldError(error, 'startsAt')} />
          <Textfield id={fieldId('endsAt')} label={labels.endsAt} type="time" value={end} onChange={(e) => setEnd(e.target.value)} error={fieldError(error, 'endsAt')} />
        </div>
        <Fieldset>
          <Fieldset.Legend>{labels.mode}</Fieldset.Legend>
          <Radio name="slot-mode" value="place" label={t('recruitment.slotForm.modePlace')} checked={mode === 'place'} onChange={() => setMode('place')} />
          <Radio name="slot-mode" value="video" label={t('recruitment.slotForm.modeVideo')} checked={mode === 'video'} onChange={() => setMode('video')} />
        </Fieldset>
        {mode === 'place' ? (
          <Textfield
            id={fieldId('location')}
            label={labels.location}
            description={t('recruitment.slotForm.locationHint')}
            value={location}
            onChange={(e) => setLocation(e.target.value)}
            error={fieldError(error, 'location')}
          />
        ) : (
          <Textfield
            id={fieldId('videoUrl')}
            label={labels.videoUrl}
            type="url"
            inputMode="url"
            value={videoUrl}
            onChange={(e) => setVideoUrl(e.target.value)}
            error={fieldError(error, 'videoUrl')}
          />
        )}
        <Fieldset>
          <Fieldset.Legend>{labels.interviewerUserIds}</Fieldset.Legend>
          {interviewers.error && <LoadError error={interviewers.error} onRetry={interviewers.reload} />}
          {people.map((p, i) => (
            <Checkbox
              key={p.id}
              id={i === 0 ? fieldId('interviewerUserIds') : undefined}
              label={p.name}
              checked={chosen.includes(p.id)}
              onChange={(e) => toggle(p.id, e.target.checked)}
            />
          ))}
          {fieldError(error, 'interviewerUserIds') && <ValidationMessage>{fieldError(error, 'interviewerUserIds')}</ValidationMessage>}
        </Fieldset>
        <div>
          <Button type="submit" variant="secondary" loading={busy}>
            {t('recruitment.slotForm.add')}
          </Button>
        </div>
      </form>
    </section>
  );
}
