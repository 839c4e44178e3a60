/**
 * Texts of the public application pages (open intakes, the form, the status page), in every
 * language. Spread into the app's catalogs (src/web/i18n); Swedish defines the keys.
 */
const sv = {
  'apply.title': 'Sök till utbildning',
} as const;

type ApplyKey = keyof typeof sv;

const da = {
  'apply.title': 'Søg ind på uddannelsen',
} as const satisfies Record<ApplyKey, string>;

const en = {
  'apply.title': 'Apply for training',
} as const satisfies Record<ApplyKey, string>;

export const applyTexts = { sv, da, en };
