import { useMemo, useState, type FormEvent } from 'react';
import { Alert, Button, Fieldset, Heading, Link, Paragraph, Radio, ValidationMessage } from '@digdir/designsystemet-react';
import type { ApplicationStatusView, SlotView } from '../../../shared/contracts/recruitment.ts';
import type { ApiError } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { errorMessage, fieldId } from '../../ui/form-errors.tsx';
import { asApiError, publicApi } from './public-api.ts';

/** "10:00–11:00" in the reader's language, 24-hour clock. */
function useTimeRange(): (slot: SlotView) => string {
  const { locale } = useI18n();
  return useMemo(() => {
    const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    return (slot) => `${time.format(new Date(slot.startsAt))}–${time.format(new Date(slot.endsAt))}`;
  }, [locale]);
}

/** Place or video; the video link itself only once the time is booked. */
function Where({ slot, linked }: { slot: SlotView; linked?: boolean }) {
  const { t } = useI18n();
  if (slot.mode === 'video') {
    return linked && slot.videoUrl ? <Link href={slot.videoUrl}>{t('apply.interview.videoLink')}</Link> : <>{t('apply.interview.video')}</>;
  }
  return <>{slot.location ?? t('apply.interview.placeLater')}</>;
}

/** The booked interview: when and where. */
export function InterviewDetails({ slot }: { slot: SlotView }) {
  const { t, formatDate } = useI18n();
  const range = useTimeRange();
  return (
    <section aria-labelledby="status-interview" className="pb-stack">
      <Heading level={2} data-size="sm" id="status-interview">
        {t('apply.interview.heading')}
      </Heading>
      <dl className="pb-details">
        <dt>{t('apply.interview.when')}</dt>
        <dd>{t('apply.interview.whenValue', { day: formatDate(slot.startsAt), time: range(slot) })}</dd>
        <dt>{t(slot.mode === 'video' ? 'apply.interview.how' : 'apply.interview.where')}</dt>
        <dd>
          <Where slot={slot} linked />
        </dd>
      </dl>
    </section>
  );
}

interface Props {
  status: ApplicationStatusView;
  token: string;
  /** After a booking (with what to tell the applicant) or a refusal that means the list is stale. */
  onChanged: (notice: string | null) => void;
}

/** The free interview times as radios grouped by day; books one, or moves the booked interview to it. */
export function InterviewBooking({ status, token, onChanged }: Props) {
  const { t, locale, formatDate } = useI18n();
  const range = useTimeRange();
  const [slotId, setSlotId] = useState('');
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const moving = status.interview !== null;

  const days = useMemo(() => {
    const byDay = new Map<string, SlotView[]>();
    const sorted = [...status.availableSlots].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    for (const slot of sorted) {
      const day = formatDate(slot.startsAt);
      byDay.set(day, [...(byDay.get(day) ?? []), slot]);
    }
    return [...byDay];
  }, [status.availableSlots, formatDate]);

  const book = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const slot = status.availableSlots.find((s) => s.id === slotId);
    setMissing(!slot);
    if (!slot) return document.getElementById(fieldId('slot'))?.focus();
    setBusy(true);
    setError(null);
    try {
      await publicApi('/api/public/applications/current/interview', { locale, method: 'PUT', body: { slotId }, token });
      setSlotId('');
      onChanged(t('apply.interview.booked', { day: formatDate(slot.startsAt), time: range(slot) }));
    } catch (e) {
      setError(asApiError(e));
      // Someone else may have taken the time: show what is still free.
      onChanged(null);
    } finally {
      setBusy(false);
    }
  };

  if (days.length === 0) {
    return <Paragraph className="pb-calm">{t(moving ? 'apply.interview.noOtherSlots' : 'apply.interview.noSlots')}</Paragraph>;
  }

  return (
    <section aria-labelledby="status-book" className="pb-stack">
      <Heading level={2} data-size="sm" id="status-book">
        {t(moving ? 'apply.interview.moveHeading' : 'apply.interview.bookHeading')}
      </Heading>
      {error && (
        <Alert data-color="danger" role="alert">
          {errorMessage(error, t)}
        </Alert>
      )}
      <form onSubmit={book} noValidate className="pb-stack">
        <Fieldset>
          <Fieldset.Legend>{t('apply.interview.chooseLegend')}</Fieldset.Legend>
          {days.map(([day, slots], d) => (
            <Fieldset key={day}>
              <Fieldset.Legend>{day}</Fieldset.Legend>
              {slots.map((slot, i) => (
                <Radio
                  key={slot.id}
                  id={d === 0 && i === 0 ? fieldId('slot') : undefined}
                  name="slot"
                  value={slot.id}
                  label={range(slot)}
                  description={<Where slot={slot} />}
                  checked={slotId === slot.id}
                  onChange={() => setSlotId(slot.id)}
                />
              ))}
            </Fieldset>
          ))}
          {missing && <ValidationMessage>{t('apply.interview.chooseFirst')}</ValidationMessage>}
        </Fieldset>
        <div>
          <Button type="submit" loading={busy} aria-disabled={busy || undefined}>
            {t(moving ? 'apply.interview.move' : 'apply.interview.book')}
          </Button>
        </div>
      </form>
    </section>
  );
}
