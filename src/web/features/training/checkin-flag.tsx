import { Button } from '@digdir/designsystemet-react';
import type { FlagReason, TeamCheckinView } from '../../../shared/contracts/training-work.ts';
import { api } from '../../app/api.ts';
import { useI18n, type Translate } from '../../app/i18n.tsx';
import { FormErrors } from '../../ui/form-errors.tsx';
import { useAction } from '../recruitment/use-action.ts';
import { participantApi } from './participant-api.ts';

/** Why a check-in was flagged, in words: the team reads a reason, never a code. */
export function flagReasonsText(reasons: readonly FlagReason[], t: Translate): string {
  return reasons.map((r) => t(`trainingWork.flag.${r}`)).join('; ');
}

/** A flag's reasons, then who saw it or a button to mark it seen. */
export function CheckinFlag({ checkin, onSeen }: { checkin: TeamCheckinView; onSeen: (week: number) => void }) {
  const { t, formatDateTime } = useI18n();
  const { busy, error, run } = useAction();
  if (!checkin.flagged) return <>{t('trainingWork.flag.none')}</>;
  const markSeen = async () => {
    const ok = await run(() => api(participantApi.checkinSeen(checkin.id), { method: 'POST' }));
    if (ok) onSeen(checkin.week);
  };
  return (
    <div className="pb-stack">
      <span>{flagReasonsText(checkin.flagReasons, t)}</span>
      {checkin.flagSeenAt ? (
        <span className="pb-subtle">{t('trainingWork.flag.seen', { date: formatDateTime(checkin.flagSeenAt), name: checkin.flagSeenByName ?? '–' })}</span>
      ) : (
        <div>
          <FormErrors error={error} labels={{}} />
          <Button variant="secondary" data-size="sm" loading={busy} onClick={() => void markSeen()}>
            {t('trainingWork.flag.markSeenWeek', { week: checkin.week })}
          </Button>
        </div>
      )}
    </div>
  );
}
