import { useState, type FormEvent } from 'react';
import { Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import type { ApiError } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { fieldError, fieldId, FormErrors } from '../../ui/form-errors.tsx';
import { asApiError, publicApi } from './public-api.ts';

/** "Send me my link again": the answer is the same whether or not the address has applied. */
export function ResendLinkForm() {
  const { t, locale } = useI18n();
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await publicApi('/api/public/applications/resend-link', { locale, method: 'POST', body: { email: email.trim() } });
      setSentTo(email.trim());
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <FormErrors error={error} labels={{ email: t('apply.field.email') }} />
      <form onSubmit={submit} noValidate className="pb-stack pb-form">
        <Textfield
          id={fieldId('email')}
          label={t('apply.field.email')}
          description={t('apply.resend.hint')}
          type="email"
          inputMode="email"
          autoComplete="email"
          spellCheck={false}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={fieldError(error, 'email')}
        />
        <div>
          <Button type="submit" loading={busy} aria-disabled={busy || undefined}>
            {t('apply.resend.submit')}
          </Button>
        </div>
      </form>
      <Paragraph role="status" className={sentTo ? 'pb-calm' : undefined}>
        {sentTo ? t('apply.resend.sent', { email: sentTo }) : ''}
      </Paragraph>
    </>
  );
}
