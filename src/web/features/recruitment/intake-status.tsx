import { Tag } from '@digdir/designsystemet-react';
import type { IntakeView } from '../../../shared/contracts/recruitment.ts';
import { useT } from '../../app/i18n.tsx';

/** Draft, open (taking applications), or closed: a deadline past makes an open intake closed. */
export function IntakeStatusTag({ intake }: { intake: Pick<IntakeView, 'status' | 'isOpen'> }) {
  const t = useT();
  if (intake.status === 'draft') {
    return (
      <Tag data-color="neutral" data-size="sm">
        {t('recruitment.intakeStatus.draft')}
      </Tag>
    );
  }
  return (
    <Tag data-color={intake.isOpen ? 'success' : 'neutral'} data-size="sm">
      {t(intake.isOpen ? 'recruitment.intakeStatus.open' : 'recruitment.intakeStatus.closed')}
    </Tag>
  );
}

export function totalApplications(intake: Pick<IntakeView, 'counts'>): number {
  return Object.values(intake.counts).reduce((sum, n) => sum + n, 0);
}
