import '../recruitment/recruitment.css';
import { useState } from 'react';
import { Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { CohortDetail, CourseView } from '../../../shared/contracts/training.ts';
import type { ReflectionTaskView } from '../../../shared/contracts/training-work.ts';
import { withQuery, type Page } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useResource } from '../../app/use-api.ts';
import { ListTable } from '../../ui/list-table.tsx';
import { LoadError, Saved } from '../../ui/status.tsx';
import { participantApi } from './participant-api.ts';
import { TaskForm } from './task-form.tsx';
import { TaskSubmissions } from './task-submissions.tsx';

/** The cohort's reflection tasks by week with how many have handed in; open one to read and answer the hand-ins. */
export function CohortTasksSection({ cohortId }: { cohortId: string }) {
  const { t, formatDate } = useI18n();
  const tasks = useResource<Page<ReflectionTaskView>>(withQuery(participantApi.tasks, { cohortId }));
  const cohort = useResource<CohortDetail>(participantApi.cohort(cohortId));
  const course = useResource<CourseView>(cohort.data ? participantApi.course(cohort.data.courseId) : null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const items = [...(tasks.data?.items ?? [])].sort((a, b) => a.week - b.week || a.dueOn.localeCompare(b.dueOn));
  const open = items.find((task) => task.id === openId);
  const reflectionWeeks = (course.data?.scheduleTemplate.weeks ?? []).filter((w) => w.kind === 'reflection').map((w) => w.week);
  const setupError = cohort.error ?? course.error;

  return (
    <section aria-labelledby="cohort-tasks" className="pb-stack">
      <Heading level={2} data-size="sm" id="cohort-tasks">
        {t('trainingWork.tasks.heading')}
      </Heading>
      <Saved>{notice}</Saved>
      <ListTable
        caption={t('trainingWork.tasks.caption')}
        headers={[t('trainingWork.tasks.col.week'), t('trainingWork.tasks.col.title'), t('trainingWork.tasks.col.due'), t('trainingWork.tasks.col.handedIn')]}
        rowCount={items.length}
        emptyText={t('trainingWork.tasks.empty')}
        loading={tasks.loading && !tasks.data}
        error={tasks.error}
        onRetry={tasks.reload}
      >
        {items.map((task) => (
          <Table.Row key={task.id}>
            <Table.Cell>{task.week}</Table.Cell>
            <Table.Cell>
              <Button variant="tertiary" data-size="sm" aria-expanded={task.id === openId} onClick={() => setOpenId(task.id === openId ? null : task.id)}>
                {task.title}
              </Button>
            </Table.Cell>
            <Table.Cell className="pb-nowrap">{formatDate(task.dueOn)}</Table.Cell>
            <Table.Cell>{t('trainingWork.tasks.handedIn', { count: task.submittedCount, of: task.participantCount })}</Table.Cell>
          </Table.Row>
        ))}
      </ListTable>
      {open && <TaskSubmissions key={open.id} task={open} onClose={() => setOpenId(null)} onChanged={tasks.reload} />}
      {setupError && <LoadError error={setupError} onRetry={cohort.error ? cohort.reload : course.reload} />}
      {cohort.data && course.data && reflectionWeeks.length === 0 && <Paragraph>{t('trainingWork.tasks.noReflectionWeeks')}</Paragraph>}
      {cohort.data && reflectionWeeks.length > 0 && (
        <TaskForm
          cohortId={cohortId}
          startsOn={cohort.data.startsOn}
          weeks={reflectionWeeks}
          onAdded={(task) => {
            setNotice(t('trainingWork.tasks.added', { title: task.title }));
            tasks.reload();
          }}
        />
      )}
    </section>
  );
}
