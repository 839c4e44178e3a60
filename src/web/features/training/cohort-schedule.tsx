import { useState } from 'react';
import { Button, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import type { ScheduleTemplate, SessionView } from '../../../shared/contracts/training.ts';
import { useT } from '../../app/i18n.tsx';
import { ListTable } from '../../ui/list-table.tsx';
import { Saved } from '../../ui/status.tsx';
import { SessionEditor } from './session-editor.tsx';
import { TakeAttendanceLink } from './take-attendance-link.tsx';
import { courseWeeks, useSessionTime, weekHeading } from './training-format.ts';

interface Props {
  sessions: readonly SessionView[];
  template: ScheduleTemplate | undefined;
  onChanged: () => void;
}

/**
 * The cohort's schedule week by week (study and reflection weeks), each session with what it is
 * about, its leaders and materials, a way to change it, and the link to take attendance.
 */
export function CohortSchedule({ sessions, template, onChanged }: Props) {
  const t = useT();
  const sessionTime = useSessionTime();
  // One editor at a time: its fields have the ids the error summary links to.
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const weeks = courseWeeks(template, sessions);

  return (
    <div className="pb-stack">
      <Saved>{notice}</Saved>
      {weeks.length === 0 && <Paragraph>{t('training.schedule.empty')}</Paragraph>}
      {weeks.map((w) => (
        <div key={w.week} className="pb-stack pb-week" data-kind={w.kind}>
          <Heading level={3} data-size="xs">
            {weekHeading(w, weeks, t)}
          </Heading>
          {w.sessions.length === 0 ? (
            <Paragraph data-size="sm">{t(w.kind === 'reflection' ? 'training.week.reflectionHint' : 'training.week.noSessions')}</Paragraph>
          ) : (
            <ListTable
              caption={t('training.schedule.caption', { week: w.week })}
              headers={[t('training.schedule.col.time'), t('training.schedule.col.topic'), t('training.schedule.col.place'), t('training.schedule.col.leaders'), t('training.schedule.col.materials'), t('common.actions')]}
              rowCount={w.sessions.length}
              emptyText=""
              loading={false}
              error={null}
            >
              {w.sessions.map((s) => (
                <Table.Row key={s.id}>
                  <Table.Cell className="pb-nowrap">
                    {sessionTime(s)}
                    {s.holidayName && (
                      <div>
                        <Tag data-color="warning" data-size="sm">
                          {t('training.schedule.holiday', { name: s.holidayName })}
                        </Tag>
                      </div>
                    )}
                  </Table.Cell>
                  <Table.Cell>{s.topic || <span className="pb-subtle">{t('training.schedule.noTopic')}</span>}</Table.Cell>
                  <Table.Cell>{s.place || '–'}</Table.Cell>
                  <Table.Cell>{s.leaders.map((l) => l.name).join(', ') || '–'}</Table.Cell>
                  <Table.Cell>
                    {s.materials.length === 0
                      ? '–'
                      : s.materials.map((m) => (
                          <a key={m.url} href={m.url} target="_blank" rel="noreferrer" className="pb-block">
                            {m.label}
                          </a>
                        ))}
                  </Table.Cell>
                  <Table.Cell>
                    <div className="pb-actions">
                      <Button variant="tertiary" data-size="sm" aria-label={t('training.schedule.editNamed', { session: sessionTime(s) })} onClick={() => setEditing(s.id)}>
                        {t('training.schedule.edit')}
                      </Button>
                      <TakeAttendanceLink session={s} name={sessionTime(s)} />
                    </div>
                  </Table.Cell>
                </Table.Row>
              ))}
            </ListTable>
          )}
          {w.sessions
            .filter((s) => s.id === editing)
            .map((s) => (
              <SessionEditor
                key={s.id}
                session={s}
                name={sessionTime(s)}
                onCancel={() => setEditing(null)}
                onSaved={(saved) => {
                  setEditing(null);
                  setNotice(t('training.session.saved', { session: sessionTime(saved) }));
                  onChanged();
                }}
              />
            ))}
        </div>
      ))}
    </div>
  );
}
