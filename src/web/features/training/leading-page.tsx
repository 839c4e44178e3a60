import './training.css';
import { Button, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import type { MySessionView } from '../../../shared/contracts/training.ts';
import { useI18n } from '../../app/i18n.tsx';
import { usePagedList } from '../../app/use-api.ts';
import { Page } from '../../ui/page.tsx';
import { LoadError, Loading } from '../../ui/status.tsx';
import { localized } from '../recruitment/recruitment-format.ts';
import { CalendarFeed } from './calendar-feed.tsx';
import { TakeAttendanceLink } from './take-attendance-link.tsx';
import { useSessionTime } from './training-format.ts';

/** The sessions I lead, from today, soonest first, each with the way to its attendance. */
export function LeadingPage() {
  const { t, locale } = useI18n();
  const sessionTime = useSessionTime();
  const list = usePagedList<MySessionView>('/api/sessions/mine');
  const leading = list.items.filter((s) => s.role === 'leader');

  return (
    <Page title={t('nav.leading')}>
      <Paragraph>{t('training.leading.intro')}</Paragraph>
      {list.error && <LoadError error={list.error} onRetry={list.reload} />}
      {leading.length > 0 && (
        <ul className="pb-plain-list">
          {leading.map((s) => (
            <li key={s.id} className="pb-session-card">
              <Heading level={2} data-size="2xs">
                {sessionTime(s)}
              </Heading>
              <div>
                {s.cohortTitle} · {localized(s.courseTitle, locale)}
              </div>
              {(s.topic || s.place) && <div className="pb-subtle">{[s.topic, s.place].filter(Boolean).join(' · ')}</div>}
              <div className="pb-actions">
                <TakeAttendanceLink session={s} name={sessionTime(s)} />
                {s.attendanceTaken && (
                  <Tag data-color="success" data-size="sm">
                    {t('training.leading.taken')}
                  </Tag>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {list.loading && <Loading />}
      {!list.loading && !list.error && leading.length === 0 && <Paragraph>{t('training.leading.empty')}</Paragraph>}
      {!list.loading && list.hasMore && (
        <div>
          <Button variant="secondary" onClick={list.loadMore}>
            {t('common.loadMore')}
          </Button>
        </div>
      )}
      <CalendarFeed />
    </Page>
  );
}
