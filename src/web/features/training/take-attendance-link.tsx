import type { SessionView } from '../../../shared/contracts/training.ts';
import { useT } from '../../app/i18n.tsx';
import { RouterLink } from '../../ui/router-link.tsx';

/**
 * "Take attendance" (or "Change attendance" once taken), named with the session for screen
 * readers, since a schedule has a link like it on every row.
 */
export function TakeAttendanceLink({ session, name }: { session: Pick<SessionView, 'id' | 'attendanceTaken'>; name: string }) {
  const t = useT();
  return (
    <RouterLink to={`/training/sessions/${session.id}/attendance`}>
      <span aria-hidden="true">{t(session.attendanceTaken ? 'training.schedule.attendanceTaken' : 'training.schedule.takeAttendance')}</span>
      <span className="ds-sr-only">{t(session.attendanceTaken ? 'training.schedule.attendanceTakenNamed' : 'training.schedule.takeAttendanceNamed', { session: name })}</span>
    </RouterLink>
  );
}
