import { Heading, Paragraph } from '@digdir/designsystemet-react';
import type { ReflectionTaskView, TaskSubmissionRow } from '../../../shared/contracts/training-work.ts';
import { withQuery, type Page } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useResource } from '../../app/use-api.ts';
import { LoadError, Loading } from '../../ui/status.tsx';
import { participantApi } from './participant-api.ts';
import { TaskSubmission } from './task-submission.tsx';

interface Props {
  participantId: string;
  participantName: string;
  cohortId: string;
}

/** Each reflection task of the cohort with this participant's hand-in and the feedback on it. */
export function ParticipantHandIns({ participantId, participantName, cohortId }: Props) {
  const { t } = useI18n();
  const tasks = useResource<Page<ReflectionTaskView>>(withQuery(participantApi.tasks, { cohortId }));
  const items = [...(tasks.data?.items ?? [])].sort((a, b) => a.week - b.week || a.dueOn.localeCompare(b.dueOn));

  return (
    <section aria-labelledby="participant-hand-ins" className="pb-stack">
      <Heading level={2} data-size="sm" id="participant-hand-ins">
        {t('trainingWork.handIns.heading')}
      </Heading>
      {tasks.error && <LoadError error={tasks.error} onRetry={tasks.reload} />}
      {tasks.loading && !tasks.data && <Loading />}
      {tasks.data && items.length === 0 && <Paragraph>{t('trainingWork.handIns.empty')}</Paragraph>}
      {items.map((task) => (
        <HandIn key={task.id} task={task} participantId={participantId} participantName={participantName} />
      ))}
    </section>
  );
}

function HandIn({ task, participantId, participantName }: { task: ReflectionTaskView; participantId: string; participantName: string }) {
  const { t, formatDate } = useI18n();
  const rows = useResource<Page<TaskSubmissionRow>>(withQuery(participantApi.taskSubmissions(task.id), { participantId }));
  const row = rows.data?.items.find((r) => r.participantId === participantId);
  const headingId = `hand-in-${task.id}`;
  return (
    <section aria-labelledby={headingId} className="pb-stack pb-item">
      <Heading level={3} data-size="xs" id={headingId}>
        {task.title}
      </Heading>
      <Paragraph data-size="sm" className="pb-subtle">
        {t('trainingWork.task.meta', { week: task.week, date: formatDate(task.dueOn) })}
      </Paragraph>
      {rows.error && <LoadError error={rows.error} onRetry={rows.reload} />}
      {rows.loading && !rows.data && <Loading />}
      {rows.data && (
        <TaskSubmission
          submission={row?.submission ?? null}
          participantName={participantName}
          level={4}
          onChanged={rows.reload}
        />
      )}
    </section>
  );
}
