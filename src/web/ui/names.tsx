import type { Role } from '../../shared/permissions.ts';
import { useI18n, type Translate } from '../app/i18n.tsx';

export function roleName(role: Role, t: Translate): string {
  return t(`role.${role}`);
}

export function roleList(roles: readonly Role[], t: Translate): string {
  return roles.map((r) => roleName(r, t)).join(', ');
}

/** An audit action in words when we have them, otherwise its code as it is. */
export function ActionName({ action }: { action: string }) {
  const { tryT } = useI18n();
  const text = tryT(`action.${action}`);
  return text ? <>{text}</> : <code>{action}</code>;
}

/** A role the API reported for an actor; it may be one this build does not know yet. */
export function ActorRole({ role }: { role: string | null }) {
  const { tryT } = useI18n();
  if (!role) return <>–</>;
  return <>{tryT(`role.${role}`) ?? role}</>;
}
