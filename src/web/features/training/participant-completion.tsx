import { useState } from 'react';
import { Button, Checkbox, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import type { CompletionView } from '../../../shared/contracts/training-work.ts';
import type { ParticipantView } from '../../../shared/contracts/training.ts';
import { api } from '../../app/api.ts';
import { useCan } from '../../app/auth.tsx';
import { useI18n } from '../../app/i18n.tsx';
import { useResource } from '../../app/use-api.ts';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { clientValidation, fieldError, fieldId, FormErrors } from '../../ui/form-errors.tsx';
import { RouterLink } from '../../ui/router-link.tsx';
import { LoadError, Loading, Saved } from '../../ui/status.tsx';
import { useAction } from '../recruitment/use-action.ts';
import { participantApi } from './participant-api.ts';
import { ParticipantInterrupt } from './participant-interrupt.tsx';

/**
 * Completion: the course's criteria with this participant's figures, the team's confirmation (or an
 * override with a reason), and afterwards the certificate; or the interruption of the course.
 */
export function ParticipantCompletion({ p, onChanged }: { p: ParticipantView; onChanged: () => void }) {
  const { t, formatDate } = useI18n();
  const can = useCan();
  const completion = useResource<CompletionView>(participantApi.completion(p.id));
  const [notice, setNotice] = useState<string | null>(null);
  const changed = (message: string) => {
    setNotice(message);
    completion.reload();
    onChanged();
  };
  const c = completion.data;

  return (
    <section aria-labelledby="participant-completion" className="pb-stack">
      <Heading level={2} data-size="sm" id="participant-completion">
        {t('trainingWork.completion.heading')}
      </Heading>
      <Saved>{notice}</Saved>
      {completion.error && <LoadError error={completion.error} onRetry={completion.reload} />}
      {!c && !completion.error && <Loading />}
      {c && (
        <>
          <Criteria c={c} />
          {c.status === 'completed' && (
            <>
              {c.completedAt && <Paragraph>{t('trainingWork.completion.completedOn', { date: formatDate(c.completedAt) })}</Paragraph>}
              <dl className="pb-details">
                <dt>{t('trainingWork.completion.certificateNumber')}</dt>
                <dd>{c.certificateNumber ?? '–'}</dd>
              </dl>
              <div className="pb-actions">
                {c.certificateUrl && (
                  <Button asChild variant="secondary">
                    <a href={c.certificateUrl} download={`${c.certificateNumber ?? 'certificate'}.pdf`}>
                      {t('trainingWork.completion.download')}
                    </a>
                  </Button>
                )}
                {c.peerProfileId && <span>{t('trainingWork.completion.peerProfile')}</span>}
                {c.peerProfileId && can('persons.read') && <RouterLink to={`/admin/persons/${p.personId}`}>{t('trainingWork.person')}</RouterLink>}
              </div>
            </>
          )}
          {c.interruption && (
            <>
              <Paragraph>{t('trainingWork.completion.interruptedOn', { date: formatDate(c.interruption.at) })}</Paragraph>
              <dl className="pb-details">
                <dt>{t('trainingWork.interrupt.reason')}</dt>
                <dd className="pb-prewrap">{c.interruption.reason}</dd>
              </dl>
            </>
          )}
          {c.status === 'active' && (
            <>
              <CompleteForm p={p} c={c} onDone={() => changed(t('trainingWork.completion.done', { name: p.name }))} />
              <ParticipantInterrupt p={p} onDone={() => changed(t('trainingWork.interrupt.done', { name: p.name }))} />
            </>
          )}
        </>
      )}
    </section>
  );
}

function Criteria({ c }: { c: CompletionView }) {
  const { t } = useI18n();
  const state = (met: boolean) => t(met ? 'trainingWork.completion.met' : 'trainingWork.completion.unmet');
  const tasks = { handedIn: c.tasks.handedIn, total: c.tasks.total };
  return (
    <div className="pb-stack">
      <Heading level={3} data-size="2xs">
        {t('trainingWork.completion.criteria')}
      </Heading>
      <ul>
        <li data-met={c.attendanceMet}>
          {t('trainingWork.completion.attendance', { percent: c.attendance.percent, min: c.rule.minAttendancePercent, present: c.attendance.present, sessions: c.attendance.sessions })}: <strong>{state(c.attendanceMet)}</strong>
        </li>
        {c.rule.allReflectionTasks ? (
          <li data-met={c.tasksMet}>
            {t('trainingWork.completion.tasks', tasks)}: <strong>{state(c.tasksMet)}</strong>
          </li>
        ) : (
          <li>{t('trainingWork.completion.tasksOptional', tasks)}</li>
        )}
      </ul>
    </div>
  );
}

function CompleteForm({ p, c, onDone }: { p: ParticipantView; c: CompletionView; onDone: () => void }) {
  const { t } = useI18n();
  const [override, setOverride] = useState(false);
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const { busy, error, setError, run } = useAction();
  const labels = { reason: t('trainingWork.completion.reason') };
  const canConfirm = c.criteriaMet || override;

  const ask = () => {
    if (!c.criteriaMet && !reason.trim()) return setError(clientValidation({ reason: t('trainingWork.completion.reasonRequired') }, t));
    setError(null);
    setConfirming(true);
  };
  const complete = async () => {
    const body = c.criteriaMet ? {} : { override: true, reason };
    const ok = await run(() => api(participantApi.complete(p.id), { method: 'POST', body }));
    setConfirming(false);
    if (ok) onDone();
  };

  return (
    <div className="pb-stack pb-form">
      <Paragraph>{t(c.criteriaMet ? 'trainingWork.completion.allMet' : 'trainingWork.completion.notMet')}</Paragraph>
      <FormErrors error={error} labels={labels} />
      {!c.criteriaMet && (
        <>
          <Checkbox label={t('trainingWork.completion.override')} checked={override} onChange={(e) => setOverride(e.target.checked)} />
          {override && (
            <Textfield
              id={fieldId('reason')}
              label={labels.reason}
              description={t('trainingWork.completion.reasonHint')}
              multiline
              rows={3}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              error={fieldError(error, 'reason')}
            />
          )}
        </>
      )}
      {canConfirm && (
        <div>
          <Button onClick={ask}>{t('trainingWork.completion.confirm')}</Button>
        </div>
      )}
      <ConfirmDialog
        open={confirming}
        title={t('trainingWork.completion.confirmTitle', { name: p.name })}
        body={t('trainingWork.completion.confirmBody', { name: p.name })}
        confirmLabel={t('trainingWork.completion.confirm')}
        busy={busy}
        onConfirm={() => void complete()}
        onCancel={() => setConfirming(false)}
      />
    </div>
  );
}
