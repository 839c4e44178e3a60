/**
 * Texts of the training team's recruitment pages (intakes, pipeline, review, interviews, decisions),
 * in every language. Spread into the app's catalogs (src/web/i18n); Swedish defines the keys.
 */
const sv = {
  'nav.recruitment': 'Rekrytering',
  'home.card.recruitment': 'Utbildningsomgångar, ansökningar, intervjuer och beslut.',
} as const;

type RecruitmentKey = keyof typeof sv;

const da = {
  'nav.recruitment': 'Rekruttering',
  'home.card.recruitment': 'Hold, ansøgninger, samtaler og afgørelser.',
} as const satisfies Record<RecruitmentKey, string>;

const en = {
  'nav.recruitment': 'Recruitment',
  'home.card.recruitment': 'Intakes, applications, interviews and decisions.',
} as const satisfies Record<RecruitmentKey, string>;

export const recruitmentTexts = { sv, da, en };
