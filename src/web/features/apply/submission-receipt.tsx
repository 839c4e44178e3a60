import { useEffect } from 'react';
import { Paragraph } from '@digdir/designsystemet-react';
import type { PublicIntakeView, SubmissionResult } from '../../../shared/contracts/recruitment.ts';
import { useI18n } from '../../app/i18n.tsx';
import { Page } from '../../ui/page.tsx';
import { RouterLink } from '../../ui/router-link.tsx';
import { useEmbedQuery } from './embed.ts';

interface Props {
  intake: PublicIntakeView;
  result: SubmissionResult;
  email: string;
}

const titles = {
  created: 'apply.done.createdTitle',
  updated: 'apply.done.updatedTitle',
  update_pending: 'apply.done.pendingTitle',
} as const;

/** What the applicant sees once the application is in: the reference, where it was e-mailed, and what comes next. */
export function SubmissionReceipt({ intake, result, email }: Props) {
  const { t, formatDateTime } = useI18n();
  const embed = useEmbedQuery();

  useEffect(() => {
    // The address did not change, so the shell does not move focus; start readers at the news.
    window.scrollTo(0, 0);
    document.getElementById('main')?.focus();
  }, []);

  return (
    <Page title={t(titles[result.outcome])}>
      <div className="pb-calm pb-stack">
        <Paragraph>{t('apply.done.reference')}</Paragraph>
        <Paragraph data-size="xl">
          <strong>{result.reference}</strong>
        </Paragraph>
      </div>
      {result.outcome === 'update_pending' ? (
        <Paragraph>{t('apply.done.pendingText', { email })}</Paragraph>
      ) : (
        <>
          <Paragraph>{t(result.outcome === 'created' ? 'apply.done.createdText' : 'apply.done.updatedText', { email })}</Paragraph>
          <Paragraph>{t('apply.done.next', { deadline: formatDateTime(intake.deadline) })}</Paragraph>
        </>
      )}
      {result.statusToken && (
        <Paragraph>
          <RouterLink to={`/application${embed}#${result.statusToken}`}>{t('apply.done.statusLink')}</RouterLink>
        </Paragraph>
      )}
    </Page>
  );
}
