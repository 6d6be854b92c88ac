// Who may do what with departments and referrals, and when; and what a department contact sees.
// A person whose only role is DEPARTMENT_CONTACT is outside the council: of the workspace they see
// the issues referred to their departments (with the discussion) and nothing else. Everyone with
// a role inside it (coordinator, facilitator, executive, admin) reads the workspace.
import { hasRole } from '../people/people.policy.js';
import { conflict, definePolicy, forbidden } from '../../policy.js';
import type { User } from '../people/people.entity.js';
import type { Issue } from '../issues/issues.entity.js';
import { issueIsActive } from '@council/shared';
import { takingPart } from '../issues/issues.policy.js';
import type { Referral } from './departments.entity.js';

/** Reads the whole workspace: has a role inside the council, not only a department's contact. */
export const readsWorkspace = (user: Pick<User, 'roles'>): boolean => user.roles.some((role) => role !== 'DEPARTMENT_CONTACT');

/** A referral, and whether the person asking is a contact of its department. */
export interface ReferralSubject {
  referral: Referral;
  isContact: boolean;
}

/** An issue, and whether it is referred to a department the person asking is a contact of. */
export interface ReferredIssue {
  issue: Issue;
  referredToViewer: boolean;
}

export const departmentPolicy = definePolicy({
  /** Issues, proposals, meetings, policies, search: everyone inside the council. */
  readWorkspace: (user: User) => (readsWorkspace(user) ? null : forbidden('departments.errors.referredOnly')),

  /** An issue: everyone inside the council; a department's contacts when it is referred to their department. */
  viewIssue: (user: User, { referredToViewer }: ReferredIssue) =>
    readsWorkspace(user) || referredToViewer ? null : forbidden('departments.errors.referredOnly'),

  /** Create and rename departments, choose their contacts: admins. */
  manage: (user: User) => (hasRole(user, 'ADMIN') ? null : forbidden('errors.adminOnly')),

  /** Refer an issue to a department with a question: the people who take part, while the issue is active. */
  refer: (user: User, issue: Issue) => takingPart(user) ?? (issueIsActive(issue.status) ? null : conflict('errors.issueInactive')),

  /** Answer (or correct the answer): the department's contacts, until a facilitator closes it. */
  answer: (_user: User, { referral, isContact }: ReferralSubject) => {
    if (!isContact) return forbidden('departments.errors.contactsOnly');
    return referral.status === 'CLOSED' ? conflict('departments.errors.closed') : null;
  },

  /** Close a referral (answered, or no longer needed): facilitators. */
  close: (user: User, referral: Referral) => {
    if (!hasRole(user, 'FACILITATOR')) return forbidden('errors.facilitatorOnly');
    return referral.status === 'CLOSED' ? conflict('departments.errors.closed') : null;
  },

  /** Questions waiting for the departments a person is a contact of: department contacts. */
  answerForDepartment: (user: User) => (hasRole(user, 'DEPARTMENT_CONTACT') ? null : forbidden('departments.errors.contactsOnly')),

  /** Every department's referrals (the overdue ones to chase): facilitators. */
  followAll: (user: User) => (hasRole(user, 'FACILITATOR') ? null : forbidden('errors.facilitatorOnly')),
});

export type DepartmentAction = keyof typeof departmentPolicy.rules;

/** Whether a referral is overdue: still unanswered after its due date. */
export const isOverdue = (referral: Pick<Referral, 'status' | 'dueOn'>, now: Date): boolean =>
  referral.status === 'OPEN' && !!referral.dueOn && referral.dueOn.getTime() < now.getTime();
