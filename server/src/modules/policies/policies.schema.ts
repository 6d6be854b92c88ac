// GraphQL types of the policy register: policies, their versions, each linked to its proposal.
import { builder } from '../../graphql/builder.js';
import { must } from '../../graphql/loaders.js';
import { registerNode } from '../../graphql/node.js';
import { CategoryRef } from '../people/people.schema.js';
import { ProposalRef } from '../proposals/proposals.schema.js';
import { DecisionRef } from '../proposals/proposals.types.js';
import { Decision, Proposal } from '../proposals/proposals.entity.js';
import { Policy, PolicyVersion } from './policies.entity.js';

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
