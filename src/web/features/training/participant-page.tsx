import '../recruitment/recruitment.css';
import './training.css';
import { useParams } from 'react-router';
import { Heading } from '@digdir/designsystemet-react';
import type { ParticipantView } from '../../../shared/contracts/training.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useResource } from '../../app/use-api.ts';
import { Page } from '../../ui/page.tsx';
import { RouterLink } from '../../ui/router-link.tsx';
import { LoadError, Loading } from '../../ui/status.tsx';
import { OnThisPage } from '../recruitment/on-this-page.tsx';
import { AttendanceRate } from './attendance-rate.tsx';
import { participantApi } from './participant-api.ts';
import { ParticipantCheckins } from './participant-checkins.tsx';
import { ParticipantCompletion } from './participant-completion.tsx';
import { ParticipantFollowUp } from './participant-follow-up.tsx';
import { ParticipantHandIns } from './participant-hand-ins.tsx';

/** One participant as the training team follows them: notes, check-ins, hand-ins and completion. */
export function ParticipantPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const participant = useResource<ParticipantView>(participantApi.participant(id));

  if (participant.error) {
    return (
      <Page title={t('trainingWork.title')}>
        <LoadError error={participant.error} onRetry={participant.reload} />
      </Page>
    );
  }
  if (!participant.data) return <Loading />;
  const p = participant.data;

  return (
    <Page title={p.name}>
      <p>
        <RouterLink to={`/training/cohorts/${p.cohortId}`}>{t('trainingWork.back', { cohort: p.cohortTitle })}</RouterLink>
      </p>
      <OnThisPage
        links={[
          { id: 'participant-follow-up', label: t('trainingWork.followUp.heading') },
          { id: 'participant-checkins', label: t('trainingWork.checkins.heading') },
          { id: 'participant-hand-ins', label: t('trainingWork.handIns.heading') },
          { id: 'participant-completion', label: t('trainingWork.completion.heading') },
        ]}
      />
      <Details p={p} />
      <ParticipantFollowUp participantId={p.id} />
      <ParticipantCheckins participantId={p.id} />
      <ParticipantHandIns participantId={p.id} participantName={p.name} cohortId={p.cohortId} />
      <ParticipantCompletion p={p} onChanged={participant.reload} />
    </Page>
  );
}

function Details({ p }: { p: ParticipantView }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="participant-details" className="pb-stack">
      <Heading level={2} data-size="sm" id="participant-details">
        {t('trainingWork.details')}
      </Heading>
      <dl className="pb-details">
        <dt>{t('trainingWork.cohort')}</dt>
        <dd>{p.cohortTitle}</dd>
        <dt>{t('trainingWork.track')}</dt>
        <dd>{p.track ? t(`recruitment.track.${p.track}`) : '–'}</dd>
        <dt>
          {t('trainingWork.livelihood')} <span className="pb-subtle">{t('trainingWork.livelihoodHint')}</span>
        </dt>
        <dd>{t(p.livelihood ? `training.livelihood.${p.livelihood}` : 'training.livelihood.unknown')}</dd>
        <dt>{t('trainingWork.attendance')}</dt>
        <dd>
          <AttendanceRate summary={p.attendance} />
        </dd>
        <dt>{t('trainingWork.status')}</dt>
        <dd>{t(`training.participantStatus.${p.status}`)}</dd>
        {p.email && (
          <>
            <dt>{t('recruitment.application.email')}</dt>
            <dd>
              <a href={`mailto:${p.email}`}>{p.email}</a>
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}
