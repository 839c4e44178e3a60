import { useState, type FormEvent } from 'react';
import { Button, Field, Fieldset, Heading, Label, Paragraph, Radio, Select, Textfield } from '@digdir/designsystemet-react';
import { tracks, type Track } from '../../../shared/contracts/recruitment.ts';
import type { PlaceResult } from '../../../shared/contracts/training.ts';
import { locales, type Locale } from '../../../shared/i18n/locale.ts';
import { api, ApiError } from '../../app/api.ts';
import { localeNames, useI18n } from '../../app/i18n.tsx';
import { clientValidation, fieldError, fieldId, FormErrors } from '../../ui/form-errors.tsx';
import { Saved } from '../../ui/status.tsx';
import { useAction } from '../recruitment/use-action.ts';
import { placeNotice } from './placement-panel.tsx';

/** Someone who did not apply through an intake, placed by name and e-mail (they get the same e-mail). */
export function AddPersonForm({ cohortId, onPlaced }: { cohortId: string; onPlaced: () => void }) {
  const { t, locale: myLocale } = useI18n();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [track, setTrack] = useState<Track | ''>('');
  const [locale, setLocale] = useState<Locale>(myLocale);
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error, setError, run } = useAction();
  const labels = { name: t('training.addPerson.name'), email: t('training.addPerson.email'), track: t('training.addPerson.track'), locale: t('training.addPerson.locale') };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    const invalid = clientValidation({ name: name.trim() ? undefined : t('training.addPerson.nameMissing'), email: email.trim() ? undefined : t('training.addPerson.emailMissing') }, t);
    if (invalid) return setError(invalid);
    const ok = await run(async () => {
      const person = { name: name.trim(), email: email.trim(), track: track || undefined, locale };
      const result = await api<PlaceResult>(`/api/cohorts/${cohortId}/place`, { method: 'POST', body: { persons: [person] } });
      setNotice(placeNotice(result, t));
    });
    if (ok) {
      setName('');
      setEmail('');
      onPlaced();
    }
  };

  // The API names a hand-added person's fields `persons.0.email`; the form has one person.
  const shown = error && new ApiError(error.status, error.code, error.message, Object.fromEntries(Object.entries(error.fields).map(([k, v]) => [k.replace(/^persons\.0\./, ''), v])));
  const fieldOf = (f: string) => fieldError(shown, f);

  return (
    <section aria-labelledby="add-person" className="pb-stack">
      <Heading level={3} data-size="xs" id="add-person">
        {t('training.addPerson.heading')}
      </Heading>
      <Paragraph data-size="sm">{t('training.addPerson.intro')}</Paragraph>
      <Saved>{notice}</Saved>
      <FormErrors error={shown} labels={labels} />
      <form onSubmit={submit} noValidate className="pb-stack pb-form">
        <Textfield id={fieldId('name')} label={labels.name} autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} error={fieldOf('name')} />
        <Textfield id={fieldId('email')} label={labels.email} type="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} error={fieldOf('email')} />
        <Fieldset>
          <Fieldset.Legend>{labels.track}</Fieldset.Legend>
          <Radio id={fieldId('track')} name="add-person-track" value="" label={t('training.addPerson.noTrack')} checked={track === ''} onChange={() => setTrack('')} />
          {tracks.map((tr) => (
            <Radio key={tr} name="add-person-track" value={tr} label={t(`recruitment.track.${tr}`)} checked={track === tr} onChange={() => setTrack(tr)} />
          ))}
        </Fieldset>
        <Field className="pb-narrow-field">
          <Label htmlFor={fieldId('locale')}>{labels.locale}</Label>
          <Field.Description>{t('training.addPerson.localeHint')}</Field.Description>
          <Select id={fieldId('locale')} value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
            {locales.map((l) => (
              <Select.Option key={l} value={l} lang={l}>
                {localeNames[l]}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <div>
          <Button type="submit" variant="secondary" loading={busy}>
            {t('training.addPerson.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
