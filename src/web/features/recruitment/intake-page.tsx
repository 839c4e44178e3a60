import './recruitment.css';
import { useState } from 'react';
import { useLocation, useParams } from 'react-router';
import { Heading } from '@digdir/designsystemet-react';
import type { IntakeView } from '../../../shared/contracts/recruitment.ts';
import { useCan } from '../../app/auth.tsx';
import { useI18n } from '../../app/i18n.tsx';
import { useResource } from '../../app/use-api.ts';
import type { Key } from '../../i18n/sv.ts';
import { Page } from '../../ui/page.tsx';
import { RouterLink } from '../../ui/router-link.tsx';
import { LoadError, Loading, Saved } from '../../ui/status.tsx';
import { IntakeFunnel } from './intake-funnel.tsx';
import { IntakeStatusTag } from './intake-status.tsx';
import { InterviewSlots } from './interview-slots.tsx';
import { OnThisPage } from './on-this-page.tsx';
import { Pipeline } from './pipeline.tsx';

/** One intake: its applications by stage (the pipeline), its interview slots and its funnel. */
export function IntakePage() {
  const { t, formatDateTime } = useI18n();
  const can = useCan();
  const { id = '' } = useParams();
  const intake = useResource<IntakeView>(`/api/intakes/${encodeURIComponent(id)}`);
  const arrival = (useLocation().state as { notice?: Key } | null)?.notice;
  const [notice] = useState(arrival ? t(arrival) : null);

  if (intake.error) {
    return (
      <Page title={t('recruitment.intakes.title')}>
        <LoadError error={intake.error} onRetry={intake.reload} />
      </Page>
    );
  }
  if (!intake.data) return <Loading />;
  const i = intake.data;

  return (
    <Page title={i.title} wide>
      <p>
        <RouterLink to="/recruitment">{t('recruitment.intakes.back')}</RouterLink>
      </p>
      <Saved>{notice}</Saved>
      <dl className="pb-details">
        <dt>{t('recruitment.form.status')}</dt>
        <dd>
          <IntakeStatusTag intake={i} />
        </dd>
        <dt>{t('recruitment.form.courseName')}</dt>
        <dd>{i.courseName}</dd>
        <dt>{t('recruitment.form.deadline')}</dt>
        <dd>{formatDateTime(i.deadline)}</dd>
        <dt>{t('recruitment.form.places')}</dt>
        <dd>{i.places}</dd>
        <dt>{t('recruitment.form.tracks')}</dt>
        <dd>{i.tracks.map((tr) => t(`recruitment.track.${tr}`)).join(', ')}</dd>
        <dt>{t('recruitment.intake.promise')}</dt>
        <dd>{t('recruitment.intake.promiseDays', { days: i.decisionDays })}</dd>
      </dl>
      <div className="pb-actions">
        {can('intakes.manage') && <RouterLink to={`/recruitment/intakes/${i.id}/edit`}>{t('recruitment.intake.edit')}</RouterLink>}
        {i.isOpen && <RouterLink to={`/apply/${i.id}`}>{t('recruitment.intake.publicForm')}</RouterLink>}
      </div>
      <OnThisPage
        links={[
          { id: 'applications', label: t('recruitment.pipeline.heading') },
          { id: 'slots', label: t('recruitment.slots.heading') },
          { id: 'funnel', label: t('recruitment.funnel.heading') },
        ]}
      />

      <section aria-labelledby="applications" className="pb-stack">
        <Heading level={2} data-size="sm" id="applications" tabIndex={-1}>
          {t('recruitment.pipeline.heading')}
        </Heading>
        <Pipeline intake={i} onChanged={intake.reload} />
      </section>

      <section aria-labelledby="slots" className="pb-stack">
        <Heading level={2} data-size="sm" id="slots" tabIndex={-1}>
          {t('recruitment.slots.heading')}
        </Heading>
        <InterviewSlots intakeId={i.id} />
      </section>

      <section aria-labelledby="funnel" className="pb-stack">
        <Heading level={2} data-size="sm" id="funnel" tabIndex={-1}>
          {t('recruitment.funnel.heading')}
        </Heading>
        <IntakeFunnel intakeId={i.id} />
      </section>
    </Page>
  );
}
