import type { Locale } from '../../../shared/i18n/locale.ts';

/**
 * E-mail texts of the forgot-password flow, in every language. Swedish defines the keys;
 * `satisfies` makes the compiler refuse a key missing in one.
 */
const sv = {
  'mail.reset.subject': 'Välj ett nytt lösenord till Peerbridge',
  'mail.reset.body': 'Hej {name}!\n\nNågon bad om ett nytt lösenord till ditt Peerbridge-konto. Om det var du väljer du ett nytt lösenord här:\n{link}\n\nLänken gäller i en timme och fungerar en gång.\n\nOm det inte var du behöver du inte göra något. Ditt lösenord är som förut.',
} as const;

type Key = keyof typeof sv;

const da = {
  'mail.reset.subject': 'Vælg en ny adgangskode til Peerbridge',
  'mail.reset.body': 'Hej {name}!\n\nNogen har bedt om en ny adgangskode til din Peerbridge-konto. Hvis det var dig, vælger du en ny adgangskode her:\n{link}\n\nLinket gælder i en time og virker én gang.\n\nHvis det ikke var dig, behøver du ikke gøre noget. Din adgangskode er som før.',
} satisfies Record<Key, string>;

const en = {
  'mail.reset.subject': 'Choose a new Peerbridge password',
  'mail.reset.body': 'Hello {name},\n\nSomeone asked for a new password for your Peerbridge account. If it was you, choose a new password here:\n{link}\n\nThe link is valid for one hour and works once.\n\nIf it was not you, you need not do anything. Your password stays as it was.',
} satisfies Record<Key, string>;

const catalogs: Record<Locale, Record<Key, string>> = { sv, da, en };

export function passwordText(locale: Locale, key: Key, params: Record<string, string | number> = {}): string {
  return catalogs[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}
