// GraphQL value types of proposals: votes, the tally, decisions, rollouts, history, revisions,
// and the lifecycle enums. Resolved through per-request loaders.
import { DECISION_OUTCOMES, PROPOSAL_STATUSES, ROLLOUT_STATUSES, VOTE_CHOICES, tally } from '@council/shared';
import { builder } from '../../graphql/builder.js';
import { must } from '../../graphql/loaders.js';
import { AuditEvent } from '../audit/audit.entity.js';
import { RegionRef, UserRef } from '../people/people.schema.js';
import type { Region } from '../people/people.entity.js';
import { Decision, ProposalRevision, Rollout, Vote } from './proposals.entity.js';
import { proposalPolicy } from './proposals.policy.js';
import { historyCursor } from './history.query.js';

export const ProposalStatusEnum = builder.enumType('ProposalStatus', { values: PROPOSAL_STATUSES });
export const VoteChoiceEnum = builder.enumType('VoteChoice', { values: VOTE_CHOICES });
export const DecisionOutcomeEnum = builder.enumType('DecisionOutcome', { values: DECISION_OUTCOMES });
export const RolloutStatusEnum = builder.enumType('RolloutStatus', { values: ROLLOUT_STATUSES });
export const VoteRef = builder.objectRef<Vote>('Vote').implement({
  fields: (t) => ({
    choice: t.field({ type: VoteChoiceEnum, resolve: (v) => v.choice }),
    reason: t.exposeString('reason', { nullable: true }),
    voter: t.field({ type: UserRef, resolve: (v, _a, ctx) => must(ctx.loaders.user, v.voter.id) }),
    region: t.field({ type: RegionRef, resolve: (v, _a, ctx) => must(ctx.loaders.region, v.region.id) }),
    castAt: t.expose('castAt', { type: 'DateTime' }),
  }),
});

interface RegionTallyShape {
  region: Region;
  for: number;
  against: number;
  abstain: number;
}

export const RegionTallyRef = builder.objectRef<RegionTallyShape>('RegionTally').implement({
  fields: (t) => ({
    region: t.field({ type: RegionRef, resolve: (r) => r.region }),
    for: t.exposeInt('for'),
    against: t.exposeInt('against'),
    abstain: t.exposeInt('abstain'),
  }),
});

export type TallyShape = ReturnType<typeof tally> & { quorum: number; threshold: number; regions: Region[] };

export const VoteTallyRef = builder.objectRef<TallyShape>('VoteTally').implement({
  description: 'Votes so far (or final, once closed), under the proposal\'s voting rule.',
  fields: (t) => ({
    for: t.exposeInt('for'),
    against: t.exposeInt('against'),
    abstain: t.exposeInt('abstain'),
    eligibleVoters: t.exposeInt('eligibleVoters'),
    regionsVoted: t.exposeInt('regionsVoted'),
    totalRegions: t.exposeInt('totalRegions'),
    quorumReached: t.exposeBoolean('quorumReached'),
    passing: t.exposeBoolean('passing'),
    forShare: t.exposeFloat('forShare', { description: 'FOR / (FOR + AGAINST), 0 when nobody took a side.' }),
    quorum: t.exposeFloat('quorum', { description: 'Share of regions that must vote (copied when voting opened; the installation default before).' }),
    threshold: t.exposeFloat('threshold', { description: 'Share of FOR among FOR + AGAINST that must be exceeded.' }),
    byRegion: t.field({
      type: [RegionTallyRef],
      resolve: (tl) => {
        const byId = new Map(tl.regions.map((r) => [r.id, r]));
        return tl.byRegion.filter((r) => byId.has(r.regionId)).map((r) => ({ ...r, region: byId.get(r.regionId)! }));
      },
    }),
  }),
});

export const DecisionRef = builder.objectRef<Decision>('Decision').implement({
  fields: (t) => ({
    outcome: t.field({ type: DecisionOutcomeEnum, resolve: (d) => d.outcome }),
    rationale: t.exposeString('rationale'),
    conditions: t.exposeString('conditions', { nullable: true }),
    decidedBy: t.field({ type: UserRef, resolve: (d, _a, ctx) => must(ctx.loaders.user, d.decidedBy.id) }),
    decidedAt: t.expose('decidedAt', { type: 'DateTime' }),
    effectiveFrom: t.expose('effectiveFrom', { type: 'DateTime', nullable: true }),
  }),
});

export const RolloutRef = builder.objectRef<Rollout>('Rollout').implement({
  fields: (t) => ({
    region: t.field({ type: RegionRef, resolve: (r, _a, ctx) => must(ctx.loaders.region, r.region.id) }),
    status: t.field({ type: RolloutStatusEnum, resolve: (r) => r.status }),
    note: t.exposeString('note', { nullable: true }),
    dueOn: t.expose('dueOn', { type: 'DateTime', nullable: true }),
    overdue: t.boolean({ resolve: (r) => r.status !== 'DONE' && !!r.dueOn && r.dueOn.getTime() < Date.now() }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    updatedBy: t.field({ type: UserRef, nullable: true, resolve: (r, _a, ctx) => (r.updatedBy ? ctx.loaders.user.load(r.updatedBy.id) : null) }),
    viewerCanUpdate: t.boolean({
      resolve: async (r, _a, ctx) =>
        proposalPolicy.can(ctx.viewer, 'updateRollout', { proposal: await must(ctx.loaders.proposal, r.proposal.id), regionId: r.region.id }),
    }),
  }),
});

/** The status an event moved its subject from or to; rollout updates carry a region's status, not the subject's. */
function statusOf(e: AuditEvent, side: 'before' | 'after'): string | null {
  const value = e[side]?.status;
  return typeof value === 'string' && !e.action.startsWith('rollout.') ? value : null;
}

export const AuditEventRef = builder.objectRef<AuditEvent>('AuditEvent').implement({
  fields: (t) => ({
    action: t.exposeString('action', { description: 'What happened, e.g. proposal.voting, vote.cast, decision.made.' }),
    actor: t.field({ type: UserRef, nullable: true, resolve: (e, _a, ctx) => (e.actor ? ctx.loaders.user.load(e.actor.id) : null) }),
    at: t.expose('at', { type: 'DateTime' }),
    cursor: t.string({ description: 'Pass as `Proposal.history(after:)` to see the events before this one.', resolve: (e) => historyCursor(e) }),
    fromStatus: t.string({ nullable: true, description: 'For a change of the subject\'s status: the status before.', resolve: (e) => statusOf(e, 'before') }),
    toStatus: t.string({ nullable: true, description: 'For a change of the subject\'s status: the status after.', resolve: (e) => statusOf(e, 'after') }),
    region: t.field({
      type: RegionRef,
      nullable: true,
      description: 'The region a rollout update was for.',
      resolve: (e, _a, ctx) => (typeof e.after?.region === 'string' ? ctx.loaders.region.load(e.after.region) : null),
    }),
    note: t.string({
      nullable: true,
      description: 'The rationale of a decision, or the choice of a vote.',
      resolve: (e) => (typeof e.after?.rationale === 'string' ? e.after.rationale : typeof e.after?.choice === 'string' ? e.after.choice : null),
    }),
  }),
});

export const RevisionRef = builder.objectRef<ProposalRevision>('ProposalRevision').implement({
  fields: (t) => ({
    version: t.exposeInt('version'),
    title: t.exposeString('title'),
    currentPolicy: t.exposeString('currentPolicy'),
    proposedPolicy: t.exposeString('proposedPolicy'),
    rationale: t.exposeString('rationale'),
    expectedImpact: t.exposeString('expectedImpact', { nullable: true }),
    requiresApproval: t.exposeBoolean('requiresApproval'),
    author: t.field({ type: UserRef, resolve: (r, _a, ctx) => must(ctx.loaders.user, r.author.id) }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});
