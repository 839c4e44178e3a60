import { Tag } from '@digdir/designsystemet-react';
import type { CohortStatus } from '../../../shared/contracts/training.ts';
import { useT } from '../../app/i18n.tsx';

// Calm colours: a cohort under way is the one that stands out; none is red.
const colours: Record<CohortStatus, 'info' | 'success' | 'neutral'> = {
  planned: 'info',
  in_progress: 'success',
  completed: 'neutral',
  cancelled: 'neutral',
};

export function CohortStatusTag({ status }: { status: CohortStatus }) {
  const t = useT();
  return (
    <Tag data-color={colours[status]} data-size="sm">
      {t(`training.cohortStatus.${status}`)}
    </Tag>
  );
}
