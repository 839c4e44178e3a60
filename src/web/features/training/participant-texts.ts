/**
 * Texts of the team's view of one participant (follow-up, check-ins, hand-ins, completion), in every
 * language. Spread into the app's catalogs (src/web/i18n); Swedish defines the keys.
 */
const sv = {
  'trainingWork.title': 'Deltagare',
} as const;

type ParticipantKey = keyof typeof sv;

const da = {
  'trainingWork.title': 'Deltager',
} as const satisfies Record<ParticipantKey, string>;

const en = {
  'trainingWork.title': 'Participant',
} as const satisfies Record<ParticipantKey, string>;

export const participantTexts = { sv, da, en };
