import { useState, type FormEvent } from 'react';
import { Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { api, ApiError } from '../../app/api.ts';
import { useT } from '../../app/i18n.tsx';
import { clientValidation, fieldError, fieldId, FormErrors } from '../../ui/form-errors.tsx';
import { Page } from '../../ui/page.tsx';
import { RouterLink } from '../../ui/router-link.tsx';

/** `/forgot-password`: asks for a link to choose a new password; the answer never tells whether the address has an account. */
export function ForgotPasswordPage() {
  const t = useT();
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const address = email.trim();
    const invalid = clientValidation({ email: address ? undefined : t('password.emailRequired') }, t);
    setError(invalid);
    setSentTo(null);
    if (invalid) return;
    setBusy(true);
    try {
      await api('/api/public/password-resets', { method: 'POST', body: { email: address }, redirectOn401: false });
      setSentTo(address);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'INTERNAL', ''));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title={t('password.forgotTitle')}>
      <FormErrors error={error} labels={{ email: t('password.email') }} />
      <Paragraph>{t('password.forgotIntro')}</Paragraph>
      <form onSubmit={submit} noValidate className="pb-stack pb-form">
        <Textfield
          id={fieldId('email')}
          label={t('password.email')}
          type="email"
          inputMode="email"
          autoComplete="username"
          spellCheck={false}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={fieldError(error, 'email')}
        />
        <div>
          <Button type="submit" loading={busy}>
            {t('password.send')}
          </Button>
        </div>
      </form>
      <Paragraph role="status" className={sentTo ? 'pb-calm' : undefined}>
        {sentTo ? t('password.sent', { email: sentTo }) : ''}
      </Paragraph>
      <Paragraph>
        <RouterLink to="/sign-in">{t('password.backToSignIn')}</RouterLink>
      </Paragraph>
    </Page>
  );
}
