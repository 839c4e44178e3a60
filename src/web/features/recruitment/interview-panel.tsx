import { useState } from 'react';
import { Button, Field, Heading, Label, Paragraph, Select } from '@digdir/designsystemet-react';
import type { ApplicationDetail, IntakeView, TeamSlotView } from '../../../shared/contracts/recruitment.ts';
import { api, type Page } from '../../app/api.ts';
import { useCan, useUser } from '../../app/auth.tsx';
import { useI18n } from '../../app/i18n.tsx';
import { useResource } from '../../app/use-api.ts';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { FormErrors } from '../../ui/form-errors.tsx';
import { LoadError, Saved } from '../../ui/status.tsx';
import { InterviewGuide } from './interview-guide.tsx';
import { ScoresSideBySide } from './reviews-side-by-side.tsx';
import { SlotPlace, useSlotTime } from './slot-place.tsx';
import { useAction } from './use-action.ts';

interface Props {
  a: ApplicationDetail;
  intake: IntakeView;
  onChanged: () => void;
}

/** Before the decision there is always something to do about the interview; after it, only if one was held. */
export function showsInterview(a: Pick<ApplicationDetail, 'interview' | 'stage'>): boolean {
  return a.interview !== null || ['received', 'under_review', 'interview_invited'].includes(a.stage);
}

/**
 * The interview: invite (received or under review), assign a free slot (invited, none booked),
 * or the booked slot with the interview guide for its interviewers.
 */
export function InterviewPanel({ a, intake, onChanged }: Props) {
  const { t } = useI18n();
  const can = useCan();
  const me = useUser();
  const slotTime = useSlotTime();
  const [notice, setNotice] = useState<string | null>(null);
  const done = (message: string) => {
    setNotice(message);
    onChanged();
  };
  const interview = a.interview;
  const team = can('applications.review');
  const isInterviewer = interview?.interviewers.some((p) => p.id === me.id) ?? false;
  const myScores = interview?.scores.mine?.submittedAt ? interview.scores.mine : null;
  const shownScores = [...(myScores ? [myScores] : []), ...(interview?.scores.others ?? [])];

  if (!showsInterview(a)) return null;
  return (
    <section aria-labelledby="app-interview" className="pb-stack">
      <Heading level={2} data-size="sm" id="app-interview">
        {t('recruitment.interview.heading')}
      </Heading>
      <Saved>{notice}</Saved>
      {!interview && (a.stage === 'received' || a.stage === 'under_review') && (
        <>
          <Paragraph>{t('recruitment.interview.notInvited')}</Paragraph>
          {team && <InviteButton a={a} onDone={() => done(t('recruitment.interview.invited', { name: a.name }))} />}
        </>
      )}
      {!interview && a.stage === 'interview_invited' && (
        <>
          <Paragraph>{t('recruitment.interview.waitingForBooking', { name: a.name })}</Paragraph>
          {team && <AssignSlot a={a} intakeId={intake.id} onDone={(time) => done(t('recruitment.interview.assigned', { time }))} />}
        </>
      )}
      {interview && (
        <>
          <dl className="pb-details">
            <dt>{t('recruitment.slots.col.time')}</dt>
            <dd>{slotTime(interview.slot)}</dd>
            <dt>{t('recruitment.slots.col.place')}</dt>
            <dd>
              <SlotPlace slot={interview.slot} />
            </dd>
            <dt>{t('recruitment.slots.col.interviewers')}</dt>
            <dd>{interview.interviewers.map((p) => p.name).join(', ')}</dd>
          </dl>
          <Paragraph>{t('recruitment.guide.count', { count: interview.scores.submittedCount, of: interview.interviewers.length })}</Paragraph>
          {isInterviewer && !myScores && (
            <InterviewGuide
              interviewId={interview.id}
              mine={interview.scores.mine}
              questions={intake.questions}
              criteria={intake.criteria}
              onSaved={done}
            />
          )}
          {interview.scores.others === null && (isInterviewer || shownScores.length > 0) && (
            <Paragraph className="pb-calm">{t(myScores ? 'recruitment.guide.hiddenWaiting' : 'recruitment.guide.hiddenUntilMine')}</Paragraph>
          )}
          {shownScores.length > 0 && <ScoresSideBySide questions={intake.questions} criteria={intake.criteria} scores={shownScores} />}
        </>
      )}
    </section>
  );
}

function InviteButton({ a, onDone }: { a: ApplicationDetail; onDone: () => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const { busy, error, run } = useAction();
  const invite = async () => {
    const ok = await run(() => api(`/api/applications/${a.id}/invite`, { method: 'POST', body: {} }));
    setOpen(false);
    if (ok) onDone();
  };
  return (
    <>
      <FormErrors error={error} labels={{}} />
      <div>
        <Button onClick={() => setOpen(true)}>{t('recruitment.interview.invite')}</Button>
      </div>
      <ConfirmDialog
        open={open}
        title={t('recruitment.interview.inviteTitle', { name: a.name })}
        body={t('recruitment.interview.inviteBody', { name: a.name })}
        confirmLabel={t('recruitment.interview.invite')}
        busy={busy}
        onConfirm={() => void invite()}
        onCancel={() => setOpen(false)}
      />
    </>
  );
}

/** For an applicant who has not booked: the team picks a free slot; the applicant is told by e-mail. */
function AssignSlot({ a, intakeId, onDone }: { a: ApplicationDetail; intakeId: string; onDone: (time: string) => void }) {
  const { t } = useI18n();
  const slotTime = useSlotTime();
  const slots = useResource<Page<TeamSlotView>>(`/api/interview-slots?intakeId=${encodeURIComponent(intakeId)}`);
  const [slotId, setSlotId] = useState('');
  const { busy, error, run } = useAction();
  const now = Date.now();
  const free = (slots.data?.items ?? []).filter((s) => !s.booked && Date.parse(s.startsAt) > now).sort((x, y) => x.startsAt.localeCompare(y.startsAt));

  const assign = async () => {
    const slot = free.find((s) => s.id === slotId);
    if (!slot) return;
    const ok = await run(() => api('/api/interviews', { method: 'POST', body: { applicationId: a.id, slotId } }));
    if (ok) onDone(slotTime(slot));
  };

  if (slots.error) return <LoadError error={slots.error} onRetry={slots.reload} />;
  if (slots.data && free.length === 0) return <Paragraph>{t('recruitment.interview.noFreeSlots')}</Paragraph>;
  return (
    <div className="pb-stack pb-form">
      <FormErrors error={error} labels={{}} />
      <Field>
        <Label htmlFor="assign-slot">{t('recruitment.interview.assignLabel')}</Label>
        <Field.Description>{t('recruitment.interview.assignHint', { name: a.name })}</Field.Description>
        <Select id="assign-slot" value={slotId} onChange={(e) => setSlotId(e.target.value)}>
          <Select.Option value="">{t('recruitment.interview.chooseSlot')}</Select.Option>
          {free.map((s) => (
            <Select.Option key={s.id} value={s.id}>
              {slotTime(s)} · {s.location ?? t('recruitment.slotForm.modeVideo')}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <div>
        <Button variant="secondary" disabled={!slotId} loading={busy} onClick={() => void assign()}>
          {t('recruitment.interview.assign')}
        </Button>
      </div>
    </div>
  );
}
