import { useState } from 'react';
import { Button, Checkbox, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import type { ParticipantView } from '../../../shared/contracts/training.ts';
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { clientValidation, fieldError, FormErrors } from '../../ui/form-errors.tsx';
import { useAction } from '../recruitment/use-action.ts';
import { participantApi } from './participant-api.ts';

/** Ends the participant's course in this cohort, with a reason for the team and whether they may come back later. */
export function ParticipantInterrupt({ p, onDone }: { p: ParticipantView; onDone: () => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [returnLater, setReturnLater] = useState(true);
  const { busy, error, setError, run } = useAction();

  const interrupt = async () => {
    if (!reason.trim()) return setError(clientValidation({ reason: t('trainingWork.interrupt.reasonRequired') }, t));
    const ok = await run(() => api(participantApi.interrupt(p.id), { method: 'POST', body: { reason, returnLater } }));
    if (!ok) return;
    setOpen(false);
    onDone();
  };
  const hasFieldError = error !== null && Object.keys(error.fields).length > 0;

  return (
    <div className="pb-stack">
      <Heading level={3} data-size="2xs">
        {t('trainingWork.interrupt.heading')}
      </Heading>
      <Paragraph data-size="sm">{t('trainingWork.interrupt.hint', { name: p.name })}</Paragraph>
      <div>
        <Button
          variant="secondary"
          onClick={() => {
            setError(null);
            setOpen(true);
          }}
        >
          {t('trainingWork.interrupt.button')}
        </Button>
      </div>
      <ConfirmDialog
        open={open}
        title={t('trainingWork.interrupt.confirmTitle', { name: p.name })}
        body={t('trainingWork.interrupt.confirmBody', { name: p.name })}
        confirmLabel={t('trainingWork.interrupt.button')}
        danger
        busy={busy}
        onConfirm={() => void interrupt()}
        onCancel={() => setOpen(false)}
      >
        <FormErrors error={hasFieldError ? null : error} labels={{}} />
        <Textfield
          id="interrupt-reason"
          label={t('trainingWork.interrupt.reason')}
          multiline
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={fieldError(error, 'reason')}
        />
        <Checkbox id="interrupt-return" label={t('trainingWork.interrupt.returnLater')} checked={returnLater} onChange={(e) => setReturnLater(e.target.checked)} />
      </ConfirmDialog>
    </div>
  );
}
