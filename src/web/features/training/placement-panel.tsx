import { useState } from 'react';
import { Button, Checkbox, Field, Heading, Label, Paragraph, Select } from '@digdir/designsystemet-react';
import type { ApplicationSummary, IntakeView } from '../../../shared/contracts/recruitment.ts';
import type { ParticipantView, PlaceResult } from '../../../shared/contracts/training.ts';
import { api, ApiError, type Page } from '../../app/api.ts';
import { useT, type Translate } from '../../app/i18n.tsx';
import { usePagedList, useResource } from '../../app/use-api.ts';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { FormErrors } from '../../ui/form-errors.tsx';
import { LoadError, Loading, Saved } from '../../ui/status.tsx';
import { useAction } from '../recruitment/use-action.ts';

interface Props {
  cohortId: string;
  intakeId: string | null;
  participants: readonly ParticipantView[];
  onPlaced: () => void;
}

/** What placing did, in words: how many were placed, and who was left out and why. */
export function placeNotice(result: PlaceResult, t: Translate): string {
  const skipped = result.skipped.map((s) => t(`training.place.skip.${s.reason}`, { name: s.name ?? s.email ?? '–' }));
  return [t('training.place.placed', { count: result.placed.length }), ...skipped].join(' ');
}

/**
 * The admitted applicants of the cohort's intake (or another chosen one) not yet placed, with
 * checkboxes: one action places them all, and each gets an e-mail to choose a password.
 */
export function PlacementPanel({ cohortId, intakeId, participants, onPlaced }: Props) {
  const t = useT();
  const [chosenIntake, setChosenIntake] = useState(intakeId ?? '');
  const intakes = useResource<Page<IntakeView>>('/api/intakes?limit=200');
  const admitted = usePagedList<ApplicationSummary>('/api/applications', { stage: 'admitted', intakeId: chosenIntake }, 200);
  const [selected, setSelected] = useState<string[]>([]);
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error, setError, run } = useAction();
  const placed = new Set(participants.map((p) => p.applicationId));
  const waiting = admitted.items.filter((a) => !placed.has(a.id));
  const chosen = selected.filter((id) => waiting.some((a) => a.id === id));

  const place = async () => {
    setNotice(null);
    const ok = await run(async () => {
      const result = await api<PlaceResult>(`/api/cohorts/${cohortId}/place`, { method: 'POST', body: { applicationIds: chosen } });
      setNotice(placeNotice(result, t));
    });
    setConfirming(false);
    if (ok) {
      setSelected([]);
      onPlaced();
    }
  };

  return (
    <section aria-labelledby="place-admitted" className="pb-stack pb-bulk">
      <Heading level={3} data-size="xs" id="place-admitted">
        {t('training.place.heading')}
      </Heading>
      <Saved>{notice}</Saved>
      <FormErrors error={error} labels={{}} />
      <Field className="pb-narrow-field">
        <Label htmlFor="place-intake">{t('training.place.intake')}</Label>
        <Select id="place-intake" value={chosenIntake} onChange={(e) => setChosenIntake(e.target.value)}>
          <Select.Option value="">{t('training.place.anyIntake')}</Select.Option>
          {(intakes.data?.items ?? []).map((i) => (
            <Select.Option key={i.id} value={i.id}>
              {i.title}
            </Select.Option>
          ))}
        </Select>
      </Field>
      {admitted.error && <LoadError error={admitted.error} onRetry={admitted.reload} />}
      {admitted.loading && <Loading />}
      {!admitted.loading && !admitted.error && waiting.length === 0 && <Paragraph>{t('training.place.none')}</Paragraph>}
      {waiting.length > 0 && (
        <fieldset className="pb-bare-fieldset pb-stack">
          <legend className="ds-sr-only">{t('training.place.legend')}</legend>
          <Checkbox
            label={t('training.place.selectAll', { count: waiting.length })}
            checked={chosen.length === waiting.length}
            onChange={(e) => setSelected(e.target.checked ? waiting.map((a) => a.id) : [])}
          />
          {waiting.map((a) => (
            <Checkbox
              key={a.id}
              label={a.name}
              description={`${a.reference} · ${a.intakeTitle} · ${t(`recruitment.track.${a.track}`)}`}
              checked={chosen.includes(a.id)}
              onChange={(e) => setSelected((prev) => (e.target.checked ? [...prev, a.id] : prev.filter((x) => x !== a.id)))}
            />
          ))}
        </fieldset>
      )}
      {waiting.length > 0 && (
        <>
          <Paragraph data-size="sm">{t('training.place.hint')}</Paragraph>
          <div>
            <Button onClick={() => (chosen.length === 0 ? setError(new ApiError(400, 'VALIDATION_FAILED', t('training.place.noneChosen'))) : setConfirming(true))}>
              {t('training.place.button', { count: chosen.length })}
            </Button>
          </div>
        </>
      )}
      <ConfirmDialog
        open={confirming}
        title={t('training.place.confirmTitle', { count: chosen.length })}
        body={t('training.place.confirmBody')}
        confirmLabel={t('training.place.confirm')}
        busy={busy}
        onConfirm={() => void place()}
        onCancel={() => setConfirming(false)}
      />
    </section>
  );
}
