import { useState } from 'react';
import { Alert, Button, Details, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import type { z } from 'zod';
import type { calendarFeedView } from '../../../shared/contracts/training.ts';
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { errorMessage } from '../../ui/form-errors.tsx';
import { Saved } from '../../ui/status.tsx';
import { useAction } from '../recruitment/use-action.ts';

/** "Add my sessions to my calendar": a secret subscription URL to copy, with how to add it. */
export function CalendarFeed() {
  const { t } = useI18n();
  const [url, setUrl] = useState<string | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const action = useAction();

  const create = () =>
    void action.run(async () => {
      const feed = await api<z.infer<typeof calendarFeedView>>('/api/calendar-feed', { method: 'POST' });
      setCopied(null);
      setUrl(feed.url);
    });

  const copy = async () => {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setCopied(t('myTraining.calendar.copied'));
    } catch {
      setCopied(t('myTraining.calendar.copyFailed'));
    }
  };

  return (
    <section aria-labelledby="mt-calendar" className="pb-stack">
      <Heading level={2} data-size="sm" id="mt-calendar">
        {t('myTraining.calendar.heading')}
      </Heading>
      <Paragraph>{t('myTraining.calendar.intro')}</Paragraph>
      <Paragraph>{t('myTraining.calendar.private')}</Paragraph>
      {action.error && (
        <Alert data-color="danger" role="alert">
          {errorMessage(action.error, t)}
        </Alert>
      )}
      {url && (
        <>
          <Textfield className="pb-secret" label={t('myTraining.calendar.label')} value={url} readOnly onFocus={(e) => e.currentTarget.select()} />
          <div>
            <Button onClick={() => void copy()}>{t('myTraining.calendar.copy')}</Button>
          </div>
          <Saved>{copied}</Saved>
        </>
      )}
      <div>
        <Button variant={url ? 'secondary' : 'primary'} onClick={create} loading={action.busy} aria-disabled={action.busy || undefined}>
          {t(url ? 'myTraining.calendar.createAgain' : 'myTraining.calendar.create')}
        </Button>
      </div>
      <Details>
        <Details.Summary>{t('myTraining.calendar.howTo')}</Details.Summary>
        <Details.Content>
          <ul>
            <li>{t('myTraining.calendar.iphone')}</li>
            <li>{t('myTraining.calendar.google')}</li>
            <li>{t('myTraining.calendar.outlook')}</li>
          </ul>
        </Details.Content>
      </Details>
    </section>
  );
}
