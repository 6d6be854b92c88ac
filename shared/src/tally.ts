// The tally of a proposal's votes: per choice, per region, quorum and whether it passes under the
// proposal's voting rule. Pure: plain data in, plain data out.
import type { VoteChoice, VotingRule } from './proposals.js';

export interface TallyVote {
  choice: VoteChoice;
  regionId: string;
}

export interface RegionCount {
  regionId: string;
  for: number;
  against: number;
  abstain: number;
}

export interface Tally {
  for: number;
  against: number;
  abstain: number;
  eligibleVoters: number;
  regionsVoted: number;
  totalRegions: number;
  quorumReached: boolean;
  passing: boolean;
  /** Share of FOR among FOR + AGAINST (0 when nobody took a side). */
  forShare: number;
  byRegion: RegionCount[];
}

/**
 * quorumReached: regions with at least one vote (abstentions count) / all regions ≥ rule.quorum.
 * passing: quorum reached and FOR / (FOR + AGAINST) > rule.threshold.
 * `regionIds` lists every region, in display order; each appears in byRegion, voted or not.
 */
export function tally(votes: readonly TallyVote[], regionIds: readonly string[], eligibleVoters: number, rule: VotingRule): Tally {
  const byRegion = new Map<string, RegionCount>(regionIds.map((id) => [id, { regionId: id, for: 0, against: 0, abstain: 0 }]));
  const totals = { for: 0, against: 0, abstain: 0 };
  for (const v of votes) {
    const key = v.choice === 'FOR' ? 'for' : v.choice === 'AGAINST' ? 'against' : 'abstain';
    totals[key] += 1;
    let row = byRegion.get(v.regionId);
    if (!row) {
      row = { regionId: v.regionId, for: 0, against: 0, abstain: 0 };
      byRegion.set(v.regionId, row);
    }
    row[key] += 1;
  }
  const rows = [...byRegion.values()];
  const regionsVoted = rows.filter((r) => r.for + r.against + r.abstain > 0).length;
  const totalRegions = Math.max(regionIds.length, rows.length);
  const quorumReached = totalRegions > 0 && regionsVoted / totalRegions >= rule.quorum - 1e-9;
  const sides = totals.for + totals.against;
  const forShare = sides > 0 ? totals.for / sides : 0;
  return {
    ...totals,
    eligibleVoters,
    regionsVoted,
    totalRegions,
    quorumReached,
    passing: quorumReached && sides > 0 && forShare > rule.threshold + 1e-9,
    forShare,
    byRegion: rows,
  };
}
