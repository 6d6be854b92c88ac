// The role vocabulary the domain policies are written in: the one place that reads a person's
// roles. Everything else asks a domain policy (issues, proposals, meetings), never the roles.
// Who may manage the installation: administrators invite people, change their roles and region,
// deactivate them, keep regions and categories, and read the audit log.
import type { Role } from '@council/shared';
import { definePolicy, forbidden } from '../../policy.js';
import type { User } from './people.entity.js';

export function hasRole(user: Pick<User, 'roles'>, role: Role): boolean {
  return user.roles.includes(role);
}

/** An admin who can use it: the installation always keeps one (updatePerson). */
export const isActiveAdmin = (user: Pick<User, 'roles' | 'active'>): boolean => user.active && hasRole(user, 'ADMIN');

/** Whether a change to a person takes administration away from them (deactivated, or ADMIN dropped). */
export const takesAdminAway = (change: { active?: boolean | null; roles?: readonly Role[] | null }): boolean =>
  change.active === false || (change.roles != null && !change.roles.includes('ADMIN'));

const adminOnly = (user: User) => (hasRole(user, 'ADMIN') ? null : forbidden('errors.adminOnly'));

export const peoplePolicy = definePolicy({
  /** Invite a person, send an invitation again, revoke one, list them. */
  invite: adminOnly,
  /** Change a person's name, roles, region; deactivate and reactivate; list everyone. */
  manage: adminOnly,
  /** Create and rename regions and categories. */
  manageReferenceData: adminOnly,
  /** Read the audit log of every change. */
  viewAuditLog: adminOnly,
});
