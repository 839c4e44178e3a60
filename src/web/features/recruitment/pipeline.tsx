import { useState } from 'react';
import { Link } from 'react-router';
import { Button, Checkbox, Field, Label, Select, Textfield } from '@digdir/designsystemet-react';
import { applicationStages, type ApplicationSummary, type IntakeView } from '../../../shared/contracts/recruitment.ts';
import { useCan } from '../../app/auth.tsx';
import { useT } from '../../app/i18n.tsx';
import { usePagedList } from '../../app/use-api.ts';
import { useUrlFilters } from '../../app/use-url-filters.ts';
import { ApplicationsList } from './applications-list.tsx';
import { BulkActions } from './bulk-actions.tsx';
import { totalApplications } from './intake-status.tsx';

/**
 * The applications of one intake: a link per stage with its count, search and filters (all kept in
 * the URL), and the list with checkboxes for moving several at once.
 */
export function Pipeline({ intake, onChanged }: { intake: IntakeView; onChanged: () => void }) {
  const t = useT();
  const can = useCan();
  const { params, draft, setField, apply } = useUrlFilters(['q', 'track', 'overdue'] as const);
  const stage = params.get('stage') ?? '';
  const list = usePagedList<ApplicationSummary>('/api/applications', {
    intakeId: intake.id,
    stage,
    track: params.get('track'),
    overdue: params.get('overdue'),
    q: params.get('q'),
  });
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const visible = list.items.filter((a) => selected.has(a.id)).map((a) => a.id);

  const stageLink = (value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set('stage', value);
    else next.delete('stage');
    return { search: next.toString() };
  };
  const toggle = (id: string, on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <div className="pb-stack">
      <nav aria-label={t('recruitment.pipeline.stages')}>
        <ul className="pb-stage-links">
          <li>
            <Link to={stageLink('')} aria-current={stage === '' ? 'true' : undefined}>
              {t('recruitment.pipeline.all')} <span className="pb-count">{totalApplications(intake)}</span>
            </Link>
          </li>
          {applicationStages.map((s) => (
            <li key={s}>
              <Link to={stageLink(s)} aria-current={stage === s ? 'true' : undefined}>
                {t(`recruitment.stage.${s}`)} <span className="pb-count">{intake.counts[s] ?? 0}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <form role="search" onSubmit={apply} className="pb-filters">
        <Textfield label={t('recruitment.pipeline.search')} type="search" value={draft.q} onChange={(e) => setField('q', e.target.value)} />
        {intake.tracks.length > 1 && (
          <Field>
            <Label htmlFor="filter-track">{t('recruitment.form.tracks')}</Label>
            <Select id="filter-track" value={draft.track} onChange={(e) => setField('track', e.target.value)}>
              <Select.Option value="">{t('recruitment.pipeline.anyTrack')}</Select.Option>
              {intake.tracks.map((tr) => (
                <Select.Option key={tr} value={tr}>
                  {t(`recruitment.track.${tr}`)}
                </Select.Option>
              ))}
            </Select>
          </Field>
        )}
        <Checkbox
          label={t('recruitment.pipeline.onlyOverdue')}
          checked={draft.overdue === 'true'}
          onChange={(e) => setField('overdue', e.target.checked ? 'true' : '')}
        />
        <div className="pb-filters__submit">
          <Button type="submit" variant="secondary">
            {t('recruitment.pipeline.filter')}
          </Button>
        </div>
      </form>

      {can('applications.review') && (
        <BulkActions
          shown={list.items}
          selectedIds={visible}
          onSelectAll={(on) => setSelected(new Set(on ? list.items.map((a) => a.id) : []))}
          onDone={() => {
            setSelected(new Set());
            list.reload();
            onChanged();
          }}
        />
      )}
      <ApplicationsList list={list} selectable={can('applications.review')} selected={selected} onToggle={toggle} />
    </div>
  );
}
