// Which sections of the home page are a person's: each answered by the domain policy that owns
// the matter (votes and the decision queue: proposals; meetings: meetings; supports and rollouts
// of one's region: issues and proposals). Home code asks these rules, never the roles.
import { definePolicy, forbidden } from '../../policy.js';
import { takingPart } from '../issues/issues.policy.js';
import { departmentPolicy } from '../departments/departments.policy.js';
import { meetingPolicy } from '../meetings/meetings.policy.js';
import type { User } from '../people/people.entity.js';
import { mustAcknowledge } from '../policies/policies.policy.js';
import { isEligibleVoter, proposalPolicy, reportsOutcomeFor } from '../proposals/proposals.policy.js';

export const homePolicy = definePolicy({
  /** Votes waiting for the person: eligible voters (the castVote rule's "who"). */
  castVotes: (user: User) => (isEligibleVoter(user) ? null : forbidden('errors.notEligible')),
  /**
   * Their region's open issues to mark and rollouts to carry out: people who take part, from a
   * region (the "who" of supporting an issue and of updating one's own region's rollout).
   */
  followRegion: (user: User) => takingPart(user) ?? (user.region ? null : forbidden('errors.noRegion')),
  /** Policy versions to confirm having read: whom new versions ask (policies.policy). */
  confirmPolicies: (user: User) => (mustAcknowledge(user) ? null : forbidden('followUp.upToDate.errors.coordinatorsOnly')),
  /** Implemented changes whose outcome their region has to report: who reports for a region (proposals.policy). */
  reportOutcomes: (user: User) => (user.region && reportsOutcomeFor(user, user.region.id) ? null : forbidden('followUp.outcomes.errors.ownRegionOnly')),
  /** The next meeting, proposals to submit, overdue rollouts everywhere, regions behind on policies: who runs the meetings. */
  facilitate: (user: User) => meetingPolicy.refusal(user, 'schedule'),
  /** Questions to their departments waiting for an answer: department contacts. */
  answerReferrals: (user: User) => departmentPolicy.refusal(user, 'answerForDepartment'),
  /** Questions to other departments past their due date: who chases them (facilitators). */
  chaseReferrals: (user: User) => departmentPolicy.refusal(user, 'followAll'),
  /** The decision queue and the changes being rolled out: who decides. */
  decide: (user: User) => proposalPolicy.refusal(user, 'viewDecisionQueue'),
});

export type HomeSection = keyof typeof homePolicy.rules;
