import type { MouseEvent } from 'react';
import { Alert, ErrorSummary } from '@digdir/designsystemet-react';
import { letterPrompts, type PublicIntakeView } from '../../../shared/contracts/recruitment.ts';
import type { ApiError } from '../../app/api.ts';
import { useT } from '../../app/i18n.tsx';
import { errorMessage } from '../../ui/form-errors.tsx';
import type { ApplyValues } from './apply-values.ts';

/**
 * Where a reason is shown in the form: `name`, `letter`, `letter-<prompt>`, `letterFile`,
 * `rating-<criterionId>`, `comment-<criterionId>`, `selfAssessment`, `workingGoal`, `consent`, …
 * A slot with one input gives it the id `fieldId(slot)`.
 */
export type Placed = Record<string, string>;

const direct: Record<string, string> = {
  name: 'name',
  email: 'email',
  phone: 'phone',
  municipality: 'municipality',
  track: 'track',
  letterFile: 'letterFile',
  workingGoalAcknowledged: 'workingGoal',
  consent: 'consent',
  consentVersion: 'consent',
};

function slotOf(field: string, intake: PublicIntakeView, sentCriteria: string[], values: ApplyValues): string | null {
  const [head, second, third] = field.split('.');
  if (head && head in direct) return direct[head]!;
  if (head === 'letter') return second && (letterPrompts as readonly string[]).includes(second) ? `letter-${second}` : 'letter';
  if (head !== 'selfAssessment') return null;
  // `selfAssessment.<i>` counts the answers sent; a criterion id is taken as it is.
  const criterionId = second === undefined ? undefined : /^\d+$/.test(second) ? sentCriteria[Number(second)] : second;
  const known = intake.criteria.find((c) => c.id === criterionId);
  if (known) return third === 'comment' ? `comment-${known.id}` : `rating-${known.id}`;
  // "Answer every criterion": point at the first one still unanswered.
  const unanswered = intake.criteria.find((c) => !values.ratings[c.id]?.rating);
  return unanswered ? `rating-${unanswered.id}` : 'selfAssessment';
}

/** The server's reasons by form slot, plus those that belong to no field. */
export function placeErrors(
  error: ApiError | null,
  intake: PublicIntakeView,
  sentCriteria: string[],
  values: ApplyValues,
): { placed: Placed; unplaced: string[] } {
  const placed: Placed = {};
  const unplaced: string[] = [];
  for (const [field, reason] of Object.entries(error?.fields ?? {})) {
    const slot = slotOf(field, intake, sentCriteria, values);
    if (slot === null) unplaced.push(reason);
    else placed[slot] ??= reason;
  }
  return { placed, unplaced };
}

function focusInput(event: MouseEvent<HTMLAnchorElement>, id: string) {
  const target = document.getElementById(id);
  if (!target) return;
  event.preventDefault();
  target.scrollIntoView({ block: 'center' });
  target.focus();
}

interface Props {
  error: ApiError | null;
  placed: Placed;
  unplaced: string[];
  /** The slots in the order of the form, each with its visible label and the input its link focuses. */
  order: { slot: string; label: string; target: string }[];
}

/**
 * The top of the form after a refused submission: each reason with a link to its field (GOV.UK
 * pattern). The summary takes focus when it appears, so mount it anew for each attempt.
 */
export function ApplyErrorSummary({ error, placed, unplaced, order }: Props) {
  const t = useT();
  if (!error) return null;
  const items = order.filter((o) => placed[o.slot]);
  if (items.length === 0 && unplaced.length === 0) {
    return (
      <Alert data-color="danger" role="alert">
        {errorMessage(error, t)} {t('apply.errors.kept')}
      </Alert>
    );
  }
  return (
    <ErrorSummary>
      <ErrorSummary.Heading>{t('apply.errors.heading')}</ErrorSummary.Heading>
      <ErrorSummary.List>
        {items.map(({ slot, label, target }) => (
          <ErrorSummary.Item key={slot}>
            <ErrorSummary.Link href={`#${target}`} onClick={(e) => focusInput(e, target)}>
              {`${label}${label.endsWith('?') ? '' : ':'} ${placed[slot]}`}
            </ErrorSummary.Link>
          </ErrorSummary.Item>
        ))}
        {unplaced.map((reason) => (
          <ErrorSummary.Item key={reason}>{reason}</ErrorSummary.Item>
        ))}
      </ErrorSummary.List>
    </ErrorSummary>
  );
}
