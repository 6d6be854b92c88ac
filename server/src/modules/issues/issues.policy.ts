// Who may do what with issues and comments: the object rules, in one place.
import { issueIsActive } from '@council/shared';
import type { User } from '../people/people.entity.js';
import type { Comment, Issue, Support } from './issues.entity.js';

/** Coordinators and facilitators take part in issues: raise, support, comment. */
export function participates(user: User): boolean {
  return user.hasRole('COORDINATOR') || user.hasRole('FACILITATOR');
}

export function canRaise(user: User): boolean {
  return participates(user) && !!user.region;
}

/** Why `user` may not support `issue` now (an i18n key), or null when they may. */
export function supportRefusal(user: User, issue: Issue, supports: readonly Support[]): string | null {
  if (!participates(user)) return 'errors.coordinatorOnly';
  if (!user.region) return 'errors.noRegion';
  if (!issueIsActive(issue.status)) return 'errors.issueInactive';
  if (issue.raisedBy.id === user.id) return 'errors.ownIssue';
  if (supports.some((s) => s.user.id === user.id)) return 'errors.alreadySupported';
  return null;
}

export function canComment(user: User): boolean {
  return participates(user);
}

export function canEditComment(user: User, comment: Comment): boolean {
  return comment.author.id === user.id;
}

export function canMerge(user: User): boolean {
  return user.hasRole('FACILITATOR');
}
