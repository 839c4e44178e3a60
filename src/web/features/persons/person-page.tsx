import { useParams } from 'react-router';
import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useCan } from '../../app/auth.tsx';
import { localeNames, useI18n } from '../../app/i18n.tsx';
import { useResource } from '../../app/use-api.ts';
import { Page } from '../../ui/page.tsx';
import { RouterLink } from '../../ui/router-link.tsx';
import { LoadError, Loading } from '../../ui/status.tsx';
import { AccessLogTable } from './access-log-table.tsx';
import { ErasePerson } from './erase-person.tsx';
import type { PersonView, Stage } from './person-types.ts';

export function PersonPage() {
  const { t, formatDateTime } = useI18n();
  const can = useCan();
  const { id = '' } = useParams();
  const base = `/api/persons/${encodeURIComponent(id)}`;
  const person = useResource<PersonView>(base);

  if (person.error) {
    return (
      <Page title={t('persons.title')}>
        <LoadError error={person.error} onRetry={person.reload} />
      </Page>
    );
  }
  if (!person.data) return <Loading />;
  const p = person.data;

  return (
    <Page title={p.fullName}>
      <p>
        <RouterLink to="/admin/persons">{t('person.back')}</RouterLink>
      </p>
      <section aria-labelledby="person-details" className="pb-stack">
        <Heading level={2} data-size="sm" id="person-details">
          {t('person.details')}
        </Heading>
        <dl className="pb-details">
          <dt>{t('person.email')}</dt>
          <dd>{p.email ?? '–'}</dd>
          <dt>{t('person.phone')}</dt>
          <dd>{p.phone ?? '–'}</dd>
          <dt>{t('person.locale')}</dt>
          <dd>{localeNames[p.preferredLocale]}</dd>
          <dt>{t('person.createdAt')}</dt>
          <dd>{formatDateTime(p.createdAt)}</dd>
          <dt>{t('person.notes')}</dt>
          <dd className="pb-prewrap">{p.notes || '–'}</dd>
        </dl>
      </section>

      <section aria-labelledby="person-stages" className="pb-stack">
        <Heading level={2} data-size="sm" id="person-stages">
          {t('person.stages')}
        </Heading>
        <StageTimeline stages={p.stages} />
      </section>

      {can('audit.read') && (
        <section aria-labelledby="person-access" className="pb-stack">
          <Heading level={2} data-size="sm" id="person-access">
            {t('person.accessLog', { name: p.fullName })}
          </Heading>
          <AccessLogTable path={`${base}/access-log`} />
        </section>
      )}

      {can('persons.manage') && (
        <div className="pb-actions">
          <Button asChild variant="secondary">
            <a href={`${base}/export`} download={`person-${p.id}.json`}>
              {t('person.export')}
            </a>
          </Button>
          <ErasePerson person={p} />
        </div>
      )}
    </Page>
  );
}

function StageTimeline({ stages }: { stages: readonly Stage[] }) {
  const { t, formatDate } = useI18n();
  if (stages.length === 0) return <Paragraph>{t('person.stagesEmpty')}</Paragraph>;
  const ordered = [...stages].sort((a, b) => a.startedOn.localeCompare(b.startedOn));
  return (
    <ol className="pb-timeline">
      {ordered.map((s) => (
        <li key={`${s.kind}-${s.startedOn}`} data-ongoing={s.endedOn === null}>
          <strong>{t(`stage.${s.kind}`)}</strong>{' '}
          <span>
            {t('person.stageRange', {
              from: formatDate(s.startedOn),
              to: s.endedOn ? formatDate(s.endedOn) : t('person.stageOngoing'),
            })}
          </span>
        </li>
      ))}
    </ol>
  );
}
