import { useEffect, useRef, useState } from 'react';
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import type { ApplicationStatusView } from '../../../shared/contracts/recruitment.ts';
import { useI18n } from '../../app/i18n.tsx';
import { Page } from '../../ui/page.tsx';
import { RouterLink } from '../../ui/router-link.tsx';
import { LoadError, Loading, Saved } from '../../ui/status.tsx';
import { useEmbedQuery } from './embed.ts';
import { InterviewBooking, InterviewDetails } from './interview-booking.tsx';
import { ResendLinkForm } from './resend-link-form.tsx';
import { StatusActions } from './status-actions.tsx';
import { StatusSteps } from './status-steps.tsx';
import { useApplicationStatus, useApplicationToken } from './use-application-status.ts';

/** `/application`: the applicant's personal page, opened with the link from their e-mail. */
export function ApplicationStatusPage() {
  const { t } = useI18n();
  const embed = useEmbedQuery();
  const [token, setToken] = useApplicationToken();
  const status = useApplicationStatus(token);
  const [notice, setNotice] = useState<string | null>(null);
  const [erased, setErased] = useState(false);
  // What to announce once the page shows the new state after a booking or a withdrawal (undefined: nothing pending).
  const pendingNotice = useRef<string | null>(undefined);

  // The news and the new state appear together; the button used may be gone, so reading (and
  // scrolling) starts again from the top, where the news stands.
  const { data: shown, loading } = status;
  useEffect(() => {
    if (pendingNotice.current === undefined || loading) return;
    const message = pendingNotice.current;
    pendingNotice.current = undefined;
    setNotice(message);
    if (message === null) return;
    window.scrollTo(0, 0);
    document.getElementById('main')?.focus();
  }, [shown, loading]);

  if (erased) {
    return (
      <Page title={t('apply.erased.title')}>
        <Paragraph>{t('apply.erased.text')}</Paragraph>
        <Paragraph>
          <RouterLink to={`/apply${embed}`}>{t('apply.toIntakes')}</RouterLink>
        </Paragraph>
      </Page>
    );
  }

  // No link, or one that no longer leads anywhere (erased, purged, mistyped): offer a new one.
  const linkBroken = status.error && [401, 403, 404].includes(status.error.status);
  if (!token || linkBroken) {
    return (
      <Page title={t('apply.status.title')}>
        <Paragraph>{t(linkBroken ? 'apply.status.badLink' : 'apply.status.noLink')}</Paragraph>
        <ResendLinkForm />
      </Page>
    );
  }

  const data = status.data;
  const changed = (message: string | null) => {
    pendingNotice.current = message;
    status.reload();
  };

  return (
    <Page title={t('apply.status.title')}>
      <Saved>{notice}</Saved>
      {status.error && <LoadError error={status.error} onRetry={status.reload} />}
      {!data && status.loading && <Loading />}
      {data && (
        <>
          <Summary status={data} />
          <StatusSteps status={data} />
          {data.interview && <InterviewDetails slot={data.interview} />}
          {data.canBookInterview && <InterviewBooking status={data} token={token} onChanged={changed} />}
          {data.decision && <DecisionLetter decision={data.decision} />}
          <StatusActions
            status={data}
            token={token}
            onWithdrawn={() => changed(t('apply.withdraw.done'))}
            onErased={() => {
              setToken(null);
              setErased(true);
            }}
          />
        </>
      )}
    </Page>
  );
}

function Summary({ status }: { status: ApplicationStatusView }) {
  const { t, formatDate } = useI18n();
  return (
    <>
      <dl className="pb-details">
        <dt>{t('apply.status.reference')}</dt>
        <dd>
          <strong>{status.reference}</strong>
        </dd>
        <dt>{t('apply.status.intake')}</dt>
        <dd>{t('apply.status.intakeValue', { title: status.intakeTitle, tenant: status.tenantName })}</dd>
        <dt>{t('apply.status.sent')}</dt>
        <dd>{formatDate(status.submittedAt)}</dd>
      </dl>
      {status.purgeAfter && <Paragraph className="pb-calm">{t('apply.status.purge', { date: formatDate(status.purgeAfter) })}</Paragraph>}
    </>
  );
}

function DecisionLetter({ decision }: { decision: NonNullable<ApplicationStatusView['decision']> }) {
  const { t, formatDate } = useI18n();
  return (
    <section aria-labelledby="status-decision" className="pb-stack">
      <Heading level={2} data-size="sm" id="status-decision">
        {t('apply.decisionLetter.heading', { date: formatDate(decision.decidedAt) })}
      </Heading>
      <Paragraph className="pb-prewrap">{decision.letter}</Paragraph>
    </section>
  );
}
