// Who may do what with proposals, and when. "Who": the roles of the shared lifecycle table
// (PROPOSAL_ACTION_ROLES) plus the object rules (own proposal, own region, eligible voter);
// "when": the statuses of the same table (PROPOSAL_ACTIONS). Also the installation-wide
// actions of the domain: drafting, the voting rule, the decision queue.
import { readsWorkspace } from '../departments/departments.policy.js';
import { PROPOSAL_ACTION_ROLES, issueIsActive, proposalAllows, type ProposalAction } from '@council/shared';
import { conflict, definePolicy, forbidden, type Refusal } from '../../policy.js';
import type { Issue } from '../issues/issues.entity.js';
import { takingPart } from '../issues/issues.policy.js';
import type { User } from '../people/people.entity.js';
import type { Proposal } from './proposals.entity.js';
import { hasRole } from '../people/people.policy.js';

function hasActionRole(user: User, action: ProposalAction): boolean {
  return PROPOSAL_ACTION_ROLES[action].some((role) => hasRole(user, role));
}

/** Eligible voters: coordinators with a region (a facilitator who is also a coordinator votes too). */
export function isEligibleVoter(user: User): boolean {
  return user.active && hasRole(user, 'COORDINATOR') && !!user.region;
}

/** Who reads proposals and their case briefs: the workspace's own roles. */

const isAuthor = (user: User, proposal: Proposal) => proposal.author.id === user.id;

/** The refusal of someone without any of the action's roles, named after the roles that may. */
function roleRefusal(action: ProposalAction): Refusal {
  if (action === 'castVote') return forbidden('errors.notEligible');
  const roles = PROPOSAL_ACTION_ROLES[action];
  if (roles.includes('COORDINATOR')) return forbidden('errors.coordinatorOnly');
  if (roles.includes('FACILITATOR')) return forbidden('errors.facilitatorOnly');
  if (roles.includes('EXECUTIVE')) return forbidden('errors.executiveOnly');
  return forbidden();
}

/** Who may take `action` on `proposal`, whatever its status. */
function who(user: User, action: ProposalAction, proposal: Proposal, regionId?: string): Refusal | null {
  if (!hasActionRole(user, action)) return roleRefusal(action);
  switch (action) {
    case 'revise':
      return isAuthor(user, proposal) ? null : forbidden('errors.notAuthor');
    case 'submit':
    case 'withdraw':
      return isAuthor(user, proposal) || hasRole(user, 'FACILITATOR') ? null : forbidden('errors.authorOrFacilitator');
    case 'castVote':
      return isEligibleVoter(user) ? null : forbidden('errors.notEligible');
    case 'updateRollout':
      return hasRole(user, 'FACILITATOR') || (user.region?.id === regionId && hasRole(user, 'COORDINATOR')) ? null : forbidden('errors.ownRegionOnly');
    default:
      return null;
  }
}

/** Whether the proposal's status allows `action` now (the lifecycle table). */
function when(action: ProposalAction, proposal: Proposal): Refusal | null {
  if (!proposalAllows(action, proposal.status)) return conflict(`errors.proposal.${action}`);
  if (action === 'submit' && !proposal.requiresApproval) return conflict('errors.proposal.noApprovalNeeded');
  return null;
}

const transition =
  (action: Exclude<ProposalAction, 'updateRollout'>) =>
  (user: User, proposal: Proposal): Refusal | null =>
    who(user, action, proposal) ?? when(action, proposal);

/** A region's outcome report on an implemented proposal, at a time. */
export interface OutcomeSubject {
  proposal: Proposal;
  regionId: string;
  now: Date;
}

/** Who reports a region's outcome: an active coordinator of that region (nobody on its behalf). */
export function reportsOutcomeFor(user: User, regionId: string): boolean {
  return user.active && hasRole(user, 'COORDINATOR') && user.region?.id === regionId;
}

/** Whether the implemented change's outcome may be reported now: implemented, and its outcome due. */
function outcomeDue(proposal: Proposal, now: Date): Refusal | null {
  if (proposal.status !== 'IMPLEMENTED' || !proposal.outcomeDueOn) return conflict('followUp.outcomes.errors.notImplemented');
  return proposal.outcomeDueOn.getTime() <= now.getTime() ? null : conflict('followUp.outcomes.errors.notDue');
}

/** A region's rollout of a proposal. */
export interface RolloutSubject {
  proposal: Proposal;
  regionId: string;
}

export const proposalPolicy = definePolicy({
  /** Drafting a proposal for an issue that is still active. */
  draft: (user: User, issue: Issue) => takingPart(user) ?? (issueIsActive(issue.status) ? null : conflict('errors.issueInactive')),
  revise: transition('revise'),
  openVoting: transition('openVoting'),
  castVote: transition('castVote'),
  closeVoting: transition('closeVoting'),
  submit: transition('submit'),
  decide: transition('decide'),
  withdraw: transition('withdraw'),
  updateRollout: (user: User, { proposal, regionId }: RolloutSubject) => who(user, 'updateRollout', proposal, regionId) ?? when('updateRollout', proposal),
  /** A region's answer, once the change's outcome is due: did it solve the problem there? */
  reportOutcome: (user: User, { proposal, regionId, now }: OutcomeSubject) =>
    (reportsOutcomeFor(user, regionId) ? null : forbidden('followUp.outcomes.errors.ownRegionOnly')) ?? outcomeDue(proposal, now),
  /**
   * The case brief (and its Markdown export): everyone who reads proposals in the workspace, so not
   * someone who is only a department's contact (they see only the issues referred to them).
   */
  readBrief: (user: User, _proposal: Proposal) => (readsWorkspace(user) ? null : forbidden('departments.errors.referredOnly')),
  setVotingRule: (user: User) => (hasRole(user, 'ADMIN') ? null : forbidden('errors.adminOnly')),
  /** How long after implementation the regions are asked about the outcome: admins, like the voting rule. */
  setOutcomeDelay: (user: User) => (hasRole(user, 'ADMIN') ? null : forbidden('errors.adminOnly')),
  /** The executives' queue of proposals awaiting their decision. */
  viewDecisionQueue: (user: User) => (hasActionRole(user, 'decide') ? null : forbidden('errors.executiveOnly')),
});

export type ProposalPolicyAction = keyof typeof proposalPolicy.rules;
