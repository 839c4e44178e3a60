import { useState } from 'react';
import { Button, Card, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import type { TaskSubmissionView } from '../../../shared/contracts/training-work.ts';
import { useI18n } from '../../app/i18n.tsx';
import { Saved } from '../../ui/status.tsx';
import { HandInForm } from './hand-in-form.tsx';
import type { Participation } from './my-training-page.tsx';

type Task = Participation['tasks'][number];

/** The reflection tasks by due date, each with what I handed in and the course leaders' feedback. */
export function TaskList({ tasks, onChanged }: { tasks: Participation['tasks']; onChanged: () => void }) {
  const { t } = useI18n();
  const sorted = [...tasks].sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  return (
    <section aria-labelledby="mt-tasks" className="pb-stack">
      <Heading level={2} data-size="sm" id="mt-tasks">
        {t('myTraining.tasks.heading')}
      </Heading>
      {sorted.length === 0 && <Paragraph>{t('myTraining.tasks.none')}</Paragraph>}
      {sorted.map((task) => (
        <TaskCard key={task.id} task={task} onChanged={onChanged} />
      ))}
    </section>
  );
}

function TaskCard({ task, onChanged }: { task: Task; onChanged: () => void }) {
  const { t, formatDate } = useI18n();
  const [replacing, setReplacing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  // The hand-in as the server answered it, shown at once with the thanks; the page's reload then catches up.
  const [sent, setSent] = useState<TaskSubmissionView | null>(null);
  const s = sent && sent.submittedAt > (task.submission?.submittedAt ?? '') ? sent : task.submission;
  const status = s?.feedback ? 'feedback' : s ? 'submitted' : 'todo';
  const headingId = `mt-task-${task.id}`;

  return (
    <Card data-color="neutral" className="pb-stack mt-task" asChild>
      <section aria-labelledby={headingId}>
        <Heading level={3} data-size="xs" id={headingId}>
          {task.title}
        </Heading>
        <div className="pb-actions">
          <Tag data-color={status === 'todo' ? 'neutral' : 'success'} data-size="sm">
            {t(`myTraining.task.status.${status}`)}
          </Tag>
          <Paragraph data-size="sm">
            {t('myTraining.task.week', { week: task.week })} · {t('myTraining.task.due', { date: formatDate(task.dueOn) })}
          </Paragraph>
        </div>
        {task.instructions && <Paragraph className="pb-prewrap">{task.instructions}</Paragraph>}
        <Saved>{notice}</Saved>
        {s && !replacing && <HandedIn submission={s} />}
        {s?.canReplace && !replacing && (
          <div>
            <Button variant="secondary" onClick={() => setReplacing(true)}>
              {t('myTraining.task.replace')}
            </Button>
          </div>
        )}
        {(!s || replacing) && (
          <HandInForm
            taskId={task.id}
            initialText={s?.text ?? ''}
            replacing={replacing}
            onCancel={replacing ? () => setReplacing(false) : undefined}
            onDone={(submission) => {
              setSent(submission);
              setReplacing(false);
              setNotice(t('myTraining.handIn.done'));
              onChanged();
            }}
          />
        )}
      </section>
    </Card>
  );
}

function HandedIn({ submission: s }: { submission: TaskSubmissionView }) {
  const { t, formatDateTime } = useI18n();
  return (
    <div className="pb-stack">
      <Paragraph>{t('myTraining.task.submittedAt', { when: formatDateTime(s.submittedAt) })}</Paragraph>
      {s.text && (
        <div>
          <Paragraph data-size="sm">
            <strong>{t('myTraining.task.yourText')}</strong>
          </Paragraph>
          <Paragraph className="pb-prewrap mt-quote">{s.text}</Paragraph>
        </div>
      )}
      {s.file && (
        <Paragraph>
          <strong>{t('myTraining.task.yourFile')}:</strong>{' '}
          <Link href={`/api/task-submissions/${s.id}/file`} download={s.file.filename}>
            {s.file.filename}
          </Link>
        </Paragraph>
      )}
      {s.feedback ? (
        <div className="pb-calm pb-stack">
          <Heading level={4} data-size="2xs">
            {s.feedbackByName ? t('myTraining.task.feedbackHeading', { name: s.feedbackByName }) : t('myTraining.task.feedbackHeadingNoName')}
          </Heading>
          {s.feedbackAt && <Paragraph data-size="sm">{formatDateTime(s.feedbackAt)}</Paragraph>}
          <Paragraph className="pb-prewrap">{s.feedback}</Paragraph>
        </div>
      ) : (
        <Paragraph>{t('myTraining.task.waiting')}</Paragraph>
      )}
    </div>
  );
}
