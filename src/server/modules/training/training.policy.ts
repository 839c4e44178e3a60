import type { Actor } from '../../context.ts';
import { can, type Permission } from '../../../shared/permissions.ts';
import { forbidden } from '../../lib/errors.ts';

type TrainingPermission = Extract<Permission, 'training.manage' | 'training.participate' | 'training.lead'>;

/** Training is the team's; a participant reaches only their own records, a course leader only their sessions. */
export function assertCan(actor: Actor, permission: TrainingPermission): void {
  if (!can(actor.roles, permission)) throw forbidden();
}
