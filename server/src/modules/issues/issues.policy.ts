// Who may do what with issues and comments, and when (the issue state table in shared/transitions).
// The one place these rules live: the service authorizes with it, the viewerCan* fields ask it.
import { ISSUE_MERGEABLE_STATUSES, issueIsActive } from '@council/shared';
import { conflict, definePolicy, forbidden, type Refusal } from '../../policy.js';
import type { User } from '../people/people.entity.js';
import type { Comment, Issue } from './issues.entity.js';
import type { ReferredIssue } from '../departments/departments.policy.js';
import { Proposal } from '../proposals/proposals.entity.js';
import { hasRole } from '../people/people.policy.js';

/** Coordinators and facilitators take part in issues and proposals: raise, support, comment, draft. */
export function participates(user: User): boolean {
  return hasRole(user, 'COORDINATOR') || hasRole(user, 'FACILITATOR');
}

/** Refuses anyone who does not take part (see `participates`). */
export function takingPart(user: User): Refusal | null {
  return participates(user) ? null : forbidden('errors.coordinatorOnly');
}

/** An issue with whether the person asking has already supported it. */
export interface SupportSubject {
  issue: Issue;
  supported: boolean;
}

export const issuePolicy = definePolicy({
  /** An issue is raised from the raiser's region, so they need one. */
  raise: (user: User) => takingPart(user) ?? (user.region ? null : forbidden('errors.noRegion')),

  support: (user: User, { issue, supported }: SupportSubject) => {
    const who = takingPart(user) ?? (user.region ? null : forbidden('errors.noRegion'));
    if (who) return who;
    if (!issueIsActive(issue.status)) return conflict('errors.issueInactive');
    if (issue.raisedBy.id === user.id) return conflict('errors.ownIssue');
    if (supported) return conflict('errors.alreadySupported');
    return null;
  },

  /** Anyone may take back their own support while the issue is active. */
  withdrawSupport: (_user: User, { issue, supported }: SupportSubject) => {
    if (!issueIsActive(issue.status)) return conflict('errors.issueInactive');
    return supported ? null : conflict('errors.notSupported');
  },

  /**
   * Comments on a proposal, or on an issue while it is active: the people who take part; on an
   * issue referred to their department, its contacts too (they answer there, and discuss).
   */
  comment: (user: User, subject: Proposal | ReferredIssue) => {
    if (subject instanceof Proposal) return takingPart(user);
    if (!participates(user) && !subject.referredToViewer) return forbidden('errors.coordinatorOnly');
    return issueIsActive(subject.issue.status) ? null : conflict('errors.issueInactive');
  },

  editComment: (user: User, comment: Comment) => (comment.author.id === user.id ? null : forbidden('errors.notAuthor')),

  /** Who merges duplicates (and reviews the possible ones): facilitators. */
  mergeDuplicates: (user: User) => (hasRole(user, 'FACILITATOR') ? null : forbidden('errors.facilitatorOnly')),

  /** Merging `issue` (the duplicate) into another; the target's own state is checked by the merge. */
  merge: (user: User, issue: Issue) => {
    if (!hasRole(user, 'FACILITATOR')) return forbidden('errors.facilitatorOnly');
    return ISSUE_MERGEABLE_STATUSES.includes(issue.status) ? null : conflict('errors.issueInactive');
  },

  /**
   * Undoing the merge of `issue` (the duplicate): the people who merge. Only a merge that kept what
   * it moved (statusBeforeMerge set) can be undone; the issue it went into is checked by the unmerge.
   */
  unmerge: (user: User, issue: Issue) => {
    if (!hasRole(user, 'FACILITATOR')) return forbidden('errors.facilitatorOnly');
    return issue.status === 'MERGED' && issue.statusBeforeMerge ? null : conflict('duplicates.errors.notMerged');
  },
});

export type IssueAction = keyof typeof issuePolicy.rules;
