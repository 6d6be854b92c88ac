// The proposals list in reading order: what is open first (votes by soonest deadline, then the
// proposals still in progress), then drafts, then closed ones; newest first within each group,
// the id as the last tiebreak. The order is SQL (a CASE on the status), so a page after a given
// proposal (keyset: "the ones after this one") stays right however long the list is.
import { raw } from '@mikro-orm/core';
import { LIMITS, PROPOSAL_STATUSES, type ProposalStatus } from '@council/shared';
import type { Em } from '../../db/orm.js';
import { InvalidCursor, InvalidInput } from '../../errors.js';
import { Proposal } from './proposals.entity.js';

/** The list's groups, in order. Within VOTING: soonest deadline first; elsewhere newest first. */
export const READING_GROUPS: readonly (readonly ProposalStatus[])[] = [
  ['VOTING'],
  ['PASSED', 'SUBMITTED', 'CHANGES_REQUESTED', 'APPROVED', 'IMPLEMENTING'],
  ['DRAFT'],
  ['FAILED', 'REJECTED', 'IMPLEMENTED', 'WITHDRAWN'],
];

const groupOf = new Map(READING_GROUPS.flatMap((statuses, group) => statuses.map((s) => [s, group] as const)));
const unplaced = PROPOSAL_STATUSES.filter((s) => !groupOf.has(s));
// A status added to the lifecycle must be given its place here, not silently sorted last.
if (unplaced.length) throw new Error(`proposals.query: no reading group for ${unplaced.join(', ')}`);

// Constants only (no input reaches this SQL).
const GROUP_SQL = `case p.status ${[...groupOf].map(([status, group]) => `when '${status}' then ${group}`).join(' ')} end`;
const DEADLINE_SQL = `case when p.status = 'VOTING' then p.voting_closes_at end`;

export interface ProposalListArgs {
  status?: readonly ProposalStatus[] | null;
  /** At most this many (1–100); omitted: all of them. */
  first?: number | null;
  /** The id of the proposal the page starts after. */
  after?: string | null;
}

/** "After `a` in reading order", as conditions on the columns: the keyset of the list. */
function after(a: Proposal): Record<string, unknown> {
  const group = groupOf.get(a.status)!;
  const older = { $or: [{ createdAt: { $lt: a.createdAt } }, { createdAt: a.createdAt, id: { $lt: a.id } }] };
  const within =
    a.status === 'VOTING' && a.votingClosesAt
      ? { $or: [{ votingClosesAt: { $gt: a.votingClosesAt } }, { votingClosesAt: a.votingClosesAt, ...older }] }
      : older;
  const later = READING_GROUPS.slice(group + 1).flat();
  return {
    $or: [{ status: { $in: [...READING_GROUPS[group]] }, ...within }, ...(later.length ? [{ status: { $in: later } }] : [])],
  };
}

/** Proposals (of the given statuses) in reading order; a page when `first` or `after` is given. */
export async function listProposals(em: Em, args: ProposalListArgs): Promise<Proposal[]> {
  const limit = args.first ?? null;
  if (limit !== null && (!Number.isInteger(limit) || limit < 1 || limit > LIMITS.pageSize.max)) throw new InvalidInput({ first: 'validation.first.range' });
  const and: Record<string, unknown>[] = [];
  if (args.status?.length) and.push({ status: { $in: [...args.status] } });
  if (args.after != null) {
    const anchor = await em.findOne(Proposal, args.after);
    if (!anchor) throw new InvalidCursor();
    and.push(after(anchor));
  }
  const qb = em
    .createQueryBuilder(Proposal, 'p')
    .select('*')
    .where(and.length ? { $and: and } : {})
    .orderBy([{ [raw(GROUP_SQL)]: 'asc' }, { [raw(DEADLINE_SQL)]: 'asc' }, { createdAt: 'desc' }, { id: 'desc' }]);
  if (limit !== null) qb.limit(limit);
  return qb.getResultList();
}
