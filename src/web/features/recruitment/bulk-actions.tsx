import { useEffect, useRef, useState } from 'react';
import { Button, Checkbox, Paragraph } from '@digdir/designsystemet-react';
import type { ApplicationSummary, bulkMoveResult } from '../../../shared/contracts/recruitment.ts';
import type { z } from 'zod';
import { api } from '../../app/api.ts';
import { useT } from '../../app/i18n.tsx';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { FormErrors } from '../../ui/form-errors.tsx';
import { Saved } from '../../ui/status.tsx';
import { useAction } from './use-action.ts';

type Target = 'under_review' | 'interview_invited';

interface Props {
  shown: readonly ApplicationSummary[];
  selectedIds: readonly string[];
  onSelectAll: (on: boolean) => void;
  onDone: () => void;
}

/**
 * Moves the checked applications on: to review (nothing is sent), or invited to interview (each
 * applicant is e-mailed a link to book a slot, so that one asks first).
 */
export function BulkActions({ shown, selectedIds, onSelectAll, onDone }: Props) {
  const t = useT();
  const { busy, error, run } = useAction();
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const count = selectedIds.length;
  // "Some selected" is the input's own indeterminate state (a property, not an attribute), so
  // screen readers say "mixed" and the box shows it.
  const selectAll = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (selectAll.current) selectAll.current.indeterminate = count > 0 && count < shown.length;
  }, [count, shown.length]);

  const move = async (stage: Target) => {
    setNotice(null);
    const ok = await run(async () => {
      const result = await api<z.infer<typeof bulkMoveResult>>('/api/applications/bulk-move', { method: 'POST', body: { ids: selectedIds, stage } });
      setNotice(
        [
          t('recruitment.bulk.moved', { count: result.moved, stage: t(`recruitment.stage.${stage}`) }),
          result.skipped > 0 ? t('recruitment.bulk.skipped', { count: result.skipped }) : '',
        ].join(' ').trim(),
      );
    });
    setConfirming(false);
    if (ok) onDone();
  };

  if (shown.length === 0 && !notice) return null;
  return (
    <div className="pb-stack pb-bulk">
      <Saved>{notice}</Saved>
      <FormErrors error={error} labels={{}} />
      <div className="pb-actions">
        {shown.length > 0 && (
          <Checkbox
            ref={selectAll}
            label={t('recruitment.bulk.selectAll', { count: shown.length })}
            checked={count > 0 && count === shown.length}
            onChange={(e) => onSelectAll(e.target.checked)}
          />
        )}
        <span role="status">{count > 0 ? t('recruitment.bulk.selected', { count }) : ''}</span>
      </div>
      {count > 0 && (
        <>
          <div className="pb-actions">
            <Button variant="secondary" loading={busy} onClick={() => void move('under_review')}>
              {t('recruitment.bulk.toReview')}
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(true)}>
              {t('recruitment.bulk.invite')}
            </Button>
          </div>
          <Paragraph data-size="sm">{t('recruitment.bulk.hint')}</Paragraph>
        </>
      )}
      <ConfirmDialog
        open={confirming}
        title={t('recruitment.bulk.inviteTitle', { count })}
        body={t('recruitment.bulk.inviteBody')}
        confirmLabel={t('recruitment.bulk.inviteConfirm')}
        busy={busy}
        onConfirm={() => void move('interview_invited')}
        onCancel={() => setConfirming(false)}
      />
    </div>
  );
}
