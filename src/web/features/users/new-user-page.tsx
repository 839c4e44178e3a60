import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { Button, Textfield } from '@digdir/designsystemet-react';
import type { UserView } from '../../../shared/contracts/users.ts';
import { api, ApiError } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { fieldError, fieldId, FormErrors } from '../../ui/form-errors.tsx';
import { Page } from '../../ui/page.tsx';
import { RouterLink } from '../../ui/router-link.tsx';
import { UserFields, userFieldLabels, type UserFormValues } from './user-fields.tsx';

export function NewUserPage() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [values, setValues] = useState<UserFormValues>({ name: '', locale, roles: [] });
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const labels = userFieldLabels(t);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = { email: email.trim(), ...values, name: values.name.trim(), password: password || undefined };
      const user = await api<UserView>('/api/users', { method: 'POST', body });
      navigate(`/admin/users/${user.id}`, { state: { notice: 'users.created' } });
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'INTERNAL', ''));
      setBusy(false);
    }
  };

  return (
    <Page title={t('users.new')}>
      <p>
        <RouterLink to="/admin/users">{t('users.back')}</RouterLink>
      </p>
      <FormErrors error={error} labels={labels} />
      <form onSubmit={submit} noValidate className="pb-stack pb-form">
        <Textfield
          id={fieldId('email')}
          label={labels.email}
          type="email"
          autoComplete="off"
          spellCheck={false}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={fieldError(error, 'email')}
        />
        <UserFields values={values} onChange={setValues} error={error} />
        <Textfield
          id={fieldId('password')}
          label={labels.password}
          description={t('users.field.passwordHint')}
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fieldError(error, 'password')}
        />
        <div>
          <Button type="submit" loading={busy}>
            {t('users.create')}
          </Button>
        </div>
      </form>
    </Page>
  );
}
