import { useState } from 'react';
import { Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { CancelEnrolmentByTeamResult, EnrolmentList, EnrolmentView } from '../../../shared/contracts/recovery-college.ts';
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useResource } from '../../app/use-api.ts';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { FormErrors } from '../../ui/form-errors.tsx';
import { ListTable } from '../../ui/list-table.tsx';
import { LoadError, Loading, Saved } from '../../ui/status.tsx';
import { useAction } from '../recruitment/use-action.ts';
import { StaffAttendeesForm } from './staff-attendees-form.tsx';

/**
 * Who has a place in a Recovery College course or a staff introduction, the waiting list in its
 * order, and who cancelled. Cancelling someone gives their place to the first on the waiting list.
 */
export function CohortEnrolments({ cohortId, staff }: { cohortId: string; staff: boolean }) {
  const { t, formatDateTime } = useI18n();
  const list = useResource<EnrolmentList>(`/api/enrolments?cohortId=${encodeURIComponent(cohortId)}`);
  const [cancelling, setCancelling] = useState<EnrolmentView | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error, run } = useAction();

  if (list.error) return <LoadError error={list.error} onRetry={list.reload} />;
  if (!list.data) return <Loading />;
  const { items, cancelled, capacity, placesLeft } = list.data;
  const enrolled = items.filter((e) => e.status === 'enrolled');
  const waiting = items.filter((e) => e.status === 'waitlisted');

  const cancel = async (e: EnrolmentView) => {
    setNotice(null);
    const ok = await run(async () => {
      const result = await api<CancelEnrolmentByTeamResult>(`/api/enrolments/${e.id}/cancel`, { method: 'POST' });
      setNotice(
        [t('training.enrolments.cancelled', { name: result.cancelled.name }), result.promoted ? t('training.enrolments.promoted', { name: result.promoted.name }) : ''].join(' ').trim(),
      );
    });
    setCancelling(null);
    if (ok) list.reload();
  };

  const cancelButton = (e: EnrolmentView) => (
    <Button variant="tertiary" data-size="sm" aria-label={t('training.enrolments.cancelNamed', { name: e.name })} onClick={() => setCancelling(e)}>
      {t('training.enrolments.cancel')}
    </Button>
  );

  return (
    <div className="pb-stack">
      <Saved>{notice}</Saved>
      <FormErrors error={error} labels={{}} />
      <Paragraph>
        {capacity === null
          ? t('training.enrolments.noLimit', { count: enrolled.length })
          : t('training.enrolments.places', { count: enrolled.length, capacity, left: placesLeft ?? 0 })}
      </Paragraph>
      <ListTable
        caption={t('training.enrolments.enrolledCaption')}
        headers={[t('training.enrolments.col.name'), t('training.enrolments.col.email'), t('training.enrolments.col.enrolledAt'), t('common.actions')]}
        rowCount={enrolled.length}
        emptyText={t('training.enrolments.noneEnrolled')}
        loading={false}
        error={null}
      >
        {enrolled.map((e) => (
          <Table.Row key={e.id}>
            <Table.Cell>{e.name}</Table.Cell>
            <Table.Cell>{e.email}</Table.Cell>
            <Table.Cell className="pb-nowrap">
              {formatDateTime(e.enrolledAt)}
              {e.promotedAt && <span className="pb-subtle pb-block">{t('training.enrolments.movedUp', { date: formatDateTime(e.promotedAt) })}</span>}
            </Table.Cell>
            <Table.Cell>{cancelButton(e)}</Table.Cell>
          </Table.Row>
        ))}
      </ListTable>
      {!staff && (
        <ListTable
          caption={t('training.enrolments.waitingCaption')}
          headers={[t('training.enrolments.col.position'), t('training.enrolments.col.name'), t('training.enrolments.col.email'), t('training.enrolments.col.enrolledAt'), t('common.actions')]}
          rowCount={waiting.length}
          emptyText={t('training.enrolments.noneWaiting')}
          loading={false}
          error={null}
        >
          {waiting.map((e) => (
            <Table.Row key={e.id}>
              <Table.Cell>{e.position ?? '–'}</Table.Cell>
              <Table.Cell>{e.name}</Table.Cell>
              <Table.Cell>{e.email}</Table.Cell>
              <Table.Cell className="pb-nowrap">{formatDateTime(e.enrolledAt)}</Table.Cell>
              <Table.Cell>{cancelButton(e)}</Table.Cell>
            </Table.Row>
          ))}
        </ListTable>
      )}
      {cancelled.length > 0 && (
        <ListTable
          caption={t('training.enrolments.cancelledCaption')}
          headers={[t('training.enrolments.col.name'), t('training.enrolments.col.email'), t('training.enrolments.col.cancelledAt')]}
          rowCount={cancelled.length}
          emptyText=""
          loading={false}
          error={null}
        >
          {cancelled.map((e) => (
            <Table.Row key={e.id}>
              <Table.Cell>{e.name}</Table.Cell>
              <Table.Cell>{e.email}</Table.Cell>
              <Table.Cell className="pb-nowrap">{e.cancelledAt ? formatDateTime(e.cancelledAt) : '–'}</Table.Cell>
            </Table.Row>
          ))}
        </ListTable>
      )}
      {staff && (
        <>
          <Heading level={3} data-size="xs" id="add-staff">
            {t('training.staff.heading')}
          </Heading>
          <StaffAttendeesForm cohortId={cohortId} onAdded={list.reload} />
        </>
      )}
      <ConfirmDialog
        open={cancelling !== null}
        title={t('training.enrolments.cancelTitle', { name: cancelling?.name ?? '' })}
        body={t(staff ? 'training.enrolments.cancelBodyStaff' : 'training.enrolments.cancelBody')}
        confirmLabel={t('training.enrolments.cancel')}
        danger
        busy={busy}
        onConfirm={() => cancelling && void cancel(cancelling)}
        onCancel={() => setCancelling(null)}
      />
    </div>
  );
}
