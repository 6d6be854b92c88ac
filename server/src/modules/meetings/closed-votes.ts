// Proposals whose vote closes before their meeting: the generator stores the reason
// "closed before the meeting" with the closing date; once the vote has closed, the item reads with
// its result (passed or failed, the tally) wherever it is shown: agenda, minutes, exports.
import { DEFAULT_VOTING_RULE, PROPOSAL_CLOSED_BEFORE, tally, type AgendaReason } from '@council/shared';
import type { Em } from '../../db/orm.js';
import { Region } from '../people/people.entity.js';
import { Proposal, Vote } from '../proposals/proposals.entity.js';
import type { AgendaItem } from './meetings.entity.js';

/** The result of a closed vote, as the reason shows it. */
export interface VoteResult {
  closedAt: Date;
  passed: boolean;
  for: number;
  against: number;
  abstain: number;
  regionsVoted: number;
  totalRegions: number;
}

type Reasoned = Pick<AgendaItem, 'reasonKey' | 'reasonParams' | 'subjectType' | 'subjectId'>;

/** The proposal whose closed vote the item reports, if it is such an item. */
export const closedVoteOf = (item: Reasoned): string | null =>
  item.reasonKey === PROPOSAL_CLOSED_BEFORE && item.subjectType === 'Proposal' && item.subjectId ? item.subjectId : null;

/** The item's reason: the stored one, or for a vote closed before the meeting, its result once known. */
export function itemReason(item: Reasoned, result: VoteResult | null | undefined): AgendaReason {
  if (!closedVoteOf(item) || !result) return { key: item.reasonKey, params: item.reasonParams };
  const { closedAt, passed, ...counts } = result;
  return { key: passed ? 'meetings.reason.proposalClosedPassed' : 'meetings.reason.proposalClosedFailed', params: { date: closedAt.toISOString(), ...counts } };
}

/** The result of each of these proposals whose vote has closed, in three queries (exports; GraphQL goes through the loaders). */
export async function closedVoteResults(em: Em, proposalIds: string[]): Promise<Map<string, VoteResult>> {
  const results = new Map<string, VoteResult>();
  if (!proposalIds.length) return results;
  const proposals = (await em.find(Proposal, { id: { $in: proposalIds } })).filter((p) => p.votingClosedAt);
  if (!proposals.length) return results;
  const votes = await em.find(Vote, { proposal: { $in: proposals.map((p) => p.id) } });
  const regions = await em.find(Region, {});
  for (const p of proposals) {
    const own = votes.filter((v) => v.proposal.id === p.id).map((v) => ({ choice: v.choice, regionId: v.region.id }));
    results.set(p.id, resultOf(p, tally(own, regions.map((r) => r.id), 0, { quorum: p.quorum ?? DEFAULT_VOTING_RULE.quorum, threshold: p.threshold ?? DEFAULT_VOTING_RULE.threshold })));
  }
  return results;
}

export function resultOf(p: Proposal, t: Pick<ReturnType<typeof tally>, 'passing' | 'for' | 'against' | 'abstain' | 'regionsVoted' | 'totalRegions'>): VoteResult {
  return { closedAt: p.votingClosedAt!, passed: t.passing, for: t.for, against: t.against, abstain: t.abstain, regionsVoted: t.regionsVoted, totalRegions: t.totalRegions };
}
