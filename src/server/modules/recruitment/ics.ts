import { createEvent, type EventAttributes } from 'ics';
import type { MailAttachment } from '../mail/mailer.ts';

export type InterviewEvent = {
  interviewId: string;
  /** Grows with every change of the interview, so calendars replace the older version. */
  sequence: number;
  /** REQUEST adds or moves the event in the recipient's calendar; CANCEL removes it. */
  method: 'REQUEST' | 'CANCEL';
  startsAt: Date;
  endsAt: Date;
  title: string;
  description: string;
  location: string | null;
  organizer: { name: string; email: string };
  attendee: { name: string; email: string };
  now: Date;
};

/** One UID for every version of an interview's event: how a calendar knows a move is the same meeting. */
export const interviewUid = (interviewId: string) => `interview-${interviewId}@peerbridge`;

/** The address in `MAIL_FROM` ("Name <address>" or a bare address): the events' organizer. */
export function organizerAddress(mailFrom: string): string {
  return /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom.trim();
}

/** An iCalendar (RFC 5545/5546) file for an interview, times in UTC, ready to attach to an e-mail. */
export function interviewIcs(e: InterviewEvent): MailAttachment {
  // `timestamp` (DTSTAMP) is supported by ics but missing from its types; it follows our clock, not the wall's.
  const attributes: EventAttributes & { timestamp: number } = {
    productId: 'peerbridge/interviews',
    method: e.method,
    uid: interviewUid(e.interviewId),
    sequence: e.sequence,
    timestamp: e.now.getTime(),
    start: e.startsAt.getTime(),
    end: e.endsAt.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    title: e.title,
    description: e.description,
    ...(e.location ? { location: e.location } : {}),
    status: e.method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED',
    organizer: e.organizer,
    attendees: [{ name: e.attendee.name, email: e.attendee.email, rsvp: false, role: 'REQ-PARTICIPANT' }],
  };
  const { error, value } = createEvent(attributes);
  if (error || !value) throw error ?? new Error('ics: no calendar produced');
  return {
    filename: e.method === 'CANCEL' ? 'interview-cancelled.ics' : 'interview.ics',
    contentType: `text/calendar; charset=utf-8; method=${e.method}`,
    content: value,
  };
}
