import { useState } from 'react';
import { Button, Table, Tag } from '@digdir/designsystemet-react';
import type { TeamSlotView } from '../../../shared/contracts/recruitment.ts';
import { api, type Page } from '../../app/api.ts';
import { useCan } from '../../app/auth.tsx';
import { useI18n } from '../../app/i18n.tsx';
import { useResource } from '../../app/use-api.ts';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { FormErrors } from '../../ui/form-errors.tsx';
import { ListTable } from '../../ui/list-table.tsx';
import { RouterLink } from '../../ui/router-link.tsx';
import { Saved } from '../../ui/status.tsx';
import { SlotForm } from './slot-form.tsx';
import { SlotPlace, useSlotTime } from './slot-place.tsx';
import { useAction } from './use-action.ts';

/** The intake's interview slots, booked or free; the team adds and removes them here. */
export function InterviewSlots({ intakeId }: { intakeId: string }) {
  const { t } = useI18n();
  const can = useCan();
  const slotTime = useSlotTime();
  const slots = useResource<Page<TeamSlotView>>(`/api/interview-slots?intakeId=${encodeURIComponent(intakeId)}`);
  const [removing, setRemoving] = useState<TeamSlotView | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const items = [...(slots.data?.items ?? [])].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const manage = can('intakes.manage');
  // A slot that has begun is history: the interview happened, or it is too late to move it.
  const now = Date.now();

  const remove = async (slot: TeamSlotView) => {
    setNotice(null);
    const ok = await run(() => api(`/api/interview-slots/${slot.id}`, { method: 'DELETE' }));
    setRemoving(null);
    if (ok) {
      setNotice(t('recruitment.slots.removed', { time: slotTime(slot) }));
      slots.reload();
    }
  };

  return (
    <div className="pb-stack">
      <Saved>{notice}</Saved>
      <FormErrors error={error} labels={{}} />
      <ListTable
        caption={t('recruitment.slots.caption')}
        headers={[
          t('recruitment.slots.col.time'),
          t('recruitment.slots.col.place'),
          t('recruitment.slots.col.interviewers'),
          t('recruitment.slots.col.booked'),
          ...(manage ? [t('common.actions')] : []),
        ]}
        rowCount={items.length}
        emptyText={t('recruitment.slots.empty')}
        loading={slots.loading && !slots.data}
        error={slots.error}
        onRetry={slots.reload}
      >
        {items.map((slot) => (
          <Table.Row key={slot.id}>
            <Table.Cell className="pb-nowrap">{slotTime(slot)}</Table.Cell>
            <Table.Cell>
              <SlotPlace slot={slot} />
            </Table.Cell>
            <Table.Cell>{slot.interviewers.map((i) => i.name).join(', ')}</Table.Cell>
            <Table.Cell>
              {slot.booked ? (
                <RouterLink to={`/recruitment/applications/${slot.booked.applicationId}`}>
                  {slot.booked.name} ({slot.booked.reference})
                </RouterLink>
              ) : (
                <Tag data-color="success" data-size="sm">
                  {t('recruitment.slots.free')}
                </Tag>
              )}
            </Table.Cell>
            {manage && (
              <Table.Cell>
                {Date.parse(slot.startsAt) > now && (
                  <Button
                    variant="tertiary"
                    data-size="sm"
                    data-color="danger"
                    aria-label={t('recruitment.slots.removeNamed', { time: slotTime(slot) })}
                    onClick={() => setRemoving(slot)}
                  >
                    {t('recruitment.slots.remove')}
                  </Button>
                )}
              </Table.Cell>
            )}
          </Table.Row>
        ))}
      </ListTable>
      {manage && (
        <SlotForm
          intakeId={intakeId}
          onAdded={(slot) => {
            setNotice(t('recruitment.slots.added', { time: slotTime(slot) }));
            slots.reload();
          }}
        />
      )}
      <ConfirmDialog
        open={removing !== null}
        title={t('recruitment.slots.removeTitle', { time: removing ? slotTime(removing) : '' })}
        body={
          removing?.booked
            ? t('recruitment.slots.removeBooked', { name: removing.booked.name })
            : t('recruitment.slots.removeFree')
        }
        confirmLabel={t('recruitment.slots.remove')}
        danger
        busy={busy}
        onConfirm={() => removing && void remove(removing)}
        onCancel={() => setRemoving(null)}
      />
    </div>
  );
}
