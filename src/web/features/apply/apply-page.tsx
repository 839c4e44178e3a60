import { useState } from 'react';
import { useParams } from 'react-router';
import { Alert, Paragraph } from '@digdir/designsystemet-react';
import type { PublicIntakeView, SubmissionResult } from '../../../shared/contracts/recruitment.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useResource } from '../../app/use-api.ts';
import { Page } from '../../ui/page.tsx';
import { RouterLink } from '../../ui/router-link.tsx';
import { LoadError, Loading } from '../../ui/status.tsx';
import { ApplyForm } from './apply-form.tsx';
import { useEmbedQuery } from './embed.ts';
import { SubmissionReceipt } from './submission-receipt.tsx';
import { IntakeFacts } from './intake-facts.tsx';

/** `/apply/:intakeId`: the application form of one intake, or why it cannot be used. */
export function ApplyPage() {
  const { intakeId = '' } = useParams();
  // Another intake is another form, with its own draft.
  return <IntakeApplication key={intakeId} intakeId={intakeId} />;
}

function IntakeApplication({ intakeId }: { intakeId: string }) {
  const { t } = useI18n();
  const embed = useEmbedQuery();
  const intake = useResource<PublicIntakeView>(`/api/public/intakes/${encodeURIComponent(intakeId)}`);
  const [done, setDone] = useState<{ result: SubmissionResult; email: string } | null>(null);
  const back = <RouterLink to={`/apply${embed}`}>{t('apply.toIntakes')}</RouterLink>;

  if (!intake.data) {
    return (
      <Page title={intake.error?.status === 404 ? t('apply.notFoundTitle') : t('apply.title')}>
        {intake.loading && <Loading />}
        {intake.error?.status === 404 && <Paragraph>{t('apply.notFoundText')}</Paragraph>}
        {intake.error && intake.error.status !== 404 && <LoadError error={intake.error} onRetry={intake.reload} />}
        {intake.error && <Paragraph>{back}</Paragraph>}
      </Page>
    );
  }

  const data = intake.data;
  if (done) return <SubmissionReceipt intake={data} result={done.result} email={done.email} />;

  return (
    <Page title={data.title}>
      <IntakeFacts intake={data} />
      {data.isOpen ? (
        <ApplyForm intake={data} onDone={(result, email) => setDone({ result, email })} />
      ) : (
        <>
          <Alert data-color="info">{t('apply.closed')}</Alert>
          <Paragraph>{back}</Paragraph>
        </>
      )}
    </Page>
  );
}
