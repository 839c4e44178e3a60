import type { Locale } from './locale.ts';

/**
 * Server-side texts: error messages and field reasons, in every locale.
 * `satisfies` makes the compiler refuse a key that is missing in one language.
 */
const sv = {
  'error.VALIDATION_FAILED': 'Några uppgifter behöver rättas.',
  'error.UNAUTHENTICATED': 'Du behöver logga in.',
  'error.FORBIDDEN': 'Du har inte behörighet till det här.',
  'error.NOT_FOUND': 'Det du söker finns inte.',
  'error.CONFLICT': 'Det här krockar med något som redan finns.',
  'error.PAYLOAD_TOO_LARGE': 'Det du skickade är för stort.',
  'error.UNSUPPORTED_MEDIA_TYPE': 'Den filtypen kan vi inte ta emot.',
  'error.RATE_LIMITED': 'För många försök. Vänta en stund och försök igen.',
  'error.OVERLOADED': 'Tjänsten är hårt belastad just nu. Försök igen om en liten stund.',
  'error.INTERNAL': 'Något gick fel hos oss. Försök igen om en stund.',
  'error.CSRF': 'Begäran kom inte från Peerbridge och stoppades.',
  'error.INVALID_CREDENTIALS': 'E-postadressen eller lösenordet stämmer inte.',
  'error.ACCOUNT_THROTTLED': 'För många misslyckade inloggningar. Vänta en stund. Om kontot finns har vi skickat en länk för att låsa upp det till e-postadressen.',
  'error.LAST_ADMIN': 'Det måste finnas minst en aktiv administratör.',
  'error.EMAIL_TAKEN': 'Det finns redan en användare med den e-postadressen.',
  'error.OIDC_FAILED': 'Inloggningen via din organisation misslyckades. Försök igen.',
  'field.required': 'Fyll i fältet.',
  'field.invalid_email': 'Skriv en giltig e-postadress, till exempel namn@exempel.se.',
  'field.too_short': 'Texten är för kort (minst {min} tecken).',
  'field.too_long': 'Texten är för lång (högst {max} tecken).',
  'field.invalid_value': 'Välj ett av de tillåtna värdena.',
  'field.invalid_type': 'Värdet har fel form.',
  'field.invalid': 'Värdet är inte giltigt.',
  'field.unknown': 'Fältet är okänt.',
  'mail.unlock.subject': 'Lås upp ditt Peerbridge-konto',
  'mail.unlock.body': 'Hej {name}!\n\nNågon har försökt logga in på ditt konto flera gånger med fel lösenord, så vi har låst det en stund.\nOm det var du kan du låsa upp kontot med länken nedan. Länken gäller i 24 timmar.\n\n{link}\n\nOm det inte var du behöver du inte göra något.',
  'mail.welcome.subject': 'Välkommen till Peerbridge',
  'mail.welcome.body': 'Hej {name}!\n\nDu har fått ett konto i Peerbridge hos {tenant}. Logga in med din e-postadress på {link}.',
} as const;

type Key = keyof typeof sv;

const da = {
  'error.VALIDATION_FAILED': 'Nogle oplysninger skal rettes.',
  'error.UNAUTHENTICATED': 'Du skal logge ind.',
  'error.FORBIDDEN': 'Du har ikke adgang til dette.',
  'error.NOT_FOUND': 'Det, du leder efter, findes ikke.',
  'error.CONFLICT': 'Det her er i konflikt med noget, der allerede findes.',
  'error.PAYLOAD_TOO_LARGE': 'Det, du sendte, er for stort.',
  'error.UNSUPPORTED_MEDIA_TYPE': 'Den filtype kan vi ikke modtage.',
  'error.RATE_LIMITED': 'For mange forsøg. Vent lidt, og prøv igen.',
  'error.OVERLOADED': 'Tjenesten er meget belastet lige nu. Prøv igen om lidt.',
  'error.INTERNAL': 'Noget gik galt hos os. Prøv igen om lidt.',
  'error.CSRF': 'Forespørgslen kom ikke fra Peerbridge og blev stoppet.',
  'error.INVALID_CREDENTIALS': 'E-mailadressen eller adgangskoden er forkert.',
  'error.ACCOUNT_THROTTLED': 'For mange mislykkede logins. Vent lidt. Hvis kontoen findes, har vi sendt et link til at låse den op til e-mailadressen.',
  'error.LAST_ADMIN': 'Der skal være mindst én aktiv administrator.',
  'error.EMAIL_TAKEN': 'Der findes allerede en bruger med den e-mailadresse.',
  'error.OIDC_FAILED': 'Login via din organisation mislykkedes. Prøv igen.',
  'field.required': 'Udfyld feltet.',
  'field.invalid_email': 'Skriv en gyldig e-mailadresse, for eksempel navn@eksempel.dk.',
  'field.too_short': 'Teksten er for kort (mindst {min} tegn).',
  'field.too_long': 'Teksten er for lang (højst {max} tegn).',
  'field.invalid_value': 'Vælg en af de tilladte værdier.',
  'field.invalid_type': 'Værdien har forkert form.',
  'field.invalid': 'Værdien er ikke gyldig.',
  'field.unknown': 'Feltet er ukendt.',
  'mail.unlock.subject': 'Lås din Peerbridge-konto op',
  'mail.unlock.body': 'Hej {name}!\n\nNogen har forsøgt at logge ind på din konto flere gange med forkert adgangskode, så vi har låst den et stykke tid.\nHvis det var dig, kan du låse kontoen op med linket herunder. Linket gælder i 24 timer.\n\n{link}\n\nHvis det ikke var dig, behøver du ikke gøre noget.',
  'mail.welcome.subject': 'Velkommen til Peerbridge',
  'mail.welcome.body': 'Hej {name}!\n\nDu har fået en konto i Peerbridge hos {tenant}. Log ind med din e-mailadresse på {link}.',
} satisfies Record<Key, string>;

const en = {
  'error.VALIDATION_FAILED': 'Some details need correcting.',
  'error.UNAUTHENTICATED': 'You need to sign in.',
  'error.FORBIDDEN': 'You do not have access to this.',
  'error.NOT_FOUND': 'What you are looking for does not exist.',
  'error.CONFLICT': 'This conflicts with something that already exists.',
  'error.PAYLOAD_TOO_LARGE': 'What you sent is too large.',
  'error.UNSUPPORTED_MEDIA_TYPE': 'We cannot accept that type of file.',
  'error.RATE_LIMITED': 'Too many attempts. Please wait a moment and try again.',
  'error.OVERLOADED': 'The service is very busy right now. Please try again shortly.',
  'error.INTERNAL': 'Something went wrong on our side. Please try again shortly.',
  'error.CSRF': 'The request did not come from Peerbridge and was stopped.',
  'error.INVALID_CREDENTIALS': 'The e-mail address or password is not right.',
  'error.ACCOUNT_THROTTLED': 'Too many failed sign-ins. Please wait a while. If the account exists, we have sent a link to unlock it to its e-mail address.',
  'error.LAST_ADMIN': 'There must be at least one active administrator.',
  'error.EMAIL_TAKEN': 'A user with that e-mail address already exists.',
  'error.OIDC_FAILED': 'Signing in through your organisation failed. Please try again.',
  'field.required': 'Fill in this field.',
  'field.invalid_email': 'Enter a valid e-mail address, like name@example.com.',
  'field.too_short': 'The text is too short (at least {min} characters).',
  'field.too_long': 'The text is too long (at most {max} characters).',
  'field.invalid_value': 'Choose one of the allowed values.',
  'field.invalid_type': 'The value has the wrong form.',
  'field.invalid': 'The value is not valid.',
  'field.unknown': 'This field is not known.',
  'mail.unlock.subject': 'Unlock your Peerbridge account',
  'mail.unlock.body': 'Hello {name},\n\nSomeone tried to sign in to your account several times with a wrong password, so we have locked it for a while.\nIf it was you, you can unlock the account with the link below. The link is valid for 24 hours.\n\n{link}\n\nIf it was not you, you need not do anything.',
  'mail.welcome.subject': 'Welcome to Peerbridge',
  'mail.welcome.body': 'Hello {name},\n\nYou now have a Peerbridge account at {tenant}. Sign in with your e-mail address at {link}.',
} satisfies Record<Key, string>;

const catalogs: Record<Locale, Record<Key, string>> = { sv, da, en };
export type ServerTextKey = Key;

export function serverText(locale: Locale, key: Key, params: Record<string, string | number> = {}): string {
  return catalogs[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}
