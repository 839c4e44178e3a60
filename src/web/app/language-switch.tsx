import { useId } from 'react';
import { Field, Label, Select } from '@digdir/designsystemet-react';
import { isLocale, locales } from '../../shared/i18n/locale.ts';
import { useAuth } from './auth.tsx';
import { localeNames, useI18n } from './i18n.tsx';

/** A native select of the three languages, each named in itself. */
export function LanguageSwitch({ className }: { className?: string }) {
  const { locale, t } = useI18n();
  const { changeLocale } = useAuth();
  const id = useId();
  return (
    <Field className={className} data-size="sm">
      <Label htmlFor={id}>{t('lang.label')}</Label>
      <Select
        id={id}
        width="auto"
        value={locale}
        onChange={(e) => {
          const next = e.target.value;
          if (isLocale(next)) void changeLocale(next).catch(() => undefined);
        }}
      >
        {locales.map((l) => (
          <Select.Option key={l} value={l} lang={l}>
            {localeNames[l]}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}
