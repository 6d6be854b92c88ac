// GraphQL types of the policy register: policies, their versions, each linked to its proposal;
// who has confirmed reading the current version (per region), and the confirmation itself.
import { builder } from '../../graphql/builder.js';
import type { Context } from '../../graphql/context.js';
import { idOf } from '../../graphql/ids.js';
import { must } from '../../graphql/loaders.js';
import { registerNode } from '../../graphql/node.js';
import type { Region, User } from '../people/people.entity.js';
import { CategoryRef, RegionRef, UserRef } from '../people/people.schema.js';
import { ProposalRef } from '../proposals/proposals.schema.js';
import { DecisionRef } from '../proposals/proposals.types.js';
import { Decision, Proposal } from '../proposals/proposals.entity.js';
import { Policy, PolicyVersion, type PolicyAcknowledgement } from './policies.entity.js';
import { tallyByRegion, versionKey, type RegionTally } from './acknowledgements.query.js';
import { mustAcknowledge, policiesPolicy } from './policies.policy.js';
import { acknowledgePolicy } from './policies.service.js';

/** Who confirmed the policy's current version. */
const currentAcknowledgements = (p: Policy, ctx: Context) => ctx.loaders.acknowledgementsByVersion.load(versionKey({ policyId: p.id, version: p.currentVersion }));

const viewerHasAcknowledged = async (p: Policy, ctx: Context) => (await currentAcknowledgements(p, ctx)).some((a) => a.user.id === ctx.viewer?.id);

const PolicyAcknowledgementRef = builder.objectRef<PolicyAcknowledgement>('PolicyAcknowledgement').implement({
  description: 'A person confirmed having read a version of a policy.',
  fields: (t) => ({
    user: t.field({ type: UserRef, resolve: (a, _a, ctx) => must(ctx.loaders.user, a.user.id) }),
    version: t.exposeInt('version'),
    at: t.expose('at', { type: 'DateTime' }),
  }),
});

const PolicyRegionAcknowledgementsRef = builder.objectRef<RegionTally<Region, User>>('PolicyRegionAcknowledgements').implement({
  description: "A region's coordinators and whether each has confirmed the policy's current version.",
  fields: (t) => ({
    region: t.field({ type: RegionRef, resolve: (r) => r.region }),
    acknowledged: t.int({ description: 'How many have confirmed.', resolve: (r) => r.acknowledgedBy.length }),
    total: t.int({ description: 'How many are asked to confirm.', resolve: (r) => r.acknowledgedBy.length + r.missing.length }),
    acknowledgedBy: t.field({ type: [UserRef], description: 'Who has confirmed, by name.', resolve: (r) => r.acknowledgedBy }),
    missing: t.field({ type: [UserRef], description: 'Who has not, by name.', resolve: (r) => r.missing }),
  }),
});

const PolicyVersionRef = builder.objectRef<PolicyVersion>('PolicyVersion').implement({
  fields: (t) => ({
    version: t.exposeInt('version'),
    text: t.exposeString('text', { description: 'Markdown: the policy as adopted in this version.' }),
    previousText: t.exposeString('previousText', { description: 'The text it replaced (the proposal\'s "current policy" for a first version).' }),
    proposal: t.field({ type: ProposalRef, resolve: (v, _a, ctx) => must(ctx.loaders.proposal, v.proposal.id) }),
    decision: t.field({ type: DecisionRef, nullable: true, resolve: (v, _a, ctx) => (v.decision ? ctx.em.findOne(Decision, v.decision.id) : null) }),
    effectiveFrom: t.expose('effectiveFrom', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

export const PolicyRef = builder.node(Policy, {
  name: 'Policy',
  id: { resolve: (p) => p.id },
  loadOne: (id, ctx) => ctx.em.findOne(Policy, id),
  fields: (t) => ({
    title: t.exposeString('title'),
    category: t.field({ type: CategoryRef, nullable: true, resolve: (p, _a, ctx) => (p.category ? ctx.loaders.category.load(p.category.id) : null) }),
    currentVersion: t.exposeInt('currentVersion'),
    current: t.field({
      type: PolicyVersionRef,
      nullable: true,
      resolve: async (p, _a, ctx) => (await ctx.loaders.versionsByPolicy.load(p.id)).find((v) => v.version === p.currentVersion) ?? null,
    }),
    versions: t.field({
      type: [PolicyVersionRef],
      description: 'Newest first.',
      resolve: async (p, _a, ctx) => [...(await ctx.loaders.versionsByPolicy.load(p.id))].sort((a, b) => b.version - a.version),
    }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    acknowledgements: t.field({
      type: [PolicyAcknowledgementRef],
      description: 'Who has confirmed reading the current version, earliest first.',
      resolve: (p, _a, ctx) => currentAcknowledgements(p, ctx),
    }),
    viewerHasAcknowledged: t.boolean({ description: 'The viewer has confirmed reading the current version.', resolve: (p, _a, ctx) => viewerHasAcknowledged(p, ctx) }),
    viewerCanAcknowledge: t.boolean({
      description: 'The viewer may confirm the current version (coordinators of a region).',
      resolve: (p, _a, ctx) => policiesPolicy.can(ctx.viewer, 'acknowledge', { policy: p, version: p.currentVersion }),
    }),
    viewerMustAcknowledge: t.boolean({
      description: 'The current version asks the viewer to confirm, and they have not yet.',
      resolve: async (p, _a, ctx) => !!ctx.viewer && mustAcknowledge(ctx.viewer) && p.currentVersion > 0 && !(await viewerHasAcknowledged(p, ctx)),
    }),
    acknowledgementsByRegion: t.field({
      type: [PolicyRegionAcknowledgementsRef],
      description: 'Per region (by name), who has and who has not confirmed reading the current version; regions without coordinators left out.',
      resolve: async (p, _a, ctx) => {
        const [regions, people, done] = await Promise.all([ctx.loaders.allRegions.load('all'), ctx.loaders.acknowledgers.load('all'), currentAcknowledgements(p, ctx)]);
        return tallyByRegion(regions, people, new Set(done.map((a) => a.user.id)));
      },
    }),
  }),
});

registerNode('Policy', (ctx, id) => ctx.loaders.policy.load(id));

builder.queryField('policies', (t) =>
  t.field({
    type: [PolicyRef],
    description: 'The policy register: every adopted policy, by title.',
    resolve: (_r, _a, ctx) => ctx.em.find(Policy, { currentVersion: { $gt: 0 } }, { orderBy: { title: 'asc' } }),
  }),
);

// Approved changes show in the register at once, with how far their rollout has come; each
// becomes the policy's current version when every region has rolled it out.
builder.queryField('policyChangesRollingOut', (t) =>
  t.field({
    type: [ProposalRef],
    description:
      'Approved changes not in force yet: proposals approved or being rolled out (see `rollouts`), most recently changed first. Each becomes the current version of its policy (`Proposal.policy`, or a new policy) once implemented.',
    resolve: (_r, _a, ctx) => ctx.em.find(Proposal, { status: { $in: ['APPROVED', 'IMPLEMENTING'] } }, { orderBy: { updatedAt: 'desc', id: 'asc' } }),
  }),
);

builder.objectField(ProposalRef, 'policy', (t) =>
  t.field({
    type: PolicyRef,
    nullable: true,
    description: 'The register entry this proposal changes (set when drafted against one, or once implemented).',
    resolve: (p, _a, ctx) => (p.policy ? ctx.em.findOne(Policy, p.policy.id) : null),
  }),
);

builder.mutationField('acknowledgePolicy', (t) =>
  t.field({
    type: PolicyRef,
    description: "Confirms having read the policy's current version (an older version: CONFLICT). Coordinators of a region; repeating it changes nothing.",
    args: { policyId: t.arg.id({ required: true }), version: t.arg.int({ required: true }) },
    resolve: (_r, args, ctx) => acknowledgePolicy(ctx.em, ctx.viewer!, idOf(String(args.policyId), 'Policy'), args.version),
  }),
);
