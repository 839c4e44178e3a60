/**
 * Texts of the training team's pages (courses, cohorts, sessions, attendance, participants), in every language.
 * Spread into the app's catalogs (src/web/i18n); Swedish defines the keys.
 */
const sv = {
  'nav.training': 'Utbildning',
  'home.card.training': 'Kurser, utbildningsomgångar, närvaro, reflektionsuppgifter och uppföljning.',
  'nav.leading': 'Mina kurstillfällen',
} as const;

type TrainingKey = keyof typeof sv;

const da = {
  'nav.training': 'Uddannelse',
  'home.card.training': 'Kurser, hold, fremmøde, refleksionsopgaver og opfølgning.',
  'nav.leading': 'Mine kursusgange',
} as const satisfies Record<TrainingKey, string>;

const en = {
  'nav.training': 'Training',
  'home.card.training': 'Courses, cohorts, attendance, reflection tasks and follow-up.',
  'nav.leading': 'Sessions I lead',
} as const satisfies Record<TrainingKey, string>;

export const trainingTexts = { sv, da, en };
