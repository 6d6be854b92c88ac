// The role vocabulary the domain policies are written in: the one place that reads a person's
// roles. Everything else asks a domain policy (issues, proposals, meetings), never the roles.
// Who may manage people: administrators invite, re-send and revoke invitations and see them.
import type { Role } from '@council/shared';
import { definePolicy, forbidden } from '../../policy.js';
import type { User } from './people.entity.js';

export function hasRole(user: User, role: Role): boolean {
  return user.roles.includes(role);
}

const adminOnly = (user: User) => (hasRole(user, 'ADMIN') ? null : forbidden('errors.adminOnly'));

export const peoplePolicy = definePolicy({
  /** Invite a person, send an invitation again, revoke one, list them. */
  invite: adminOnly,
});
