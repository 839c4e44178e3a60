/**
 * Texts of the participant's own pages (sessions, hand-ins, check-ins, certificate), in every language.
 * Spread into the app's catalogs (src/web/i18n); Swedish defines the keys.
 */
const sv = {
  'nav.myTraining': 'Min utbildning',
  'home.card.myTraining': 'Dina kurstillfällen, reflektionsuppgifter och veckans avstämning.',
} as const;

type MyTrainingKey = keyof typeof sv;

const da = {
  'nav.myTraining': 'Min uddannelse',
  'home.card.myTraining': 'Dine kursusgange, refleksionsopgaver og ugens tjek-ind.',
} as const satisfies Record<MyTrainingKey, string>;

const en = {
  'nav.myTraining': 'My training',
  'home.card.myTraining': 'Your sessions, reflection tasks and the weekly check-in.',
} as const satisfies Record<MyTrainingKey, string>;

export const myTrainingTexts = { sv, da, en };
