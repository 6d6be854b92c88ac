// GraphQL of the case brief: `Proposal.brief` (the one page an executive reads before deciding,
// assembled by brief.query.ts through the request's loader) and `Proposal.viewerCanReadBrief`.
// Who may read it is proposals.policy's 'readBrief'.
import { builder } from '../../graphql/builder.js';
import { permission, PermissionRef } from '../../graphql/permission.js';
import { IssueRef } from '../issues/issues.schema.js';
import { RegionRef } from '../people/people.schema.js';
import { BRIEF_REASONS, DISCUSSION_POINTS, type BriefNote, type BriefPoint, type BriefReason, type BriefReferral, type BriefRegion, type CaseBrief } from './brief.query.js';
import { proposalPolicy } from './proposals.policy.js';
import { ProposalRef } from './proposals.schema.js';
import { VoteChoiceEnum, VoteTallyRef } from './proposals.types.js';

const BriefNoteRef = builder.objectRef<BriefNote>('CaseBriefNote').implement({
  description: "A supporter's note on the issue: their region's evidence.",
  fields: (t) => ({ author: t.exposeString('author'), note: t.exposeString('note') }),
});

const BriefRegionRef = builder.objectRef<BriefRegion>('CaseBriefRegion').implement({
  description: 'A region affected by the issue: where it was raised, or where coordinators support it.',
  fields: (t) => ({
    region: t.field({ type: RegionRef, resolve: (r) => r.region }),
    origin: t.exposeBoolean('origin', { description: 'The issue was raised in this region.' }),
    supporters: t.exposeInt('supporters'),
    evidence: t.field({ type: [BriefNoteRef], resolve: (r) => r.notes }),
  }),
});

const BriefReasonRef = builder.objectRef<BriefReason>('CaseBriefReason').implement({
  fields: (t) => ({
    choice: t.field({ type: VoteChoiceEnum, resolve: (r) => r.choice }),
    reason: t.exposeString('reason'),
    voter: t.exposeString('voter'),
    region: t.field({ type: RegionRef, resolve: (r) => r.region }),
    castAt: t.expose('castAt', { type: 'DateTime' }),
  }),
});

const BriefPointSubjectEnum = builder.enumType('CaseBriefPointSubject', { values: ['ISSUE', 'PROPOSAL'] as const });

const BriefPointRef = builder.objectRef<BriefPoint>('CaseBriefPoint').implement({
  description: 'A key discussion point: an excerpt of a comment.',
  fields: (t) => ({
    author: t.exposeString('author'),
    region: t.field({ type: RegionRef, nullable: true, resolve: (p) => p.region }),
    on: t.field({ type: BriefPointSubjectEnum, resolve: (p) => p.on }),
    excerpt: t.exposeString('excerpt'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const BriefReferralRef = builder.objectRef<BriefReferral>('CaseBriefReferral').implement({
  description: "Another department's answer to a question on the issue.",
  fields: (t) => ({
    department: t.exposeString('department'),
    question: t.exposeString('question'),
    answer: t.exposeString('answer'),
    answeredBy: t.exposeString('answeredBy', { nullable: true }),
    answeredAt: t.expose('answeredAt', { type: 'DateTime', nullable: true }),
  }),
});

const CaseBriefRef = builder.objectRef<CaseBrief>('CaseBrief').implement({
  description:
    'The one-page case for management: the problem, the regions affected with their evidence, the vote with its reasons, key discussion points, the answers of other departments, the change and its expected impact.',
  fields: (t) => ({
    problem: t.field({ type: IssueRef, description: 'The issue: title, description, evidence.', resolve: (b) => b.issue }),
    regions: t.field({ type: [BriefRegionRef], description: 'The origin region first, then by supporters.', resolve: (b) => b.regions }),
    totalRegions: t.exposeInt('totalRegions'),
    tally: t.field({ type: VoteTallyRef, resolve: (b) => b.tally }),
    reasons: t.field({ type: [BriefReasonRef], description: `The reasons voters gave, newest first (at most ${BRIEF_REASONS}).`, resolve: (b) => b.reasons }),
    reasonCount: t.exposeInt('reasonCount', { description: 'How many votes came with a reason.' }),
    discussion: t.field({
      type: [BriefPointRef],
      description: `The latest comment from each region on the issue or the proposal, most recent first (at most ${DISCUSSION_POINTS}).`,
      resolve: (b) => b.discussion,
    }),
    discussionLimit: t.int({ resolve: () => DISCUSSION_POINTS }),
    referrals: t.field({ type: [BriefReferralRef], description: "Other departments' answers on the issue, oldest first.", resolve: (b) => b.referrals }),
    markdownUrl: t.string({
      description: 'The Markdown download (cookie-authenticated GET).',
      resolve: (b) => `/export/proposals/${encodeURIComponent(Buffer.from(`Proposal:${b.proposal.id}`).toString('base64'))}/brief.md`,
    }),
  }),
});

builder.objectFields(ProposalRef, (t) => ({
  brief: t.field({
    type: CaseBriefRef,
    nullable: true,
    description: 'The case brief, for whoever may read it (`viewerCanReadBrief`); FORBIDDEN for others.',
    resolve: async (p, _a, ctx) => {
      proposalPolicy.authorize(ctx.viewer, 'readBrief', p);
      return ctx.loaders.caseBrief.load(p.id);
    },
  }),
  viewerCanReadBrief: t.field({
    type: PermissionRef,
    description: 'Whether the viewer may read the case brief, and why not.',
    resolve: (p, _a, ctx) => permission(proposalPolicy.refusal(ctx.viewer, 'readBrief', p)),
  }),
}));
