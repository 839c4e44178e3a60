import type { Actor } from '../../context.ts';
import { can } from '../../../shared/permissions.ts';
import { forbidden } from '../../lib/errors.ts';

/** A hand-in's file and a certificate are the team's to read, and the participant's own. */
export function assertTeamOrParticipant(actor: Actor): void {
  if (!can(actor.roles, 'training.manage') && !can(actor.roles, 'training.participate')) throw forbidden();
}

/** After `assertTeamOrParticipant`, once the record's person is known: someone else's is not theirs. */
export function assertTeamOrSelf(actor: Actor, ownerPersonId: string): void {
  if (can(actor.roles, 'training.manage')) return;
  if (actor.personId !== ownerPersonId) throw forbidden();
}
