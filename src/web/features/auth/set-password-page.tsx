import { useEffect, useState, type FormEvent } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { Alert, Button, Checkbox, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { PASSWORD_MIN_LENGTH, type PasswordSetupResult } from '../../../shared/contracts/password.ts';
import { api, ApiError } from '../../app/api.ts';
import { useT, type Translate } from '../../app/i18n.tsx';
import { clientValidation, fieldError, fieldId, FormErrors } from '../../ui/form-errors.tsx';
import { Page } from '../../ui/page.tsx';
import { RouterLink } from '../../ui/router-link.tsx';

type Outcome = { kind: 'form' } | { kind: 'refused' } | { kind: 'done'; email: string };

/**
 * `/set-password#<token>`: the link from a welcome or forgot-password e-mail. Choosing the password
 * does not sign in; the page then points to sign-in.
 */
export function SetPasswordPage() {
  const t = useT();
  const location = useLocation();
  const navigate = useNavigate();
  const [token] = useState(() => (location.hash.length > 1 ? decodeURIComponent(location.hash.slice(1)) : null));
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'form' });

  useEffect(() => {
    // The link opens the account: keep it out of the history and off a screen someone may glance at.
    if (location.hash) navigate({ pathname: location.pathname, search: location.search }, { replace: true });
  }, [location.hash, location.pathname, location.search, navigate]);

  useEffect(() => {
    // The form is replaced by the outcome: reading starts again from the top, where the news stands.
    if (outcome.kind !== 'form') document.getElementById('main')?.focus();
  }, [outcome.kind]);

  if (outcome.kind === 'done') {
    return (
      <Page title={t('password.doneTitle')}>
        <Paragraph>{t('password.doneText', { email: outcome.email })}</Paragraph>
        <Paragraph>
          <RouterLink to={`/sign-in?email=${encodeURIComponent(outcome.email)}`}>{t('password.toSignIn')}</RouterLink>
        </Paragraph>
      </Page>
    );
  }
  if (!token || outcome.kind === 'refused') {
    return (
      <Page title={t('password.setTitle')}>
        <Alert data-color="info">{t(token ? 'password.linkRefused' : 'password.noLink')}</Alert>
        <Paragraph>
          <RouterLink to="/forgot-password">{t('password.askNewLink')}</RouterLink>
        </Paragraph>
      </Page>
    );
  }
  return (
    <Page title={t('password.setTitle')}>
      <SetPasswordForm token={token} onOutcome={setOutcome} />
    </Page>
  );
}

function passwordProblem(password: string, t: Translate): string | undefined {
  if (!password) return t('password.required');
  if (password.length < PASSWORD_MIN_LENGTH) return t('password.tooShort', { min: PASSWORD_MIN_LENGTH, length: password.length });
  return undefined;
}

function SetPasswordForm({ token, onOutcome }: { token: string; onOutcome: (outcome: Outcome) => void }) {
  const t = useT();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [shown, setShown] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const problem = passwordProblem(password, t);
    const invalid = clientValidation({ password: problem, repeat: !problem && repeat !== password ? t('password.mismatch') : undefined }, t);
    setError(invalid);
    if (invalid) return;
    setBusy(true);
    try {
      const result = await api<PasswordSetupResult>('/api/public/password-setups', { method: 'POST', body: { token, password }, redirectOn401: false });
      onOutcome({ kind: 'done', email: result.email });
    } catch (e) {
      const failure = e instanceof ApiError ? e : new ApiError(0, 'INTERNAL', '');
      if (failure.fields.token) onOutcome({ kind: 'refused' });
      else setError(failure);
      setBusy(false);
    }
  };

  const labels = { password: t('password.new'), repeat: t('password.repeat') };
  const type = shown ? 'text' : 'password';
  return (
    <>
      <FormErrors error={error} labels={labels} />
      <Paragraph>{t('password.setIntro')}</Paragraph>
      <form onSubmit={submit} noValidate className="pb-stack pb-form">
        <Textfield
          id={fieldId('password')}
          label={labels.password}
          description={t('password.rule', { min: PASSWORD_MIN_LENGTH })}
          type={type}
          autoComplete="new-password"
          autoCapitalize="off"
          spellCheck={false}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fieldError(error, 'password')}
        />
        <Textfield
          id={fieldId('repeat')}
          label={labels.repeat}
          type={type}
          autoComplete="new-password"
          autoCapitalize="off"
          spellCheck={false}
          value={repeat}
          onChange={(e) => setRepeat(e.target.value)}
          error={fieldError(error, 'repeat')}
        />
        <Checkbox id="password-show" label={t('password.show')} checked={shown} onChange={(e) => setShown(e.target.checked)} />
        <div>
          <Button type="submit" loading={busy}>
            {t('password.save')}
          </Button>
        </div>
      </form>
    </>
  );
}
