import type { Db } from '../../db/client.ts';
import type { MailAttachment } from '../mail/mailer.ts';
import type { Services } from '../../context.ts';
import type { Locale } from '../../../shared/i18n/locale.ts';
import { interviewIcs, organizerAddress } from './ics.ts';
import { formatInterviewTime, interviewText } from './interview.texts.ts';
import { statusUrlFor } from './application-token.ts';
import type { InterviewParties, SlotRow, StaffMember } from './interviews.repo.ts';

/** One version of an interview, as the e-mails about it describe it. */
export type InterviewVersion = { interviewId: string; sequence: number; parties: InterviewParties; slot: SlotRow };

const whereText = (locale: Locale, slot: SlotRow) =>
  slot.mode === 'video'
    ? interviewText(locale, 'where.video', { url: slot.videoUrl ?? '' })
    : interviewText(locale, 'where.place', { location: slot.location ?? '' });

function calendarFile(svc: Services, v: InterviewVersion, method: 'REQUEST' | 'CANCEL', to: { name: string; email: string }, title: string, description: string) {
  return interviewIcs({
    interviewId: v.interviewId,
    sequence: v.sequence,
    method,
    startsAt: v.slot.startsAt,
    endsAt: v.slot.endsAt,
    title,
    description,
    location: v.slot.mode === 'video' ? v.slot.videoUrl : v.slot.location,
    organizer: { name: v.parties.tenantName, email: organizerAddress(svc.config.mailFrom) },
    attendee: to,
    now: svc.now(),
  });
}

/**
 * E-mails the applicant, in the application's language, with their personal link. Every kind but
 * the reminder carries the calendar file (a cancellation removes the event).
 */
export async function mailApplicant(svc: Services, tx: Db, kind: 'booked' | 'moved' | 'cancelled' | 'reminder', v: InterviewVersion): Promise<void> {
  const { app } = v.parties;
  const locale = app.locale;
  const params = applicantParams(svc, v);
  const attachments = kind === 'reminder' ? [] : [applicantCalendarFile(svc, v, kind === 'cancelled' ? 'CANCEL' : 'REQUEST')];
  await svc.mailer.enqueue(tx, {
    tenantId: app.tenantId,
    to: app.email,
    subject: interviewText(locale, `applicant.${kind}.subject`, params),
    text: interviewText(locale, `applicant.${kind}.body`, params),
    attachments,
  });
}

function applicantParams(svc: Services, v: InterviewVersion) {
  const { app, name } = v.parties;
  return {
    name,
    intake: v.parties.intakeTitle,
    tenant: v.parties.tenantName,
    when: formatInterviewTime(app.locale, v.parties.country, v.slot.startsAt, v.slot.endsAt),
    where: whereText(app.locale, v.slot),
    reference: app.reference,
    link: statusUrlFor(svc, app),
  };
}

/** The applicant's calendar file for this version; a CANCEL one can ride on another e-mail (the withdrawal receipt). */
export function applicantCalendarFile(svc: Services, v: InterviewVersion, method: 'REQUEST' | 'CANCEL'): MailAttachment {
  const params = applicantParams(svc, v);
  const locale = v.parties.app.locale;
  return calendarFile(svc, v, method, { name: v.parties.name, email: v.parties.app.email }, interviewText(locale, 'applicant.ics.title', params), interviewText(locale, 'applicant.ics.description', params));
}

/** E-mails one interviewer, in their language, with the calendar file; the applicant is named by reference only. */
export async function mailInterviewer(svc: Services, tx: Db, kind: 'booked' | 'moved' | 'cancelled', v: InterviewVersion, to: StaffMember): Promise<void> {
  const params = {
    name: to.name,
    intake: v.parties.intakeTitle,
    when: formatInterviewTime(to.locale, v.parties.country, v.slot.startsAt, v.slot.endsAt),
    where: whereText(to.locale, v.slot),
    reference: v.parties.app.reference,
    link: `${svc.config.publicOrigin}/recruitment/applications/${v.parties.app.id}`,
  };
  const ics = calendarFile(svc, v, kind === 'cancelled' ? 'CANCEL' : 'REQUEST', to, interviewText(to.locale, 'team.ics.title', params), interviewText(to.locale, 'team.ics.description', params));
  await svc.mailer.enqueue(tx, {
    tenantId: v.parties.app.tenantId,
    to: to.email,
    subject: interviewText(to.locale, `team.${kind}.subject`, params),
    text: interviewText(to.locale, `team.${kind}.body`, params),
    attachments: [ics],
  });
}
