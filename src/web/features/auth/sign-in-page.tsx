import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { Alert, Button, Heading, Link, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { serverText, type ServerTextKey } from '../../../shared/i18n/errors.ts';
import { ApiError } from '../../app/api.ts';
import { useAuth } from '../../app/auth.tsx';
import { useI18n } from '../../app/i18n.tsx';
import { useResource } from '../../app/use-api.ts';
import { clientValidation, fieldError, fieldId, FormErrors } from '../../ui/form-errors.tsx';
import { Page } from '../../ui/page.tsx';
import { RouterLink } from '../../ui/router-link.tsx';

interface SignInOption {
  tenantName: string;
  displayName: string;
  startUrl: string;
}

/** Only paths inside this app, so a crafted link cannot send someone elsewhere after sign-in. */
function safeNext(value: string | null): string {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : '/';
}

export function SignInPage() {
  const { t, locale } = useI18n();
  const { state, signIn } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const options = useResource<{ items: SignInOption[] }>('/api/public/sign-in-options');

  // An organisation sign-in that failed comes back here with ?error=CODE.
  const returnedCode = params.get('error');
  const returnedKey = `error.${returnedCode ?? ''}`;
  const returnedMessage = returnedCode && isServerKey(returnedKey) ? serverText(locale, returnedKey) : null;

  if (state.status === 'signedIn') return <Navigate to={next} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const invalid = clientValidation(
      { email: email.trim() ? undefined : t('signIn.emailRequired'), password: password ? undefined : t('signIn.passwordRequired') },
      t,
    );
    setError(invalid);
    if (invalid) return;
    setBusy(true);
    try {
      await signIn(email.trim(), password);
      navigate(next, { replace: true });
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'INTERNAL', ''));
      setBusy(false);
    }
  };

  const labels = { email: t('signIn.email'), password: t('signIn.password') };
  const orgOptions = options.data?.items ?? [];

  return (
    <Page title={t('signIn.title')}>
      {returnedMessage && !error && <Alert data-color="danger">{returnedMessage}</Alert>}
      <FormErrors error={error} labels={labels} />
      <Paragraph>{t('signIn.intro')}</Paragraph>
      <form onSubmit={submit} noValidate className="pb-stack pb-form">
        <Textfield
          id={fieldId('email')}
          label={labels.email}
          type="email"
          name="email"
          autoComplete="username"
          inputMode="email"
          spellCheck={false}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={fieldError(error, 'email')}
        />
        <Textfield
          id={fieldId('password')}
          label={labels.password}
          type="password"
          name="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fieldError(error, 'password')}
        />
        <div>
          <Button type="submit" loading={busy}>
            {t('signIn.submit')}
          </Button>
        </div>
      </form>
      <Paragraph>
        <RouterLink to="/forgot-password">{t('password.forgotLink')}</RouterLink>
      </Paragraph>
      {orgOptions.length > 0 && (
        <section className="pb-stack" aria-labelledby="org-sign-in">
          <Heading level={2} data-size="xs" id="org-sign-in">
            {t('signIn.orgHeading')}
          </Heading>
          <ul className="pb-plain-list">
            {orgOptions.map((o) => (
              <li key={o.startUrl}>
                <Link href={o.startUrl}>{t('signIn.orgLink', { name: o.displayName || o.tenantName })}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </Page>
  );
}

function isServerKey(key: string): key is ServerTextKey {
  try {
    serverText('sv', key as ServerTextKey);
    return true;
  } catch {
    return false;
  }
}
