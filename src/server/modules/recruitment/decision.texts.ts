import type { Locale } from '../../../shared/i18n/locale.ts';
import type { Decision } from '../../../shared/contracts/recruitment.ts';

/**
 * What the training team sends applicants: the invitation to pick an interview time, the decision
 * letter (a draft the team edits before sending) and its e-mail, and the receipt of a withdrawal.
 * Plain language and warm: many applicants are in a fragile time, and a "no" must not read as a
 * verdict on them. Every text in the applicant's own language.
 */
const sv = {
  signature: 'Varma hälsningar\nUtbildnings- och samordningsteamet, {tenant}',
  'invite.subject': 'Välj en tid för intervju: {intake}',
  'invite.body':
    'Hej {name}!\n\nTack för din ansökan till {intake}. Vi har läst ditt brev och vill gärna träffa dig för ett samtal.\n\nVälj en tid som passar dig på din personliga sida:\n{link}\n\nDär ser du de lediga tiderna, på plats eller via video, och du kan byta tid om något kommer emellan. Passar ingen av tiderna? Hör av dig till oss, så hittar vi en annan.\n\nDin referens: {reference}\n\n{signature}',
  'decision.subject': 'Besked om din ansökan: {intake}',
  'decision.body': '{letter}\n\nDu kan också läsa beskedet på din personliga sida:\n{link}\n\nDin referens: {reference}',
  'letter.admitted':
    'Hej {name}!\n\nTack för din ansökan till {intake} och för samtalet vi hade. Vi är glada att kunna berätta att du är antagen till {course}.\n\nSå här går det till nu: vi hör av oss inom kort med datum för studieveckorna, var vi ses och vad du behöver ta med dig. Utbildningen och studiematerialet är kostnadsfria. Har du frågor, eller har något ändrats för dig, är du alltid välkommen att höra av dig.\n\nVi ser fram emot att lära känna dig mer!\n\n{signature}',
  'letter.waitlisted':
    'Hej {name}!\n\nTack för din ansökan till {intake} och för samtalet vi hade. Vi fick fler sökande än vi har platser, och du står nu på reservlistan till {course}.\n\nDet betyder att du inte har en plats ännu, men att du kan få en om någon lämnar sin. Vi hör av oss så snart vi vet mer, och senast när utbildningen börjar. Du behöver inte göra något under tiden. Vill du inte stå kvar på reservlistan kan du ta tillbaka din ansökan på din personliga sida.\n\n{signature}',
  'letter.not_admitted':
    'Hej {name}!\n\nTack för din ansökan till {intake} och för att du delade med dig av din berättelse. Vi vet att det kräver mod, och vi har läst den med respekt.\n\nVi fick fler sökande än vi har platser, och den här gången kan vi tyvärr inte erbjuda dig en plats på {course}. Du är varmt välkommen att söka igen vid ett senare tillfälle.\n\nDin ansökan och allt som hör till den, ditt brev, dina uppgifter och våra anteckningar, raderas den {purgeDate}. Vill du ha en kopia innan dess kan du hämta den på din personliga sida.\n\n{signature}',
  'withdrawn.subject': 'Din ansökan är tillbakadragen: {intake}',
  'withdrawn.body':
    'Hej {name}!\n\nVi har noterat att du tar tillbaka din ansökan till {intake}. Tack för ditt intresse, och välkommen att söka igen en annan gång.\n\nDin ansökan och allt som hör till den raderas den {purgeDate}. Fram till dess kan du se den på din personliga sida:\n{link}\n\nDin referens: {reference}\n\n{signature}',
} as const;

type Key = keyof typeof sv;

const da = {
  signature: 'Venlig hilsen\nUddannelses- og koordineringsteamet, {tenant}',
  'invite.subject': 'Vælg en tid til samtale: {intake}',
  'invite.body':
    'Hej {name}\n\nTak for din ansøgning til {intake}. Vi har læst dit brev og vil meget gerne møde dig til en samtale.\n\nVælg en tid, der passer dig, på din personlige side:\n{link}\n\nDer kan du se de ledige tider, fremmøde eller video, og du kan skifte tid, hvis der kommer noget i vejen. Passer ingen af tiderne? Kontakt os, så finder vi en anden.\n\nDin reference: {reference}\n\n{signature}',
  'decision.subject': 'Svar på din ansøgning: {intake}',
  'decision.body': '{letter}\n\nDu kan også læse svaret på din personlige side:\n{link}\n\nDin reference: {reference}',
  'letter.admitted':
    'Hej {name}\n\nTak for din ansøgning til {intake} og for vores samtale. Vi er glade for at kunne fortælle, at du er optaget på {course}.\n\nSådan foregår det nu: Vi kontakter dig snart med datoerne for studieugerne, hvor vi mødes, og hvad du skal have med. Uddannelsen og materialet er gratis. Har du spørgsmål, eller har noget ændret sig for dig, er du altid velkommen til at kontakte os.\n\nVi glæder os til at lære dig bedre at kende!\n\n{signature}',
  'letter.waitlisted':
    'Hej {name}\n\nTak for din ansøgning til {intake} og for vores samtale. Vi fik flere ansøgere, end vi har pladser, og du står nu på ventelisten til {course}.\n\nDet betyder, at du ikke har en plads endnu, men at du kan få en, hvis nogen siger sin plads fra. Vi kontakter dig, så snart vi ved mere, og senest når uddannelsen begynder. Du skal ikke gøre noget imens. Vil du ikke længere stå på ventelisten, kan du trække din ansøgning tilbage på din personlige side.\n\n{signature}',
  'letter.not_admitted':
    'Hej {name}\n\nTak for din ansøgning til {intake}, og tak fordi du delte din historie med os. Vi ved, at det kræver mod, og vi har læst den med respekt.\n\nVi fik flere ansøgere, end vi har pladser, og denne gang kan vi desværre ikke tilbyde dig en plads på {course}. Du er meget velkommen til at søge igen en anden gang.\n\nDin ansøgning og alt, hvad der hører til den, dit brev, dine oplysninger og vores noter, bliver slettet den {purgeDate}. Vil du have en kopi inden da, kan du hente den på din personlige side.\n\n{signature}',
  'withdrawn.subject': 'Din ansøgning er trukket tilbage: {intake}',
  'withdrawn.body':
    'Hej {name}\n\nVi har noteret, at du trækker din ansøgning til {intake} tilbage. Tak for din interesse, og du er velkommen til at søge igen en anden gang.\n\nDin ansøgning og alt, hvad der hører til den, bliver slettet den {purgeDate}. Indtil da kan du se den på din personlige side:\n{link}\n\nDin reference: {reference}\n\n{signature}',
} satisfies Record<Key, string>;

const en = {
  signature: 'Warm regards\nThe training and coordination team, {tenant}',
  'invite.subject': 'Choose a time for your interview: {intake}',
  'invite.body':
    'Hello {name},\n\nThank you for applying to {intake}. We have read your letter and would like to meet you for a conversation.\n\nChoose a time that suits you on your personal page:\n{link}\n\nThere you can see the free times, in person or by video, and you can change your time if something comes up. None of the times work for you? Get in touch and we will find another.\n\nYour reference: {reference}\n\n{signature}',
  'decision.subject': 'The decision on your application: {intake}',
  'decision.body': '{letter}\n\nYou can also read the decision on your personal page:\n{link}\n\nYour reference: {reference}',
  'letter.admitted':
    'Hello {name},\n\nThank you for applying to {intake} and for our conversation. We are happy to tell you that you have a place on {course}.\n\nWhat happens next: we will be in touch soon with the dates of the study weeks, where we meet and what to bring. The training and its materials are free of charge. If you have questions, or if something has changed for you, you are always welcome to contact us.\n\nWe look forward to getting to know you better!\n\n{signature}',
  'letter.waitlisted':
    'Hello {name},\n\nThank you for applying to {intake} and for our conversation. We had more applicants than places, and you are now on the waiting list for {course}.\n\nThis means that you do not have a place yet, but you may get one if someone gives theirs up. We will let you know as soon as we know more, and at the latest when the training starts. You need not do anything in the meantime. If you no longer want to be on the waiting list, you can withdraw your application on your personal page.\n\n{signature}',
  'letter.not_admitted':
    'Hello {name},\n\nThank you for applying to {intake} and for sharing your story with us. We know that takes courage, and we read it with respect.\n\nWe had more applicants than places, and this time we are sorry that we cannot offer you a place on {course}. You are very welcome to apply again another time.\n\nYour application and everything in it, your letter, your details and our notes, will be deleted on {purgeDate}. If you would like a copy before then, you can download it from your personal page.\n\n{signature}',
  'withdrawn.subject': 'Your application is withdrawn: {intake}',
  'withdrawn.body':
    'Hello {name},\n\nWe have noted that you are withdrawing your application to {intake}. Thank you for your interest, and you are welcome to apply again another time.\n\nYour application and everything in it will be deleted on {purgeDate}. Until then you can see it on your personal page:\n{link}\n\nYour reference: {reference}\n\n{signature}',
} satisfies Record<Key, string>;

const catalogs: Record<Locale, Record<Key, string>> = { sv, da, en };

export type RecruitmentTextKey = Key;

/** A text in the applicant's language; `{signature}` is the team's sign-off, signed with the tenant's name. */
export function recruitmentText(locale: Locale, key: Key, params: Record<string, string> = {}): string {
  const fill = (text: string) => text.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? `{${name}}`);
  return fill(catalogs[locale][key].replace('{signature}', catalogs[locale].signature));
}

export const letterKey = (decision: Decision): Key => `letter.${decision}`;

const intlTags: Record<Locale, string> = { sv: 'sv-SE', da: 'da-DK', en: 'en-GB' };

/** A calendar day (`YYYY-MM-DD`) as the applicant writes it: "23 november 2027", "23. november 2027". */
export function formatDay(locale: Locale, day: string): string {
  return new Intl.DateTimeFormat(intlTags[locale], { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}
