import type { Locale } from '../../../shared/i18n/locale.ts';
import { timeZoneOf, type Country } from './schedule.ts';

/**
 * What the training team sends participants: the welcome to a cohort, with the first session and a
 * link to choose a password for their account. Warm and plain; in the participant's own language.
 */
const sv = {
  signature: 'Varma hälsningar\nUtbildnings- och samordningsteamet, {tenant}',
  'welcome.subject': 'Välkommen till {cohort}',
  'welcome.body':
    'Hej {name}!\n\nVälkommen till {cohort} ({course}). Vi ser fram emot att träffa dig.\n\n{first}\n\n{account}\n\nPå din sida ser du alla träffar, och du kan lägga in dem i din kalender. Har du frågor, eller har något ändrats för dig, är du alltid välkommen att höra av dig.\n\n{signature}',
  'welcome.first': 'Första träffen: {when}',
  'welcome.place': 'Plats: {place}',
  'welcome.firstLater': 'Vi skickar datum för träffarna så snart de är klara.',
  'welcome.setPassword': 'Du har fått ett konto hos oss. Välj ditt lösenord här (länken gäller i en vecka):\n{link}',
  'welcome.signIn': 'Logga in med ditt vanliga konto här:\n{link}',
  'calendar.name': 'Utbildningsträffar, {tenant}',
} as const;

type Key = keyof typeof sv;

const da = {
  signature: 'Venlig hilsen\nUddannelses- og koordineringsteamet, {tenant}',
  'welcome.subject': 'Velkommen til {cohort}',
  'welcome.body':
    'Hej {name}\n\nVelkommen til {cohort} ({course}). Vi glæder os til at møde dig.\n\n{first}\n\n{account}\n\nPå din side kan du se alle gange, og du kan lægge dem ind i din kalender. Har du spørgsmål, eller har noget ændret sig for dig, er du altid velkommen til at kontakte os.\n\n{signature}',
  'welcome.first': 'Første gang: {when}',
  'welcome.place': 'Sted: {place}',
  'welcome.firstLater': 'Vi sender datoerne, så snart de er på plads.',
  'welcome.setPassword': 'Du har fået en konto hos os. Vælg din adgangskode her (linket gælder i en uge):\n{link}',
  'welcome.signIn': 'Log ind med din sædvanlige konto her:\n{link}',
  'calendar.name': 'Undervisningsgange, {tenant}',
} satisfies Record<Key, string>;

const en = {
  signature: 'Warm regards\nThe training and coordination team, {tenant}',
  'welcome.subject': 'Welcome to {cohort}',
  'welcome.body':
    'Hello {name},\n\nWelcome to {cohort} ({course}). We look forward to meeting you.\n\n{first}\n\n{account}\n\nOn your page you can see every session and add them to your calendar. If you have questions, or if something has changed for you, you are always welcome to contact us.\n\n{signature}',
  'welcome.first': 'First session: {when}',
  'welcome.place': 'Place: {place}',
  'welcome.firstLater': 'We will send the dates of the sessions as soon as they are set.',
  'welcome.setPassword': 'You now have an account with us. Choose your password here (the link is valid for a week):\n{link}',
  'welcome.signIn': 'Sign in with your usual account here:\n{link}',
  'calendar.name': 'Training sessions, {tenant}',
} satisfies Record<Key, string>;

const catalogs: Record<Locale, Record<Key, string>> = { sv, da, en };

/** A text in the reader's language; `{signature}` is the team's sign-off, signed with the tenant's name. */
export function trainingText(locale: Locale, key: Key, params: Record<string, string> = {}): string {
  const fill = (text: string) => text.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? `{${name}}`);
  return fill(catalogs[locale][key].replace('{signature}', catalogs[locale].signature));
}

const intlTags: Record<Locale, string> = { sv: 'sv-SE', da: 'da-DK', en: 'en-GB' };

/** A session's day and times where it is held: "måndag 2 mars 2026 09:00–15:00". */
export function formatSessionTime(locale: Locale, country: Country, startsAt: Date, endsAt: Date): string {
  return new Intl.DateTimeFormat(intlTags[locale], { dateStyle: 'full', timeStyle: 'short', timeZone: timeZoneOf[country] }).formatRange(startsAt, endsAt);
}
