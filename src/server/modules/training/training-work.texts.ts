import type { Locale } from '../../../shared/i18n/locale.ts';

/**
 * What the training work sends and prints: the e-mail that feedback is there, the team's alert
 * about a check-in (never its answers: an e-mail is not a safe place for how someone is doing),
 * the completion e-mail with the certificate, and the certificate itself. Every text in three languages.
 */
const sv = {
  signature: 'Varma hälsningar\nUtbildningsteamet, {tenant}',
  'feedback.subject': 'Du har fått återkoppling: {task}',
  'feedback.body':
    'Hej {name}!\n\nKursledaren har skrivit en återkoppling på din uppgift "{task}" i {cohort}.\n\nDu läser den på din utbildningssida:\n{link}\n\n{signature}',
  'flagged.subject': 'En veckoavstämning behöver er uppmärksamhet',
  'flagged.body':
    'Hej {name}!\n\nEn deltagare i {cohort} har lämnat en veckoavstämning som behöver er uppmärksamhet.\n\nLogga in och läs den här:\n{link}\n\nSvaren visas bara i Peerbridge, inte i e-post.',
  'completed.subject': 'Grattis, du har slutfört {course}!',
  'completed.body':
    'Hej {name}!\n\nGrattis! Du har slutfört {course} ({cohort}). Ditt intyg finns bifogat, med nummer {number}. Du kan också hämta det på din utbildningssida:\n{link}\n\nNu är du peer, och vi hör av oss om vad som händer härnäst.\n\n{signature}',
  'note.override': 'Slutförd utan att kriterierna var uppfyllda. Skäl: {reason}',
  'certificate.title': 'Utbildningsintyg',
  'certificate.intro': 'Härmed intygas att',
  'certificate.completed': 'har genomgått och slutfört',
  'certificate.period': 'Period: {from} – {to}',
  'certificate.hours': 'Närvaro: {hours} timmar',
  'certificate.number': 'Intygsnummer: {number}',
  'certificate.issued': 'Utfärdat {date} av {tenant}',
  'certificate.filename': 'intyg-{number}.pdf',
} as const;

type Key = keyof typeof sv;

const da = {
  signature: 'Venlig hilsen\nUddannelsesteamet, {tenant}',
  'feedback.subject': 'Du har fået feedback: {task}',
  'feedback.body':
    'Hej {name}\n\nKursuslederen har skrevet feedback på din opgave "{task}" på {cohort}.\n\nDu kan læse den på din uddannelsesside:\n{link}\n\n{signature}',
  'flagged.subject': 'En ugentlig status kræver jeres opmærksomhed',
  'flagged.body':
    'Hej {name}\n\nEn deltager på {cohort} har udfyldt en ugentlig status, der kræver jeres opmærksomhed.\n\nLog ind, og læs den her:\n{link}\n\nSvarene vises kun i Peerbridge, ikke i e-mail.',
  'completed.subject': 'Tillykke, du har gennemført {course}!',
  'completed.body':
    'Hej {name}\n\nTillykke! Du har gennemført {course} ({cohort}). Dit kursusbevis er vedhæftet, med nummer {number}. Du kan også hente det på din uddannelsesside:\n{link}\n\nNu er du peer, og vi kontakter dig om, hvad der sker nu.\n\n{signature}',
  'note.override': 'Gennemført, selvom kriterierne ikke var opfyldt. Begrundelse: {reason}',
  'certificate.title': 'Kursusbevis',
  'certificate.intro': 'Hermed bekræftes det, at',
  'certificate.completed': 'har deltaget i og gennemført',
  'certificate.period': 'Periode: {from} – {to}',
  'certificate.hours': 'Fremmøde: {hours} timer',
  'certificate.number': 'Bevisnummer: {number}',
  'certificate.issued': 'Udstedt {date} af {tenant}',
  'certificate.filename': 'kursusbevis-{number}.pdf',
} satisfies Record<Key, string>;

const en = {
  signature: 'Warm regards\nThe training team, {tenant}',
  'feedback.subject': 'You have feedback: {task}',
  'feedback.body':
    'Hello {name},\n\nYour course leader has written feedback on your task "{task}" in {cohort}.\n\nYou can read it on your training page:\n{link}\n\n{signature}',
  'flagged.subject': 'A check-in needs your attention',
  'flagged.body':
    'Hello {name},\n\nA participant in {cohort} has filled in a weekly check-in that needs your attention.\n\nSign in and read it here:\n{link}\n\nThe answers are shown only in Peerbridge, never in e-mail.',
  'completed.subject': 'Congratulations, you have completed {course}!',
  'completed.body':
    'Hello {name},\n\nCongratulations! You have completed {course} ({cohort}). Your certificate is attached, number {number}. You can also download it from your training page:\n{link}\n\nYou are now a peer, and we will be in touch about what comes next.\n\n{signature}',
  'note.override': 'Completed without meeting the criteria. Reason: {reason}',
  'certificate.title': 'Certificate of completion',
  'certificate.intro': 'This is to certify that',
  'certificate.completed': 'has taken part in and completed',
  'certificate.period': 'Period: {from} – {to}',
  'certificate.hours': 'Attendance: {hours} hours',
  'certificate.number': 'Certificate number: {number}',
  'certificate.issued': 'Issued on {date} by {tenant}',
  'certificate.filename': 'certificate-{number}.pdf',
} satisfies Record<Key, string>;

const catalogs: Record<Locale, Record<Key, string>> = { sv, da, en };

export type TrainingWorkTextKey = Key;

export function trainingWorkText(locale: Locale, key: Key, params: Record<string, string> = {}): string {
  const fill = (text: string) => text.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? `{${name}}`);
  return fill(catalogs[locale][key].replace('{signature}', catalogs[locale].signature));
}
