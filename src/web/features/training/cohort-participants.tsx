import { useState } from 'react';
import { Select, Table, Tag } from '@digdir/designsystemet-react';
import { livelihoods, type Livelihood, type ParticipantStatus, type ParticipantView } from '../../../shared/contracts/training.ts';
import { api } from '../../app/api.ts';
import { useT } from '../../app/i18n.tsx';
import { FormErrors } from '../../ui/form-errors.tsx';
import { ListTable } from '../../ui/list-table.tsx';
import { RouterLink } from '../../ui/router-link.tsx';
import { Saved } from '../../ui/status.tsx';
import { useAction } from '../recruitment/use-action.ts';
import { AttendanceRate } from './attendance-rate.tsx';

const statusColours: Record<ParticipantStatus, 'info' | 'success' | 'neutral'> = { active: 'info', completed: 'success', interrupted: 'neutral' };

/**
 * The cohort's participants with their attendance rate, track, status and livelihood during the
 * training. Livelihood decides what a participant must report, and when (seed 002); only the team sees it.
 */
export function CohortParticipants({ participants, onChanged }: { participants: readonly ParticipantView[]; onChanged: () => void }) {
  const t = useT();
  const [notice, setNotice] = useState<string | null>(null);
  const { error, run } = useAction();
  const sorted = [...participants].sort((a, b) => a.name.localeCompare(b.name));

  const setLivelihood = async (p: ParticipantView, value: string) => {
    setNotice(null);
    const livelihood = value === '' ? null : (value as Livelihood);
    const ok = await run(() => api(`/api/participants/${p.id}`, { method: 'PATCH', body: { livelihood } }));
    if (ok) {
      setNotice(t('training.participants.livelihoodSaved', { name: p.name, livelihood: livelihood ? t(`training.livelihood.${livelihood}`) : t('training.livelihood.unknown') }));
      onChanged();
    }
  };

  return (
    <div className="pb-stack">
      <Saved>{notice}</Saved>
      <FormErrors error={error} labels={{}} />
      <ListTable
        caption={t('training.participants.caption')}
        headers={[t('training.participants.col.name'), t('training.participants.col.track'), t('training.participants.col.attendance'), t('training.participants.col.livelihood'), t('training.participants.col.status')]}
        rowCount={sorted.length}
        emptyText={t('training.participants.empty')}
        loading={false}
        error={null}
      >
        {sorted.map((p) => (
          <Table.Row key={p.id}>
            <Table.Cell>
              <RouterLink to={`/training/participants/${p.id}`}>{p.name}</RouterLink>
              {p.email && <span className="pb-subtle pb-block">{p.email}</span>}
            </Table.Cell>
            <Table.Cell>{p.track ? t(`recruitment.track.${p.track}`) : '–'}</Table.Cell>
            <Table.Cell>
              <AttendanceRate summary={p.attendance} />
            </Table.Cell>
            <Table.Cell>
              <Select
                aria-label={t('training.participants.livelihoodOf', { name: p.name })}
                data-size="sm"
                value={p.livelihood ?? ''}
                onChange={(e) => void setLivelihood(p, e.target.value)}
              >
                <Select.Option value="">{t('training.livelihood.unknown')}</Select.Option>
                {livelihoods.map((l) => (
                  <Select.Option key={l} value={l}>
                    {t(`training.livelihood.${l}`)}
                  </Select.Option>
                ))}
              </Select>
            </Table.Cell>
            <Table.Cell>
              <Tag data-color={statusColours[p.status]} data-size="sm">
                {t(`training.participantStatus.${p.status}`)}
              </Tag>
            </Table.Cell>
          </Table.Row>
        ))}
      </ListTable>
    </div>
  );
}
