// The home page's API: `Query.home`, what waits for the signed-in person, section by section.
// A section is null for a person whose roles do not have it (home.policy decides); each is
// computed only when asked for, in a fixed number of statements (entries resolve through the
// request's loaders).
import { OPEN_TO_CONTACTS, builder } from '../../graphql/builder.js';
import type { Context } from '../../graphql/context.js';
import { IssueRef } from '../issues/issues.schema.js';
import type { Issue } from '../issues/issues.entity.js';
import { ActionItemRef, MeetingRef } from '../meetings/meetings.schema.js';
import type { Meeting } from '../meetings/meetings.entity.js';
import { NotificationRef } from '../notifications/notifications.schema.js';
import type { User } from '../people/people.entity.js';
import { ProposalRef } from '../proposals/proposals.schema.js';
import { RegionRef } from '../people/people.schema.js';
import { PolicyRef } from '../policies/policies.schema.js';
import { BEHIND_AFTER_DAYS, policiesToConfirm, regionsBehind, type RegionBehind } from '../policies/acknowledgements.query.js';
import { must } from '../../graphql/loaders.js';
import { outcomesToReport } from '../proposals/outcomes.query.js';
import { RolloutRef } from '../proposals/proposals.types.js';
import { homePolicy } from './home.policy.js';
import { ReferralRef } from '../departments/departments.schema.js';
import { overdueReferrals, referralsToDepartmentsOf } from '../departments/departments.query.js';
import {
  UNMARKED_SHOWN,
  UPDATES_SHOWN,
  agendaState,
  awaitingSubmission,
  byUrgency,
  countImplementing,
  countOpenIssues,
  countOpenVotes,
  decisionQueue,
  implementing,
  nextMeeting,
  openActionItems,
  overdueRollouts,
  regionRolloutsDue,
  unmarkedIssues,
  unreadUpdates,
  votesToCast,
  type AgendaState,
} from './home.query.js';

/** One home page: whose, as of when, and what its sections share (the next meeting). */
interface HomeView {
  viewer: User;
  now: Date;
  nextMeeting?: Promise<Meeting | null>;
}

/** The next meeting, read once per home page however many sections show it. */
const next = (home: HomeView, ctx: Context) => (home.nextMeeting ??= nextMeeting(ctx.em));

const AgendaStateEnum = builder.enumType('AgendaState', {
  description: 'Where a meeting\'s agenda stands.',
  values: {
    NOT_GENERATED: { description: 'No agenda yet.' },
    NOT_PUBLISHED: { description: 'A draft agenda, not sent to attendees.' },
    CHANGED_SINCE_PUBLISHED: { description: 'Published, then changed: attendees have an older copy (see `Meeting.changesSincePublication`).' },
    PUBLISHED: { description: 'Attendees have the agenda as it stands.' },
  } satisfies Record<AgendaState, unknown>,
});

const HomeMeetingRef = builder.objectRef<{ meeting: Meeting; agendaState: AgendaState }>('HomeMeeting').implement({
  description: 'The next meeting and where its agenda stands.',
  fields: (t) => ({
    meeting: t.field({ type: MeetingRef, resolve: (m) => m.meeting }),
    agendaState: t.field({ type: AgendaStateEnum, resolve: (m) => m.agendaState }),
  }),
});

const HomeIssuesRef = builder.objectRef<{ totalCount: number; nodes: Issue[] }>('HomeIssues').implement({
  description: `Open issues the viewer's region has not marked: how many, and the ${UNMARKED_SHOWN} newest.`,
  fields: (t) => ({
    totalCount: t.exposeInt('totalCount'),
    nodes: t.field({ type: [IssueRef], resolve: (c) => c.nodes }),
  }),
});

const HomeSummaryRef = builder.objectRef<HomeView>('HomeSummary').implement({
  description: 'What is happening in the council, for a home where nothing waits for the viewer.',
  fields: (t) => ({
    openVoteCount: t.int({ description: 'Proposals in VOTING.', resolve: (_h, _a, ctx) => countOpenVotes(ctx.em) }),
    openIssueCount: t.int({ description: 'Issues OPEN, UNDER_DISCUSSION or PROPOSED.', resolve: (_h, _a, ctx) => countOpenIssues(ctx.em) }),
    implementingCount: t.int({ description: 'Changes being rolled out (IMPLEMENTING).', resolve: (_h, _a, ctx) => countImplementing(ctx.em) }),
    nextMeeting: t.field({ type: MeetingRef, nullable: true, description: 'The next meeting not closed.', resolve: (h, _a, ctx) => next(h, ctx) }),
    nextMeetingAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the next meeting starts.',
      resolve: async (h, _a, ctx) => (await next(h, ctx))?.startsAt ?? null,
    }),
  }),
});

const RegionBehindRef = builder.objectRef<RegionBehind>('RegionBehindOnPolicies').implement({
  description: `A region whose coordinators have not all confirmed policy versions adopted more than ${BEHIND_AFTER_DAYS} days ago.`,
  fields: (t) => ({
    region: t.field({ type: RegionRef, resolve: (r, _a, ctx) => must(ctx.loaders.region, r.regionId) }),
    missing: t.exposeInt('missing', { description: 'Confirmations missing (a person and a policy each).' }),
    people: t.exposeInt('people', { description: 'Coordinators of the region with a confirmation missing.' }),
    policies: t.exposeInt('policies', { description: 'Policies with a confirmation missing in the region.' }),
  }),
});

const list = { list: true, items: false } as const;

const HomeRef = builder.objectRef<HomeView>('Home').implement({
  description: 'What waits for the signed-in person. A section their roles do not have is null.',
  fields: (t) => ({
    votesToCast: t.field({
      type: [ProposalRef],
      nullable: list,
      description: 'Eligible voters: VOTING proposals they have not voted on, soonest deadline first.',
      resolve: (h, _a, ctx) => (homePolicy.can(h.viewer, 'castVotes') ? votesToCast(ctx.em, h.viewer, h.now) : null),
    }),
    myRegionRollouts: t.field({
      type: [RolloutRef],
      nullable: list,
      description: "The viewer's region's rollouts not done that are overdue or due within 7 days, soonest due first.",
      resolve: (h, _a, ctx) => (homePolicy.can(h.viewer, 'followRegion') ? regionRolloutsDue(ctx.em, h.viewer.region!.id, h.now) : null),
    }),
    unmarkedIssues: t.field({
      type: HomeIssuesRef,
      nullable: true,
      description: "Open issues (OPEN, UNDER_DISCUSSION) the viewer's region has not marked, newest first.",
      resolve: async (h, _a, ctx) => {
        if (!homePolicy.can(h.viewer, 'followRegion')) return null;
        const page = await unmarkedIssues(ctx.em, h.viewer.region!.id);
        return { totalCount: page.totalCount, nodes: page.issues };
      },
    }),
    updates: t.field({
      type: [NotificationRef],
      description: `The viewer's unread updates (replies, mentions, decisions, requested changes, closed votes, proposals on their issues), newest first, at most ${UPDATES_SHOWN}.`,
      resolve: (h, _a, ctx) => unreadUpdates(ctx.em, h.viewer),
    }),
    myActionItems: t.field({
      type: [ActionItemRef],
      description: "The viewer's open action items, due soonest first, those without a date last.",
      resolve: (h, _a, ctx) => openActionItems(ctx.em, h.viewer),
    }),
    nextMeeting: t.field({
      type: HomeMeetingRef,
      nullable: true,
      description: 'Facilitators: the next meeting and its agenda\'s state; null for others, or when no meeting is planned.',
      resolve: async (h, _a, ctx) => {
        if (!homePolicy.can(h.viewer, 'facilitate')) return null;
        const meeting = await next(h, ctx);
        return meeting ? { meeting, agendaState: agendaState(meeting, await ctx.loaders.agendaByMeeting.load(meeting.id)) } : null;
      },
    }),
    policiesToConfirm: t.field({
      type: [PolicyRef],
      nullable: list,
      description: 'Coordinators: policies whose current version they have not confirmed reading, most recently changed first.',
      resolve: (h, _a, ctx) => (homePolicy.can(h.viewer, 'confirmPolicies') ? policiesToConfirm(ctx.em, h.viewer) : null),
    }),
    outcomesToReport: t.field({
      type: [ProposalRef],
      nullable: list,
      description: "Coordinators: implemented changes whose outcome is due and their region has not reported, longest due first.",
      resolve: (h, _a, ctx) => (homePolicy.can(h.viewer, 'reportOutcomes') ? outcomesToReport(ctx.em, h.viewer.region!.id, h.now) : null),
    }),
    regionsBehind: t.field({
      type: [RegionBehindRef],
      nullable: list,
      description: `Facilitators: regions with confirmations missing on policy versions adopted more than ${BEHIND_AFTER_DAYS} days ago, most missing first.`,
      resolve: (h, _a, ctx) => (homePolicy.can(h.viewer, 'facilitate') ? regionsBehind(ctx.em, h.now) : null),
    }),
    awaitingSubmission: t.field({
      type: [ProposalRef],
      nullable: list,
      description: 'Facilitators: PASSED proposals that still need submitting to management, longest waiting first.',
      resolve: (h, _a, ctx) => (homePolicy.can(h.viewer, 'facilitate') ? awaitingSubmission(ctx.em, h.viewer) : null),
    }),
    overdueRollouts: t.field({
      type: [RolloutRef],
      nullable: list,
      description: 'Facilitators: rollouts of every region past their due date, longest overdue first.',
      resolve: (h, _a, ctx) => (homePolicy.can(h.viewer, 'facilitate') ? overdueRollouts(ctx.em, h.now) : null),
    }),
    decisionQueue: t.field({
      type: [ProposalRef],
      nullable: list,
      description: 'Executives: proposals awaiting a decision, oldest submission first.',
      resolve: (h, _a, ctx) => (homePolicy.can(h.viewer, 'decide') ? decisionQueue(ctx.em) : null),
    }),
    rollingOut: t.field({
      type: [ProposalRef],
      nullable: list,
      description: 'Executives: changes being rolled out (see `rollouts`, each with `overdue`); those with an overdue region first.',
      resolve: async (h, _a, ctx) => {
        if (!homePolicy.can(h.viewer, 'decide')) return null;
        const proposals = await implementing(ctx.em);
        const rollouts = await Promise.all(proposals.map((p) => ctx.loaders.rolloutsByProposal.load(p.id)));
        return byUrgency(proposals, rollouts, h.now);
      },
    }),
    referralsToAnswer: t.field({
      type: [ReferralRef],
      nullable: list,
      description: "Department contacts: their departments' questions not answered yet (overdue first, soonest due first), then those answered and not closed.",
      resolve: (h, _a, ctx) => (homePolicy.can(h.viewer, 'answerReferrals') ? referralsToDepartmentsOf(ctx.em, h.viewer.id, ['OPEN', 'ANSWERED']) : null),
    }),
    overdueReferrals: t.field({
      type: [ReferralRef],
      nullable: list,
      description: 'Facilitators: questions to other departments still unanswered past their due date, longest overdue first.',
      resolve: (h, _a, ctx) => (homePolicy.can(h.viewer, 'chaseReferrals') ? overdueReferrals(ctx.em, h.now) : null),
    }),
    summary: t.field({ type: HomeSummaryRef, resolve: (h) => h }),
  }),
});

builder.queryField('home', (t) =>
  t.field({
    ...OPEN_TO_CONTACTS,
    type: HomeRef,
    description: 'What waits for the signed-in person: the home page, section by section.',
    resolve: (_r, _a, ctx) => ({ viewer: ctx.viewer!, now: new Date() }),
  }),
);
