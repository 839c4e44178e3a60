import { useState } from 'react';
import { Button, Heading } from '@digdir/designsystemet-react';
import type { UserView } from '../../../shared/contracts/users.ts';
import { api, ApiError } from '../../app/api.ts';
import { useCan, useUser } from '../../app/auth.tsx';
import { useT } from '../../app/i18n.tsx';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { FormErrors } from '../../ui/form-errors.tsx';

interface Props {
  user: UserView;
  onChanged: (user: UserView, message: string) => void;
}

/** Deactivate (ending every session at once) or reactivate, each behind a confirm dialog. */
export function UserStatusAction({ user, onChanged }: Props) {
  const t = useT();
  const can = useCan();
  const me = useUser();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  if (!can('users.manage') || user.id === me.id) return null;

  const deactivating = user.status === 'active';
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      const next = await api<UserView>(`/api/users/${user.id}/${deactivating ? 'deactivate' : 'reactivate'}`, { method: 'POST' });
      setOpen(false);
      onChanged(next, t(deactivating ? 'users.deactivated' : 'users.reactivated'));
    } catch (e) {
      setOpen(false);
      setError(e instanceof ApiError ? e : new ApiError(0, 'INTERNAL', ''));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="user-status" className="pb-stack">
      <Heading level={2} data-size="sm" id="user-status">
        {t('users.status')}
      </Heading>
      <FormErrors error={error} labels={{}} />
      <div>
        <Button variant="secondary" data-color={deactivating ? 'danger' : undefined} onClick={() => setOpen(true)}>
          {t(deactivating ? 'users.deactivate' : 'users.reactivate')}
        </Button>
      </div>
      <ConfirmDialog
        open={open}
        title={t(deactivating ? 'users.deactivateTitle' : 'users.reactivateTitle', { name: user.name })}
        body={t(deactivating ? 'users.deactivateBody' : 'users.reactivateBody', { name: user.name })}
        confirmLabel={t(deactivating ? 'users.deactivate' : 'users.reactivate')}
        danger={deactivating}
        busy={busy}
        onConfirm={() => void confirm()}
        onCancel={() => setOpen(false)}
      />
    </section>
  );
}
