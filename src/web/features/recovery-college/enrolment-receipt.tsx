import { useEffect } from 'react';
import { Paragraph } from '@digdir/designsystemet-react';
import { useI18n } from '../../app/i18n.tsx';
import { Page } from '../../ui/page.tsx';
import { RouterLink } from '../../ui/router-link.tsx';
import type { Enrolled } from './enrol-form.tsx';

interface Props extends Enrolled {
  courseTitle: string;
  backTo: string;
}

/** Where the person stands after enrolling: a place, or their number on the waiting list, and what happens next. */
export function EnrolmentReceipt({ result, email, courseTitle, backTo }: Props) {
  const { t } = useI18n();

  useEffect(() => {
    // The address did not change, so the shell does not move focus; start readers at the news.
    window.scrollTo(0, 0);
    document.getElementById('main')?.focus();
  }, []);

  const cancelPath = result.cancelUrl ? new URL(result.cancelUrl, window.location.origin) : null;
  const title = result.alreadyEnrolled ? 'rc.done.alreadyTitle' : result.status === 'enrolled' ? 'rc.done.enrolledTitle' : 'rc.done.waitlistedTitle';

  return (
    <Page title={t(title)}>
      {result.alreadyEnrolled ? (
        <Paragraph>{t('rc.done.alreadyText', { email })}</Paragraph>
      ) : result.status === 'enrolled' ? (
        <Paragraph>{t('rc.done.enrolledText', { course: courseTitle, email })}</Paragraph>
      ) : (
        <>
          <Paragraph className="pb-calm">{t('rc.done.waitlistedText', { position: result.position ?? '', course: courseTitle })}</Paragraph>
          <Paragraph>{t('rc.done.waitlistedMail', { email })}</Paragraph>
        </>
      )}
      <Paragraph>
        {t('rc.done.cancelHint')}
        {cancelPath && (
          <>
            {' '}
            <RouterLink to={cancelPath.pathname + cancelPath.hash}>{t('rc.done.cancelNow')}</RouterLink>
          </>
        )}
      </Paragraph>
      <Paragraph>
        <RouterLink to={backTo}>{t('rc.back')}</RouterLink>
      </Paragraph>
    </Page>
  );
}
