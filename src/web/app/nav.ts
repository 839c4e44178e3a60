import type { Permission } from '../../shared/permissions.ts';
import type { Key } from '../i18n/sv.ts';

export interface NavItem {
  to: string;
  label: Key;
  /** What the page does, for the cards on the home page. */
  description: Key | null;
  permission: Permission | null;
}

/** Every page in the main menu; a user sees only those their permissions allow. */
export const navItems: readonly NavItem[] = [
  { to: '/', label: 'nav.home', description: null, permission: null },
  { to: '/recruitment', label: 'nav.recruitment', description: 'home.card.recruitment', permission: 'applications.read' },
  { to: '/recruitment/interviews', label: 'recruitment.interviews.title', description: null, permission: 'applications.review' },
  { to: '/training', label: 'nav.training', description: 'home.card.training', permission: 'training.manage' },
  { to: '/training/leading', label: 'nav.leading', description: null, permission: 'training.lead' },
  { to: '/my-training', label: 'nav.myTraining', description: 'home.card.myTraining', permission: 'training.participate' },
  { to: '/admin/users', label: 'nav.users', description: 'home.card.users', permission: 'users.read' },
  { to: '/admin/sign-in', label: 'nav.oidc', description: 'home.card.oidc', permission: 'users.manage' },
  { to: '/admin/persons', label: 'nav.persons', description: 'home.card.persons', permission: 'persons.read' },
  { to: '/admin/audit', label: 'nav.audit', description: 'home.card.audit', permission: 'audit.read' },
  { to: '/admin/outbox', label: 'nav.outbox', description: 'home.card.outbox', permission: 'outbox.read' },
  { to: '/settings', label: 'nav.settings', description: 'home.card.settings', permission: 'profile.own' },
];

export function visibleNavItems(permissions: readonly Permission[]): NavItem[] {
  return navItems.filter((item) => item.permission === null || permissions.includes(item.permission));
}
