import { createEvent, type EventAttributes } from 'ics';
import type { Services } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import type { Locale } from '../../../shared/i18n/locale.ts';
import type { Money } from '../../../shared/contracts/brokering.ts';
import type { MailAttachment } from '../mail/mailer.ts';
import { organizerAddress } from '../recruitment/ics.ts';
import { formatInterviewTime } from '../recruitment/interview.texts.ts';
import { timeZoneOf, type Country } from '../training/schedule.ts';
import type { AssignmentRow, PeerContact } from './assignments.repo.ts';

/**
 * The brokering service's e-mails to a peer, in their own language: the offer, "it has been taken",
 * and the confirmation with the assignment as a calendar event. An offer is a question, never
 * pressure: every offer says that saying no is fine.
 */
const sv = {
  'type.share_story': 'Dela din berättelse',
  'type.co_development': 'Samskapande',
  'type.improvement_work': 'Förbättringsarbete',
  'type.event': 'Workshop, seminarium eller konferens',
  'type.course_leader': 'Kursledare på Recovery College',
  'where.remote': 'Digitalt',
  'offer.subject': 'Erbjudande om uppdrag: {title}',
  'offer.body':
    'Hej {name}!\n\n{tenant} erbjuder dig ett uppdrag.\n\n{title} ({type})\nTid: {when}\nPlats: {where}\nArvode: {fee}\n\n{description}\n\nSvara senast {deadline}. Uppdraget går till den som först tackar ja.\n\nSvara i appen: {appLink}\nEller svara direkt, utan att logga in: {answerLink}\n\nDet är helt i sin ordning att tacka nej.',
  'taken.subject': 'Uppdraget är tillsatt: {title}',
  'taken.body': 'Hej {name}!\n\nUppdraget {title} ({when}) som vi erbjöd dig har nu gått till någon annan. Tack för att du ville vara med. Nya erbjudanden ser du i appen: {appLink}',
  'accepted.subject': 'Bekräftelse: uppdraget {title} är ditt',
  'accepted.body':
    'Hej {name}!\n\nTack! Uppdraget är ditt.\n\n{title} ({type})\nTid: {when}\nPlats: {where}\nArvode: {fee}\n\n{description}\n\nEn kalenderfil finns bifogad. Dina uppdrag ser du i appen: {appLink}',
  'ics.title': 'Uppdrag: {title}',
  'ics.description': '{description}\n\nArvode: {fee}',
} as const;

type Key = keyof typeof sv;

const da = {
  'type.share_story': 'Del din fortælling',
  'type.co_development': 'Samskabelse',
  'type.improvement_work': 'Forbedringsarbejde',
  'type.event': 'Workshop, seminar eller konference',
  'type.course_leader': 'Kursusleder på Recovery College',
  'where.remote': 'Online',
  'offer.subject': 'Tilbud om opgave: {title}',
  'offer.body':
    'Hej {name}!\n\n{tenant} tilbyder dig en opgave.\n\n{title} ({type})\nTid: {when}\nSted: {where}\nHonorar: {fee}\n\n{description}\n\nSvar senest {deadline}. Opgaven går til den, der først siger ja.\n\nSvar i appen: {appLink}\nEller svar direkte uden at logge ind: {answerLink}\n\nDet er helt i orden at sige nej.',
  'taken.subject': 'Opgaven er besat: {title}',
  'taken.body': 'Hej {name}!\n\nOpgaven {title} ({when}), som vi tilbød dig, er nu gået til en anden. Tak, fordi du ville være med. Nye tilbud kan du se i appen: {appLink}',
  'accepted.subject': 'Bekræftelse: opgaven {title} er din',
  'accepted.body':
    'Hej {name}!\n\nTak! Opgaven er din.\n\n{title} ({type})\nTid: {when}\nSted: {where}\nHonorar: {fee}\n\n{description}\n\nEn kalenderfil er vedhæftet. Dine opgaver kan du se i appen: {appLink}',
  'ics.title': 'Opgave: {title}',
  'ics.description': '{description}\n\nHonorar: {fee}',
} satisfies Record<Key, string>;

const en = {
  'type.share_story': 'Share your story',
  'type.co_development': 'Co-development',
  'type.improvement_work': 'Improvement work',
  'type.event': 'Workshop, seminar or conference',
  'type.course_leader': 'Course leader at Recovery College',
  'where.remote': 'Online',
  'offer.subject': 'Assignment offer: {title}',
  'offer.body':
    'Hello {name},\n\n{tenant} offers you an assignment.\n\n{title} ({type})\nTime: {when}\nPlace: {where}\nFee: {fee}\n\n{description}\n\nPlease answer by {deadline}. The assignment goes to whoever says yes first.\n\nAnswer in the app: {appLink}\nOr answer directly, without signing in: {answerLink}\n\nIt is perfectly fine to say no.',
  'taken.subject': 'The assignment has been taken: {title}',
  'taken.body': 'Hello {name},\n\nThe assignment {title} ({when}) that we offered you has now gone to someone else. Thank you for wanting to take part. You will find new offers in the app: {appLink}',
  'accepted.subject': 'Confirmation: the assignment {title} is yours',
  'accepted.body':
    'Hello {name},\n\nThank you! The assignment is yours.\n\n{title} ({type})\nTime: {when}\nPlace: {where}\nFee: {fee}\n\n{description}\n\nA calendar file is attached. You will find your assignments in the app: {appLink}',
  'ics.title': 'Assignment: {title}',
  'ics.description': '{description}\n\nFee: {fee}',
} satisfies Record<Key, string>;

const catalogs: Record<Locale, Record<Key, string>> = { sv, da, en };

export function brokeringText(locale: Locale, key: Key, params: Record<string, string> = {}): string {
  return catalogs[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? `{${name}}`);
}

const intlTags: Record<Locale, string> = { sv: 'sv-SE', da: 'da-DK', en: 'en-GB' };

/** "2 062,80 kr": minor units as the reader writes money. */
export const formatMoney = (locale: Locale, m: Money) => new Intl.NumberFormat(intlTags[locale], { style: 'currency', currency: m.currency }).format(m.amount / 100);

/** "måndag 30 november 2026 12:00", on the tenant's local time. */
export const formatMoment = (locale: Locale, timeZone: string, at: Date) =>
  new Intl.DateTimeFormat(intlTags[locale], { dateStyle: 'full', timeStyle: 'short', timeZone }).format(at);

type Tenant = { name: string; country: Country };
type Mail = { tenant: Tenant; assignment: AssignmentRow; peer: PeerContact };

function paramsOf(svc: Services, { tenant, assignment: a, peer }: Mail): Record<string, string> {
  const locale = peer.locale;
  const place = [a.address, a.municipality].filter(Boolean).join(', ');
  return {
    name: peer.name,
    tenant: tenant.name,
    title: a.title,
    type: brokeringText(locale, `type.${a.type}`),
    when: formatInterviewTime(locale, tenant.country, a.startsAt, a.endsAt),
    where: a.remote ? brokeringText(locale, 'where.remote') : place,
    fee: a.fee ? formatMoney(locale, a.fee.total) : '',
    description: a.description,
    appLink: `${svc.config.publicOrigin}/offers`,
  };
}

async function send(svc: Services, tx: Db, m: Mail, kind: 'offer' | 'taken' | 'accepted', extra: Record<string, string> = {}, attachments: MailAttachment[] = []) {
  // A peer registered without an address is reached by the coordinator another way.
  if (!m.peer.email) return;
  const params = { ...paramsOf(svc, m), ...extra };
  await svc.mailer.enqueue(tx, {
    tenantId: m.assignment.tenantId,
    to: m.peer.email,
    subject: brokeringText(m.peer.locale, `${kind}.subject`, params),
    text: brokeringText(m.peer.locale, `${kind}.body`, params),
    attachments,
  });
}

/** The offer, with a link to answer in the app and one to answer without signing in (the token in the fragment). */
export function mailOffer(svc: Services, tx: Db, m: Mail & { deadline: Date; token: string }) {
  return send(svc, tx, m, 'offer', {
    deadline: formatMoment(m.peer.locale, timeZoneOf[m.tenant.country], m.deadline),
    answerLink: `${svc.config.publicOrigin}/offers/answer#${m.token}`,
  });
}

export const mailTaken = (svc: Services, tx: Db, m: Mail) => send(svc, tx, m, 'taken');

/** The confirmation to the peer who accepted, with the assignment as a calendar event. */
export function mailConfirmation(svc: Services, tx: Db, m: Mail) {
  const params = paramsOf(svc, m);
  return send(svc, tx, m, 'accepted', {}, [assignmentIcs(svc, m, brokeringText(m.peer.locale, 'ics.title', params), brokeringText(m.peer.locale, 'ics.description', params))]);
}

/** One UID for every version of an assignment's event, so a later change replaces it in the calendar. */
export const assignmentUid = (assignmentId: string) => `assignment-${assignmentId}@peerbridge`;

function assignmentIcs(svc: Services, { tenant, assignment: a, peer }: Mail, title: string, description: string): MailAttachment {
  const location = a.remote ? null : [a.address, a.municipality].filter(Boolean).join(', ');
  // `timestamp` (DTSTAMP) is supported by ics but missing from its types; it follows our clock.
  const attributes: EventAttributes & { timestamp: number } = {
    productId: 'peerbridge/assignments',
    method: 'REQUEST',
    uid: assignmentUid(a.id),
    sequence: 0,
    timestamp: svc.now().getTime(),
    start: a.startsAt.getTime(),
    end: a.endsAt.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    title,
    description,
    ...(location ? { location } : {}),
    status: 'CONFIRMED',
    organizer: { name: tenant.name, email: organizerAddress(svc.config.mailFrom) },
    attendees: [{ name: peer.name, email: peer.email ?? '', rsvp: false, role: 'REQ-PARTICIPANT' }],
  };
  const { error, value } = createEvent(attributes);
  if (error || !value) throw error ?? new Error('ics: no calendar produced');
  return { filename: 'assignment.ics', contentType: 'text/calendar; charset=utf-8; method=REQUEST', content: value };
}
