// Who may do what with proposals: role gates from the shared table, plus the object rules
// (own proposal, own region, eligible voter).
import { PROPOSAL_ACTION_ROLES, type ProposalAction } from '@council/shared';
import type { User } from '../people/people.entity.js';
import type { Proposal } from './proposals.entity.js';

export function hasActionRole(user: User, action: ProposalAction): boolean {
  return PROPOSAL_ACTION_ROLES[action].some((role) => user.hasRole(role));
}

/** Eligible voters: coordinators with a region (a facilitator who is also a coordinator votes too). */
export function isEligibleVoter(user: User): boolean {
  return user.active && user.hasRole('COORDINATOR') && !!user.region;
}

export function isAuthor(user: User, proposal: Proposal): boolean {
  return proposal.author.id === user.id;
}

/** The i18n key of why `user` may not take `action` on `proposal` (not counting its status), or null. */
export function actionRefusal(user: User, action: ProposalAction, proposal: Proposal, regionId?: string): string | null {
  if (!hasActionRole(user, action)) {
    return action === 'decide' ? 'errors.executiveOnly' : action === 'castVote' ? 'errors.notEligible' : 'errors.FORBIDDEN';
  }
  switch (action) {
    case 'revise':
      return isAuthor(user, proposal) ? null : 'errors.notAuthor';
    case 'submit':
    case 'withdraw':
      return isAuthor(user, proposal) || user.hasRole('FACILITATOR') ? null : 'errors.authorOrFacilitator';
    case 'castVote':
      return isEligibleVoter(user) ? null : 'errors.notEligible';
    case 'updateRollout':
      return user.hasRole('FACILITATOR') || (user.region?.id === regionId && user.hasRole('COORDINATOR')) ? null : 'errors.ownRegionOnly';
    default:
      return null;
  }
}
