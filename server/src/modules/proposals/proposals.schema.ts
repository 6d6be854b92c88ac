// GraphQL types and fields of proposals: the lifecycle mutations, the tally, votes, decisions,
// rollouts and history. Thin: each field calls the service or a per-request loader.
import { PROPOSAL_ACTIONS, tally, type ProposalAction } from '@council/shared';
import { viewerReadsWorkspace } from '../departments/visibility.js';
import { builder } from '../../graphql/builder.js';
import { decodeId, idOf, optionalIdOf } from '../../graphql/ids.js';
import { InvalidCursor } from '../../errors.js';
import { must } from '../../graphql/loaders.js';
import { registerNode } from '../../graphql/node.js';
import { readTick, subscribeTo } from '../../graphql/live.js';
import { connection, pageArgs } from '../../graphql/pagination.js';
import { PermissionRef, permission } from '../../graphql/permission.js';
import { historyPageKey } from './history.query.js';
import { listProposals } from './proposals.query.js';
import { CommentConnection, IssueRef } from '../issues/issues.schema.js';
import { UserRef } from '../people/people.schema.js';
import { Proposal } from './proposals.entity.js';
import { proposalPolicy } from './proposals.policy.js';
import { issuePolicy } from '../issues/issues.policy.js';
import {
  AuditEventRef,
  DecisionOutcomeEnum,
  DecisionRef,
  ProposalStatusEnum,
  RevisionRef,
  RolloutRef,
  RolloutStatusEnum,
  VoteChoiceEnum,
  VoteRef,
  VoteTallyRef,
  type TallyShape,
} from './proposals.types.js';
import {
  castVote,
  closeVoting,
  currentVotingRule,
  decide,
  draftProposal,
  openVoting,
  reviseProposal,
  setVotingRule,
  submitToManagement,
  updateRollout,
  withdrawProposal,
} from './proposals.service.js';
import type { Context } from '../../graphql/context.js';

const ProposalActionEnum = builder.enumType('ProposalAction', {
  description: 'What a person may do with a proposal now (its status and their roles allow it).',
  values: Object.keys(PROPOSAL_ACTIONS) as ProposalAction[],
});

/** The lifecycle actions a viewer may take on the proposal as a whole (a rollout is per region). */
const PROPOSAL_WIDE_ACTIONS = (Object.keys(PROPOSAL_ACTIONS) as ProposalAction[]).filter(
  (a): a is Exclude<ProposalAction, 'updateRollout'> => a !== 'updateRollout',
);

const PROPOSAL_ABILITIES = ['comment', ...PROPOSAL_WIDE_ACTIONS] as const;
const ProposalAbilityEnum = builder.enumType('ProposalAbility', {
  description: 'What a person may do with a proposal (see `Proposal.viewerCan`); rollouts answer `Rollout.viewerCanUpdate`.',
  values: PROPOSAL_ABILITIES,
});

/** The tally of a proposal's votes under its voting rule, through the request's loaders. */
export async function proposalTally(p: Proposal, ctx: Context): Promise<TallyShape> {
  const [votes, regions, eligible] = await Promise.all([
    ctx.loaders.votesByProposal.load(p.id),
    ctx.loaders.allRegions.load('all'),
    ctx.loaders.eligibleVoters.load('all'),
  ]);
  // The installation rule is read once per request either way, so a list costs the same whatever its mix.
  const installation = await ctx.loaders.votingRule.load('default');
  const rule = p.quorum != null && p.threshold != null ? { quorum: p.quorum, threshold: p.threshold } : installation;
  return { ...tally(votes.map((v) => ({ choice: v.choice, regionId: v.region.id })), regions.map((r) => r.id), eligible, rule), ...rule, regions };
}

async function viewerVoteOf(p: Proposal, ctx: Context) {
  if (!ctx.viewer) return null;
  return (await ctx.loaders.votesByProposal.load(p.id)).find((v) => v.voter.id === ctx.viewer!.id) ?? null;
}

export const ProposalRef = builder.node(Proposal, {
  name: 'Proposal',
  id: { resolve: (p) => p.id },
  loadMany: (ids, ctx) => ids.map((id) => ctx.loaders.proposal.load(id)),
});

builder.objectFields(ProposalRef, (t) => ({
  issue: t.field({ type: IssueRef, resolve: (p, _a, ctx) => must(ctx.loaders.issue, p.issue.id) }),
  title: t.exposeString('title'),
  currentPolicy: t.exposeString('currentPolicy', { description: 'Markdown.' }),
  proposedPolicy: t.exposeString('proposedPolicy', { description: 'Markdown.' }),
  rationale: t.exposeString('rationale', { description: 'Markdown.' }),
  expectedImpact: t.exposeString('expectedImpact', { nullable: true }),
  requiresApproval: t.exposeBoolean('requiresApproval', { description: 'False: within the coordinators\' own authority.' }),
  status: t.field({ type: ProposalStatusEnum, resolve: (p) => p.status }),
  author: t.field({ type: UserRef, resolve: (p, _a, ctx) => must(ctx.loaders.user, p.author.id) }),
  version: t.exposeInt('version'),
  votingOpenedAt: t.expose('votingOpenedAt', { type: 'DateTime', nullable: true }),
  votingClosesAt: t.expose('votingClosesAt', { type: 'DateTime', nullable: true }),
  votingClosedAt: t.expose('votingClosedAt', { type: 'DateTime', nullable: true }),
  submittedAt: t.expose('submittedAt', { type: 'DateTime', nullable: true }),
  tally: t.field({ type: VoteTallyRef, resolve: (p, _a, ctx) => proposalTally(p, ctx) }),
  votes: t.field({
    type: [VoteRef],
    description: 'Every vote with its reason, newest first.',
    resolve: async (p, _a, ctx) => [...(await ctx.loaders.votesByProposal.load(p.id))].sort((a, b) => b.castAt.getTime() - a.castAt.getTime()),
  }),
  viewerVote: t.field({
    type: VoteRef,
    nullable: true,
    resolve: (p, _a, ctx) => viewerVoteOf(p, ctx),
  }),
  viewerNeedsToVote: t.boolean({
    description: 'Voting is open, the viewer may vote, and has not voted yet.',
    resolve: async (p, _a, ctx) =>
      proposalPolicy.can(ctx.viewer, 'castVote', p) && (!p.votingClosesAt || p.votingClosesAt.getTime() > Date.now()) && !(await viewerVoteOf(p, ctx)),
  }),
  viewerIsAuthor: t.boolean({
    description: 'Whether the viewer drafted this proposal.',
    resolve: (p, _a, ctx) => !!ctx.viewer && p.author.id === ctx.viewer.id,
  }),
  decision: t.field({
    type: DecisionRef,
    nullable: true,
    description: 'The latest management decision.',
    resolve: async (p, _a, ctx) => (await ctx.loaders.decisionsByProposal.load(p.id)).at(-1) ?? null,
  }),
  decisions: t.field({ type: [DecisionRef], resolve: (p, _a, ctx) => ctx.loaders.decisionsByProposal.load(p.id) }),
  rollouts: t.field({
    type: [RolloutRef],
    description: 'One per region, by region name, once implementation starts.',
    resolve: async (p, _a, ctx) => {
      const [rollouts, regions] = await Promise.all([ctx.loaders.rolloutsByProposal.load(p.id), ctx.loaders.allRegions.load('all')]);
      const order = new Map(regions.map((r, i) => [r.id, i]));
      return [...rollouts].sort((a, b) => (order.get(a.region.id) ?? 0) - (order.get(b.region.id) ?? 0));
    },
  }),
  history: t.field({
    type: [AuditEventRef],
    description:
      'Changes of this proposal, oldest first: the latest `first` (default and at most 100). To page back, pass the `cursor` of the oldest event shown as `after`; `historyCount` tells how many there are in all.',
    args: { first: t.arg.int(), after: t.arg.string() },
    resolve: (p, args, ctx) => ctx.loaders.historyPage.load(historyPageKey(p.id, args)),
  }),
  historyCount: t.int({ description: 'How many events the whole history holds.', resolve: (p, _a, ctx) => ctx.loaders.historyCount.load(p.id) }),
  revisions: t.field({
    type: [RevisionRef],
    resolve: (p, _a, ctx) => ctx.loaders.revisionsByProposal.load(p.id),
  }),
  comments: t.field({
    type: CommentConnection,
    args: { first: t.arg.int(), after: t.arg.string() },
    resolve: async (p, args, ctx) => {
      const page = pageArgs(args);
      const { rows, total } = await ctx.loaders.commentPage.load({ subject: 'proposal', id: p.id, ...page });
      return connection(rows, page.offset, page.offset + rows.length < total, total);
    },
  }),
  viewerActions: t.field({
    type: [ProposalActionEnum],
    description: 'The actions the viewer may take now (rollouts: `Rollout.viewerCanUpdate`).',
    resolve: (p, _a, ctx) => PROPOSAL_WIDE_ACTIONS.filter((action) => proposalPolicy.can(ctx.viewer, action, p)),
  }),
  viewerCan: t.field({
    type: PermissionRef,
    description: 'Whether the viewer may take an action on this proposal now, and why not.',
    args: { action: t.arg({ type: ProposalAbilityEnum, required: true }) },
    resolve: (p, { action }, ctx) => permission(action === 'comment' ? issuePolicy.refusal(ctx.viewer, 'comment', p) : proposalPolicy.refusal(ctx.viewer, action, p)),
  }),
  createdAt: t.expose('createdAt', { type: 'DateTime' }),
  updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
}));

builder.objectField(IssueRef, 'viewerCanPropose', (t) =>
  t.boolean({
    description: 'Whether the viewer may draft a proposal for this issue now.',
    resolve: (i, _a, ctx) => proposalPolicy.can(ctx.viewer, 'draft', i),
  }),
);

registerNode('Proposal', (ctx, id) => ctx.loaders.proposal.load(id));

// What a rollout belongs to, so a list of rollouts from several proposals links to each.
builder.objectField(RolloutRef, 'proposal', (t) =>
  t.field({ type: ProposalRef, resolve: (r, _a, ctx) => must(ctx.loaders.proposal, r.proposal.id) }),
);


builder.objectField(IssueRef, 'proposals', (t) =>
  t.field({
    type: [ProposalRef],
    description: "The issue's proposals; none for a department's contact (they see the issue referred to them, not the council's proposals).",
    resolve: (i, _a, ctx) => (viewerReadsWorkspace(ctx) ? ctx.loaders.proposalsByIssue.load(i.id) : []),
  }),
);

const VotingRuleRef = builder.objectRef<{ quorum: number; threshold: number }>('VotingRule').implement({
  description: 'The installation\'s voting rule, copied onto a proposal when its voting opens.',
  fields: (t) => ({ quorum: t.exposeFloat('quorum'), threshold: t.exposeFloat('threshold') }),
});

const DraftProposalInput = builder.inputType('DraftProposalInput', {
  fields: (t) => ({
    issueId: t.id({ required: true }),
    title: t.string({ required: true }),
    currentPolicy: t.string({ required: true }),
    proposedPolicy: t.string({ required: true }),
    rationale: t.string({ required: true }),
    requiresApproval: t.boolean({ required: true }),
    expectedImpact: t.string(),
    policyId: t.id({ description: 'The register entry this changes; omitted: implementing it creates a new policy.' }),
  }),
});

const ReviseProposalInput = builder.inputType('ReviseProposalInput', {
  description: 'Omitted fields keep their value. `version` must be the current one (else CONFLICT).',
  fields: (t) => ({
    proposalId: t.id({ required: true }),
    version: t.int({ required: true }),
    title: t.string(),
    currentPolicy: t.string(),
    proposedPolicy: t.string(),
    rationale: t.string(),
    expectedImpact: t.string(),
    requiresApproval: t.boolean(),
  }),
});

const DecideInput = builder.inputType('DecideInput', {
  fields: (t) => ({
    proposalId: t.id({ required: true }),
    outcome: t.field({ type: DecisionOutcomeEnum, required: true }),
    rationale: t.string({ required: true }),
    effectiveFrom: t.field({ type: 'DateTime' }),
    conditions: t.string(),
  }),
});

const pid = (id: string | number) => idOf(String(id), 'Proposal');

/** A list position (a proposal's id); anything else is BAD_CURSOR, like the other lists' cursors. */
function cursorId(globalId: string): string {
  const decoded = decodeId(globalId);
  if (decoded?.typename !== 'Proposal') throw new InvalidCursor();
  return decoded.id;
}

builder.queryFields((t) => ({
  proposals: t.field({
    type: [ProposalRef],
    args: {
      status: t.arg({ type: [ProposalStatusEnum] }),
      first: t.arg.int({ description: 'At most this many (1–100); omitted: all.' }),
      after: t.arg.id({ description: 'The id of the last proposal of the previous page: the list goes on after it.' }),
    },
    description:
      'Proposals in reading order: open ones first (voting, soonest deadline first; then those in progress: passed, submitted, changes requested, approved, implementing), then drafts, then closed ones (failed, rejected, implemented, withdrawn); newest first within each. All statuses unless filtered.',
    resolve: (_r, args, ctx) => listProposals(ctx.em, { status: args.status, first: args.first, after: args.after == null ? null : cursorId(String(args.after)) }),
  }),
  decisionQueue: t.field({
    type: [ProposalRef],
    description: 'Executives: proposals awaiting a decision, oldest submission first.',
    authScopes: { can: 'viewDecisionQueue' },
    resolve: (_r, _a, ctx) => ctx.em.find(Proposal, { status: 'SUBMITTED' }, { orderBy: { submittedAt: 'asc', id: 'asc' } }),
  }),
  votingRule: t.field({ type: VotingRuleRef, resolve: (_r, _a, ctx) => currentVotingRule(ctx.em) }),
}));

builder.mutationFields((t) => ({
  draftProposal: t.field({
    type: ProposalRef,
    args: { input: t.arg({ type: DraftProposalInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      draftProposal(ctx.em, ctx.viewer!, { ...input, issueId: idOf(String(input.issueId), 'Issue'), policyId: optionalIdOf(input.policyId ? String(input.policyId) : null, 'Policy') }),
  }),
  reviseProposal: t.field({
    type: ProposalRef,
    args: { input: t.arg({ type: ReviseProposalInput, required: true }) },
    resolve: (_r, { input }, ctx) => reviseProposal(ctx.em, ctx.viewer!, { ...input, proposalId: pid(input.proposalId) }),
  }),
  openVoting: t.field({
    type: ProposalRef,
    args: { proposalId: t.arg.id({ required: true }), closesAt: t.arg({ type: 'DateTime', required: true }) },
    resolve: (_r, args, ctx) => openVoting(ctx.em, ctx.viewer!, pid(args.proposalId), args.closesAt),
  }),
  castVote: t.field({
    type: ProposalRef,
    args: { proposalId: t.arg.id({ required: true }), choice: t.arg({ type: VoteChoiceEnum, required: true }), reason: t.arg.string() },
    resolve: (_r, args, ctx) => castVote(ctx.em, ctx.viewer!, pid(args.proposalId), args.choice, args.reason),
  }),
  closeVoting: t.field({
    type: ProposalRef,
    args: { proposalId: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) => closeVoting(ctx.em, ctx.viewer!, pid(args.proposalId)),
  }),
  submitToManagement: t.field({
    type: ProposalRef,
    args: { proposalId: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) => submitToManagement(ctx.em, ctx.viewer!, pid(args.proposalId)),
  }),
  decide: t.field({
    type: ProposalRef,
    args: { input: t.arg({ type: DecideInput, required: true }) },
    resolve: (_r, { input }, ctx) => decide(ctx.em, ctx.viewer!, { ...input, proposalId: pid(input.proposalId) }),
  }),
  updateRollout: t.field({
    type: ProposalRef,
    args: {
      proposalId: t.arg.id({ required: true }),
      regionId: t.arg.id({ required: true }),
      status: t.arg({ type: RolloutStatusEnum, required: true }),
      note: t.arg.string(),
      dueOn: t.arg({ type: 'DateTime' }),
    },
    resolve: (_r, args, ctx) =>
      updateRollout(ctx.em, ctx.viewer!, { ...args, proposalId: pid(args.proposalId), regionId: idOf(String(args.regionId), 'Region') }),
  }),
  withdrawProposal: t.field({
    type: ProposalRef,
    args: { proposalId: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) => withdrawProposal(ctx.em, ctx.viewer!, pid(args.proposalId)),
  }),
  setVotingRule: t.field({
    type: VotingRuleRef,
    description: 'Admins: the voting rule for proposals whose voting opens from now on.',
    authScopes: { can: 'setVotingRule' },
    args: { quorum: t.arg.float({ required: true }), threshold: t.arg.float({ required: true }) },
    resolve: (_r, args, ctx) => setVotingRule(ctx.em, ctx.viewer!, args),
  }),
}));

const loadProposal = (ctx: Context, id: string) => ctx.loaders.proposal.load(id);

builder.subscriptionField('proposalChanged', (t) =>
  t.field({
    type: ProposalRef,
    authScopes: { can: 'readWorkspace' },
    description: 'The proposal now, then after every change: a vote cast or changed, its status, its rollouts.',
    args: { id: t.arg.id({ required: true }) },
    subscribe: (_r, args, ctx) => subscribeTo(ctx, 'proposal', pid(args.id), loadProposal),
    resolve: (id, _a, ctx) => readTick(ctx, id, loadProposal),
  }),
);
