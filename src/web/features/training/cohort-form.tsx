import { useState, type FormEvent } from 'react';
import { Button, Checkbox, Field, Fieldset, Label, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import type { IntakeView } from '../../../shared/contracts/recruitment.ts';
import type { CohortBody, CohortCreated, CourseView, LeaderOption } from '../../../shared/contracts/training.ts';
import { api, type Page } from '../../app/api.ts';
import { useI18n, type Translate } from '../../app/i18n.tsx';
import { useResource } from '../../app/use-api.ts';
import { clientValidation, fieldError, fieldId, FormErrors } from '../../ui/form-errors.tsx';
import { LoadError } from '../../ui/status.tsx';
import { localized } from '../recruitment/recruitment-format.ts';
import { useAction } from '../recruitment/use-action.ts';
import { LeaderPicker, useLeaderOptions } from './leader-picker.tsx';
import { isMonday } from './training-format.ts';

interface Values {
  courseId: string;
  title: string;
  startsOn: string;
  place: string;
  intakeId: string;
  unitId: string;
  capacity: string;
  leaderUserIds: string[];
  /** Recovery College: which chosen leaders lead from lived experience (the catalogue shows both kinds). */
  livedExperience: string[];
  keepHolidays: boolean;
}

interface Unit {
  id: string;
  name: string;
}

function labelsOf(t: Translate) {
  return {
    courseId: t('training.form.course'),
    title: t('training.form.title'),
    startsOn: t('training.form.startsOn'),
    place: t('training.form.place'),
    intakeId: t('training.form.intake'),
    unitId: t('training.form.unit'),
    capacity: t('training.form.capacity'),
    leaderUserIds: t('training.form.leaders'),
    leaders: t('training.form.coLeaders'),
    keepHolidays: t('training.form.keepHolidays'),
  };
}

function toBody(v: Values, course: CourseView | undefined, people: readonly LeaderOption[]): CohortBody {
  const kind = course?.kind;
  const chosen = people.filter((p) => v.leaderUserIds.includes(p.id));
  return {
    courseId: v.courseId,
    title: v.title.trim(),
    startsOn: v.startsOn,
    place: v.place.trim(),
    intakeId: kind === 'peer_training' && v.intakeId ? v.intakeId : undefined,
    unitId: kind === 'staff_introduction' && v.unitId ? v.unitId : undefined,
    capacity: kind === 'recovery_college' && v.capacity.trim() ? Number(v.capacity) : undefined,
    leaderUserIds: chosen.map((p) => p.id),
    leaders: kind === 'recovery_college' ? chosen.map((p) => ({ userId: p.id, name: p.name, livedExperience: v.livedExperience.includes(p.id) })) : [],
    keepHolidays: v.keepHolidays,
  };
}

/** A peer chosen as leader leads from lived experience unless the team says otherwise. */
function withPeersAdded(prev: Values, ids: readonly string[], people: readonly LeaderOption[]): string[] {
  const added = ids.filter((id) => !prev.leaderUserIds.includes(id) && people.some((p) => p.id === id && p.role === 'peer'));
  return [...prev.livedExperience.filter((id) => ids.includes(id)), ...added];
}

/** The cohort's course, dates, place and leaders, and what only some kinds of course have. */
export function CohortForm({ courses, initialCourseId, onCreated }: { courses: readonly CourseView[]; initialCourseId: string; onCreated: (c: CohortCreated) => void }) {
  const { t, locale } = useI18n();
  const [v, setV] = useState<Values>({
    courseId: initialCourseId,
    title: '',
    startsOn: '',
    place: '',
    intakeId: '',
    unitId: '',
    capacity: '',
    leaderUserIds: [],
    livedExperience: [],
    keepHolidays: false,
  });
  const course = courses.find((c) => c.id === v.courseId);
  const kind = course?.kind;
  const leaders = useLeaderOptions();
  const intakes = useResource<Page<IntakeView>>(kind === 'peer_training' ? '/api/intakes?limit=200' : null);
  const units = useResource<Page<Unit>>(kind === 'staff_introduction' ? '/api/units?limit=200' : null);
  const { busy, error, setError, run } = useAction();
  const labels = labelsOf(t);
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setV((prev) => ({ ...prev, [key]: value }));
  const people = leaders.data?.items ?? [];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const invalid = clientValidation(
      {
        courseId: course ? undefined : t('training.form.courseMissing'),
        title: v.title.trim() ? undefined : t('training.form.titleMissing'),
        startsOn: isMonday(v.startsOn) ? undefined : t('training.form.notMonday'),
      },
      t,
    );
    if (invalid) return setError(invalid);
    await run(async () => onCreated(await api<CohortCreated>('/api/cohorts', { method: 'POST', body: toBody(v, course, people) })));
  };

  const select = (name: 'courseId' | 'intakeId' | 'unitId', options: { value: string; label: string }[], empty: string, description?: string) => (
    <Field>
      <Label htmlFor={fieldId(name)}>{labels[name]}</Label>
      {description && <Field.Description>{description}</Field.Description>}
      <Select id={fieldId(name)} value={v[name]} onChange={(e) => set(name, e.target.value)} aria-invalid={fieldError(error, name) ? true : undefined}>
        <Select.Option value="">{empty}</Select.Option>
        {options.map((o) => (
          <Select.Option key={o.value} value={o.value}>
            {o.label}
          </Select.Option>
        ))}
      </Select>
      {fieldError(error, name) && <ValidationMessage>{fieldError(error, name)}</ValidationMessage>}
    </Field>
  );

  return (
    <>
      <FormErrors error={error} labels={labels} />
      <form onSubmit={submit} noValidate className="pb-stack pb-form">
        {select(
          'courseId',
          courses.map((c) => ({ value: c.id, label: `${localized(c.title, locale)} (${t(`training.kind.${c.kind}`)})` })),
          t('training.form.chooseCourse'),
        )}
        <Textfield
          id={fieldId('title')}
          label={labels.title}
          description={t('training.form.titleHint')}
          value={v.title}
          onChange={(e) => set('title', e.target.value)}
          error={fieldError(error, 'title')}
        />
        <Textfield
          id={fieldId('startsOn')}
          label={labels.startsOn}
          description={t('training.form.startsOnHint')}
          type="date"
          className="pb-narrow-field"
          value={v.startsOn}
          onChange={(e) => set('startsOn', e.target.value)}
          error={fieldError(error, 'startsOn')}
        />
        <Textfield
          id={fieldId('place')}
          label={labels.place}
          description={t('training.form.placeHint')}
          value={v.place}
          onChange={(e) => set('place', e.target.value)}
          error={fieldError(error, 'place')}
        />
        {kind === 'peer_training' &&
          select(
            'intakeId',
            (intakes.data?.items ?? []).map((i) => ({ value: i.id, label: i.title })),
            t('training.form.noIntake'),
            t('training.form.intakeHint'),
          )}
        {kind === 'staff_introduction' && select('unitId', (units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name })), t('training.form.chooseUnit'))}
        {kind === 'staff_introduction' && units.error && <LoadError error={units.error} onRetry={units.reload} />}
        {kind === 'recovery_college' && (
          <Textfield
            id={fieldId('capacity')}
            label={labels.capacity}
            description={t('training.form.capacityHint')}
            inputMode="numeric"
            className="pb-narrow-field"
            value={v.capacity}
            onChange={(e) => set('capacity', e.target.value)}
            error={fieldError(error, 'capacity')}
          />
        )}
        <LeaderPicker
          options={leaders}
          legend={labels.leaderUserIds}
          description={t('training.form.leadersHint')}
          chosen={v.leaderUserIds}
          onChange={(ids) => setV((prev) => ({ ...prev, leaderUserIds: ids, livedExperience: withPeersAdded(prev, ids, people) }))}
          field="leaderUserIds"
          error={fieldError(error, 'leaderUserIds')}
        />
        {kind === 'recovery_college' && v.leaderUserIds.length > 0 && (
          <Fieldset>
            <Fieldset.Legend>{labels.leaders}</Fieldset.Legend>
            <Fieldset.Description>{t('training.form.coLeadersHint')}</Fieldset.Description>
            {people
              .filter((p) => v.leaderUserIds.includes(p.id))
              .map((p, i) => (
                <Checkbox
                  key={p.id}
                  id={i === 0 ? fieldId('leaders') : undefined}
                  label={t('training.form.livedExperienceOf', { name: p.name })}
                  checked={v.livedExperience.includes(p.id)}
                  onChange={(e) => set('livedExperience', e.target.checked ? [...v.livedExperience, p.id] : v.livedExperience.filter((x) => x !== p.id))}
                />
              ))}
            {fieldError(error, 'leaders') && <ValidationMessage>{fieldError(error, 'leaders')}</ValidationMessage>}
          </Fieldset>
        )}
        <Checkbox
          id={fieldId('keepHolidays')}
          label={labels.keepHolidays}
          description={t('training.form.keepHolidaysHint')}
          checked={v.keepHolidays}
          onChange={(e) => set('keepHolidays', e.target.checked)}
        />
        <div>
          <Button type="submit" loading={busy}>
            {t('training.form.create')}
          </Button>
        </div>
      </form>
    </>
  );
}
