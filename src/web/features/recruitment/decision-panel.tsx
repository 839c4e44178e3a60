import { useEffect, useState } from 'react';
import { Button, Fieldset, Heading, Paragraph, Radio, Textfield } from '@digdir/designsystemet-react';
import { decisions, type ApplicationDetail, type Decision, type decisionDraft } from '../../../shared/contracts/recruitment.ts';
import type { z } from 'zod';
import { api } from '../../app/api.ts';
import { localeNames, useI18n } from '../../app/i18n.tsx';
import { useResource } from '../../app/use-api.ts';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { fieldError, fieldId, FormErrors } from '../../ui/form-errors.tsx';
import { LoadError, Loading, Saved } from '../../ui/status.tsx';
import { useAction } from './use-action.ts';
import { WithdrawAction } from './withdraw-action.tsx';

type Draft = z.infer<typeof decisionDraft>;
const finalStages = ['admitted', 'waitlisted', 'not_admitted', 'withdrawn'];

/** The decision: chosen, its letter drafted in the applicant's language and edited, then sent. */
export function DecisionPanel({ a, onChanged }: { a: ApplicationDetail; onChanged: () => void }) {
  const { t, formatDate, formatDateTime } = useI18n();
  const [notice, setNotice] = useState<string | null>(null);
  const open = !finalStages.includes(a.stage);

  return (
    <section aria-labelledby="app-decision" className="pb-stack">
      <Heading level={2} data-size="sm" id="app-decision">
        {t('recruitment.decision.heading')}
      </Heading>
      <Saved>{notice}</Saved>
      {a.decision && (
        <>
          <Paragraph>
            {t('recruitment.decision.sent', {
              decision: t(`recruitment.stage.${a.decision.decision}`),
              date: formatDateTime(a.decision.decidedAt),
              by: a.decision.decidedByName ?? '–',
            })}
          </Paragraph>
          <div className="pb-letter" lang={a.locale}>
            <p className="pb-prewrap">{a.decision.letter}</p>
          </div>
        </>
      )}
      {a.purgeAfter && <Paragraph>{t('recruitment.decision.purgeAfter', { date: formatDate(a.purgeAfter) })}</Paragraph>}
      {!a.decision && a.stage === 'withdrawn' && <Paragraph>{t('recruitment.decision.withdrawn')}</Paragraph>}
      {open && (
        <DecisionForm
          a={a}
          onSent={(decision) => {
            setNotice(t('recruitment.decision.sentNotice', { name: a.name, decision: t(`recruitment.stage.${decision}`) }));
            onChanged();
          }}
        />
      )}
      {open && (
        <WithdrawAction
          a={a}
          onDone={() => {
            setNotice(t('recruitment.withdraw.done'));
            onChanged();
          }}
        />
      )}
    </section>
  );
}

function DecisionForm({ a, onSent }: { a: ApplicationDetail; onSent: (decision: Decision) => void }) {
  const { t } = useI18n();
  const [decision, setDecision] = useState<Decision | null>(null);
  const [letter, setLetter] = useState('');
  const [confirming, setConfirming] = useState(false);
  const draft = useResource<Draft>(decision ? `/api/applications/${a.id}/decision-draft?decision=${decision}` : null);
  const { busy, error, run } = useAction();

  // A new choice brings its own template; what was typed for another decision does not fit it.
  useEffect(() => {
    if (draft.data) setLetter(draft.data.letter);
  }, [draft.data]);

  const send = async () => {
    if (!decision) return;
    const ok = await run(() => api(`/api/applications/${a.id}/decide`, { method: 'POST', body: { decision, letter } }));
    setConfirming(false);
    if (ok) onSent(decision);
  };

  return (
    <div className="pb-stack pb-form">
      <FormErrors error={error} labels={{ decision: t('recruitment.decision.choose'), letter: t('recruitment.decision.letter') }} />
      <Fieldset>
        <Fieldset.Legend>{t('recruitment.decision.choose')}</Fieldset.Legend>
        {decisions.map((d, i) => (
          <Radio
            key={d}
            id={i === 0 ? fieldId('decision') : undefined}
            name="decision"
            value={d}
            label={t(`recruitment.stage.${d}`)}
            checked={decision === d}
            onChange={() => setDecision(d)}
          />
        ))}
      </Fieldset>
      {draft.error && <LoadError error={draft.error} onRetry={draft.reload} />}
      {decision && draft.loading && <Loading />}
      {decision && draft.data && !draft.loading && (
        <>
          <Textfield
            id={fieldId('letter')}
            label={t('recruitment.decision.letter')}
            description={t('recruitment.decision.letterHint', { language: localeNames[draft.data.locale], name: a.name })}
            multiline
            rows={14}
            lang={draft.data.locale}
            value={letter}
            onChange={(e) => setLetter(e.target.value)}
            error={fieldError(error, 'letter')}
          />
          <div>
            <Button onClick={() => setConfirming(true)}>{t('recruitment.decision.send')}</Button>
          </div>
        </>
      )}
      <ConfirmDialog
        open={confirming}
        title={t('recruitment.decision.confirmTitle', { decision: decision ? t(`recruitment.stage.${decision}`) : '', name: a.name })}
        body={t('recruitment.decision.confirmBody', { name: a.name })}
        confirmLabel={t('recruitment.decision.send')}
        busy={busy}
        onConfirm={() => void send()}
        onCancel={() => setConfirming(false)}
      />
    </div>
  );
}
