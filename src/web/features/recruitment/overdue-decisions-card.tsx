import './recruitment.css';
import { Alert, Paragraph } from '@digdir/designsystemet-react';
import type { IntakeView } from '../../../shared/contracts/recruitment.ts';
import type { Page } from '../../app/api.ts';
import { useCan } from '../../app/auth.tsx';
import { useT } from '../../app/i18n.tsx';
import { useResource } from '../../app/use-api.ts';
import { RouterLink } from '../../ui/router-link.tsx';

/**
 * For the home page of whoever decides: how many interviewed applicants have waited past the
 * promised decision day, linked to exactly those. Nothing at all when none have.
 */
export function OverdueDecisionsCard() {
  const can = useCan();
  if (!can('applications.decide')) return null;
  return <OverdueDecisions />;
}

function OverdueDecisions() {
  const t = useT();
  const intakes = useResource<Page<IntakeView>>('/api/intakes');
  const late = (intakes.data?.items ?? []).filter((i) => i.overdueDecisions > 0);
  const count = late.reduce((sum, i) => sum + i.overdueDecisions, 0);
  if (count === 0) return null;
  const to = late.length === 1 ? `/recruitment/intakes/${late[0]!.id}?overdue=true` : '/recruitment';

  return (
    <Alert data-color="warning">
      <Paragraph>
        <RouterLink to={to}>{t(count === 1 ? 'recruitment.overdue.cardOne' : 'recruitment.overdue.cardMany', { count })}</RouterLink>
      </Paragraph>
      <Paragraph data-size="sm">{t('recruitment.overdue.cardHint')}</Paragraph>
    </Alert>
  );
}
