import type { Locale } from '../../../shared/i18n/locale.ts';
import type { LocalizedText } from '../../../shared/contracts/recruitment.ts';
import { timeZoneOf, type Country } from './schedule.ts';

/**
 * E-mails to people who enrol in a Recovery College course, in every language. Swedish defines the
 * keys; `satisfies` makes the compiler refuse a key missing in one.
 */
const sv = {
  'mail.enrolled.subject': 'Du har en plats: {course}',
  'mail.enrolled.body':
    'Hej {name}!\n\nVälkommen till {course}. Du har en plats.\n\nTillfällen:\n{sessions}\nPlats: {place}\n\nOm du inte kan komma, avboka med länken nedan så att någon på väntelistan får platsen:\n{link}\n\nVarmt välkommen!',
  'mail.waitlisted.subject': 'Du står på väntelistan: {course}',
  'mail.waitlisted.body':
    'Hej {name}!\n\n{course} är fullbokad, så du står på väntelistan. Du är nummer {position} i kön.\n\nTillfällen:\n{sessions}\nPlats: {place}\n\nOm någon avbokar får du platsen automatiskt, och vi skickar ett e-postmeddelande. Vill du inte längre stå i kön, avboka här:\n{link}',
  'mail.already.subject': 'Du är redan anmäld: {course}',
  'mail.already.body':
    'Hej {name}!\n\nNågon anmälde den här e-postadressen till {course} igen. Du är redan anmäld, så ingenting har ändrats.\n\nTillfällen:\n{sessions}\nPlats: {place}\n\nVill du avboka, använd länken:\n{link}',
  'mail.promoted.subject': 'Du har fått en plats: {course}',
  'mail.promoted.body':
    'Hej {name}!\n\nEn plats blev ledig, och den är nu din. Välkommen till {course}!\n\nTillfällen:\n{sessions}\nPlats: {place}\n\nOm du inte kan komma, avboka med länken så att nästa person i kön får platsen:\n{link}',
  'mail.reminder.subject': 'Påminnelse: {course} börjar snart',
  'mail.reminder.body':
    'Hej {name}!\n\nEn påminnelse om att {course} börjar snart.\n\nTillfällen:\n{sessions}\nPlats: {place}\n\nOm du inte kan komma, avboka med länken så att någon annan får platsen:\n{link}\n\nVi ses!',
  'mail.cancelled.subject': 'Avbokad: {course}',
  'mail.cancelled.body': 'Hej {name}!\n\nDin anmälan till {course} är avbokad. Du är välkommen att anmäla dig till en annan kurs när du vill.',
} as const;

type Key = keyof typeof sv;

const da = {
  'mail.enrolled.subject': 'Du har en plads: {course}',
  'mail.enrolled.body':
    'Hej {name}!\n\nVelkommen til {course}. Du har en plads.\n\nGange:\n{sessions}\nSted: {place}\n\nHvis du ikke kan komme, så afmeld dig med linket herunder, så en på ventelisten kan få pladsen:\n{link}\n\nHjertelig velkommen!',
  'mail.waitlisted.subject': 'Du er på ventelisten: {course}',
  'mail.waitlisted.body':
    'Hej {name}!\n\n{course} er fuldt booket, så du er på ventelisten. Du er nummer {position} i køen.\n\nGange:\n{sessions}\nSted: {place}\n\nHvis nogen melder fra, får du pladsen automatisk, og vi sender dig en e-mail. Vil du ikke længere stå i køen, kan du afmelde dig her:\n{link}',
  'mail.already.subject': 'Du er allerede tilmeldt: {course}',
  'mail.already.body':
    'Hej {name}!\n\nNogen har tilmeldt denne e-mailadresse til {course} igen. Du er allerede tilmeldt, så intet er ændret.\n\nGange:\n{sessions}\nSted: {place}\n\nVil du afmelde dig, så brug linket:\n{link}',
  'mail.promoted.subject': 'Du har fået en plads: {course}',
  'mail.promoted.body':
    'Hej {name}!\n\nEn plads er blevet ledig, og den er nu din. Velkommen til {course}!\n\nGange:\n{sessions}\nSted: {place}\n\nHvis du ikke kan komme, så afmeld dig med linket, så den næste i køen kan få pladsen:\n{link}',
  'mail.reminder.subject': 'Påmindelse: {course} begynder snart',
  'mail.reminder.body':
    'Hej {name}!\n\nEn påmindelse om, at {course} begynder snart.\n\nGange:\n{sessions}\nSted: {place}\n\nHvis du ikke kan komme, så afmeld dig med linket, så en anden kan få pladsen:\n{link}\n\nVi ses!',
  'mail.cancelled.subject': 'Afmeldt: {course}',
  'mail.cancelled.body': 'Hej {name}!\n\nDin tilmelding til {course} er afmeldt. Du er velkommen til at tilmelde dig et andet kursus, når du har lyst.',
} satisfies Record<Key, string>;

const en = {
  'mail.enrolled.subject': 'You have a place: {course}',
  'mail.enrolled.body':
    'Hello {name},\n\nWelcome to {course}. You have a place.\n\nSessions:\n{sessions}\nPlace: {place}\n\nIf you cannot come, please cancel with the link below so that someone on the waiting list gets the place:\n{link}\n\nWe look forward to meeting you.',
  'mail.waitlisted.subject': 'You are on the waiting list: {course}',
  'mail.waitlisted.body':
    'Hello {name},\n\n{course} is fully booked, so you are on the waiting list. You are number {position} in the queue.\n\nSessions:\n{sessions}\nPlace: {place}\n\nIf someone cancels, you get the place automatically and we will e-mail you. If you no longer want to wait, cancel here:\n{link}',
  'mail.already.subject': 'You are already enrolled: {course}',
  'mail.already.body':
    'Hello {name},\n\nSomeone enrolled this e-mail address in {course} again. You are enrolled already, so nothing has changed.\n\nSessions:\n{sessions}\nPlace: {place}\n\nTo cancel, use the link:\n{link}',
  'mail.promoted.subject': 'You have a place: {course}',
  'mail.promoted.body':
    'Hello {name},\n\nA place has become free, and it is now yours. Welcome to {course}!\n\nSessions:\n{sessions}\nPlace: {place}\n\nIf you cannot come, please cancel with the link so that the next person in the queue gets the place:\n{link}',
  'mail.reminder.subject': 'Reminder: {course} starts soon',
  'mail.reminder.body':
    'Hello {name},\n\nA reminder that {course} starts soon.\n\nSessions:\n{sessions}\nPlace: {place}\n\nIf you cannot come, please cancel with the link so that someone else gets the place:\n{link}\n\nSee you there!',
  'mail.cancelled.subject': 'Cancelled: {course}',
  'mail.cancelled.body': 'Hello {name},\n\nYour enrolment in {course} is cancelled. You are welcome to enrol in another course whenever you like.',
} satisfies Record<Key, string>;

const catalogs: Record<Locale, Record<Key, string>> = { sv, da, en };
export type RecoveryCollegeTextKey = Key;

export function recoveryCollegeText(locale: Locale, key: Key, params: Record<string, string | number> = {}): string {
  return catalogs[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** The course's title in the reader's language, else in the first language it was written in. */
export const titleIn = (locale: Locale, text: LocalizedText): string => text[locale] || text.sv || text.da || text.en || '';

const intlTags: Record<Locale, string> = { sv: 'sv-SE', da: 'da-DK', en: 'en-GB' };

/** "torsdag 3 december 2026 17:30–19:30", one line per session, on the tenant's local time. */
export function formatSessions(locale: Locale, country: Country, sessions: { startsAt: Date; endsAt: Date }[]): string {
  const format = new Intl.DateTimeFormat(intlTags[locale], { dateStyle: 'full', timeStyle: 'short', timeZone: timeZoneOf[country] });
  return sessions.map((s) => `– ${format.formatRange(s.startsAt, s.endsAt)}`).join('\n');
}
