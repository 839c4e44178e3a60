import { useState, type FormEvent } from 'react';
import { Button, Field, Heading, Label, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import type { ReflectionTaskView } from '../../../shared/contracts/training-work.ts';
import { api, ApiError } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { clientValidation, fieldError, fieldId, FormErrors } from '../../ui/form-errors.tsx';
import { useAction } from '../recruitment/use-action.ts';
import { participantApi } from './participant-api.ts';

// The cohort page holds other forms: this one's field ids carry a prefix so none is used twice.
const prefix = (name: string) => `task-${name}`;
function prefixed(error: ApiError | null): ApiError | null {
  if (!error) return null;
  return new ApiError(error.status, error.code, error.message, Object.fromEntries(Object.entries(error.fields).map(([k, v]) => [prefix(k), v])));
}

/** Friday of a week of the course: the natural due date of that week's homework. */
function fridayOf(startsOn: string, week: number): string {
  const day = new Date(`${startsOn}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + (week - 1) * 7 + 4);
  return day.toISOString().slice(0, 10);
}

interface Props {
  cohortId: string;
  startsOn: string;
  /** The course's reflection weeks: the only weeks a task may belong to (seed 002). */
  weeks: readonly number[];
  onAdded: (task: ReflectionTaskView) => void;
}

/** Adds a reflection task; choosing a week suggests that week's Friday as the due date. */
export function TaskForm({ cohortId, startsOn, weeks, onAdded }: Props) {
  const { t } = useI18n();
  const [week, setWeek] = useState('');
  const [title, setTitle] = useState('');
  const [instructions, setInstructions] = useState('');
  const [dueOn, setDueOn] = useState('');
  const { busy, error: apiError, setError, run } = useAction();
  const error = prefixed(apiError);
  const label = { week: t('trainingWork.tasks.week'), title: t('trainingWork.tasks.title'), instructions: t('trainingWork.tasks.instructions'), dueOn: t('trainingWork.tasks.due') };
  const labels = Object.fromEntries(Object.entries(label).map(([k, v]) => [prefix(k), v]));
  const weekError = fieldError(error, prefix('week'));

  const chooseWeek = (value: string) => {
    setWeek(value);
    if (value && !dueOn) setDueOn(fridayOf(startsOn, Number(value)));
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing = clientValidation(
      {
        week: week ? undefined : t('trainingWork.tasks.weekRequired'),
        title: title.trim() ? undefined : t('trainingWork.tasks.titleRequired'),
        dueOn: dueOn ? undefined : t('trainingWork.tasks.dueRequired'),
      },
      t,
    );
    if (missing) return setError(missing);
    await run(async () => {
      onAdded(await api<ReflectionTaskView>(participantApi.tasks, { method: 'POST', body: { cohortId, week: Number(week), title, instructions, dueOn } }));
      setWeek('');
      setTitle('');
      setInstructions('');
      setDueOn('');
    });
  };

  return (
    <section aria-labelledby="task-form-heading" className="pb-stack">
      <Heading level={3} data-size="xs" id="task-form-heading">
        {t('trainingWork.tasks.add')}
      </Heading>
      <FormErrors error={error} labels={labels} />
      <form noValidate className="pb-stack pb-form" onSubmit={(e) => void submit(e)}>
        <Field>
          <Label htmlFor={fieldId(prefix('week'))}>{label.week}</Label>
          <Field.Description>{t('trainingWork.tasks.weekHint')}</Field.Description>
          <Select id={fieldId(prefix('week'))} className="pb-narrow-field" value={week} onChange={(e) => chooseWeek(e.target.value)} aria-invalid={weekError ? true : undefined}>
            <Select.Option value="">{t('trainingWork.tasks.chooseWeek')}</Select.Option>
            {weeks.map((w) => (
              <Select.Option key={w} value={String(w)}>
                {t('trainingWork.tasks.weekOption', { week: w })}
              </Select.Option>
            ))}
          </Select>
          {weekError && <ValidationMessage>{weekError}</ValidationMessage>}
        </Field>
        <Textfield id={fieldId(prefix('title'))} label={label.title} value={title} onChange={(e) => setTitle(e.target.value)} error={fieldError(error, prefix('title'))} />
        <Textfield
          id={fieldId(prefix('instructions'))}
          label={label.instructions}
          description={t('trainingWork.tasks.instructionsHint')}
          multiline
          rows={5}
          value={instructions}
          onChange={(e) => setInstructions(e.target.value)}
          error={fieldError(error, prefix('instructions'))}
        />
        <Textfield id={fieldId(prefix('dueOn'))} label={label.dueOn} type="date" className="pb-narrow-field" value={dueOn} onChange={(e) => setDueOn(e.target.value)} error={fieldError(error, prefix('dueOn'))} />
        <div>
          <Button type="submit" loading={busy}>
            {t('trainingWork.tasks.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
