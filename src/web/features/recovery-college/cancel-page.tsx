import { useEffect, useState } from 'react';
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { CancelEnrolmentResult, CurrentEnrolmentView } from '../../../shared/contracts/recovery-college.ts';
import type { ApiError } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { errorMessage } from '../../ui/form-errors.tsx';
import { Page } from '../../ui/page.tsx';
import { RouterLink } from '../../ui/router-link.tsx';
import { LoadError, Loading } from '../../ui/status.tsx';
import { asApiError, publicApi } from '../apply/public-api.ts';
import { localized } from '../recruitment/recruitment-format.ts';
import { useCurrentEnrolment, useEnrolmentToken } from './current-enrolment.ts';

/** `/recovery-college/cancel#<token>`: from the e-mailed link, shows what would be cancelled, then cancels it. */
export function CancelEnrolmentPage() {
  const { t, locale } = useI18n();
  const token = useEnrolmentToken();
  const enrolment = useCurrentEnrolment(token);
  const [done, setDone] = useState<{ was: CurrentEnrolmentView['status']; course: string } | null>(null);
  // The confirm button is gone once cancelled: start reading again at the top, where the news is.
  useEffect(() => {
    if (done) document.getElementById('main')?.focus();
  }, [done]);
  const toCatalogue = (
    <Paragraph>
      <RouterLink to="/recovery-college">{t('rc.back')}</RouterLink>
    </Paragraph>
  );

  if (done) {
    return (
      <Page title={t('rc.cancel.doneTitle')}>
        <Paragraph className="pb-calm">{t(done.was === 'waitlisted' ? 'rc.cancel.doneWaiting' : 'rc.cancel.doneText', { course: done.course })}</Paragraph>
        <Paragraph>{t('rc.cancel.welcomeBack')}</Paragraph>
        {toCatalogue}
      </Page>
    );
  }

  const linkBroken = enrolment.error?.status === 404;
  const data = enrolment.data;
  return (
    <Page title={t('rc.cancel.title')}>
      {!token && <Paragraph>{t('rc.cancel.noLink')}</Paragraph>}
      {enrolment.loading && <Loading />}
      {linkBroken && <Paragraph>{t('rc.cancel.badLink')}</Paragraph>}
      {enrolment.error && !linkBroken && <LoadError error={enrolment.error} onRetry={enrolment.reload} />}
      {token && data && (
        <Confirm
          token={token}
          enrolment={data}
          onCancelled={(result) => setDone({ was: data.status, course: localized(result.courseTitle, locale) })}
        />
      )}
      {(!token || !data || data.status === 'cancelled') && !enrolment.loading && toCatalogue}
    </Page>
  );
}

interface ConfirmProps {
  token: string;
  enrolment: CurrentEnrolmentView;
  onCancelled: (result: CancelEnrolmentResult) => void;
}

function Confirm({ token, enrolment, onCancelled }: ConfirmProps) {
  const { t, locale, formatDate } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const waiting = enrolment.status === 'waitlisted';

  const cancel = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      onCancelled(await publicApi<CancelEnrolmentResult>('/api/public/enrolments/cancel', { locale, method: 'POST', body: { token } }));
    } catch (e) {
      setError(asApiError(e));
      setBusy(false);
    }
  };

  return (
    <>
      <section aria-labelledby="rc-cancel-what" className="pb-stack">
        <Heading level={2} data-size="sm" id="rc-cancel-what">
          {t('rc.cancel.who', { name: enrolment.name })}
        </Heading>
        <dl className="pb-details">
          <dt>{t('rc.cancel.course')}</dt>
          <dd>{localized(enrolment.courseTitle, locale)}</dd>
          <dt>{t('rc.run.dates')}</dt>
          <dd>{t('rc.run.datesValue', { from: formatDate(enrolment.startsOn), to: formatDate(enrolment.endsOn) })}</dd>
          {enrolment.place && (
            <>
              <dt>{t('rc.run.where')}</dt>
              <dd>{enrolment.place}</dd>
            </>
          )}
          <dt>{t('rc.cancel.status')}</dt>
          <dd>
            {enrolment.status === 'cancelled'
              ? t('rc.cancel.alreadyCancelled')
              : waiting
                ? t('rc.cancel.waitlisted', { position: enrolment.position ?? '' })
                : t('rc.cancel.enrolled')}
          </dd>
        </dl>
      </section>
      {enrolment.status !== 'cancelled' && (
        <section aria-labelledby="rc-cancel-question" className="pb-stack">
          <Heading level={2} data-size="sm" id="rc-cancel-question">
            {t('rc.cancel.question')}
          </Heading>
          <Paragraph>{t(waiting ? 'rc.cancel.questionWaiting' : 'rc.cancel.questionText')}</Paragraph>
          {error && (
            <Alert data-color="danger" role="alert">
              {errorMessage(error, t)}
            </Alert>
          )}
          <div className="pb-actions">
            <Button data-color="danger" onClick={() => void cancel()} loading={busy} aria-disabled={busy || undefined}>
              {t('rc.cancel.confirm')}
            </Button>
            <RouterLink to="/recovery-college">{t('rc.cancel.keep')}</RouterLink>
          </div>
        </section>
      )}
    </>
  );
}
