// GraphQL types and fields of issues, supports and comments: thin, they call the service.
import { ISSUE_ORDERS, ISSUE_STATUSES, priorityScore, searchSchema } from '@council/shared';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { wrap } from '@mikro-orm/core';
import { builder } from '../../graphql/builder.js';
import { idOf, optionalIdOf } from '../../graphql/ids.js';
import { must } from '../../graphql/loaders.js';
import { registerNode } from '../../graphql/node.js';
import { connection, pageArgs } from '../../graphql/pagination.js';
import { PermissionRef, permission } from '../../graphql/permission.js';
import type { Context } from '../../graphql/context.js';
import type { Refusal } from '../../policy.js';
import { parseInput } from '../../validation.js';
import { CategoryRef, RegionRef, UserRef } from '../people/people.schema.js';
import { Region } from '../people/people.entity.js';
import { Comment, Issue, Support, type MergedSupport } from './issues.entity.js';
import { issuePolicy } from './issues.policy.js';
import { proposalPolicy } from '../proposals/proposals.policy.js';
import { decodeFeedCursor, isFeedCursor } from './feed.order.js';
import { listIssues } from './issues.query.js';
import { issueInQuestion, viewerSeesIssue } from '../departments/visibility.js';
import { addComment, editComment, mergeIssue, raiseIssue, supportIssue, unmergeIssue, withdrawSupport } from './issues.service.js';

export const IssueStatusEnum = builder.enumType('IssueStatus', { values: ISSUE_STATUSES });
export const IssueOrderEnum = builder.enumType('IssueOrder', { values: ISSUE_ORDERS });

export const CommentRef = builder.node(Comment, {
  name: 'Comment',
  id: { resolve: (c) => c.id },
  loadMany: async (ids, ctx) => {
    const rows = await ctx.em.find(Comment, { id: { $in: ids as string[] } });
    const map = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => map.get(id) ?? null);
  },
  fields: (t) => ({
    body: t.exposeString('body', { description: 'Markdown.' }),
    author: t.field({ type: UserRef, resolve: (c, _a, ctx) => must(ctx.loaders.user, c.author.id) }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    editedAt: t.expose('editedAt', { type: 'DateTime', nullable: true }),
    viewerCanEdit: t.boolean({ resolve: (c, _a, ctx) => issuePolicy.can(ctx.viewer, 'editComment', c) }),
  }),
});

export const CommentConnection = builder.connectionObject(
  {
    type: CommentRef,
    name: 'CommentConnection',
    fields: (t) => ({ totalCount: t.int({ resolve: (c) => (c as unknown as { totalCount: number }).totalCount }) }),
  },
  { name: 'CommentEdge' },
);

const SupportRef = builder.objectRef<Support>('Support').implement({
  description: '"My region is affected too": one coordinator, for their region.',
  fields: (t) => ({
    user: t.field({ type: UserRef, resolve: (s, _a, ctx) => must(ctx.loaders.user, s.user.id) }),
    region: t.field({ type: RegionRef, resolve: (s, _a, ctx) => must(ctx.loaders.region, s.region.id) }),
    note: t.exposeString('note', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const MergedNoteRef = builder.objectRef<MergedSupport>('MergedNote').implement({
  description: "A supporter's note on a duplicate merged into this issue, where that person was already counted: kept, and shown, so nothing said is lost.",
  fields: (t) => ({
    user: t.field({ type: UserRef, resolve: (s, _a, ctx) => must(ctx.loaders.user, s.user.id) }),
    region: t.field({ type: RegionRef, resolve: (s, _a, ctx) => must(ctx.loaders.region, s.region.id) }),
    note: t.string({ resolve: (s) => s.note ?? '' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    fromIssueTitle: t.string({ description: 'The title of the duplicate it was written on.', resolve: (s) => s.issue.title }),
  }),
});

const ISSUE_ABILITIES = ['support', 'withdrawSupport', 'comment', 'merge', 'unmerge', 'draftProposal'] as const;
type IssueAbility = (typeof ISSUE_ABILITIES)[number];
const IssueAbilityEnum = builder.enumType('IssueAbility', {
  description: 'What a person may do with an issue (see `Issue.viewerCan`).',
  values: ISSUE_ABILITIES,
});

/** The policies' answer for the viewer and an issue; support rules also look at the viewer's own support. */
async function issueRefusal(issue: Issue, action: IssueAbility, ctx: Context): Promise<Refusal | null> {
  switch (action) {
    case 'support':
    case 'withdrawSupport': {
      const supported = (await ctx.loaders.supportSummary.load(issue.id)).viewerSupported;
      return issuePolicy.refusal(ctx.viewer, action, { issue, supported });
    }
    case 'comment':
      return issuePolicy.refusal(ctx.viewer, action, await issueInQuestion(ctx, issue));
    case 'merge':
    case 'unmerge':
      return issuePolicy.refusal(ctx.viewer, action, issue);
    case 'draftProposal':
      return proposalPolicy.refusal(ctx.viewer, 'draft', issue);
  }
}

export const IssueRef = builder.node(Issue, {
  name: 'Issue',
  id: { resolve: (i) => i.id },
  loadMany: (ids, ctx) => ids.map((id) => ctx.loaders.issue.load(id)),
});

builder.objectFields(IssueRef, (t) => ({
    title: t.exposeString('title'),
    description: t.exposeString('description', { description: 'Markdown.' }),
    evidence: t.exposeString('evidence', { nullable: true, description: 'Figures or examples, e.g. complaints per week.' }),
    category: t.field({
      type: CategoryRef,
      nullable: true,
      resolve: (i, _a, ctx) => (i.category ? ctx.loaders.category.load(i.category.id) : null),
    }),
    status: t.field({ type: IssueStatusEnum, resolve: (i) => i.status }),
    raisedBy: t.field({ type: UserRef, resolve: (i, _a, ctx) => must(ctx.loaders.user, i.raisedBy.id) }),
    originRegion: t.field({ type: RegionRef, resolve: (i, _a, ctx) => must(ctx.loaders.region, i.originRegion.id) }),
    affectedRegions: t.field({
      type: [RegionRef],
      description: 'The origin region first, then the regions of supporters by name.',
      resolve: async (i, _a, ctx) => {
        const { regionIds } = await ctx.loaders.supportSummary.load(i.id);
        const ids = [...new Set([i.originRegion.id, ...regionIds])];
        const regions = (await ctx.loaders.region.loadMany(ids)) as Region[];
        const [origin, ...rest] = regions;
        return [origin, ...rest.sort((a, b) => a.name.localeCompare(b.name))];
      },
    }),
    supports: t.field({ type: [SupportRef], resolve: (i, _a, ctx) => ctx.loaders.supportsByIssue.load(i.id) }),
    mergedNotes: t.field({
      type: [MergedNoteRef],
      description: 'Notes of supporters on duplicates merged into this issue, from people already counted here (their support here stays the one that counts), earliest first.',
      resolve: (i, _a, ctx) => ctx.loaders.mergedNotesByIssue.load(i.id),
    }),
    supportCount: t.exposeInt('supportCount', { description: 'Coordinators who marked "my region is affected too".' }),
    regionCount: t.exposeInt('regionCount', { description: 'Regions affected, the origin region included.' }),
    priorityScore: t.float({
      description: 'The documented priority score (see shared/src/priority.ts) at the time of the request.',
      resolve: async (i, _a, ctx) =>
        priorityScore({ ...i, totalRegions: await ctx.loaders.totalRegions.load('all') }, new Date()),
    }),
    viewerHasSupported: t.boolean({
      resolve: async (i, _a, ctx) => (await ctx.loaders.supportSummary.load(i.id)).viewerSupported,
    }),
    viewerRegionAffected: t.boolean({
      description: "The signed-in person's region is affected: the issue was raised there or someone there supports it.",
      resolve: async (i, _a, ctx) => {
        const region = ctx.viewer?.region?.id;
        if (!region) return false;
        if (i.originRegion.id === region) return true;
        return (await ctx.loaders.supportSummary.load(i.id)).regionIds.includes(region);
      },
    }),
    viewerCanSupport: t.boolean({ resolve: async (i, _a, ctx) => (await issueRefusal(i, 'support', ctx)) === null }),
    viewerCanMerge: t.boolean({ resolve: async (i, _a, ctx) => (await issueRefusal(i, 'merge', ctx)) === null }),
    viewerCanUnmerge: t.boolean({
      description: 'The viewer may undo the merge of this issue (it is MERGED, and they may merge).',
      resolve: async (i, _a, ctx) => (await issueRefusal(i, 'unmerge', ctx)) === null,
    }),
    viewerCan: t.field({
      type: PermissionRef,
      description: 'Whether the viewer may take an action on this issue now, and why not.',
      args: { action: t.arg({ type: IssueAbilityEnum, required: true }) },
      resolve: async (i, args, ctx) => permission(await issueRefusal(i, args.action, ctx)),
    }),
    commentCount: t.exposeInt('commentCount'),
    comments: t.field({
      type: CommentConnection,
      args: { first: t.arg.int(), after: t.arg.string() },
      resolve: async (i, args, ctx) => {
        const page = pageArgs(args);
        const { rows, total } = await ctx.loaders.commentPage.load({ subject: 'issue', id: i.id, ...page });
        return connection(rows, page.offset, page.offset + rows.length < total, total);
      },
    }),
    mergedInto: t.field({
      type: IssueRef,
      nullable: true,
      resolve: async (i, _a, ctx) => {
        const into = i.mergedInto ? await ctx.loaders.issue.load(i.mergedInto.id) : null;
        return into && (await viewerSeesIssue(ctx, into)) ? into : null;
      },
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    lastActivityAt: t.expose('lastActivityAt', { type: 'DateTime' }),
}));

registerNode('Issue', (ctx, id) => ctx.loaders.issue.load(id), (ctx, issue: Issue) => viewerSeesIssue(ctx, issue));
registerNode(
  'Comment',
  (ctx, id) => ctx.loaders.comment.load(id),
  async (ctx, comment: Comment) => {
    const issue = comment.issue ? await ctx.loaders.issue.load(comment.issue.id) : null;
    return !!issue && viewerSeesIssue(ctx, issue);
  },
);

const IssueConnection = builder.connectionObject(
  {
    type: IssueRef,
    name: 'IssueConnection',
    fields: (t) => ({ totalCount: t.int({ resolve: (c) => (c as unknown as { totalCount: number }).totalCount }) }),
  },
  { name: 'IssueEdge' },
);

const IssueFilter = builder.inputType('IssueFilter', {
  fields: (t) => ({
    status: t.field({ type: [IssueStatusEnum], description: 'Default: every status but MERGED.' }),
    regionId: t.id({ description: 'Issues affecting the region: raised there or supported from there.' }),
    categoryId: t.id(),
    search: t.string({ description: 'Words in the title or description (full-text: case and diacritics do not matter; the last word may be the start of a word).' }),
    notYetMarkedByMyRegion: t.boolean({
      description: "true: only issues that the signed-in person's region has not marked (not raised there, no supporter there). Ignored for a person without a region.",
    }),
  }),
});

const RaiseIssueInput = builder.inputType('RaiseIssueInput', {
  fields: (t) => ({
    title: t.string({ required: true }),
    description: t.string({ required: true, description: 'Markdown.' }),
    categoryId: t.id(),
    evidence: t.string(),
  }),
});

builder.queryFields((t) => ({
  issues: t.field({
    type: IssueConnection,
    args: {
      first: t.arg.int(),
      after: t.arg.string(),
      filter: t.arg({ type: IssueFilter }),
      orderBy: t.arg({ type: IssueOrderEnum, defaultValue: 'PRIORITY' }),
    },
    resolve: async (_root, args, ctx) => {
      const order = args.orderBy ?? 'PRIORITY';
      // A keyset cursor (what this field hands out) or an offset cursor (what it used to).
      const position = isFeedCursor(args.after) ? decodeFeedCursor(args.after!, order) : null;
      const page = position ? { ...pageArgs({ first: args.first }), position } : pageArgs(args);
      const f = args.filter ?? {};
      const { search } = parseInput(searchSchema, { search: f.search });
      const result = await listIssues(
        ctx.em,
        {
          status: f.status,
          search,
          regionId: optionalIdOf(f.regionId ? String(f.regionId) : null, 'Region'),
          categoryId: optionalIdOf(f.categoryId ? String(f.categoryId) : null, 'Category'),
          notMarkedByRegionId: f.notYetMarkedByMyRegion ? (ctx.viewer?.region?.id ?? null) : null,
        },
        order,
        page,
        undefined,
        () => ctx.loaders.totalRegions.load('all'),
      );
      // The raisers came with the page: the user loader need not ask again.
      for (const issue of result.issues) if (wrap(issue.raisedBy).isInitialized()) ctx.loaders.user.prime(issue.raisedBy.id, issue.raisedBy);
      const edges = result.issues.map((node, i) => ({ node, cursor: result.cursors[i] }));
      return {
        edges,
        totalCount: result.totalCount,
        pageInfo: { hasNextPage: result.hasNextPage, hasPreviousPage: args.after != null, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
      };
    },
  }),
}));

builder.mutationFields((t) => ({
  raiseIssue: t.field({
    type: IssueRef,
    authScopes: { can: 'raiseIssue' },
    args: { input: t.arg({ type: RaiseIssueInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      raiseIssue(ctx.em, ctx.viewer!, {
        ...input,
        categoryId: input.categoryId ? idOf(String(input.categoryId), 'Category') : null,
      }),
  }),
  supportIssue: t.field({
    type: IssueRef,
    args: { issueId: t.arg.id({ required: true }), note: t.arg.string() },
    resolve: (_root, args, ctx) => supportIssue(ctx.em, ctx.viewer!, idOf(String(args.issueId), 'Issue'), args.note),
  }),
  withdrawSupport: t.field({
    type: IssueRef,
    args: { issueId: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => withdrawSupport(ctx.em, ctx.viewer!, idOf(String(args.issueId), 'Issue')),
  }),
  addComment: t.field({
    type: CommentRef,
    description: 'Comments on an issue or a proposal.',
    args: { subjectId: t.arg.id({ required: true }), body: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => {
      const id = String(args.subjectId);
      let type: 'Issue' | 'Proposal' = 'Issue';
      try {
        type = decodeGlobalID(id).typename === 'Proposal' ? 'Proposal' : 'Issue';
      } catch {
        // malformed: idOf below answers NOT_FOUND
      }
      return addComment(ctx.em, ctx.viewer!, { type, id: idOf(id, type) }, args.body);
    },
  }),
  editComment: t.field({
    type: CommentRef,
    args: { commentId: t.arg.id({ required: true }), body: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => editComment(ctx.em, ctx.viewer!, idOf(String(args.commentId), 'Comment'), args.body),
  }),
  mergeIssue: t.field({
    type: IssueRef,
    description: 'Facilitators: merge a duplicate; its supports and comments join the target.',
    args: { issueId: t.arg.id({ required: true }), intoIssueId: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) =>
      mergeIssue(ctx.em, ctx.viewer!, idOf(String(args.issueId), 'Issue'), idOf(String(args.intoIssueId), 'Issue')),
  }),
  unmergeIssue: t.field({
    type: IssueRef,
    description:
      'Facilitators: undo the merge of a duplicate. It gets back its status, its supports (notes included), its comments and its counts; what happened on the other issue since stays.',
    args: { issueId: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => unmergeIssue(ctx.em, ctx.viewer!, idOf(String(args.issueId), 'Issue')),
  }),
}));
