// The role vocabulary the domain policies are written in: the one place that reads a person's
// roles. Everything else asks a domain policy (issues, proposals, meetings), never the roles.
import type { Role } from '@council/shared';
import type { User } from './people.entity.js';

export function hasRole(user: User, role: Role): boolean {
  return user.roles.includes(role);
}
