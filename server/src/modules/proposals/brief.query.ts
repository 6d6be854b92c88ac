// The case brief of a proposal: what an executive reads on one page before deciding — the problem
// (the issue, its description and evidence), the regions affected with each supporter's note as
// their evidence, the tally with the reasons voters gave, key discussion points, the answers of
// other departments, the change itself and its expected impact. Assembled from the database in a
// fixed number of statements, whatever the number of supports, votes or comments; rendered by
// the GraphQL field (brief.schema.ts), the Markdown export (brief.export.ts) and the executives'
// mail (submitToManagement).
import { DEFAULT_VOTING_RULE, tally, type Tally, type VoteChoice } from '@council/shared';
import type { Em } from '../../db/orm.js';
import { Referral } from '../departments/departments.entity.js';
import { Comment, Issue, Support } from '../issues/issues.entity.js';
import { Region, User } from '../people/people.entity.js';
import { Proposal, Vote, VotingRuleSetting } from './proposals.entity.js';
import { isEligibleVoter } from './proposals.policy.js';

/**
 * Key discussion points: the latest comment from each region (people without a region, such as
 * facilitators, count one each), over the issue's and the proposal's comments together, the most
 * recent first, at most this many. One voice per region keeps a long thread in one region from
 * crowding out the others, and the latest words of each are where its discussion ended.
 */
export const DISCUSSION_POINTS = 6;
/** A discussion point is an excerpt: the start of the comment, this many characters at most. */
export const EXCERPT_CHARS = 280;
/** The reasons voters gave, newest first, at most this many (the rest are counted). */
export const BRIEF_REASONS = 10;

export interface BriefNote {
  author: string;
  note: string;
}

export interface BriefRegion {
  region: Region;
  /** The region the issue was raised in. */
  origin: boolean;
  /** Coordinators of the region who support the issue (the raiser not counted). */
  supporters: number;
  /** Supporters' notes ("my region is affected too", with figures): the region's evidence. */
  notes: BriefNote[];
}

export interface BriefReason {
  choice: VoteChoice;
  reason: string;
  voter: string;
  region: Region;
  castAt: Date;
}

export interface BriefPoint {
  author: string;
  region: Region | null;
  on: 'ISSUE' | 'PROPOSAL';
  excerpt: string;
  createdAt: Date;
}

export interface BriefReferral {
  department: string;
  question: string;
  answer: string;
  answeredBy: string | null;
  answeredAt: Date | null;
}

export interface CaseBrief {
  proposal: Proposal;
  issue: Issue;
  author: string;
  raisedBy: string;
  /** Regions affected: the origin first, then by supporters, then by name. */
  regions: BriefRegion[];
  totalRegions: number;
  /** The tally under the proposal's rule (the installation's before voting opened). */
  tally: Tally & { quorum: number; threshold: number; regions: Region[] };
  reasons: BriefReason[];
  /** How many votes came with a reason (the brief shows at most BRIEF_REASONS). */
  reasonCount: number;
  discussion: BriefPoint[];
  referrals: BriefReferral[];
}

/** Markdown source as plain text: links and images by their text, without quote, heading, list or emphasis marks. */
function plainText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(?:>\s?)+/gm, '')
    .replace(/^\s{0,3}#{1,6}\s+/gm, '')
    .replace(/^\s*(?:[-+*]|\d{1,9}[.)])\s+/gm, '')
    .replace(/(^|[^\p{L}\p{N}])(\*\*|__|\*|_|~~|`)(?=\S)([^\n]*?\S)\2(?![\p{L}\p{N}])/gu, '$1$3');
}

/** Markdown source shortened to a plain excerpt: marks dropped, whitespace folded, cut at a word. */
export function excerpt(text: string, max = EXCERPT_CHARS): string {
  const flat = plainText(text).replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * The answers other departments gave on the issue (answered referrals, closed ones with their
 * answer too), oldest answer first.
 */
export async function referralAnswersOf(em: Em, issueId: string): Promise<BriefReferral[]> {
  return (await referralAnswersOfIssues(em, [issueId])).get(issueId) ?? [];
}

/** The same for several issues in one query: issue id → its answers. */
async function referralAnswersOfIssues(em: Em, issueIds: readonly string[]): Promise<Map<string, BriefReferral[]>> {
  const rows = await em.find(
    Referral,
    { issue: { $in: [...issueIds] }, answer: { $ne: null }, status: { $in: ['ANSWERED', 'CLOSED'] } },
    { populate: ['department', 'answeredBy'], orderBy: { answeredAt: 'asc', createdAt: 'asc', id: 'asc' } },
  );
  const out = new Map<string, BriefReferral[]>();
  for (const r of rows) {
    const list = out.get(r.issue.id) ?? [];
    list.push({ department: r.department.name, question: r.question, answer: r.answer ?? '', answeredBy: r.answeredBy?.name ?? null, answeredAt: r.answeredAt ?? null });
    out.set(r.issue.id, list);
  }
  return out;
}

/**
 * The discussion points of several cases (see DISCUSSION_POINTS): one statement ranks the comments
 * of each case (its issue's and its own) by region and keeps the latest of each, one loads them.
 * Proposal id → its points.
 */
async function discussionOf(em: Em, cases: readonly { proposalId: string; issueId: string }[]): Promise<Map<string, BriefPoint[]>> {
  const knex = em.getKnex();
  const ranked = cases.map(({ proposalId, issueId }) =>
    knex('comment as c')
      .join('user as u', 'u.id', 'c.author_id')
      .select(
        'c.id',
        knex.raw('cast(? as varchar(36)) as case_id', [proposalId]),
        knex.raw('row_number() over (partition by coalesce(u.region_id, u.id) order by c.created_at desc, c.id desc) as rn'),
      )
      .where((q) => q.where('c.issue_id', issueId).orWhere('c.proposal_id', proposalId)),
  );
  const [first, ...rest] = ranked;
  // Unwrapped members: SQLite refuses a parenthesized SELECT in a compound one.
  const union = rest.length ? first.unionAll(rest) : first;
  // Through the EntityManager, so that inside a transaction (the submit's mail) it runs in it.
  const picked = (await em.execute(knex.select('id', 'case_id').from(union.as('ranked')).where('rn', 1))) as { id: string; case_id: string }[];
  const out = new Map<string, BriefPoint[]>();
  if (!picked.length) return out;
  const comments = await em.find(Comment, { id: { $in: [...new Set(picked.map((p) => p.id))] } }, { populate: ['author', 'author.region'], orderBy: { createdAt: 'desc', id: 'desc' } });
  const byId = new Map(comments.map((c) => [c.id, c]));
  const order = new Map(comments.map((c, i) => [c.id, i]));
  for (const row of [...picked].sort((a, b) => order.get(a.id)! - order.get(b.id)!)) {
    const c = byId.get(row.id);
    const list = out.get(row.case_id) ?? [];
    if (!c || list.length >= DISCUSSION_POINTS) continue;
    list.push({ author: c.author.name, region: c.author.region ?? null, on: c.issue ? 'ISSUE' : 'PROPOSAL', excerpt: excerpt(c.body), createdAt: c.createdAt });
    out.set(row.case_id, list);
  }
  return out;
}

/** The case brief of a proposal, or null when there is no such proposal. Authorization is the caller's (proposalPolicy 'readBrief'). */
export async function caseBriefOf(em: Em, proposalId: string): Promise<CaseBrief | null> {
  return (await caseBriefsOf(em, [proposalId]))[0];
}

/**
 * The case briefs of several proposals, in the ids' order (null where there is none), in the same
 * statements as one: a list of proposals with their briefs costs no more statements than one.
 */
export async function caseBriefsOf(em: Em, proposalIds: readonly string[]): Promise<(CaseBrief | null)[]> {
  const proposals = await em.find(Proposal, { id: { $in: [...proposalIds] } }, { populate: ['author', 'issue', 'issue.raisedBy', 'issue.originRegion'] });
  if (!proposals.length) return proposalIds.map(() => null);
  const issueIds = [...new Set(proposals.map((p) => p.issue.id))];
  // One after the other: inside a transaction (the submit's mail) there is one connection.
  const regions = await em.find(Region, {}, { orderBy: { name: 'asc', id: 'asc' } });
  const supports = await em.find(Support, { issue: { $in: issueIds } }, { populate: ['user'], orderBy: { createdAt: 'asc', id: 'asc' } });
  const votes = await em.find(Vote, { proposal: { $in: proposals.map((p) => p.id) } }, { populate: ['voter'], orderBy: { castAt: 'desc', id: 'desc' } });
  const voters = await em.find(User, { active: true, region: { $ne: null } });
  const eligible = voters.filter(isEligibleVoter).length;
  const setting = proposals.some((p) => p.quorum == null || p.threshold == null) ? await em.findOne(VotingRuleSetting, 'default') : null;
  const installation = setting ? { quorum: setting.quorum, threshold: setting.threshold } : { ...DEFAULT_VOTING_RULE };
  const discussion = await discussionOf(em, proposals.map((p) => ({ proposalId: p.id, issueId: p.issue.id })));
  const referrals = await referralAnswersOfIssues(em, issueIds);

  const regionById = new Map(regions.map((r) => [r.id, r]));
  const byId = new Map(proposals.map((p) => [p.id, p]));
  return proposalIds.map((id) => {
    const proposal = byId.get(id);
    if (!proposal) return null;
    const issue = proposal.issue;
    const affected = new Map<string, BriefRegion>([[issue.originRegion.id, { region: issue.originRegion, origin: true, supporters: 0, notes: [] }]]);
    for (const s of supports) {
      const region = s.issue.id === issue.id ? regionById.get(s.region.id) : undefined;
      if (!region) continue;
      const entry = affected.get(region.id) ?? { region, origin: false, supporters: 0, notes: [] };
      entry.supporters += 1;
      if (s.note?.trim()) entry.notes.push({ author: s.user.name, note: s.note.trim() });
      affected.set(region.id, entry);
    }
    const byName = (a: BriefRegion, b: BriefRegion) => a.region.name.localeCompare(b.region.name) || a.region.id.localeCompare(b.region.id);
    const own = votes.filter((v) => v.proposal.id === proposal.id);
    const rule = proposal.quorum != null && proposal.threshold != null ? { quorum: proposal.quorum, threshold: proposal.threshold } : installation;
    const counted = tally(own.map((v) => ({ choice: v.choice, regionId: v.region.id })), regions.map((r) => r.id), eligible, rule);
    const withReason = own.filter((v) => v.reason?.trim());
    return {
      proposal,
      issue,
      author: proposal.author.name,
      raisedBy: issue.raisedBy.name,
      regions: [...affected.values()].sort((a, b) => Number(b.origin) - Number(a.origin) || b.supporters - a.supporters || byName(a, b)),
      totalRegions: regions.length,
      tally: { ...counted, ...rule, regions },
      reasons: withReason.slice(0, BRIEF_REASONS).map((v) => ({
        choice: v.choice,
        reason: v.reason!.trim(),
        voter: v.voter.name,
        region: regionById.get(v.region.id) ?? v.region,
        castAt: v.castAt,
      })),
      reasonCount: withReason.length,
      discussion: discussion.get(proposal.id) ?? [],
      referrals: referrals.get(issue.id) ?? [],
    };
  });
}
