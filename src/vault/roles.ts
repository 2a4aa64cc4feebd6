// Who may do what. Roles gate access to case data: trainers see practice data only; reviewers
// read but do not change cases; only admins manage users, backups and the audit log.
import { HearthError } from './errors';

export const ROLES = ['admin', 'interviewer', 'trainer', 'reviewer'] as const;
export type Role = (typeof ROLES)[number];

const PERMISSIONS = {
  'users.manage': ['admin'],
  'users.list': ['admin', 'interviewer', 'trainer', 'reviewer'],
  'cases.read': ['admin', 'interviewer', 'reviewer'],
  'cases.write': ['admin', 'interviewer'],
  'cases.seeAllegationWhenBlind': ['admin'],
  'audit.read': ['admin'],
  'vault.check': ['admin'],
  'vault.backup': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export function requirePermission(role: Role, permission: Permission): void {
  if (!can(role, permission)) {
    throw new HearthError('FORBIDDEN', `Your role (${role}) does not allow this action.`);
  }
}
