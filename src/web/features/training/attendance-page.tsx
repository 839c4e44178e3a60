import './training.css';
import { useParams } from 'react-router';
import { Paragraph } from '@digdir/designsystemet-react';
import type { EnrolmentAttendanceBody, EnrolmentAttendanceView } from '../../../shared/contracts/recovery-college.ts';
import type { AttendanceBody, AttendanceRoll as Roll } from '../../../shared/contracts/training.ts';
import { api } from '../../app/api.ts';
import { useCan } from '../../app/auth.tsx';
import { useI18n } from '../../app/i18n.tsx';
import { useResource } from '../../app/use-api.ts';
import { Page } from '../../ui/page.tsx';
import { RouterLink } from '../../ui/router-link.tsx';
import { LoadError, Loading } from '../../ui/status.tsx';
import { localized, toLocalInputs } from '../recruitment/recruitment-format.ts';
import { AttendanceRoll, type RollPerson, type RollRecord } from './attendance-roll.tsx';
import { useSessionTime } from './training-format.ts';

/**
 * Attendance of one session, for the training team or the session's course leader, on a phone:
 * participants of a peer training (with a note each), or the people enrolled in a Recovery
 * College course or a staff introduction.
 */
export function AttendancePage() {
  const { t, locale, formatDateTime } = useI18n();
  const can = useCan();
  const sessionTime = useSessionTime();
  const { id = '' } = useParams();
  const sessionId = encodeURIComponent(id);
  const roll = useResource<Roll>(`/api/attendance?sessionId=${sessionId}`);
  const byEnrolment = roll.data !== undefined && roll.data.session.courseKind !== 'peer_training';
  const enrolled = useResource<EnrolmentAttendanceView>(byEnrolment ? `/api/enrolment-attendance?sessionId=${sessionId}` : null);
  const failed = roll.error ?? enrolled.error;
  const title = t('training.attendance.title');

  if (failed) {
    return (
      <Page title={title}>
        <LoadError error={failed} onRetry={() => (roll.reload(), enrolled.reload())} />
      </Page>
    );
  }
  if (!roll.data || (byEnrolment && !enrolled.data)) return <Loading />;
  const { session, recordedAt } = roll.data;

  let people: RollPerson[];
  let save: (records: RollRecord[]) => Promise<void>;
  if (byEnrolment) {
    people = enrolled.data!.records.map((r) => ({ id: r.enrolmentId, name: r.name, status: r.status, note: '' }));
    save = async (records) => {
      const body: EnrolmentAttendanceBody = { sessionId: session.id, records: records.map((r) => ({ enrolmentId: r.id, status: r.status })) };
      await api('/api/enrolment-attendance', { method: 'PUT', body });
    };
  } else {
    people = roll.data.items.map((i) => ({ id: i.participantId, name: i.name, status: i.status, note: i.note }));
    save = async (records) => {
      const body: AttendanceBody = { sessionId: session.id, records: records.map((r) => ({ participantId: r.id, status: r.status, note: r.note })) };
      await api('/api/attendance', { method: 'PUT', body });
    };
  }
  // Attendance says who came: the API takes it from the session's own day on, not before.
  const notYet = toLocalInputs(session.startsAt).date > toLocalInputs(new Date().toISOString()).date;
  let status = t('training.attendance.intro');
  if (recordedAt) status = t('training.attendance.takenAt', { time: formatDateTime(recordedAt) });
  // An enrolment's roll does not say when it was taken, only what.
  else if (byEnrolment && people.some((p) => p.status !== null)) status = t('training.attendance.taken');

  return (
    <Page title={title}>
      <p>
        {can('training.manage') ? (
          <RouterLink to={`/training/cohorts/${session.cohortId}`}>{t('training.attendance.backToCohort', { cohort: session.cohortTitle })}</RouterLink>
        ) : (
          <RouterLink to="/training/leading">{t('training.attendance.backToLeading')}</RouterLink>
        )}
      </p>
      <dl className="pb-details">
        <dt>{t('training.attendance.session')}</dt>
        <dd>{sessionTime(session)}</dd>
        <dt>{t('training.cohort.course')}</dt>
        <dd>
          {session.cohortTitle} · {localized(session.courseTitle, locale)}
        </dd>
        {session.topic && (
          <>
            <dt>{t('training.session.topic')}</dt>
            <dd>{session.topic}</dd>
          </>
        )}
        {session.place && (
          <>
            <dt>{t('training.session.place')}</dt>
            <dd>{session.place}</dd>
          </>
        )}
      </dl>
      {notYet ? (
        <Paragraph className="pb-calm">{t('training.attendance.notYet')}</Paragraph>
      ) : (
        <>
          <Paragraph>{status}</Paragraph>
          <AttendanceRoll key={session.id} people={people} withNotes={!byEnrolment} onSave={save} />
        </>
      )}
    </Page>
  );
}
