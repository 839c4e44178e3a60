/**
 * Texts of the set-password and forgot-password pages, in every language.
 * Spread into the app's catalogs (src/web/i18n); Swedish defines the keys.
 */
const sv = {
  'password.setTitle': 'Välj lösenord',
} as const;

type PasswordKey = keyof typeof sv;

const da = {
  'password.setTitle': 'Vælg adgangskode',
} as const satisfies Record<PasswordKey, string>;

const en = {
  'password.setTitle': 'Choose a password',
} as const satisfies Record<PasswordKey, string>;

export const passwordTexts = { sv, da, en };
