import { useState } from 'react';
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { ApplicationStatusView } from '../../../shared/contracts/recruitment.ts';
import type { ApiError } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { errorMessage } from '../../ui/form-errors.tsx';
import { asApiError, downloadFile, publicApi } from './public-api.ts';


interface Props {
  status: ApplicationStatusView;
  token: string;
  onWithdrawn: () => void;
  onErased: () => void;
}

/** What the applicant can do with their application and their data: withdraw, download, erase. */
export function StatusActions({ status, token, onWithdrawn, onErased }: Props) {
  const { t, locale } = useI18n();
  const [dialog, setDialog] = useState<'withdraw' | 'erase'>('withdraw');
  const [open, setOpen] = useState(false);
  const ask = (which: 'withdraw' | 'erase') => {
    setDialog(which);
    setOpen(true);
  };
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const run = async (action: () => Promise<void>, then: () => void) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      setOpen(false);
      then();
    } catch (e) {
      setError(asApiError(e));
      setOpen(false);
    } finally {
      setBusy(false);
    }
  };

  const download = (format: 'json' | 'pdf') => {
    if (busy) return;
    const path = `/api/public/applications/current/export?format=${format}`;
    void run(() => downloadFile(path, `${status.reference}.${format}`, { locale, token }), () => undefined);
  };
  const post = (action: 'withdraw' | 'erase') => () =>
    publicApi<undefined>(`/api/public/applications/current/${action}`, { locale, method: 'POST', token });

  return (
    <>
      {error && (
        <Alert data-color="danger" role="alert">
          {errorMessage(error, t)}
        </Alert>
      )}
      {status.canWithdraw && (
        <section aria-labelledby="status-withdraw" className="pb-stack">
          <Heading level={2} data-size="sm" id="status-withdraw">
            {t('apply.withdraw.heading')}
          </Heading>
          <Paragraph>{t('apply.withdraw.text')}</Paragraph>
          <div>
            <Button variant="secondary" onClick={() => ask('withdraw')}>
              {t('apply.withdraw.button')}
            </Button>
          </div>
        </section>
      )}
      <section aria-labelledby="status-data" className="pb-stack">
        <Heading level={2} data-size="sm" id="status-data">
          {t('apply.data.heading')}
        </Heading>
        <Paragraph>{t('apply.data.text')}</Paragraph>
        <div className="pb-actions">
          <Button variant="secondary" onClick={() => download('pdf')} aria-disabled={busy || undefined}>
            {t('apply.data.pdf')}
          </Button>
          <Button variant="secondary" onClick={() => download('json')} aria-disabled={busy || undefined}>
            {t('apply.data.json')}
          </Button>
        </div>
        <Paragraph>{t('apply.data.eraseText')}</Paragraph>
        <div>
          <Button variant="secondary" data-color="danger" onClick={() => ask('erase')}>
            {t('apply.data.erase')}
          </Button>
        </div>
      </section>
      {/* One dialog for both questions: the shared dialog names itself by a fixed id. */}
      <ConfirmDialog
        open={open}
        title={t(dialog === 'erase' ? 'apply.data.eraseTitle' : 'apply.withdraw.confirmTitle')}
        body={t(dialog === 'erase' ? 'apply.data.eraseBody' : 'apply.withdraw.confirmBody')}
        confirmLabel={t(dialog === 'erase' ? 'apply.data.eraseConfirm' : 'apply.withdraw.confirm')}
        danger={dialog === 'erase'}
        busy={busy}
        onConfirm={() => void (dialog === 'erase' ? run(post('erase'), onErased) : run(post('withdraw'), onWithdrawn))}
        onCancel={() => setOpen(false)}
      />
    </>
  );
}
