import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { Button, Checkbox, Fieldset, Radio, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { tracks, type Criterion, type IntakeBody, type IntakeView, type ScenarioQuestion, type Track } from '../../../shared/contracts/recruitment.ts';
import { api } from '../../app/api.ts';
import { useT, type Translate } from '../../app/i18n.tsx';
import { clientValidation, fieldError, fieldId, FormErrors } from '../../ui/form-errors.tsx';
import { fromLocalInputs, toLocalInputs } from './recruitment-format.ts';
import { IntakeItemsEditor, newItem, type EditableItem } from './intake-items-editor.tsx';
import { useAction } from './use-action.ts';

const statuses = ['draft', 'open', 'closed'] as const;

export interface IntakeFormValues {
  title: string;
  courseName: string;
  description: string;
  tracks: Track[];
  deadlineDate: string;
  deadlineTime: string;
  places: string;
  decisionDays: string;
  retentionMonths: string;
  status: (typeof statuses)[number];
  criteria: EditableItem[];
  questions: EditableItem[];
}

export function valuesFromDefaults(defaults: { criteria: Criterion[]; questions: ScenarioQuestion[] }): IntakeFormValues {
  return {
    title: '',
    courseName: '',
    description: '',
    tracks: [...tracks],
    deadlineDate: '',
    deadlineTime: '23:59',
    places: '',
    decisionDays: '7',
    retentionMonths: '12',
    status: 'draft',
    // The defaults are the program's list, not saved items: they get their ids on saving.
    criteria: defaults.criteria.map((c) => newItem({ level: c.level, text: c.label })),
    questions: defaults.questions.map((q) => newItem({ text: q.text })),
  };
}

export function valuesFromIntake(intake: IntakeView): IntakeFormValues {
  const deadline = toLocalInputs(intake.deadline);
  return {
    title: intake.title,
    courseName: intake.courseName,
    description: intake.description,
    tracks: intake.tracks,
    deadlineDate: deadline.date,
    deadlineTime: deadline.time,
    places: String(intake.places),
    decisionDays: String(intake.decisionDays),
    retentionMonths: String(intake.retentionMonths),
    status: intake.status,
    criteria: intake.criteria.map((c) => newItem({ id: c.id, level: c.level, text: c.label })),
    questions: intake.questions.map((q) => newItem({ id: q.id, text: q.text })),
  };
}

function toBody(v: IntakeFormValues): Partial<IntakeBody> {
  const number = (s: string) => (s.trim() === '' ? undefined : Number(s));
  const text = (item: EditableItem) => ({ sv: item.text.sv.trim() || undefined, da: item.text.da.trim() || undefined, en: item.text.en.trim() || undefined });
  return {
    title: v.title,
    courseName: v.courseName,
    description: v.description,
    tracks: v.tracks,
    deadline: fromLocalInputs(v.deadlineDate, v.deadlineTime),
    places: number(v.places),
    decisionDays: number(v.decisionDays),
    retentionMonths: number(v.retentionMonths),
    status: v.status,
    criteria: v.criteria.map((c) => ({ id: c.id, level: c.level, label: text(c) })),
    questions: v.questions.map((q) => ({ id: q.id, text: text(q) })),
  };
}

function intakeFieldLabels(t: Translate) {
  return {
    title: t('recruitment.form.title'),
    courseName: t('recruitment.form.courseName'),
    description: t('recruitment.form.description'),
    tracks: t('recruitment.form.tracks'),
    deadline: t('recruitment.form.deadline'),
    places: t('recruitment.form.places'),
    decisionDays: t('recruitment.form.decisionDays'),
    retentionMonths: t('recruitment.form.retentionMonths'),
    status: t('recruitment.form.status'),
    criteria: t('recruitment.form.criteria'),
    questions: t('recruitment.form.questions'),
  };
}

/** The intake's fields; saving creates it (POST) or changes it (PATCH) and opens its pipeline. */
export function IntakeForm({ initial, intakeId }: { initial: IntakeFormValues; intakeId?: string }) {
  const t = useT();
  const navigate = useNavigate();
  const [v, setV] = useState(initial);
  const { busy, error, setError, run } = useAction();
  const labels = intakeFieldLabels(t);
  const set = <K extends keyof IntakeFormValues>(key: K, value: IntakeFormValues[K]) => setV((prev) => ({ ...prev, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // The API can say that some item lacks a text, not which one; the form can.
    const empty = (field: 'criteria' | 'questions', label: 'recruitment.form.criterionN' | 'recruitment.form.questionN') =>
      v[field].flatMap((item, i) => (Object.values(item.text).some((x) => x.trim()) ? [] : [[`${field}.${i}`, t('recruitment.form.itemEmpty', { item: t(label, { n: i + 1 }) })]]));
    const invalid = clientValidation(Object.fromEntries([...empty('criteria', 'recruitment.form.criterionN'), ...empty('questions', 'recruitment.form.questionN')]), t);
    if (invalid) return setError(invalid);
    await run(async () => {
      const saved = await api<IntakeView>(intakeId ? `/api/intakes/${intakeId}` : '/api/intakes', {
        method: intakeId ? 'PATCH' : 'POST',
        body: toBody(v),
      });
      navigate(`/recruitment/intakes/${saved.id}`, { state: { notice: intakeId ? 'recruitment.intake.saved' : 'recruitment.intake.created' } });
    });
  };

  const toggleTrack = (track: Track, on: boolean) =>
    set('tracks', tracks.filter((x) => (x === track ? on : v.tracks.includes(x))));
  const text = (name: 'title' | 'courseName' | 'places' | 'decisionDays' | 'retentionMonths', extra: { description?: string; numeric?: boolean } = {}) => (
    <Textfield
      id={fieldId(name)}
      label={labels[name]}
      description={extra.description}
      inputMode={extra.numeric ? 'numeric' : undefined}
      className={extra.numeric ? 'pb-narrow-field' : undefined}
      value={v[name]}
      onChange={(e) => set(name, e.target.value)}
      error={fieldError(error, name)}
    />
  );

  return (
    <>
      <FormErrors error={error} labels={labels} />
      <form onSubmit={submit} noValidate className="pb-stack pb-form">
        {text('title', { description: t('recruitment.form.titleHint') })}
        {text('courseName')}
        <Textfield
          id={fieldId('description')}
          label={labels.description}
          description={t('recruitment.form.descriptionHint')}
          multiline
          rows={4}
          value={v.description}
          onChange={(e) => set('description', e.target.value)}
          error={fieldError(error, 'description')}
        />
        <Fieldset>
          <Fieldset.Legend>{labels.tracks}</Fieldset.Legend>
          {tracks.map((track, i) => (
            <Checkbox
              key={track}
              id={i === 0 ? fieldId('tracks') : undefined}
              label={t(`recruitment.track.${track}`)}
              checked={v.tracks.includes(track)}
              onChange={(e) => toggleTrack(track, e.target.checked)}
            />
          ))}
          {fieldError(error, 'tracks') && <ValidationMessage>{fieldError(error, 'tracks')}</ValidationMessage>}
        </Fieldset>
        <Fieldset>
          <Fieldset.Legend>{labels.deadline}</Fieldset.Legend>
          <Fieldset.Description>{t('recruitment.form.deadlineHint')}</Fieldset.Description>
          <div className="pb-actions">
            <Textfield id={fieldId('deadline')} label={t('recruitment.form.date')} type="date" value={v.deadlineDate} onChange={(e) => set('deadlineDate', e.target.value)} />
            <Textfield label={t('recruitment.form.time')} type="time" value={v.deadlineTime} onChange={(e) => set('deadlineTime', e.target.value)} />
          </div>
          {fieldError(error, 'deadline') && <ValidationMessage>{fieldError(error, 'deadline')}</ValidationMessage>}
        </Fieldset>
        {text('places', { numeric: true })}
        {text('decisionDays', { numeric: true, description: t('recruitment.form.decisionDaysHint') })}
        {text('retentionMonths', { numeric: true, description: t('recruitment.form.retentionMonthsHint') })}
        <Fieldset>
          <Fieldset.Legend>{labels.status}</Fieldset.Legend>
          {statuses.map((status, i) => (
            <Radio
              key={status}
              id={i === 0 ? fieldId('status') : undefined}
              name="status"
              value={status}
              label={t(`recruitment.intakeStatus.${status}`)}
              description={t(`recruitment.form.status.${status}`)}
              checked={v.status === status}
              onChange={() => set('status', status)}
            />
          ))}
        </Fieldset>
        <IntakeItemsEditor
          field="criteria"
          legend={labels.criteria}
          description={t('recruitment.form.criteriaHint')}
          itemLabel={(n) => t('recruitment.form.criterionN', { n })}
          addLabel={t('recruitment.form.addCriterion')}
          items={v.criteria}
          onChange={(items) => set('criteria', items)}
          error={error}
        />
        <IntakeItemsEditor
          field="questions"
          legend={labels.questions}
          description={t('recruitment.form.questionsHint')}
          itemLabel={(n) => t('recruitment.form.questionN', { n })}
          addLabel={t('recruitment.form.addQuestion')}
          items={v.questions}
          onChange={(items) => set('questions', items)}
          error={error}
        />
        <div>
          <Button type="submit" loading={busy}>
            {t(intakeId ? 'common.save' : 'recruitment.form.create')}
          </Button>
        </div>
      </form>
    </>
  );
}
