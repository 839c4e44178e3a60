import { Fieldset, Heading, Radio, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import type { PublicIntakeView } from '../../../shared/contracts/recruitment.ts';
import { useT } from '../../app/i18n.tsx';
import { fieldId } from '../../ui/form-errors.tsx';
import type { Placed } from './apply-errors.tsx';
import type { ApplyValues } from './apply-values.ts';

interface Props {
  intake: PublicIntakeView;
  values: ApplyValues;
  onChange: (patch: Partial<ApplyValues>) => void;
  placed: Placed;
}

/** Who is applying and on which track: one question per line, labels above the fields. */
export function AboutYouSection({ intake, values, onChange, placed }: Props) {
  const t = useT();
  return (
    <section aria-labelledby="apply-about" className="pb-stack">
      <Heading level={2} data-size="sm" id="apply-about">
        {t('apply.about.heading')}
      </Heading>
      <Textfield
        id={fieldId('name')}
        label={t('apply.field.name')}
        autoComplete="name"
        value={values.name}
        onChange={(e) => onChange({ name: e.target.value })}
        error={placed.name}
      />
      <Textfield
        id={fieldId('email')}
        label={t('apply.field.email')}
        description={t('apply.field.emailHint')}
        type="email"
        inputMode="email"
        autoComplete="email"
        spellCheck={false}
        value={values.email}
        onChange={(e) => onChange({ email: e.target.value })}
        error={placed.email}
      />
      <Textfield
        id={fieldId('phone')}
        label={t('apply.field.phone')}
        type="tel"
        autoComplete="tel"
        className="pb-narrow-field"
        value={values.phone}
        onChange={(e) => onChange({ phone: e.target.value })}
        error={placed.phone}
      />
      <Textfield
        id={fieldId('municipality')}
        label={t('apply.field.municipality')}
        autoComplete="address-level2"
        className="pb-narrow-field"
        value={values.municipality}
        onChange={(e) => onChange({ municipality: e.target.value })}
        error={placed.municipality}
      />
      <Fieldset>
        <Fieldset.Legend>{t('apply.field.track')}</Fieldset.Legend>
        <Fieldset.Description>{t('apply.field.trackHint')}</Fieldset.Description>
        {intake.tracks.map((track, i) => (
          <Radio
            key={track}
            id={i === 0 ? fieldId('track') : undefined}
            name="track"
            value={track}
            label={t(`apply.track.${track}`)}
            checked={values.track === track}
            onChange={() => onChange({ track })}
          />
        ))}
        {placed.track && <ValidationMessage>{placed.track}</ValidationMessage>}
      </Fieldset>
    </section>
  );
}
