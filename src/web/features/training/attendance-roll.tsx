import { useState, type FormEvent } from 'react';
import { Button, Details, Paragraph, Textarea } from '@digdir/designsystemet-react';
import { attendanceStatuses, type AttendanceStatus } from '../../../shared/contracts/training.ts';
import { useT } from '../../app/i18n.tsx';
import { FormErrors } from '../../ui/form-errors.tsx';
import { Saved } from '../../ui/status.tsx';
import { useAction } from '../recruitment/use-action.ts';

export interface RollPerson {
  id: string;
  name: string;
  /** Null: not taken yet for this session. */
  status: AttendanceStatus | null;
  note: string;
}

export interface RollRecord {
  id: string;
  status: AttendanceStatus;
  note: string;
}

interface Props {
  people: readonly RollPerson[];
  /** A participant's attendance takes a note; an enrolment's does not. */
  withNotes: boolean;
  onSave: (records: RollRecord[]) => Promise<void>;
}

/**
 * The roll of one session, made to be taken on a phone in under a minute: everyone starts as
 * present (when not taken yet), so only the absent need a tap; each person is a group of three
 * large choices; the summary says who is marked absent before the one save.
 */
export function AttendanceRoll({ people, withNotes, onSave }: Props) {
  const t = useT();
  const [records, setRecords] = useState<RollRecord[]>(() => people.map((p) => ({ id: p.id, status: p.status ?? 'present', note: p.note })));
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const nameOf = (id: string) => people.find((p) => p.id === id)?.name ?? '';
  const set = (id: string, change: Partial<RollRecord>) => {
    setNotice(null);
    setRecords((prev) => prev.map((r) => (r.id === id ? { ...r, ...change } : r)));
  };
  const namesWith = (status: AttendanceStatus) => records.filter((r) => r.status === status).map((r) => nameOf(r.id));
  const absent = namesWith('absent');
  const excused = namesWith('excused');
  const present = records.length - absent.length - excused.length;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    const ok = await run(() => onSave(records.map((r) => ({ ...r, note: r.note.trim() }))));
    if (ok) setNotice(t('training.attendance.saved', { present, absent: absent.length, excused: excused.length }));
  };

  if (people.length === 0) return <Paragraph>{t('training.attendance.nobody')}</Paragraph>;

  return (
    <form onSubmit={submit} noValidate className="pb-stack">
      <ul className="pb-roll">
        {records.map((r) => {
          const name = nameOf(r.id);
          return (
            <li key={r.id}>
              <fieldset className="pb-roll__person">
                <legend className="pb-roll__name">{name}</legend>
                <div className="pb-roll__choices">
                  {attendanceStatuses.map((status) => (
                    <label key={status} className="pb-roll__choice" data-status={status}>
                      <input type="radio" name={`attendance-${r.id}`} value={status} checked={r.status === status} onChange={() => set(r.id, { status })} />
                      <span>{t(`training.attendance.${status}`)}</span>
                    </label>
                  ))}
                </div>
                {withNotes && (
                  <Details data-size="sm" className="pb-roll__note">
                    <Details.Summary>
                      {r.note ? t('training.attendance.noteWritten') : t('training.attendance.addNote')}
                      <span className="ds-sr-only"> ({name})</span>
                    </Details.Summary>
                    <Details.Content>
                      <Textarea aria-label={t('training.attendance.noteFor', { name })} rows={2} maxLength={500} value={r.note} onChange={(e) => set(r.id, { note: e.target.value })} />
                    </Details.Content>
                  </Details>
                )}
              </fieldset>
            </li>
          );
        })}
      </ul>
      <div className="pb-stack pb-roll__summary" aria-live="polite">
        <Paragraph>{t('training.attendance.summaryPresent', { count: present, total: records.length })}</Paragraph>
        <Paragraph>{absent.length === 0 ? t('training.attendance.noneAbsent') : t('training.attendance.summaryAbsent', { names: absent.join(', ') })}</Paragraph>
        {excused.length > 0 && <Paragraph>{t('training.attendance.summaryExcused', { names: excused.join(', ') })}</Paragraph>}
      </div>
      <FormErrors error={error} labels={{}} />
      <div>
        <Button type="submit" loading={busy} className="pb-roll__save">
          {t('training.attendance.save')}
        </Button>
      </div>
      <Saved>{notice}</Saved>
    </form>
  );
}
