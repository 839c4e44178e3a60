import { Checkbox, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { PublicIntakeView } from '../../../shared/contracts/recruitment.ts';
import { useT } from '../../app/i18n.tsx';
import { fieldId } from '../../ui/form-errors.tsx';
import type { Placed } from './apply-errors.tsx';
import type { ApplyValues } from './apply-values.ts';

interface Props {
  intake: PublicIntakeView;
  values: ApplyValues;
  onChange: (patch: Partial<ApplyValues>) => void;
  placed: Placed;
}

/** The working goal and the consent: each explained in plain words before the box to tick. */
export function ConsentSection({ intake, values, onChange, placed }: Props) {
  const t = useT();
  return (
    <>
      <section aria-labelledby="apply-goal" className="pb-stack">
        <Heading level={2} data-size="sm" id="apply-goal">
          {t('apply.goal.heading')}
        </Heading>
        <Paragraph>{t('apply.goal.text')}</Paragraph>
        <Checkbox
          id={fieldId('workingGoal')}
          label={t('apply.goal.checkbox')}
          checked={values.workingGoal}
          onChange={(e) => onChange({ workingGoal: e.target.checked })}
          error={placed.workingGoal}
        />
      </section>

      <section aria-labelledby="apply-consent" className="pb-stack">
        <Heading level={2} data-size="sm" id="apply-consent">
          {t('apply.consent.heading')}
        </Heading>
        <ul className="pb-stack">
          <li>{t('apply.consent.what')}</li>
          <li>{t('apply.consent.who', { tenant: intake.tenantName })}</li>
          <li>{t('apply.consent.howLong', { months: intake.retentionMonths })}</li>
          <li>{t('apply.consent.control')}</li>
        </ul>
        <Checkbox
          id={fieldId('consent')}
          label={t('apply.consent.checkbox')}
          description={t('apply.consent.nothingSent')}
          checked={values.consent}
          onChange={(e) => onChange({ consent: e.target.checked })}
          error={placed.consent}
        />
      </section>
    </>
  );
}
