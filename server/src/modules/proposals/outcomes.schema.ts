// GraphQL of outcomes checked: each region's report on an implemented change (BETTER, SAME,
// WORSE, with optional figures), when the regions are asked, whether poor outcomes reopened the
// issue, and the viewer's own report; `reportOutcome`.
import { OUTCOME_VERDICTS } from '@council/shared';
import { builder } from '../../graphql/builder.js';
import { idOf } from '../../graphql/ids.js';
import { must } from '../../graphql/loaders.js';
import { registerNode } from '../../graphql/node.js';
import { RegionRef, UserRef } from '../people/people.schema.js';
import { OutcomeReport } from './proposals.entity.js';
import { proposalPolicy } from './proposals.policy.js';
import { ProposalRef } from './proposals.schema.js';
import { currentOutcomeDelay, reportOutcome, setOutcomeDelay } from './outcomes.service.js';

export const OutcomeVerdictEnum = builder.enumType('OutcomeVerdict', {
  description: 'Did the implemented change solve the problem in the region?',
  values: OUTCOME_VERDICTS,
});

export const OutcomeReportRef = builder.node(OutcomeReport, {
  name: 'OutcomeReport',
  id: { resolve: (o) => o.id },
  loadOne: (id, ctx) => ctx.em.findOne(OutcomeReport, id),
  fields: (t) => ({
    region: t.field({ type: RegionRef, resolve: (o, _a, ctx) => must(ctx.loaders.region, o.region.id) }),
    verdict: t.field({ type: OutcomeVerdictEnum, resolve: (o) => o.verdict }),
    note: t.exposeString('note', { nullable: true, description: 'Optional figures, e.g. complaints a week before and after.' }),
    reportedBy: t.field({ type: UserRef, resolve: (o, _a, ctx) => must(ctx.loaders.user, o.reportedBy.id) }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    proposal: t.field({ type: ProposalRef, resolve: (o, _a, ctx) => must(ctx.loaders.proposal, o.proposal.id) }),
  }),
});

registerNode('OutcomeReport', (ctx, id) => ctx.em.findOne(OutcomeReport, id));

builder.objectFields(ProposalRef, (t) => ({
  outcomeDueOn: t.expose('outcomeDueOn', {
    type: 'DateTime',
    nullable: true,
    description: 'When the regions are asked whether the implemented change solved the problem.',
  }),
  outcomeReports: t.field({
    type: [OutcomeReportRef],
    description: "Each region's latest report on the outcome, earliest first.",
    resolve: (p, _a, ctx) => ctx.loaders.outcomeReportsByProposal.load(p.id),
  }),
  outcomeReopenedIssue: t.boolean({
    description: 'Poor outcomes (SAME or WORSE) from two or more regions reopened the issue for discussion.',
    resolve: (p) => !!p.outcomeReopenedAt,
  }),
  viewerCanReportOutcome: t.boolean({
    description: "The viewer may report their region's outcome now (a coordinator of the region, the outcome due).",
    resolve: (p, _a, ctx) => !!ctx.viewer?.region && proposalPolicy.can(ctx.viewer, 'reportOutcome', { proposal: p, regionId: ctx.viewer.region.id, now: new Date() }),
  }),
  viewerOutcomeReport: t.field({
    type: OutcomeReportRef,
    nullable: true,
    description: "The viewer's region's report, if any.",
    resolve: async (p, _a, ctx) => (ctx.viewer?.region ? (await ctx.loaders.outcomeReportsByProposal.load(p.id)).find((o) => o.region.id === ctx.viewer!.region!.id) ?? null : null),
  }),
}));

builder.queryField('outcomeDelayDays', (t) =>
  t.int({
    description: 'Days after a change is implemented when the regions are asked whether it solved the problem (default 30).',
    resolve: (_r, _a, ctx) => currentOutcomeDelay(ctx.em),
  }),
);

builder.mutationField('setOutcomeDelay', (t) =>
  t.int({
    authScopes: { can: 'setOutcomeDelay' },
    description: 'Admins: days after implementation when the regions are asked about the outcome (1 to 365). Changes already implemented keep their date. Returns the value in force.',
    args: { days: t.arg.int({ required: true }) },
    resolve: (_r, args, ctx) => setOutcomeDelay(ctx.em, ctx.viewer!, args.days),
  }),
);

builder.mutationField('reportOutcome', (t) =>
  t.field({
    type: ProposalRef,
    description: "A coordinator reports their region's outcome of an implemented change once it is due; a later report replaces the region's earlier one.",
    args: {
      proposalId: t.arg.id({ required: true }),
      regionId: t.arg.id({ required: true }),
      verdict: t.arg({ type: OutcomeVerdictEnum, required: true }),
      note: t.arg.string(),
    },
    resolve: (_r, args, ctx) =>
      reportOutcome(ctx.em, ctx.viewer!, {
        proposalId: idOf(String(args.proposalId), 'Proposal'),
        regionId: idOf(String(args.regionId), 'Region'),
        verdict: args.verdict,
        note: args.note,
      }),
  }),
);
