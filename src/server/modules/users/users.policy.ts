import type { Actor } from '../../context.ts';
import { can } from '../../../shared/permissions.ts';
import { forbidden } from '../../lib/errors.ts';

export function assertCanReadUsers(actor: Actor): void {
  if (!can(actor.roles, 'users.read')) throw forbidden();
}

export function assertCanManageUsers(actor: Actor): void {
  if (!can(actor.roles, 'users.manage')) throw forbidden();
}
