import { useId, useState } from 'react';
import { Button, Field, Heading, Label, Paragraph, Select } from '@digdir/designsystemet-react';
import { isLocale, locales } from '../../../shared/i18n/locale.ts';
import type { ApiError } from '../../app/api.ts';
import { useAuth, useCan } from '../../app/auth.tsx';
import { localeNames, useI18n } from '../../app/i18n.tsx';
import { AccessLogTable } from '../persons/access-log-table.tsx';
import { FormErrors } from '../../ui/form-errors.tsx';
import { Page } from '../../ui/page.tsx';
import { Saved } from '../../ui/status.tsx';
import { ApiTokens } from './api-tokens.tsx';

export function SettingsPage() {
  const { t } = useI18n();
  const can = useCan();
  return (
    <Page title={t('settings.title')}>
      <LanguageSetting />
      <section aria-labelledby="my-data" className="pb-stack">
        <Heading level={2} data-size="sm" id="my-data">
          {t('settings.accessLog')}
        </Heading>
        <Paragraph>{t('settings.accessLogIntro')}</Paragraph>
        <AccessLogTable path="/api/me/access-log" />
        <div>
          <Button asChild variant="secondary">
            <a href="/api/me/export" download="peerbridge-my-data.json">
              {t('settings.export')}
            </a>
          </Button>
        </div>
      </section>
      {can('api_tokens.own') && <ApiTokens />}
    </Page>
  );
}

/** The same choice as in the header, explained, and confirmed once it is stored on the account. */
function LanguageSetting() {
  const { t, locale } = useI18n();
  const { changeLocale } = useAuth();
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const id = useId();

  const change = async (value: string) => {
    if (!isLocale(value)) return;
    setSaved(false);
    setError(null);
    try {
      await changeLocale(value);
      setSaved(true);
    } catch (e) {
      setError(e as ApiError);
    }
  };

  return (
    <section aria-labelledby="language-heading" className="pb-stack">
      <Heading level={2} data-size="sm" id="language-heading">
        {t('settings.language')}
      </Heading>
      <FormErrors error={error} labels={{}} />
      <Field>
        <Label htmlFor={id}>{t('settings.languageLabel')}</Label>
        <Field.Description>{t('settings.languageHint')}</Field.Description>
        <Select id={id} width="auto" value={locale} onChange={(e) => void change(e.target.value)}>
          {locales.map((l) => (
            <Select.Option key={l} value={l} lang={l}>
              {localeNames[l]}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Saved>{saved ? t('settings.languageSaved') : null}</Saved>
    </section>
  );
}
