import type { AttendanceSummary } from '../../../shared/contracts/training.ts';
import { useT } from '../../app/i18n.tsx';

/**
 * A participant's attendance as a number and a small bar, with the counts behind it in words. The
 * bar only repeats the number, so it is hidden from screen readers.
 */
export function AttendanceRate({ summary }: { summary: AttendanceSummary }) {
  const t = useT();
  if (summary.percent === null) return <span className="pb-subtle">{t('training.rate.none')}</span>;
  return (
    <div className="pb-rate">
      <span className="pb-rate__value">{t('training.rate.percent', { percent: summary.percent })}</span>
      <span className="pb-rate__track" aria-hidden="true">
        <span className="pb-rate__bar" style={{ width: `${summary.percent}%` }} />
      </span>
      <span className="pb-subtle pb-block">
        {t('training.rate.counts', { present: summary.present, held: summary.held, absent: summary.absent, excused: summary.excused })}
      </span>
    </div>
  );
}
