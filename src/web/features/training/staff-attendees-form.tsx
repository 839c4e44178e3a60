import { useState, type FormEvent } from 'react';
import { Button, Textfield } from '@digdir/designsystemet-react';
import type { StaffAttendeesBody, StaffAttendeesResult } from '../../../shared/contracts/recovery-college.ts';
import { api } from '../../app/api.ts';
import { useT } from '../../app/i18n.tsx';
import { clientValidation, fieldError, fieldId, FormErrors } from '../../ui/form-errors.tsx';
import { Saved } from '../../ui/status.tsx';
import { useAction } from '../recruitment/use-action.ts';

/** "Anna Ek, anna.ek@region.se", "Anna Ek anna.ek@…" or "Anna Ek <anna.ek@…>": a name, then an address. */
const line = /^(.+?)[\s,;<]+([^\s,;<>]+@[^\s,;<>]+?)>?$/;

/** The people on the lines, or the 1-based numbers of the lines that are not "name and e-mail". */
export function parseStaffLines(text: string): { people: StaffAttendeesBody['people']; bad: number[] } {
  const people: StaffAttendeesBody['people'] = [];
  const bad: number[] = [];
  text.split('\n').forEach((raw, i) => {
    const trimmed = raw.trim();
    if (!trimmed) return;
    const m = line.exec(trimmed);
    if (m) people.push({ name: m[1]!.trim(), email: m[2]! });
    else bad.push(i + 1);
  });
  return { people, bad };
}

/** A unit's staff added to its introduction training, several at once, one per line (no e-mail is sent). */
export function StaffAttendeesForm({ cohortId, onAdded }: { cohortId: string; onAdded: () => void }) {
  const t = useT();
  const [text, setText] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error, setError, run } = useAction();
  const labels = { people: t('training.staff.people') };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    const { people, bad } = parseStaffLines(text);
    const reason = bad.length > 0 ? t('training.staff.badLines', { lines: bad.join(', ') }) : people.length === 0 ? t('training.staff.empty') : undefined;
    const invalid = clientValidation({ people: reason }, t);
    if (invalid) return setError(invalid);
    const ok = await run(async () => {
      const result = await api<StaffAttendeesResult>(`/api/staff-introductions/${cohortId}/attendees`, { method: 'POST', body: { people } });
      setNotice(t('training.staff.added', { count: result.added }));
    });
    if (ok) {
      setText('');
      onAdded();
    }
  };

  return (
    <div className="pb-stack">
      <Saved>{notice}</Saved>
      <FormErrors error={error} labels={labels} />
      <form onSubmit={submit} noValidate className="pb-stack pb-form">
        <Textfield
          id={fieldId('people')}
          label={labels.people}
          description={t('training.staff.peopleHint')}
          multiline
          rows={5}
          value={text}
          onChange={(e) => setText(e.target.value)}
          error={fieldError(error, 'people')}
        />
        <div>
          <Button type="submit" variant="secondary" loading={busy}>
            {t('training.staff.submit')}
          </Button>
        </div>
      </form>
    </div>
  );
}
