/**
 * Texts of the public Recovery College pages (catalogue, enrolment, cancellation), in every language.
 * Spread into the app's catalogs (src/web/i18n); Swedish defines the keys.
 */
const sv = {
  'rc.title': 'Recovery College',
} as const;

type RecoveryCollegeKey = keyof typeof sv;

const da = {
  'rc.title': 'Recovery College',
} as const satisfies Record<RecoveryCollegeKey, string>;

const en = {
  'rc.title': 'Recovery College',
} as const satisfies Record<RecoveryCollegeKey, string>;

export const recoveryCollegeTexts = { sv, da, en };
