import type { Actor } from '../../context.ts';
import { forbidden } from '../../lib/errors.ts';
import { assertCan } from './recruitment.policy.ts';

/** Only the slot's own interviewers score an interview: scores come from having been in the room. */
export function assertCanScore(actor: Actor, slot: { interviewerUserIds: readonly string[] }): void {
  assertCan(actor, 'applications.review');
  if (!slot.interviewerUserIds.includes(actor.userId)) throw forbidden();
}
