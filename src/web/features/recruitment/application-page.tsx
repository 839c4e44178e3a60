import './recruitment.css';
import { useParams } from 'react-router';
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import type { ApplicationDetail, IntakeView } from '../../../shared/contracts/recruitment.ts';
import { useCan } from '../../app/auth.tsx';
import { localeNames, useI18n } from '../../app/i18n.tsx';
import { useResource } from '../../app/use-api.ts';
import { Page } from '../../ui/page.tsx';
import { RouterLink } from '../../ui/router-link.tsx';
import { LoadError, Loading } from '../../ui/status.tsx';
import { DecisionDue } from './applications-list.tsx';
import { ApplicationLetter, SelfAssessmentList } from './application-letter.tsx';
import { DecisionPanel } from './decision-panel.tsx';
import { InterviewPanel, showsInterview } from './interview-panel.tsx';
import { OnThisPage } from './on-this-page.tsx';
import { ReviewPanel } from './review-panel.tsx';
import { StageTag } from './stage-tag.tsx';

/** One application as the training team works on it: read, review, interview, decide. */
export function ApplicationPage() {
  const { t } = useI18n();
  const can = useCan();
  const { id = '' } = useParams();
  const app = useResource<ApplicationDetail>(`/api/applications/${encodeURIComponent(id)}`);
  const intake = useResource<IntakeView>(app.data ? `/api/intakes/${encodeURIComponent(app.data.intakeId)}` : null);
  const failed = app.error ?? intake.error;

  if (failed) {
    return (
      <Page title={t('recruitment.application.title')}>
        <LoadError error={failed} onRetry={app.error ? app.reload : intake.reload} />
      </Page>
    );
  }
  if (!app.data || !intake.data) return <Loading />;
  const a = app.data;
  const i = intake.data;

  return (
    <Page title={a.name}>
      <p>
        <RouterLink to={`/recruitment/intakes/${a.intakeId}`}>{t('recruitment.application.back', { intake: a.intakeTitle })}</RouterLink>
      </p>
      <Paragraph>
        {a.reference} · <StageTag stage={a.stage} />
        {a.decisionDueOn && !a.decision && (
          <>
            {' '}
            · {t('recruitment.pipeline.col.decisionDue')}: <DecisionDue a={a} />
          </>
        )}
      </Paragraph>
      <OnThisPage
        links={[
          { id: 'app-letter', label: t('recruitment.application.letter') },
          ...(can('applications.review') ? [{ id: 'app-review', label: t('recruitment.review.heading') }] : []),
          ...(showsInterview(a) ? [{ id: 'app-interview', label: t('recruitment.interview.heading') }] : []),
          ...(can('applications.decide') ? [{ id: 'app-decision', label: t('recruitment.decision.heading') }] : []),
        ]}
      />
      <Contact a={a} />
      <ApplicationLetter a={a} />
      <SelfAssessmentList a={a} criteria={i.criteria} />
      <Timeline a={a} />
      {can('applications.review') && <ReviewPanel a={a} criteria={i.criteria} onChanged={app.reload} />}
      <InterviewPanel a={a} intake={i} onChanged={app.reload} />
      {can('applications.decide') && <DecisionPanel a={a} onChanged={app.reload} />}
    </Page>
  );
}

function Contact({ a }: { a: ApplicationDetail }) {
  const { t, formatDateTime } = useI18n();
  return (
    <section aria-labelledby="app-contact" className="pb-stack">
      <Heading level={2} data-size="sm" id="app-contact">
        {t('recruitment.application.contact')}
      </Heading>
      <dl className="pb-details">
        <dt>{t('recruitment.application.email')}</dt>
        <dd>
          <a href={`mailto:${a.email}`}>{a.email}</a>
        </dd>
        <dt>{t('recruitment.application.phone')}</dt>
        <dd>{a.phone || '–'}</dd>
        <dt>{t('recruitment.pipeline.col.municipality')}</dt>
        <dd>{a.municipality}</dd>
        <dt>{t('recruitment.form.tracks')}</dt>
        <dd>{t(`recruitment.track.${a.track}`)}</dd>
        <dt>{t('recruitment.application.language')}</dt>
        <dd>{localeNames[a.locale]}</dd>
        <dt>{t('recruitment.application.submitted')}</dt>
        <dd>{formatDateTime(a.submittedAt)}</dd>
        <dt>{t('recruitment.application.workingGoal')}</dt>
        <dd>{t(a.workingGoalAcknowledged ? 'recruitment.application.workingGoalYes' : 'recruitment.application.workingGoalNo')}</dd>
      </dl>
    </section>
  );
}

function Timeline({ a }: { a: ApplicationDetail }) {
  const { t, formatDateTime } = useI18n();
  const entries = [...a.timeline].sort((x, y) => x.at.localeCompare(y.at));
  return (
    <section aria-labelledby="app-timeline" className="pb-stack">
      <Heading level={2} data-size="sm" id="app-timeline">
        {t('recruitment.application.timeline')}
      </Heading>
      <ol className="pb-timeline">
        {entries.map((e, n) => (
          <li key={`${e.stage}-${e.at}`} data-ongoing={n === entries.length - 1}>
            <strong>{t(`recruitment.stage.${e.stage}`)}</strong> <span>{formatDateTime(e.at)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
