import { useId, useState, type FormEvent } from 'react';
import { Button, Fieldset, Heading, Textfield } from '@digdir/designsystemet-react';
import type { Material, SessionPatch, SessionView } from '../../../shared/contracts/training.ts';
import { api } from '../../app/api.ts';
import { useT, type Translate } from '../../app/i18n.tsx';
import { clientValidation, fieldError, fieldId, FormErrors } from '../../ui/form-errors.tsx';
import { fromLocalInputs, toLocalInputs } from '../recruitment/recruitment-format.ts';
import { useAction } from '../recruitment/use-action.ts';
import { LeaderPicker, useLeaderOptions } from './leader-picker.tsx';

interface Props {
  session: SessionView;
  /** The session as a reader names it ("mån 22 mars 2027 09:00–15:00"), for the heading. */
  name: string;
  onSaved: (session: SessionView) => void;
  onCancel: () => void;
}

function isWebAddress(text: string): boolean {
  return /^https?:\/\//i.test(text) && URL.canParse(text);
}

function labelsOf(t: Translate) {
  return {
    date: t('training.session.date'),
    startsAt: t('training.session.start'),
    endsAt: t('training.session.end'),
    place: t('training.session.place'),
    topic: t('training.session.topic'),
    leaderUserIds: t('training.session.leaders'),
    materials: t('training.session.materials'),
  };
}

/** One session's time, place, topic, leaders and materials (links), changed in place. */
export function SessionEditor({ session, name, onSaved, onCancel }: Props) {
  const t = useT();
  const headingId = useId();
  const start = toLocalInputs(session.startsAt);
  const [date, setDate] = useState(start.date);
  const [startTime, setStartTime] = useState(start.time);
  const [endTime, setEndTime] = useState(toLocalInputs(session.endsAt).time);
  const [place, setPlace] = useState(session.place);
  const [topic, setTopic] = useState(session.topic);
  const [leaderUserIds, setLeaderUserIds] = useState(session.leaders.map((l) => l.id));
  const [materials, setMaterials] = useState<Material[]>(session.materials);
  const leaders = useLeaderOptions();
  const { busy, error, setError, run } = useAction();
  const labels = labelsOf(t);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const startsAt = fromLocalInputs(date, startTime);
    const endsAt = fromLocalInputs(date, endTime);
    const kept = materials.map((m) => ({ label: m.label.trim(), url: m.url.trim() })).filter((m) => m.label || m.url);
    // The API can say that some material is wrong, not which one; the form can.
    const materialErrors = materials.flatMap((m, i) =>
      m.label.trim() || m.url.trim()
        ? [
            [`materials.${i}.label`, m.label.trim() ? undefined : t('training.session.materialLabelMissing', { n: i + 1 })],
            [`materials.${i}.url`, isWebAddress(m.url.trim()) ? undefined : t('training.session.materialUrlInvalid', { n: i + 1 })],
          ]
        : [],
    );
    const invalid = clientValidation(
      {
        date: date ? undefined : t('training.session.dateMissing'),
        startsAt: startsAt ? undefined : t('training.session.timeMissing'),
        endsAt: endsAt ? undefined : t('training.session.timeMissing'),
        ...Object.fromEntries(materialErrors),
      },
      t,
    );
    if (invalid) return setError(invalid);
    const body: SessionPatch = {
      startsAt,
      endsAt,
      place: place.trim(),
      topic: topic.trim(),
      leaderUserIds,
      materials: kept,
    };
    await run(async () => onSaved(await api<SessionView>(`/api/sessions/${session.id}`, { method: 'PATCH', body })));
  };

  const setMaterial = (i: number, change: Partial<Material>) => setMaterials((prev) => prev.map((m, k) => (k === i ? { ...m, ...change } : m)));

  return (
    <section aria-labelledby={headingId} className="pb-stack pb-editor">
      <Heading level={4} data-size="2xs" id={headingId}>
        {t('training.session.editHeading', { session: name })}
      </Heading>
      <FormErrors error={error} labels={labels} />
      <form onSubmit={submit} noValidate className="pb-stack pb-form">
        <Textfield id={fieldId('date')} label={labels.date} type="date" className="pb-narrow-field" value={date} onChange={(e) => setDate(e.target.value)} error={fieldError(error, 'date')} />
        <div className="pb-actions">
          <Textfield id={fieldId('startsAt')} label={labels.startsAt} type="time" value={startTime} onChange={(e) => setStartTime(e.target.value)} error={fieldError(error, 'startsAt')} />
          <Textfield id={fieldId('endsAt')} label={labels.endsAt} type="time" value={endTime} onChange={(e) => setEndTime(e.target.value)} error={fieldError(error, 'endsAt')} />
        </div>
        <Textfield id={fieldId('place')} label={labels.place} value={place} onChange={(e) => setPlace(e.target.value)} error={fieldError(error, 'place')} />
        <Textfield id={fieldId('topic')} label={labels.topic} description={t('training.session.topicHint')} value={topic} onChange={(e) => setTopic(e.target.value)} error={fieldError(error, 'topic')} />
        <LeaderPicker
          options={leaders}
          legend={labels.leaderUserIds}
          chosen={leaderUserIds}
          onChange={setLeaderUserIds}
          field="leaderUserIds"
          error={fieldError(error, 'leaderUserIds')}
        />
        <Fieldset>
          <Fieldset.Legend id={fieldId('materials')}>{labels.materials}</Fieldset.Legend>
          <Fieldset.Description>{t('training.session.materialsHint')}</Fieldset.Description>
          {materials.map((m, i) => (
            <div key={i} className="pb-material-row">
              <Textfield
                label={t('training.session.materialLabel', { n: i + 1 })}
                value={m.label}
                onChange={(e) => setMaterial(i, { label: e.target.value })}
                error={fieldError(error, `materials.${i}.label`)}
              />
              <Textfield
                label={t('training.session.materialUrl', { n: i + 1 })}
                type="url"
                inputMode="url"
                value={m.url}
                onChange={(e) => setMaterial(i, { url: e.target.value })}
                error={fieldError(error, `materials.${i}.url`)}
              />
              <Button variant="tertiary" data-size="sm" onClick={() => setMaterials((prev) => prev.filter((_, k) => k !== i))}>
                {t('training.session.removeMaterial', { n: i + 1 })}
              </Button>
            </div>
          ))}
          <div>
            <Button variant="secondary" data-size="sm" onClick={() => setMaterials((prev) => [...prev, { label: '', url: '' }])}>
              {t('training.session.addMaterial')}
            </Button>
          </div>
        </Fieldset>
        <div className="pb-actions">
          <Button type="submit" loading={busy}>
            {t('training.session.save')}
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </section>
  );
}
