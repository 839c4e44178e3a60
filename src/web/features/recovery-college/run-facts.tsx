import type { PublicRunView } from '../../../shared/contracts/recovery-college.ts';
import { useI18n, type Translate } from '../../app/i18n.tsx';
import { useSessionTime } from '../my-training/session-time.ts';

/** "3 places left", or that the run is full and takes a waiting list: said in words, never only in colour. */
export function placesText(run: PublicRunView, t: Translate): string {
  if (run.placesLeft === null) return t('rc.places.open');
  if (run.placesLeft === 0) return t('rc.places.full');
  return run.placesLeft === 1 ? t('rc.places.leftOne') : t('rc.places.left', { count: run.placesLeft });
}

interface Props {
  run: PublicRunView;
  /** List each session's day and time, not only how many there are. */
  withSessions?: boolean;
  /** The dates stand in a heading above already. */
  datesShown?: boolean;
}

/** One run's dates, place, sessions, leaders and places. */
export function RunFacts({ run, withSessions = false, datesShown = false }: Props) {
  const { t, formatDate } = useI18n();
  const time = useSessionTime();
  const count = run.sessions.length;
  return (
    <dl className="pb-details">
      {!datesShown && (
        <>
          <dt>{t('rc.run.dates')}</dt>
          <dd>{t('rc.run.datesValue', { from: formatDate(run.startsOn), to: formatDate(run.endsOn) })}</dd>
        </>
      )}
      {run.place && (
        <>
          <dt>{t('rc.run.where')}</dt>
          <dd>{run.place}</dd>
        </>
      )}
      {count > 0 && (
        <>
          <dt>{t('rc.run.sessions')}</dt>
          <dd>
            {withSessions ? (
              <ul className="pb-plain-list">
                {run.sessions.map((s) => (
                  <li key={s.startsAt}>
                    {time.range(s.startsAt, s.endsAt)}
                    {s.place && s.place !== run.place ? `, ${s.place}` : ''}
                  </li>
                ))}
              </ul>
            ) : count === 1 ? (
              t('rc.run.sessionCountOne')
            ) : (
              t('rc.run.sessionCount', { count })
            )}
          </dd>
        </>
      )}
      {run.leaders.length > 0 && (
        <>
          <dt>{t('rc.run.leaders')}</dt>
          <dd>
            <ul className="pb-plain-list">
              {run.leaders.map((l) => (
                <li key={l.name}>{l.livedExperience ? t('rc.leader.lived', { name: l.name }) : l.name}</li>
              ))}
            </ul>
          </dd>
        </>
      )}
      <dt>{t('rc.run.places')}</dt>
      <dd>
        <strong>{placesText(run, t)}</strong>
        {run.placesLeft === 0 && run.waitingListLength > 0 && <div>{t('rc.places.waiting', { count: run.waitingListLength })}</div>}
      </dd>
    </dl>
  );
}
