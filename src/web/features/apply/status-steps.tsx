import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { decisions, type ApplicationStage, type ApplicationStatusView, type Decision } from '../../../shared/contracts/recruitment.ts';
import { useI18n, type Translate } from '../../app/i18n.tsx';

const steps = ['received', 'under_review', 'interview_invited', 'interviewed', 'decision'] as const;
type Step = (typeof steps)[number] | 'withdrawn';

const isDecision = (stage: ApplicationStage): stage is Decision => (decisions as readonly string[]).includes(stage);
const stepOf = (stage: ApplicationStage): Step => (isDecision(stage) ? 'decision' : (stage as Step));

/** When the application last reached this step, from its history. */
function reachedAt(status: ApplicationStatusView, step: Step): string | undefined {
  return status.timeline.filter((e) => stepOf(e.stage) === step).at(-1)?.at;
}

/**
 * Where the application stands, as the steps every application goes through with the date each was
 * reached, and in one sentence what happens next.
 */
export function StatusSteps({ status }: { status: ApplicationStatusView }) {
  const { t, formatDate } = useI18n();
  const current = stepOf(status.stage);
  const withdrawn = current === 'withdrawn';
  // A withdrawn application shows the steps it got through, then the withdrawal.
  const shown: Step[] = withdrawn ? [...steps.filter((s) => reachedAt(status, s)), 'withdrawn'] : [...steps];
  const currentIndex = shown.indexOf(current);

  const stage = status.stage;
  const label = (step: Step) => (step === 'decision' && isDecision(stage) ? t(`apply.decision.${stage}`) : t(`apply.step.${step}`));

  return (
    <section aria-labelledby="status-steps" className="pb-stack">
      <Heading level={2} data-size="sm" id="status-steps">
        {t('apply.status.where')}
      </Heading>
      <ol className="pb-timeline">
        {shown.map((step, i) => {
          const at = reachedAt(status, step);
          const state = i < currentIndex ? 'done' : i === currentIndex ? 'current' : 'later';
          return (
            <li key={step} data-ongoing={state === 'current'} aria-current={state === 'current' ? 'step' : undefined}>
              <strong>{label(step)}</strong>
              <br />
              <span>
                {state === 'later'
                  ? t('apply.status.later')
                  : t(state === 'current' ? 'apply.status.now' : 'apply.status.done', { date: at ? formatDate(at) : '–' })}
              </span>
            </li>
          );
        })}
      </ol>
      <Paragraph className="pb-calm">{nextStep(status, t)}</Paragraph>
    </section>
  );
}

function nextStep(status: ApplicationStatusView, t: Translate): string {
  switch (status.stage) {
    case 'received':
    case 'under_review':
      return t('apply.next.review');
    case 'interview_invited':
      return t(status.interview ? 'apply.next.interviewBooked' : 'apply.next.chooseTime');
    case 'interviewed':
      return t('apply.next.decision');
    case 'withdrawn':
      return t('apply.next.withdrawn');
    default:
      return t('apply.next.decided');
  }
}
