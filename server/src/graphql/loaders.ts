// Per-request dataloaders: every list that resolves a relation goes through one of these,
// so a page of N issues costs the same number of statements as a page of one.
import DataLoader from 'dataloader';
import { raw, type EntityClass } from '@mikro-orm/core';
import type { Em } from '../db/orm.js';
import { Category, Region, User } from '../modules/people/people.entity.js';
import { Issue, MergedSupport, Support } from '../modules/issues/issues.entity.js';
import { Decision, OutcomeReport, Proposal, ProposalRevision, Rollout, Vote } from '../modules/proposals/proposals.entity.js';
import { Policy, PolicyVersion, type PolicyAcknowledgement } from '../modules/policies/policies.entity.js';
import { acknowledgementsOf, acknowledgers, versionKey } from '../modules/policies/acknowledgements.query.js';
import { Comment } from '../modules/issues/issues.entity.js';
import { Invitation } from '../modules/people/invitations.entity.js';
import { Department, DepartmentContact, Referral } from '../modules/departments/departments.entity.js';
import { sortReferrals } from '../modules/departments/departments.query.js';
import { ActionItem, AgendaItem, Meeting } from '../modules/meetings/meetings.entity.js';
import { currentVotingRule, eligibleVoterCount } from '../modules/proposals/proposals.service.js';
import { historyCounts, historyPages, type HistoryPageKey } from '../modules/proposals/history.query.js';
import { caseBriefsOf, type CaseBrief } from '../modules/proposals/brief.query.js';
import type { AuditEvent } from '../modules/audit/audit.entity.js';
import type { ReferenceCache } from '../modules/people/reference.cache.js';
import { commentPageCacheKey, commentPages, type CommentPage, type CommentPageKey } from '../modules/issues/comments.query.js';

function byId<T extends { id: string }>(em: Em, entity: EntityClass<T>): DataLoader<string, T | null> {
  return new DataLoader(async (ids) => {
    const rows = await em.find(entity, { id: { $in: [...ids] } } as never);
    const map = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => map.get(id) ?? null);
  });
}

function groupedBy<T>(load: (keys: string[]) => Promise<T[]>, keyOf: (row: T) => string): DataLoader<string, T[]> {
  return new DataLoader(async (keys) => {
    const rows = await load([...keys]);
    const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
    for (const row of rows) groups.get(keyOf(row))?.push(row);
    return keys.map((k) => groups.get(k) ?? []);
  });
}

/** What a feed row needs of an issue's supports (loaders.supportSummary). */
export interface SupportSummary {
  regionIds: string[];
  viewerSupported: boolean;
}

export function createLoaders(em: Em, viewer: User | null, reference: ReferenceCache) {
  return {
    user: byId(em, User),
    /** Regions and categories come from the instance's cache (reference.cache.ts), as this request's entities. */
    region: new DataLoader<string, Region | null>((ids) => reference.regionsById(em, ids)),
    category: new DataLoader<string, Category | null>((ids) => reference.categoriesById(em, ids)),
    issue: byId(em, Issue),
    comment: byId(em, Comment),
    policy: byId(em, Policy),
    invitation: byId(em, Invitation),
    department: byId(em, Department),
    referral: byId(em, Referral),
    /** Each department's contacts (their user ids), in one statement for a page of departments. */
    contactsByDepartment: groupedBy((ids) => em.find(DepartmentContact, { department: { $in: ids } }, { fields: ['department', 'user'], orderBy: { createdAt: 'asc', id: 'asc' } }), (c) => c.department.id),
    /** Each issue's referrals: unanswered first, soonest due first (departments.query's order). */
    referralsByIssue: new DataLoader<string, Referral[]>(async (ids) => {
      const rows = await em.find(Referral, { issue: { $in: [...ids] } });
      const groups = new Map<string, Referral[]>(ids.map((id) => [id, []]));
      for (const row of rows) groups.get(row.issue.id)?.push(row);
      return ids.map((id) => sortReferrals(groups.get(id) ?? []));
    }),
    /** The departments the viewer is a contact of, once per request. */
    viewerDepartments: new DataLoader<'all', string[]>(async (keys) => {
      const rows = viewer ? await em.find(DepartmentContact, { user: viewer.id }, { fields: ['department'] }) : [];
      return keys.map(() => rows.map((r) => r.department.id));
    }),
    /**
     * Per issue, the regions its supporters come from and whether the viewer is one of them: what a
     * feed row shows, in one grouped statement (a feed row need not load every support).
     */
    supportSummary: new DataLoader<string, SupportSummary>(async (ids) => {
      const rows = (await em
        .createQueryBuilder(Support, 's')
        .select(['s.issue', 's.region', raw(viewer ? 'max(case when s.user_id = ? then 1 else 0 end) as mine' : '0 as mine', viewer ? [viewer.id] : [])])
        .where({ issue: { $in: [...ids] } })
        .groupBy(['s.issue', 's.region'])
        .execute('all', false)) as { issue_id: string; region_id: string; mine: number | string | boolean }[];
      const summaries = new Map<string, SupportSummary>(ids.map((id) => [id, { regionIds: [], viewerSupported: false }]));
      for (const row of rows) {
        const summary = summaries.get(row.issue_id);
        if (!summary) continue;
        summary.regionIds.push(row.region_id);
        if (Number(row.mine) === 1 || row.mine === true) summary.viewerSupported = true;
      }
      return ids.map((id) => summaries.get(id)!);
    }),
    /** Notes put aside by merges into each issue (people already counted there), earliest first. */
    mergedNotesByIssue: new DataLoader<string, MergedSupport[]>(async (ids) => {
      const rows = await em.find(
        MergedSupport,
        { issue: { mergedInto: { $in: [...ids] }, status: 'MERGED' }, note: { $ne: null } },
        { populate: ['issue'], fields: ['note', 'createdAt', 'user', 'region', 'issue.mergedInto', 'issue.title'], orderBy: { createdAt: 'asc', id: 'asc' } },
      );
      const groups = new Map<string, MergedSupport[]>(ids.map((id) => [id, []]));
      for (const row of rows) groups.get(row.issue.mergedInto!.id)?.push(row as MergedSupport);
      return ids.map((id) => groups.get(id) ?? []);
    }),
    supportsByIssue: groupedBy(
      (ids) => em.find(Support, { issue: { $in: ids } }, { orderBy: { createdAt: 'asc', id: 'asc' } }),
      (s) => s.issue.id,
    ),
    proposal: byId(em, Proposal),
    proposalsByIssue: groupedBy(
      (ids) => em.find(Proposal, { issue: { $in: ids } }, { orderBy: { createdAt: 'asc', id: 'asc' } }),
      (p) => p.issue.id,
    ),
    revisionsByProposal: groupedBy(
      (ids) => em.find(ProposalRevision, { proposal: { $in: ids } }, { orderBy: { version: 'asc' } }),
      (r) => r.proposal.id,
    ),
    /** A page of an issue's or a proposal's comments, by subject, offset and size. */
    commentPage: new DataLoader<CommentPageKey, CommentPage, string>((keys) => commentPages(em, keys), { cacheKeyFn: commentPageCacheKey }),
    votesByProposal: groupedBy((ids) => em.find(Vote, { proposal: { $in: ids } }), (v) => v.proposal.id),
    decisionsByProposal: groupedBy(
      (ids) => em.find(Decision, { proposal: { $in: ids } }, { orderBy: { decidedAt: 'asc', id: 'asc' } }),
      (d) => d.proposal.id,
    ),
    meeting: byId(em, Meeting),
    /** Closed meetings, latest first, once per request (each meeting's "previous meeting"). */
    closedMeetings: new DataLoader<'all', Meeting[]>(async (keys) => {
      const rows = await em.find(Meeting, { status: 'CLOSED' }, { orderBy: { startsAt: 'desc' } });
      return keys.map(() => rows);
    }),
    agendaByMeeting: groupedBy(
      (ids) => em.find(AgendaItem, { meeting: { $in: ids } }, { orderBy: { position: 'asc', id: 'asc' } }),
      (i) => i.meeting.id,
    ),
    actionItemsByMeeting: groupedBy(
      (ids) => em.find(ActionItem, { meeting: { $in: ids } }, { orderBy: { createdAt: 'asc', id: 'asc' } }),
      (a) => a.meeting.id,
    ),
    versionsByPolicy: groupedBy((ids) => em.find(PolicyVersion, { policy: { $in: ids } }), (v) => v.policy.id),
    /** Who confirmed a policy version, by `policyId:version`, earliest first. */
    acknowledgementsByVersion: groupedBy<PolicyAcknowledgement>(
      (keys) => acknowledgementsOf(em, keys.map((k) => ({ policyId: k.split(':')[0], version: Number(k.split(':')[1]) }))),
      (a) => versionKey({ policyId: a.policy.id, version: a.version }),
    ),
    /** Everyone each policy version asks to confirm, once per request. */
    acknowledgers: new DataLoader<'all', User[]>(async (keys) => {
      const people = await acknowledgers(em);
      return keys.map(() => people);
    }),
    /** Each region's outcome report on a proposal, earliest first. */
    outcomeReportsByProposal: groupedBy(
      (ids) => em.find(OutcomeReport, { proposal: { $in: ids } }, { orderBy: { createdAt: 'asc', id: 'asc' } }),
      (o) => o.proposal.id,
    ),
    rolloutsByProposal: groupedBy((ids) => em.find(Rollout, { proposal: { $in: ids } }), (r) => r.proposal.id),
    /** A page of a proposal's history, by proposal, page size and cursor. */
    historyPage: new DataLoader<HistoryPageKey, AuditEvent[], string>((keys) => historyPages(em, keys), {
      cacheKeyFn: (k) => `${k.proposalId}:${k.limit}:${k.before?.at.getTime() ?? ''}:${k.before?.id ?? ''}`,
    }),
    historyCount: new DataLoader<string, number>((ids) => historyCounts(em, ids)),
    /** Case briefs of proposals, all asked for in one tick assembled together (brief.query.ts). */
    caseBrief: new DataLoader<string, CaseBrief | null>((ids) => caseBriefsOf(em, ids)),
    /** Every region by name, once per request (tallies and rollouts list them all). */
    allRegions: new DataLoader<'all', Region[]>(async (keys) => {
      const regions = await reference.regions(em);
      return keys.map(() => regions);
    }),
    votingRule: new DataLoader<'default', { quorum: number; threshold: number }>(async (keys) => {
      const rule = await currentVotingRule(em);
      return keys.map(() => rule);
    }),
    eligibleVoters: new DataLoader<'all', number>(async (keys) => {
      const n = await eligibleVoterCount(em);
      return keys.map(() => n);
    }),
    /** Count of regions, once per request (the denominator of region shares). */
    totalRegions: new DataLoader<'all', number>(async (keys) => {
      const n = await reference.regionCount(em);
      return keys.map(() => n);
    }),
    viewer,
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** Loads a relation that must exist (a foreign key), through its loader. */
export async function must<T>(loader: DataLoader<string, T | null>, id: string): Promise<T> {
  const row = await loader.load(id);
  if (!row) throw new Error(`dangling reference ${id}`);
  return row;
}
