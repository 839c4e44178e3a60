import type { Locale } from '../../../shared/i18n/locale.ts';

/**
 * E-mail and calendar texts about interviews, to the applicant (in the application's language) and to
 * the interviewers (in their own). Interviewers' texts name the applicant by reference only: the
 * e-mail and the calendar event travel through mail and calendar providers.
 */
const sv = {
  'where.place': 'Plats: {location}',
  'where.video': 'Videolänk: {url}',
  'applicant.booked.subject': 'Din intervju är bokad: {when}',
  'applicant.booked.body':
    'Hej {name}!\n\nDin intervju för {intake} hos {tenant} är bokad.\n\nTid: {when}\n{where}\nReferens: {reference}\n\nEn kalenderfil finns bifogad. Passar inte tiden kan du byta den på din sida, där du också ser hur det går med din ansökan:\n{link}\n\nVälkommen!',
  'applicant.moved.subject': 'Ny tid för din intervju: {when}',
  'applicant.moved.body':
    'Hej {name}!\n\nDin intervju för {intake} hos {tenant} har fått en ny tid.\n\nTid: {when}\n{where}\nReferens: {reference}\n\nDen bifogade kalenderfilen ersätter den förra. Du kan se och byta tiden på din sida:\n{link}',
  'applicant.cancelled.subject': 'Din intervjutid är inställd',
  'applicant.cancelled.body':
    'Hej {name}!\n\nTiden för din intervju för {intake} hos {tenant} ({when}) har tyvärr ställts in. Du är fortfarande inbjuden till intervju.\n\nVälj en ny tid på din sida:\n{link}\n\nReferens: {reference}. Den bifogade kalenderfilen tar bort den inställda tiden ur din kalender.',
  'applicant.reminder.subject': 'Påminnelse: din intervju {when}',
  'applicant.reminder.body':
    'Hej {name}!\n\nEn påminnelse om din intervju för {intake} hos {tenant}.\n\nTid: {when}\n{where}\nReferens: {reference}\n\nPå din sida ser du tiden och kan byta den om något har hänt:\n{link}\n\nVälkommen!',
  'applicant.ics.title': 'Intervju: {intake}',
  'applicant.ics.description': 'Referens: {reference}\nDin sida: {link}',
  'team.booked.subject': 'Intervju {reference}: {when}',
  'team.booked.body': 'Hej {name}!\n\nEn intervju i {intake} är bokad med dig som intervjuare.\n\nTid: {when}\n{where}\nReferens: {reference}\n\nAnsökan: {link}\n\nEn kalenderfil finns bifogad.',
  'team.moved.subject': 'Ny tid för intervju {reference}: {when}',
  'team.moved.body': 'Hej {name}!\n\nIntervjun {reference} i {intake} har fått en ny tid.\n\nTid: {when}\n{where}\n\nAnsökan: {link}\n\nDen bifogade kalenderfilen ersätter den förra.',
  'team.cancelled.subject': 'Intervju {reference} inställd',
  'team.cancelled.body':
    'Hej {name}!\n\nIntervjun {reference} i {intake} ({when}) är inställd eller har flyttats till en tid med andra intervjuare.\n\nDen bifogade kalenderfilen tar bort den ur din kalender.',
  'team.ics.title': 'Intervju {reference}',
  'team.ics.description': 'Referens: {reference}\nAnsökan: {link}',
} as const;

type Key = keyof typeof sv;

const da = {
  'where.place': 'Sted: {location}',
  'where.video': 'Videolink: {url}',
  'applicant.booked.subject': 'Din samtale er booket: {when}',
  'applicant.booked.body':
    'Hej {name}!\n\nDin samtale om {intake} hos {tenant} er booket.\n\nTid: {when}\n{where}\nReference: {reference}\n\nEn kalenderfil er vedhæftet. Passer tiden ikke, kan du ændre den på din side, hvor du også kan se, hvordan det går med din ansøgning:\n{link}\n\nVelkommen!',
  'applicant.moved.subject': 'Ny tid til din samtale: {when}',
  'applicant.moved.body':
    'Hej {name}!\n\nDin samtale om {intake} hos {tenant} har fået en ny tid.\n\nTid: {when}\n{where}\nReference: {reference}\n\nDen vedhæftede kalenderfil erstatter den forrige. Du kan se og ændre tiden på din side:\n{link}',
  'applicant.cancelled.subject': 'Din samtaletid er aflyst',
  'applicant.cancelled.body':
    'Hej {name}!\n\nTiden til din samtale om {intake} hos {tenant} ({when}) er desværre aflyst. Du er stadig inviteret til samtale.\n\nVælg en ny tid på din side:\n{link}\n\nReference: {reference}. Den vedhæftede kalenderfil fjerner den aflyste tid fra din kalender.',
  'applicant.reminder.subject': 'Påmindelse: din samtale {when}',
  'applicant.reminder.body':
    'Hej {name}!\n\nEn påmindelse om din samtale om {intake} hos {tenant}.\n\nTid: {when}\n{where}\nReference: {reference}\n\nPå din side kan du se tiden og ændre den, hvis noget er kommet i vejen:\n{link}\n\nVelkommen!',
  'applicant.ics.title': 'Samtale: {intake}',
  'applicant.ics.description': 'Reference: {reference}\nDin side: {link}',
  'team.booked.subject': 'Samtale {reference}: {when}',
  'team.booked.body': 'Hej {name}!\n\nEn samtale om {intake} er booket med dig som interviewer.\n\nTid: {when}\n{where}\nReference: {reference}\n\nAnsøgning: {link}\n\nEn kalenderfil er vedhæftet.',
  'team.moved.subject': 'Ny tid til samtale {reference}: {when}',
  'team.moved.body': 'Hej {name}!\n\nSamtalen {reference} om {intake} har fået en ny tid.\n\nTid: {when}\n{where}\n\nAnsøgning: {link}\n\nDen vedhæftede kalenderfil erstatter den forrige.',
  'team.cancelled.subject': 'Samtale {reference} aflyst',
  'team.cancelled.body':
    'Hej {name}!\n\nSamtalen {reference} om {intake} ({when}) er aflyst eller flyttet til en tid med andre interviewere.\n\nDen vedhæftede kalenderfil fjerner den fra din kalender.',
  'team.ics.title': 'Samtale {reference}',
  'team.ics.description': 'Reference: {reference}\nAnsøgning: {link}',
} satisfies Record<Key, string>;

const en = {
  'where.place': 'Place: {location}',
  'where.video': 'Video link: {url}',
  'applicant.booked.subject': 'Your interview is booked: {when}',
  'applicant.booked.body':
    'Hello {name},\n\nYour interview for {intake} at {tenant} is booked.\n\nTime: {when}\n{where}\nReference: {reference}\n\nA calendar file is attached. If the time does not suit you, you can change it on your page, where you can also see how your application is going:\n{link}\n\nWe look forward to meeting you.',
  'applicant.moved.subject': 'New time for your interview: {when}',
  'applicant.moved.body':
    'Hello {name},\n\nYour interview for {intake} at {tenant} has a new time.\n\nTime: {when}\n{where}\nReference: {reference}\n\nThe attached calendar file replaces the previous one. You can see and change the time on your page:\n{link}',
  'applicant.cancelled.subject': 'Your interview time is cancelled',
  'applicant.cancelled.body':
    'Hello {name},\n\nWe are sorry: the time of your interview for {intake} at {tenant} ({when}) has been cancelled. You are still invited to an interview.\n\nPlease choose a new time on your page:\n{link}\n\nReference: {reference}. The attached calendar file removes the cancelled time from your calendar.',
  'applicant.reminder.subject': 'Reminder: your interview {when}',
  'applicant.reminder.body':
    'Hello {name},\n\nA reminder of your interview for {intake} at {tenant}.\n\nTime: {when}\n{where}\nReference: {reference}\n\nYour page shows the time and lets you change it if something has come up:\n{link}\n\nWe look forward to meeting you.',
  'applicant.ics.title': 'Interview: {intake}',
  'applicant.ics.description': 'Reference: {reference}\nYour page: {link}',
  'team.booked.subject': 'Interview {reference}: {when}',
  'team.booked.body': 'Hello {name},\n\nAn interview for {intake} is booked with you as interviewer.\n\nTime: {when}\n{where}\nReference: {reference}\n\nApplication: {link}\n\nA calendar file is attached.',
  'team.moved.subject': 'New time for interview {reference}: {when}',
  'team.moved.body': 'Hello {name},\n\nInterview {reference} for {intake} has a new time.\n\nTime: {when}\n{where}\n\nApplication: {link}\n\nThe attached calendar file replaces the previous one.',
  'team.cancelled.subject': 'Interview {reference} cancelled',
  'team.cancelled.body':
    'Hello {name},\n\nInterview {reference} for {intake} ({when}) is cancelled or has moved to a time with other interviewers.\n\nThe attached calendar file removes it from your calendar.',
  'team.ics.title': 'Interview {reference}',
  'team.ics.description': 'Reference: {reference}\nApplication: {link}',
} satisfies Record<Key, string>;

const catalogs: Record<Locale, Record<Key, string>> = { sv, da, en };
export type InterviewTextKey = Key;

export function interviewText(locale: Locale, key: Key, params: Record<string, string> = {}): string {
  return catalogs[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? `{${name}}`);
}

const intlTags: Record<Locale, string> = { sv: 'sv-SE', da: 'da-DK', en: 'en-GB' };
const timeZones = { SE: 'Europe/Stockholm', DK: 'Europe/Copenhagen' } as const;

/** "tisdag 24 november 2026 10:00–11:00": in the reader's language, on the tenant's local time. */
export function formatInterviewTime(locale: Locale, country: keyof typeof timeZones, startsAt: Date, endsAt: Date): string {
  return new Intl.DateTimeFormat(intlTags[locale], { dateStyle: 'full', timeStyle: 'short', timeZone: timeZones[country] }).formatRange(startsAt, endsAt);
}
