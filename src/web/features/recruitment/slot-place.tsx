import type { SlotView } from '../../../shared/contracts/recruitment.ts';
import { useI18n } from '../../app/i18n.tsx';
import { toLocalInputs } from './recruitment-format.ts';

/** "3 dec. 2026 10:00–11:00": the start in full, the end as a time of the same day. */
export function useSlotTime(): (slot: Pick<SlotView, 'startsAt' | 'endsAt'>) => string {
  const { formatDateTime } = useI18n();
  return (slot) => `${formatDateTime(slot.startsAt)}–${toLocalInputs(slot.endsAt).time}`;
}

/** Where the interview is: the address, or the video link. */
export function SlotPlace({ slot }: { slot: Pick<SlotView, 'mode' | 'location' | 'videoUrl'> }) {
  const { t } = useI18n();
  if (slot.mode === 'video' && slot.videoUrl) {
    return (
      <a href={slot.videoUrl} target="_blank" rel="noreferrer">
        {t('recruitment.slots.videoLink')}
      </a>
    );
  }
  return <>{slot.location || t('recruitment.slots.noPlace')}</>;
}
