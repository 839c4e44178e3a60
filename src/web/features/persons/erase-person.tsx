import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, Textfield } from '@digdir/designsystemet-react';
import { api, ApiError } from '../../app/api.ts';
import { useT } from '../../app/i18n.tsx';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { FormErrors } from '../../ui/form-errors.tsx';
import type { PersonView } from './person-types.ts';

/** Erasure cannot be undone, so the dialog only lets go once the person's name is typed. */
export function ErasePerson({ person }: { person: PersonView }) {
  const t = useT();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [mismatch, setMismatch] = useState(false);

  const erase = async () => {
    const matches = typed.trim() === person.fullName.trim();
    setMismatch(!matches);
    if (!matches) return document.getElementById('erase-name')?.focus();
    setBusy(true);
    setError(null);
    try {
      await api(`/api/persons/${person.id}/erase`, { method: 'POST' });
      navigate('/admin/persons', { replace: true, state: { notice: 'person.erased' } });
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'INTERNAL', ''));
      setBusy(false);
    }
  };

  return (
    <>
      <Button variant="secondary" data-color="danger" onClick={() => setOpen(true)}>
        {t('person.erase')}
      </Button>
      <ConfirmDialog
        open={open}
        title={t('person.eraseTitle', { name: person.fullName })}
        body={t('person.eraseBody', { name: person.fullName })}
        confirmLabel={t('person.eraseSubmit')}
        danger
        busy={busy}
        onConfirm={() => void erase()}
        onCancel={() => {
          setOpen(false);
          setTyped('');
          setMismatch(false);
          setError(null);
        }}
      >
        <FormErrors error={error} labels={{}} />
        <Textfield
          id="erase-name"
          label={t('person.eraseConfirm')}
          autoComplete="off"
          spellCheck={false}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          error={mismatch ? t('person.eraseMismatch', { name: person.fullName }) : undefined}
        />
      </ConfirmDialog>
    </>
  );
}
