import { useEffect, useState, type FormEvent } from 'react';
import { useLocation, useParams } from 'react-router';
import { Button, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import type { UserView } from '../../../shared/contracts/users.ts';
import { api, ApiError } from '../../app/api.ts';
import { useCan } from '../../app/auth.tsx';
import { useI18n } from '../../app/i18n.tsx';
import { useResource } from '../../app/use-api.ts';
import type { Key } from '../../i18n/sv.ts';
import { FormErrors } from '../../ui/form-errors.tsx';
import { Page } from '../../ui/page.tsx';
import { RouterLink } from '../../ui/router-link.tsx';
import { LoadError, Loading, Saved } from '../../ui/status.tsx';
import { UserFields, userFieldLabels, type UserFormValues } from './user-fields.tsx';
import { UserStatusAction } from './user-status-action.tsx';

export function UserPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const resource = useResource<UserView>(`/api/users/${encodeURIComponent(id)}`);
  const [user, setUser] = useState<UserView>();
  const location = useLocation();
  const arrivalNotice = (location.state as { notice?: Key } | null)?.notice;
  const [notice, setNotice] = useState<string | null>(arrivalNotice ? t(arrivalNotice) : null);

  useEffect(() => setUser(resource.data), [resource.data]);

  if (resource.error) {
    return (
      <Page title={t('users.title')}>
        <LoadError error={resource.error} onRetry={resource.reload} />
      </Page>
    );
  }
  if (!user) return <Loading />;

  const changed = (next: UserView, message: string) => {
    setUser(next);
    setNotice(message);
  };

  return (
    <Page title={user.name}>
      <p>
        <RouterLink to="/admin/users">{t('users.back')}</RouterLink>
      </p>
      <Saved>{notice}</Saved>
      <Paragraph>
        {user.email} ·{' '}
        <Tag data-color={user.status === 'active' ? 'success' : 'neutral'} data-size="sm">
          {t('users.statusLine', { status: t(`status.${user.status}`) })}
        </Tag>
      </Paragraph>
      <EditUserForm key={user.id} user={user} onSaved={(next) => changed(next, t('users.saved'))} />
      <UserStatusAction user={user} onChanged={changed} />
    </Page>
  );
}

function EditUserForm({ user, onSaved }: { user: UserView; onSaved: (user: UserView) => void }) {
  const { t } = useI18n();
  const can = useCan();
  const [values, setValues] = useState<UserFormValues>({ name: user.name, locale: user.locale, roles: user.roles });
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const editable = can('users.manage');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = { ...values, name: values.name.trim() };
      onSaved(await api<UserView>(`/api/users/${user.id}`, { method: 'PATCH', body }));
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'INTERNAL', ''));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="edit-user" className="pb-stack">
      <Heading level={2} data-size="sm" id="edit-user">
        {t('users.editHeading')}
      </Heading>
      <FormErrors error={error} labels={userFieldLabels(t)} />
      <form onSubmit={submit} noValidate className="pb-stack pb-form">
        <fieldset disabled={!editable} className="pb-bare-fieldset pb-stack">
          <UserFields values={values} onChange={setValues} error={error} />
        </fieldset>
        {editable && (
          <div>
            <Button type="submit" loading={busy}>
              {t('common.save')}
            </Button>
          </div>
        )}
      </form>
    </section>
  );
}
