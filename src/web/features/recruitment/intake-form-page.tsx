import './recruitment.css';
import { useParams } from 'react-router';
import { Paragraph } from '@digdir/designsystemet-react';
import type { IntakeView, intakeDefaults } from '../../../shared/contracts/recruitment.ts';
import type { z } from 'zod';
import { useT } from '../../app/i18n.tsx';
import { useResource } from '../../app/use-api.ts';
import { Page } from '../../ui/page.tsx';
import { RouterLink } from '../../ui/router-link.tsx';
import { LoadError, Loading } from '../../ui/status.tsx';
import { IntakeForm, valuesFromDefaults, valuesFromIntake } from './intake-form.tsx';

type IntakeDefaults = z.infer<typeof intakeDefaults>;

/** New intake (criteria and questions prefilled with the program's defaults) or an intake edited. */
export function IntakeFormPage() {
  const t = useT();
  const { id } = useParams();
  const intake = useResource<IntakeView>(id ? `/api/intakes/${encodeURIComponent(id)}` : null);
  const defaults = useResource<IntakeDefaults>(id ? null : '/api/intakes/defaults');
  const title = t(id ? 'recruitment.form.editTitle' : 'recruitment.form.newTitle');
  const failed = intake.error ?? defaults.error;
  const back = id ? `/recruitment/intakes/${id}` : '/recruitment';

  let body;
  if (failed) body = <LoadError error={failed} onRetry={id ? intake.reload : defaults.reload} />;
  else if (id && intake.data) body = <IntakeForm key={intake.data.id} intakeId={intake.data.id} initial={valuesFromIntake(intake.data)} />;
  else if (!id && defaults.data) body = <IntakeForm initial={valuesFromDefaults(defaults.data)} />;
  else body = <Loading />;

  return (
    <Page title={title}>
      <p>
        <RouterLink to={back}>{t(id ? 'recruitment.intake.back' : 'recruitment.intakes.back')}</RouterLink>
      </p>
      {!id && <Paragraph>{t('recruitment.form.intro')}</Paragraph>}
      {body}
    </Page>
  );
}
