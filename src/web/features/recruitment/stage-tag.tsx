import { Tag } from '@digdir/designsystemet-react';
import type { ApplicationStage } from '../../../shared/contracts/recruitment.ts';
import { useT } from '../../app/i18n.tsx';

// Calm colours: only an admission is green; no stage is shown in red.
const colours: Record<ApplicationStage, 'neutral' | 'info' | 'success' | 'warning'> = {
  received: 'info',
  under_review: 'info',
  interview_invited: 'info',
  interviewed: 'info',
  admitted: 'success',
  waitlisted: 'warning',
  not_admitted: 'neutral',
  withdrawn: 'neutral',
};

export function StageTag({ stage }: { stage: ApplicationStage }) {
  const t = useT();
  return (
    <Tag data-color={colours[stage]} data-size="sm">
      {t(`recruitment.stage.${stage}`)}
    </Tag>
  );
}
