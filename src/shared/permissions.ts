/**
 * Roles and what each may do. Deny by default: a role has exactly the permissions listed here,
 * every API route names the one permission it needs, and the web navigation shows only what the
 * signed-in user's permissions allow. Shared by server and web so the two cannot drift.
 */
export const roles = [
  'admin',
  'coordinator',
  'supervisor',
  'trainer',
  'peer',
  'applicant',
  'participant',
  'booker',
  'unit_manager',
  'council_member',
  'finance',
  'evaluator',
] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  'users.read',
  'users.manage',
  'audit.read',
  'persons.read',
  'persons.manage',
  'outbox.read',
  'api_tokens.own',
  'profile.own',
  // Recruitment: the training team only. The personal letter is never shown to other roles.
  'intakes.manage',
  'applications.read',
  'applications.review',
  'applications.decide',
  // Training: the team runs courses; a participant sees their own; a course leader takes attendance
  // for the sessions they lead (checked per session in the policy).
  'training.manage',
  'training.participate',
  'training.lead',
  // Brokering: a peer keeps their own profile and answers offers; the coordinator brokers; finance
  // alone sees payment details.
  'peers.own',
  'peers.read',
  'assignments.manage',
  'payments.manage',
] as const;
export type Permission = (typeof permissions)[number];

const everyone: Permission[] = ['profile.own'];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  admin: [...everyone, 'users.read', 'users.manage', 'audit.read', 'persons.read', 'persons.manage', 'outbox.read', 'api_tokens.own'],
  coordinator: [...everyone, 'persons.read', 'api_tokens.own', 'peers.read', 'assignments.manage'],
  supervisor: [...everyone],
  trainer: [...everyone, 'persons.read', 'intakes.manage', 'applications.read', 'applications.review', 'applications.decide', 'training.manage', 'training.lead'],
  peer: [...everyone, 'training.lead', 'peers.own'],
  applicant: [...everyone],
  participant: [...everyone, 'training.participate'],
  booker: [...everyone],
  unit_manager: [...everyone],
  council_member: [...everyone],
  finance: [...everyone, 'api_tokens.own', 'payments.manage'],
  evaluator: [...everyone],
};

export function permissionsOf(userRoles: readonly Role[]): Set<Permission> {
  return new Set(userRoles.flatMap((r) => rolePermissions[r]));
}

export function can(userRoles: readonly Role[], permission: Permission): boolean {
  return userRoles.some((r) => rolePermissions[r].includes(permission));
}
