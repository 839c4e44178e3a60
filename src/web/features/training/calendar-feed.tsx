import { useState } from 'react';
import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import type { calendarFeedView } from '../../../shared/contracts/training.ts';
import type { z } from 'zod';
import { api } from '../../app/api.ts';
import { useT } from '../../app/i18n.tsx';
import { FormErrors } from '../../ui/form-errors.tsx';
import { useAction } from '../recruitment/use-action.ts';

/**
 * A secret calendar address of the sessions I lead or take part in, for a phone's or Outlook's
 * calendar. The address is shown once: asking again makes a new one and stops the old.
 */
export function CalendarFeed() {
  const t = useT();
  const [url, setUrl] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const { busy, error, run } = useAction();

  const subscribe = () =>
    run(async () => {
      setCopied(false);
      setUrl((await api<z.infer<typeof calendarFeedView>>('/api/calendar-feed', { method: 'POST' })).url);
    });

  const copy = async () => {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  return (
    <section aria-labelledby="calendar" className="pb-stack">
      <Heading level={2} data-size="sm" id="calendar" tabIndex={-1}>
        {t('training.calendar.heading')}
      </Heading>
      <Paragraph>{t('training.calendar.intro')}</Paragraph>
      <FormErrors error={error} labels={{}} />
      {url && (
        <>
          <Textfield label={t('training.calendar.url')} description={t('training.calendar.urlHint')} readOnly value={url} onFocus={(e) => e.target.select()} className="pb-secret" />
          <div className="pb-actions">
            <Button variant="secondary" onClick={() => void copy()}>
              {t('training.calendar.copy')}
            </Button>
            <span role="status">{copied ? t('training.calendar.copied') : ''}</span>
          </div>
        </>
      )}
      <div>
        <Button variant={url ? 'tertiary' : 'secondary'} loading={busy} onClick={() => void subscribe()}>
          {t(url ? 'training.calendar.renew' : 'training.calendar.subscribe')}
        </Button>
      </div>
    </section>
  );
}
