import type { FunnelView } from '../../../shared/contracts/recruitment.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useResource } from '../../app/use-api.ts';
import { BarChart } from '../../ui/bar-chart.tsx';
import { LoadError, Loading } from '../../ui/status.tsx';

/** How far the intake's applicants have come, as a chart, and how fast decisions follow interviews. */
export function IntakeFunnel({ intakeId }: { intakeId: string }) {
  const { t, locale } = useI18n();
  const funnel = useResource<FunnelView>(`/api/intakes/${encodeURIComponent(intakeId)}/funnel`);
  if (funnel.error) return <LoadError error={funnel.error} onRetry={funnel.reload} />;
  if (!funnel.data) return <Loading />;
  const f = funnel.data;

  return (
    <div className="pb-stack">
      <BarChart
        title={t('recruitment.funnel.chart')}
        items={[
          { label: t('recruitment.funnel.applied'), value: f.applied },
          { label: t('recruitment.funnel.reviewed'), value: f.reviewed },
          { label: t('recruitment.funnel.interviewed'), value: f.interviewed },
          { label: t('recruitment.funnel.admitted'), value: f.admitted },
        ]}
      />
      <dl className="pb-details">
        <dt>{t('recruitment.funnel.median')}</dt>
        <dd>
          {f.medianDaysInterviewToDecision === null
            ? t('recruitment.funnel.medianNone')
            : t('recruitment.funnel.days', { days: f.medianDaysInterviewToDecision.toLocaleString(locale) })}
        </dd>
        <dt>{t('recruitment.funnel.overdue')}</dt>
        <dd>{f.overdueDecisions}</dd>
        <dt>{t('recruitment.stage.waitlisted')}</dt>
        <dd>{f.waitlisted}</dd>
        <dt>{t('recruitment.stage.not_admitted')}</dt>
        <dd>{f.notAdmitted}</dd>
        <dt>{t('recruitment.stage.withdrawn')}</dt>
        <dd>{f.withdrawn}</dd>
      </dl>
    </div>
  );
}
