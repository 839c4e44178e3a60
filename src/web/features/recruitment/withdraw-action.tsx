import { useState } from 'react';
import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { ApplicationDetail } from '../../../shared/contracts/recruitment.ts';
import { api } from '../../app/api.ts';
import { useT } from '../../app/i18n.tsx';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { FormErrors } from '../../ui/form-errors.tsx';
import { useAction } from './use-action.ts';

/** Withdraws the application for an applicant who asked the team to (by phone, say). */
export function WithdrawAction({ a, onDone }: { a: ApplicationDetail; onDone: () => void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const { busy, error, run } = useAction();
  const withdraw = async () => {
    const ok = await run(() => api(`/api/applications/${a.id}/withdraw`, { method: 'POST' }));
    setOpen(false);
    if (ok) onDone();
  };
  return (
    <div className="pb-stack">
      <Heading level={3} data-size="2xs">
        {t('recruitment.withdraw.heading')}
      </Heading>
      <Paragraph data-size="sm">{t('recruitment.withdraw.hint', { name: a.name })}</Paragraph>
      <FormErrors error={error} labels={{}} />
      <div>
        <Button variant="secondary" data-color="danger" onClick={() => setOpen(true)}>
          {t('recruitment.withdraw.button')}
        </Button>
      </div>
      <ConfirmDialog
        open={open}
        title={t('recruitment.withdraw.confirmTitle', { name: a.name })}
        body={t('recruitment.withdraw.confirmBody', { name: a.name })}
        confirmLabel={t('recruitment.withdraw.button')}
        danger
        busy={busy}
        onConfirm={() => void withdraw()}
        onCancel={() => setOpen(false)}
      />
    </div>
  );
}
