import { Card, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import type { MySessionView } from '../../../shared/contracts/training.ts';
import type { Page as ListPage } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useResource } from '../../app/use-api.ts';
import type { Participation } from './my-training-page.tsx';
import { useSessionTime } from './session-time.ts';

/**
 * The session coming up (or going on now), large at the top: when, where, what about, with whom,
 * and what to read. Leaders and materials come from the sessions list of the signed-in user.
 */
export function NextSession({ sessions }: { sessions: Participation['sessions'] }) {
  const { t } = useI18n();
  const time = useSessionTime();
  const now = Date.now();
  const next = [...sessions].sort((a, b) => a.startsAt.localeCompare(b.startsAt)).find((s) => Date.parse(s.endsAt) > now);
  const mine = useResource<ListPage<MySessionView>>(next ? '/api/sessions/mine?limit=10' : null);
  const detail = mine.data?.items.find((s) => s.id === next?.id);

  return (
    <section aria-labelledby="mt-next" className="pb-stack">
      <Heading level={2} data-size="sm" id="mt-next">
        {t('myTraining.next.heading')}
      </Heading>
      {!next ? (
        <Paragraph>{t('myTraining.next.none')}</Paragraph>
      ) : (
        <Card data-color="accent">
          <Paragraph data-size="lg">
            <strong>{time.range(next.startsAt, next.endsAt)}</strong>
          </Paragraph>
          <dl className="pb-details">
            {next.place && (
              <>
                <dt>{t('myTraining.where')}</dt>
                <dd>{next.place}</dd>
              </>
            )}
            {next.topic && (
              <>
                <dt>{t('myTraining.topic')}</dt>
                <dd>{next.topic}</dd>
              </>
            )}
            {detail && detail.leaders.length > 0 && (
              <>
                <dt>{t('myTraining.leaders')}</dt>
                <dd>{detail.leaders.map((l) => l.name).join(', ')}</dd>
              </>
            )}
            {detail && detail.materials.length > 0 && (
              <>
                <dt>{t('myTraining.materials')}</dt>
                <dd>
                  <ul className="pb-plain-list">
                    {detail.materials.map((m) => (
                      <li key={m.url}>
                        <Link href={m.url}>{m.label}</Link>
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            )}
          </dl>
        </Card>
      )}
    </section>
  );
}
