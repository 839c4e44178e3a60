import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { ReflectionTaskView, TaskSubmissionRow } from '../../../shared/contracts/training-work.ts';
import type { Page } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useResource } from '../../app/use-api.ts';
import { RouterLink } from '../../ui/router-link.tsx';
import { LoadError, Loading } from '../../ui/status.tsx';
import { participantApi } from './participant-api.ts';
import { TaskSubmission } from './task-submission.tsx';

/** One task opened: its instructions, then each participant's hand-in with a feedback box. */
export function TaskSubmissions({ task, onClose, onChanged }: { task: ReflectionTaskView; onClose: () => void; onChanged: () => void }) {
  const { t, formatDate } = useI18n();
  const rows = useResource<Page<TaskSubmissionRow>>(participantApi.taskSubmissions(task.id));
  const headingId = `task-${task.id}`;
  const items = rows.data?.items ?? [];

  return (
    <section aria-labelledby={headingId} className="pb-stack">
      <Heading level={3} data-size="xs" id={headingId}>
        {t('trainingWork.tasks.submissions', { title: task.title })}
      </Heading>
      <Paragraph data-size="sm" className="pb-subtle">
        {t('trainingWork.task.meta', { week: task.week, date: formatDate(task.dueOn) })}
      </Paragraph>
      {task.instructions && <p className="pb-prewrap">{task.instructions}</p>}
      {rows.error && <LoadError error={rows.error} onRetry={rows.reload} />}
      {rows.loading && !rows.data && <Loading />}
      {rows.data && items.length === 0 && <Paragraph>{t('trainingWork.tasks.noParticipants')}</Paragraph>}
      <ul className="pb-plain-list pb-items">
        {items.map((r) => (
          <li key={r.participantId} className="pb-item pb-stack">
            <Heading level={4} data-size="2xs">
              <RouterLink to={`/training/participants/${r.participantId}`}>{r.participantName}</RouterLink>
              {r.participantStatus !== 'active' && <span className="pb-subtle"> · {t(`training.participantStatus.${r.participantStatus}`)}</span>}
            </Heading>
            <TaskSubmission
              submission={r.submission}
              participantName={r.participantName}
              level={4}
              onChanged={() => {
                rows.reload();
                onChanged();
              }}
            />
          </li>
        ))}
      </ul>
      <div>
        <Button variant="secondary" onClick={onClose}>
          {t('trainingWork.tasks.close')}
        </Button>
      </div>
    </section>
  );
}
