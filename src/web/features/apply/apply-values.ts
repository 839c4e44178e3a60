import {
  letterPrompts,
  selfRatings,
  tracks,
  type PublicIntakeView,
  type Track,
} from '../../../shared/contracts/recruitment.ts';
import type { Locale } from '../../../shared/i18n/locale.ts';

export type LetterPrompt = (typeof letterPrompts)[number];
export type SelfRating = (typeof selfRatings)[number];

/** Everything the applicant typed or chose, as the form holds it (the file is kept apart: it cannot be stored). */
export interface ApplyValues {
  name: string;
  email: string;
  phone: string;
  municipality: string;
  track: Track | '';
  letter: Record<LetterPrompt, string>;
  /** By criterion id. */
  ratings: Record<string, { rating: SelfRating | ''; comment: string }>;
  workingGoal: boolean;
  consent: boolean;
}

export function emptyValues(intake: PublicIntakeView): ApplyValues {
  return {
    name: '',
    email: '',
    phone: '',
    municipality: '',
    // One track on offer: nothing to choose.
    track: intake.tracks.length === 1 ? intake.tracks[0]! : '',
    letter: { about: '', experience: '', turningPoints: '', whyRole: '', fit: '' },
    ratings: {},
    workingGoal: false,
    consent: false,
  };
}

export function letterLength(letter: ApplyValues['letter']): number {
  return letterPrompts.reduce((sum, p) => sum + letter[p].trim().length, 0);
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * Reads a stored draft defensively: it may come from an older version of this page or a changed
 * intake, so only known fields of the right type are taken over.
 */
export function valuesFromDraft(stored: unknown, intake: PublicIntakeView): ApplyValues {
  const base = emptyValues(intake);
  if (!stored || typeof stored !== 'object') return base;
  const d = stored as Record<string, unknown>;
  const letter = (d.letter && typeof d.letter === 'object' ? d.letter : {}) as Record<string, unknown>;
  const ratings = (d.ratings && typeof d.ratings === 'object' ? d.ratings : {}) as Record<string, unknown>;
  const track = tracks.find((t) => t === d.track && intake.tracks.includes(t));
  return {
    name: str(d.name),
    email: str(d.email),
    phone: str(d.phone),
    municipality: str(d.municipality),
    track: track ?? base.track,
    letter: Object.fromEntries(letterPrompts.map((p) => [p, str(letter[p])])) as ApplyValues['letter'],
    ratings: Object.fromEntries(
      intake.criteria.map((c) => {
        const r = (ratings[c.id] ?? {}) as Record<string, unknown>;
        return [c.id, { rating: selfRatings.find((s) => s === r.rating) ?? '', comment: str(r.comment) }];
      }),
    ),
    workingGoal: d.workingGoal === true,
    consent: d.consent === true,
  };
}

/**
 * The body as the contract names it. Unanswered choices are sent as they are (empty) so the server
 * names them in the applicant's language; `sentCriteria` tells which criterion each
 * `selfAssessment.<i>` of an answer refers to.
 */
export function toSubmission(values: ApplyValues, intake: PublicIntakeView, locale: Locale) {
  const answered = intake.criteria.filter((c) => values.ratings[c.id]?.rating);
  const hasLetter = letterLength(values.letter) > 0;
  const body = {
    name: values.name,
    email: values.email.trim(),
    phone: values.phone.trim(),
    municipality: values.municipality,
    track: values.track,
    locale,
    letter: hasLetter ? values.letter : undefined,
    selfAssessment: answered.map((c) => ({
      criterionId: c.id,
      rating: values.ratings[c.id]!.rating,
      comment: values.ratings[c.id]!.comment,
    })),
    workingGoalAcknowledged: values.workingGoal,
    consent: values.consent,
    consentVersion: intake.consentVersion,
  };
  return { body, sentCriteria: answered.map((c) => c.id) };
}
