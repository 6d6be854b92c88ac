// The proposal lifecycle as data (DESIGN.md "Proposal lifecycle"): which action may move a
// proposal from which status, and who may take it. The server enforces it; the web reads it to
// offer only the actions a person may take.
import type { Role } from './enums.js';

export const PROPOSAL_STATUSES = [
  'DRAFT',
  'VOTING',
  'PASSED',
  'FAILED',
  'SUBMITTED',
  'CHANGES_REQUESTED',
  'APPROVED',
  'REJECTED',
  'IMPLEMENTING',
  'IMPLEMENTED',
  'WITHDRAWN',
] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export const VOTE_CHOICES = ['FOR', 'AGAINST', 'ABSTAIN'] as const;
export type VoteChoice = (typeof VOTE_CHOICES)[number];

export const DECISION_OUTCOMES = ['APPROVED', 'REJECTED', 'CHANGES_REQUESTED'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

export const ROLLOUT_STATUSES = ['PENDING', 'IN_PROGRESS', 'DONE'] as const;
export type RolloutStatus = (typeof ROLLOUT_STATUSES)[number];

export type ProposalAction = 'revise' | 'openVoting' | 'castVote' | 'closeVoting' | 'submit' | 'decide' | 'updateRollout' | 'withdraw';

/** Statuses from which each action may start. */
export const PROPOSAL_ACTIONS: Record<ProposalAction, readonly ProposalStatus[]> = {
  revise: ['DRAFT', 'CHANGES_REQUESTED'],
  openVoting: ['DRAFT'],
  castVote: ['VOTING'],
  closeVoting: ['VOTING'],
  submit: ['PASSED'],
  decide: ['SUBMITTED'],
  updateRollout: ['IMPLEMENTING'],
  withdraw: ['DRAFT', 'VOTING', 'PASSED', 'SUBMITTED', 'CHANGES_REQUESTED'],
};

/** Who may take each action, by role; object rules (own proposal, own region) come on top. */
export const PROPOSAL_ACTION_ROLES: Record<ProposalAction, readonly Role[]> = {
  revise: ['COORDINATOR', 'FACILITATOR'],
  openVoting: ['FACILITATOR'],
  castVote: ['COORDINATOR'],
  closeVoting: ['FACILITATOR'],
  submit: ['COORDINATOR', 'FACILITATOR'],
  decide: ['EXECUTIVE'],
  updateRollout: ['COORDINATOR', 'FACILITATOR'],
  withdraw: ['COORDINATOR', 'FACILITATOR'],
};

/** Proposals still in play for their issue (the issue shows PROPOSED while one exists). */
export const OPEN_PROPOSAL_STATUSES: readonly ProposalStatus[] = ['DRAFT', 'VOTING', 'PASSED', 'SUBMITTED', 'CHANGES_REQUESTED', 'APPROVED', 'IMPLEMENTING'];

export function proposalAllows(action: ProposalAction, status: ProposalStatus): boolean {
  return PROPOSAL_ACTIONS[action].includes(status);
}

/** The installation's default voting rule (DESIGN.md): half the regions vote; more than half FOR. */
export const DEFAULT_VOTING_RULE = { quorum: 0.5, threshold: 0.5 } as const;
export interface VotingRule {
  /** Share of regions that must have cast at least one vote, 0..1. */
  quorum: number;
  /** Share of FOR among FOR + AGAINST that must be exceeded to pass, 0..1. */
  threshold: number;
}
