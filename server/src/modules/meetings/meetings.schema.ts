// GraphQL types and fields of meetings: agenda (with reasons in the viewer's language), editing,
// running the meeting and action items. Thin: each field calls the service.
import { AGENDA_ITEM_KINDS, MEETING_STATUSES, type AgendaItemKind } from '@council/shared';
import { translator } from '@council/shared/i18n';
import { localize, zoneOf } from '../../localize.js';
import { subjectOf } from '../../graphql/subject.js';
import { builder } from '../../graphql/builder.js';
import type { Context } from '../../graphql/context.js';
import { idOf, optionalIdOf } from '../../graphql/ids.js';
import { must } from '../../graphql/loaders.js';
import { registerNode } from '../../graphql/node.js';
import { readTick, subscribeTo } from '../../graphql/live.js';
import { UserRef } from '../people/people.schema.js';
import { proposalTally } from '../proposals/proposals.schema.js';
import { closedVoteOf, itemReason, resultOf, type VoteResult } from './closed-votes.js';
import { ActionItem, AgendaItem, Meeting } from './meetings.entity.js';
import { meetingPolicy } from './meetings.policy.js';
import {
  addAgendaItem,
  currentTimeboxes,
  generateMeetingAgenda,
  moveAgendaItem,
  publishAgenda,
  removeAgendaItem,
  scheduleAgendaItem,
  setTimeboxes,
  unscheduleAgendaItem,
  updateAgendaItem,
} from './agenda.service.js';
import {
  cancelMeeting,
  closeMeeting,
  createActionItem,
  reopenMeeting,
  scheduleMeeting,
  setCurrentItem,
  startMeeting,
  updateActionItem,
} from './meetings.service.js';

const MeetingStatusEnum = builder.enumType('MeetingStatus', { values: MEETING_STATUSES });
const AgendaItemKindEnum = builder.enumType('AgendaItemKind', { values: AGENDA_ITEM_KINDS });
const ActionItemStatusEnum = builder.enumType('ActionItemStatus', { values: ['OPEN', 'DONE'] as const });
const AgendaChangeKindEnum = builder.enumType('AgendaChangeKind', { values: ['ADDED', 'REMOVED', 'MOVED', 'CHANGED'] as const });

/** The result of the vote an item reports as closed before the meeting, once it has closed. */
async function closedVoteResult(i: AgendaItem, ctx: Context): Promise<VoteResult | null> {
  const id = closedVoteOf(i);
  const proposal = id ? await ctx.loaders.proposal.load(id) : null;
  return proposal?.votingClosedAt ? resultOf(proposal, await proposalTally(proposal, ctx)) : null;
}

const itemTitle = (i: { title: string; titleKey?: string | null }, ctx: Context) => (i.titleKey ? translator(ctx.locale)(i.titleKey) : i.title);

const AgendaItemRef = builder.objectRef<AgendaItem>('AgendaItem').implement({
  fields: (t) => ({
    id: t.id({ resolve: (i) => Buffer.from(`AgendaItem:${i.id}`).toString('base64') }),
    position: t.exposeInt('position'),
    kind: t.field({ type: AgendaItemKindEnum, resolve: (i) => i.kind }),
    title: t.string({ resolve: (i, _a, ctx) => itemTitle(i, ctx) }),
    minutes: t.exposeInt('minutes'),
    reason: t.string({
      description: 'Why the item is on the agenda, in the viewer\'s language; a vote closed before the meeting reads with its result.',
      resolve: async (i, _a, ctx) => {
        const { key, params } = itemReason(i, await closedVoteResult(i, ctx));
        return localize(ctx.locale, key, params, await zoneOf(ctx));
      },
    }),
    reasonKey: t.exposeString('reasonKey'),
    subject: t.field({
      type: builder.nodeInterfaceRef(),
      nullable: true,
      resolve: (i, _a, ctx) => subjectOf(i.subjectType, i.subjectId, ctx) as never,
    }),
    scheduled: t.exposeBoolean('scheduled', { description: 'On the agenda (true) or among the candidates that did not fit.' }),
    done: t.exposeBoolean('done'),
    notes: t.exposeString('notes', { nullable: true }),
    outcome: t.exposeString('outcome', { nullable: true }),
    startedAt: t.expose('startedAt', { type: 'DateTime', nullable: true }),
  }),
});

export const ActionItemRef = builder.objectRef<ActionItem>('ActionItem').implement({
  fields: (t) => ({
    id: t.id({ resolve: (a) => Buffer.from(`ActionItem:${a.id}`).toString('base64') }),
    title: t.exposeString('title'),
    owner: t.field({ type: UserRef, resolve: (a, _x, ctx) => must(ctx.loaders.user, a.owner.id) }),
    dueOn: t.expose('dueOn', { type: 'DateTime', nullable: true }),
    status: t.field({ type: ActionItemStatusEnum, resolve: (a) => a.status }),
    agendaItemTitle: t.string({
      nullable: true,
      description: 'The agenda item it came up under; null as long as the viewer may not read the agenda.',
      resolve: async (a, _x, ctx) => {
        if (!a.agendaItem) return null;
        const items = await agendaOf(await must(ctx.loaders.meeting, a.meeting.id), ctx);
        const item = items.find((i) => i.id === a.agendaItem!.id);
        return item ? itemTitle(item, ctx) : null;
      },
    }),
    viewerCanSetStatus: t.boolean({
      description: 'Whether the viewer may mark it done or open (its owner and facilitators).',
      resolve: (a, _x, ctx) => meetingPolicy.can(ctx.viewer, 'setActionItemStatus', a),
    }),
    meeting: t.field({ type: MeetingRef, resolve: (a, _x, ctx) => must(ctx.loaders.meeting, a.meeting.id) }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

interface AgendaChange {
  kind: 'ADDED' | 'REMOVED' | 'MOVED' | 'CHANGED';
  title: string;
  detail: string | null;
}

const AgendaChangeRef = builder.objectRef<AgendaChange>('AgendaChange').implement({
  fields: (t) => ({
    kind: t.field({ type: AgendaChangeKindEnum, resolve: (c) => c.kind }),
    title: t.exposeString('title'),
    detail: t.exposeString('detail', { nullable: true }),
  }),
});

export const MeetingRef = builder.node(Meeting, {
  name: 'Meeting',
  id: { resolve: (m) => m.id },
  loadMany: (ids, ctx) => ids.map((id) => ctx.loaders.meeting.load(id)),
});

/** Every item of the meeting's agenda and candidates, or none when the viewer may not read them: the one way to agenda content. */
async function agendaOf(m: Meeting, ctx: Context): Promise<AgendaItem[]> {
  return meetingPolicy.can(ctx.viewer, 'readAgenda', m) ? ctx.loaders.agendaByMeeting.load(m.id) : [];
}

const scheduled = async (m: Meeting, ctx: Context, on: boolean) => (await agendaOf(m, ctx)).filter((i) => i.scheduled === on);

/** The viewer's region's time zone, for dates inside reasons and notifications. */

builder.objectFields(MeetingRef, (t) => ({
  title: t.exposeString('title'),
  startsAt: t.expose('startsAt', { type: 'DateTime' }),
  durationMinutes: t.exposeInt('durationMinutes'),
  facilitator: t.field({ type: UserRef, resolve: (m, _a, ctx) => must(ctx.loaders.user, m.facilitator.id) }),
  status: t.field({ type: MeetingStatusEnum, resolve: (m) => m.status }),
  agenda: t.field({ type: [AgendaItemRef], description: 'The agenda, in order.', resolve: (m, _a, ctx) => scheduled(m, ctx, true) }),
  unscheduled: t.field({ type: [AgendaItemRef], description: 'Candidates that did not fit, in priority order.', resolve: (m, _a, ctx) => scheduled(m, ctx, false) }),
  plannedMinutes: t.int({ resolve: async (m, _a, ctx) => (await scheduled(m, ctx, true)).reduce((s, i) => s + i.minutes, 0) }),
  agendaGeneratedAt: t.expose('agendaGeneratedAt', { type: 'DateTime', nullable: true }),
  agendaPublishedAt: t.expose('agendaPublishedAt', { type: 'DateTime', nullable: true }),
  changesSincePublication: t.field({
    type: [AgendaChangeRef],
    description: 'How the agenda differs from the copy attendees were sent.',
    resolve: async (m, _a, ctx) => {
      if (!m.publishedAgenda) return [];
      const now = await scheduled(m, ctx, true);
      const was = new Map(m.publishedAgenda.map((p) => [p.id, p]));
      const changes: AgendaChange[] = [];
      for (const item of now) {
        const before = was.get(item.id);
        const title = itemTitle(item, ctx);
        if (!before) changes.push({ kind: 'ADDED', title, detail: null });
        else {
          if (before.position !== item.position) changes.push({ kind: 'MOVED', title, detail: `${before.position + 1} → ${item.position + 1}` });
          if (before.minutes !== item.minutes || before.title !== item.title) {
            const minutes = (n: number) => translator(ctx.locale)('meetings.export.minutes', { minutes: n });
            changes.push({ kind: 'CHANGED', title, detail: before.minutes !== item.minutes ? `${minutes(before.minutes)} → ${minutes(item.minutes)}` : before.title });
          }
        }
      }
      const present = new Set(now.map((i) => i.id));
      for (const p of m.publishedAgenda) if (!present.has(p.id)) changes.push({ kind: 'REMOVED', title: itemTitle(p, ctx), detail: null });
      return changes;
    },
  }),
  currentItem: t.field({
    type: AgendaItemRef,
    nullable: true,
    resolve: async (m, _a, ctx) => (m.currentItemId ? ((await scheduled(m, ctx, true)).find((i) => i.id === m.currentItemId) ?? null) : null),
  }),
  actionItems: t.field({ type: [ActionItemRef], resolve: (m, _a, ctx) => ctx.loaders.actionItemsByMeeting.load(m.id) }),
  previousMeeting: t.field({
    type: MeetingRef,
    nullable: true,
    resolve: async (m, _a, ctx) => (await ctx.loaders.closedMeetings.load('all')).find((p) => p.startsAt < m.startsAt && p.id !== m.id) ?? null,
  }),
  startedAt: t.expose('startedAt', { type: 'DateTime', nullable: true }),
  closedAt: t.expose('closedAt', { type: 'DateTime', nullable: true }),
  timeZone: t.exposeString('timeZone', { description: 'The IANA time zone it is held in (its facilitator\'s when scheduled): minutes and exports use it.' }),
  attendees: t.field({
    type: [UserRef],
    description: 'Who was invited when it started (everyone who attends meetings then); empty before it starts, or when the viewer may not read the agenda.',
    resolve: async (m, _a, ctx) =>
      meetingPolicy.can(ctx.viewer, 'readAgenda', m) ? (await Promise.all((m.attendeeIds ?? []).map((id) => ctx.loaders.user.load(id)))).filter((u) => u != null) : [],
  }),
  viewerCanManage: t.boolean({ resolve: (m, _a, ctx) => meetingPolicy.can(ctx.viewer, 'manage', m) }),
  viewerCanReopen: t.boolean({
    description: 'Whether the viewer may reopen it now: closed today (in its time zone), and they facilitate.',
    resolve: (m, _a, ctx) => meetingPolicy.can(ctx.viewer, 'reopen', { meeting: m, now: new Date() }),
  }),
  viewerCanCancel: t.boolean({
    description: 'Whether the viewer may cancel it now: it is planned (not started), and they manage it.',
    resolve: (m, _a, ctx) => meetingPolicy.can(ctx.viewer, 'cancel', m),
  }),
  viewerCanEditMinutes: t.boolean({
    description: 'Whether the viewer may edit the minutes (notes and outcomes) of this closed meeting.',
    resolve: (m, _a, ctx) => m.status === 'CLOSED' && meetingPolicy.can(ctx.viewer, 'editMinutes', m),
  }),
  viewerCanReadAgenda: t.boolean({
    description: 'Whether the viewer may read the agenda (a draft is the facilitators\' until it is published or the meeting starts).',
    resolve: (m, _a, ctx) => meetingPolicy.can(ctx.viewer, 'readAgenda', m),
  }),
}));

registerNode('Meeting', (ctx, id) => ctx.loaders.meeting.load(id));

const TimeboxesRef = builder.objectRef<Record<AgendaItemKind, number>>('AgendaTimeboxes').implement({
  description: 'Default minutes per kind of agenda item.',
  fields: (t) => Object.fromEntries(AGENDA_ITEM_KINDS.map((k) => [k, t.int({ resolve: (b) => b[k] })])),
});

const TimeboxesInput = builder.inputType('AgendaTimeboxesInput', {
  fields: (t) => Object.fromEntries(AGENDA_ITEM_KINDS.map((k) => [k, t.int()])),
});

const ScheduleMeetingInput = builder.inputType('ScheduleMeetingInput', {
  fields: (t) => ({
    title: t.string({ required: true }),
    startsAt: t.field({ type: 'DateTime', required: true }),
    durationMinutes: t.int({ required: true }),
  }),
});

const UpdateAgendaItemInput = builder.inputType('UpdateAgendaItemInput', {
  fields: (t) => ({ title: t.string(), minutes: t.int(), notes: t.string(), outcome: t.string(), done: t.boolean() }),
});

const CreateActionItemInput = builder.inputType('CreateActionItemInput', {
  fields: (t) => ({
    meetingId: t.id({ required: true }),
    title: t.string({ required: true }),
    ownerId: t.id({ required: true }),
    dueOn: t.field({ type: 'DateTime' }),
    agendaItemId: t.id(),
  }),
});

const UpdateActionItemInput = builder.inputType('UpdateActionItemInput', {
  fields: (t) => ({ title: t.string(), status: t.field({ type: ActionItemStatusEnum }), dueOn: t.field({ type: 'DateTime' }), ownerId: t.id() }),
});

const mid = (id: string | number) => idOf(String(id), 'Meeting');
const iid = (id: string | number) => idOf(String(id), 'AgendaItem');

builder.queryFields((t) => ({
  meetings: t.field({
    type: [MeetingRef],
    args: {
      upcoming: t.arg.boolean({
        description:
          'true: planned or running, and cancelled ones whose time is still ahead, soonest first; false: closed, and cancelled ones whose time has passed, latest first; omitted: all, latest first.',
      }),
    },
    resolve: (_r, args, ctx) => {
      const now = new Date();
      return args.upcoming === true
        ? ctx.em.find(Meeting, { $or: [{ status: { $in: ['PLANNED', 'IN_PROGRESS'] } }, { status: 'CANCELLED', startsAt: { $gte: now } }] }, { orderBy: { startsAt: 'asc' } })
        : ctx.em.find(Meeting, args.upcoming === false ? { $or: [{ status: 'CLOSED' }, { status: 'CANCELLED', startsAt: { $lt: now } }] } : {}, { orderBy: { startsAt: 'desc' } });
    },
  }),
  agendaTimeboxes: t.field({ type: TimeboxesRef, resolve: (_r, _a, ctx) => currentTimeboxes(ctx.em) }),
}));

builder.mutationFields((t) => ({
  scheduleMeeting: t.field({
    type: MeetingRef,
    authScopes: { can: 'scheduleMeeting' },
    args: { input: t.arg({ type: ScheduleMeetingInput, required: true }) },
    resolve: (_r, { input }, ctx) => scheduleMeeting(ctx.em, ctx.viewer!, input),
  }),
  generateAgenda: t.field({
    type: MeetingRef,
    args: { meetingId: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) => generateMeetingAgenda(ctx.em, ctx.viewer!, mid(args.meetingId)),
  }),
  publishAgenda: t.field({
    type: MeetingRef,
    args: { meetingId: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) => publishAgenda(ctx.em, ctx.viewer!, mid(args.meetingId)),
  }),
  moveAgendaItem: t.field({
    type: MeetingRef,
    args: { itemId: t.arg.id({ required: true }), position: t.arg.int({ required: true, description: '0-based position in the agenda.' }) },
    resolve: (_r, args, ctx) => moveAgendaItem(ctx.em, ctx.viewer!, iid(args.itemId), args.position),
  }),
  scheduleAgendaItem: t.field({
    type: MeetingRef,
    description: 'Swaps an unscheduled candidate in (before the closing slot, at `position`, or in place of `replaceItemId`).',
    args: { itemId: t.arg.id({ required: true }), position: t.arg.int(), replaceItemId: t.arg.id() },
    resolve: (_r, args, ctx) =>
      scheduleAgendaItem(ctx.em, ctx.viewer!, iid(args.itemId), { position: args.position, replaceItemId: optionalIdOf(args.replaceItemId ? String(args.replaceItemId) : null, 'AgendaItem') }),
  }),
  unscheduleAgendaItem: t.field({
    type: MeetingRef,
    args: { itemId: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) => unscheduleAgendaItem(ctx.em, ctx.viewer!, iid(args.itemId)),
  }),
  addAgendaItem: t.field({
    type: MeetingRef,
    args: { meetingId: t.arg.id({ required: true }), title: t.arg.string({ required: true }), minutes: t.arg.int({ required: true }) },
    resolve: (_r, args, ctx) => addAgendaItem(ctx.em, ctx.viewer!, mid(args.meetingId), { title: args.title, minutes: args.minutes }),
  }),
  removeAgendaItem: t.field({
    type: MeetingRef,
    args: { itemId: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) => removeAgendaItem(ctx.em, ctx.viewer!, iid(args.itemId)),
  }),
  updateAgendaItem: t.field({
    type: AgendaItemRef,
    args: { itemId: t.arg.id({ required: true }), input: t.arg({ type: UpdateAgendaItemInput, required: true }) },
    resolve: (_r, args, ctx) => updateAgendaItem(ctx.em, ctx.viewer!, iid(args.itemId), args.input),
  }),
  startMeeting: t.field({
    type: MeetingRef,
    args: { meetingId: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) => startMeeting(ctx.em, ctx.viewer!, mid(args.meetingId)),
  }),
  setCurrentAgendaItem: t.field({
    type: MeetingRef,
    description:
      'Moves the running meeting to an item; without `itemId`, to the next one. `finishCurrent`: marks the item left done first ("Finish & next"). `fromItemId`: the item the sender saw as current (null: none); when the meeting is elsewhere by now (a double tap, another facilitator) it is CONFLICT and nothing changes.',
    args: { meetingId: t.arg.id({ required: true }), itemId: t.arg.id(), finishCurrent: t.arg.boolean(), fromItemId: t.arg.id() },
    resolve: (_r, args, ctx) =>
      setCurrentItem(ctx.em, ctx.viewer!, mid(args.meetingId), args.itemId ? iid(args.itemId) : null, new Date(), {
        finishCurrent: args.finishCurrent ?? false,
        ...(args.fromItemId !== undefined && { fromItemId: args.fromItemId ? iid(args.fromItemId) : null }),
      }),
  }),
  reopenMeeting: t.field({
    type: MeetingRef,
    description: 'Undoes closing, on the day it closed (in the meeting\'s time zone), while no later agenda was built from it.',
    args: { meetingId: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) => reopenMeeting(ctx.em, ctx.viewer!, mid(args.meetingId)),
  }),
  cancelMeeting: t.field({
    type: MeetingRef,
    description: 'Calls off a planned meeting: its status becomes CANCELLED and its calendar event says so. `reason` is kept in the audit log.',
    args: { meetingId: t.arg.id({ required: true }), reason: t.arg.string() },
    resolve: (_r, args, ctx) => cancelMeeting(ctx.em, ctx.viewer!, mid(args.meetingId), args.reason),
  }),
  closeMeeting: t.field({
    type: MeetingRef,
    args: { meetingId: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) => closeMeeting(ctx.em, ctx.viewer!, mid(args.meetingId)),
  }),
  createActionItem: t.field({
    type: ActionItemRef,
    args: { input: t.arg({ type: CreateActionItemInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      createActionItem(ctx.em, ctx.viewer!, {
        ...input,
        meetingId: mid(input.meetingId),
        ownerId: idOf(String(input.ownerId), 'User'),
        agendaItemId: input.agendaItemId ? iid(input.agendaItemId) : null,
      }),
  }),
  updateActionItem: t.field({
    type: ActionItemRef,
    args: { actionItemId: t.arg.id({ required: true }), input: t.arg({ type: UpdateActionItemInput, required: true }) },
    resolve: (_r, args, ctx) =>
      updateActionItem(ctx.em, ctx.viewer!, idOf(String(args.actionItemId), 'ActionItem'), {
        ...args.input,
        ownerId: args.input.ownerId ? idOf(String(args.input.ownerId), 'User') : null,
      }),
  }),
  setAgendaTimeboxes: t.field({
    type: TimeboxesRef,
    authScopes: { can: 'setAgendaTimeboxes' },
    args: { input: t.arg({ type: TimeboxesInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      setTimeboxes(ctx.em, ctx.viewer!, Object.fromEntries(Object.entries(input).filter(([, v]) => v != null)) as Partial<Record<AgendaItemKind, number>>),
  }),
}));

const loadMeeting = (ctx: Context, id: string) => ctx.loaders.meeting.load(id);

builder.subscriptionFields((t) => ({
  meetingChanged: t.field({
    type: MeetingRef,
    authScopes: { can: 'readWorkspace' },
    description: 'The meeting now, then after every change: its agenda, current item, notes, action items. A draft agenda stays the facilitators\'.',
    args: { id: t.arg.id({ required: true }) },
    subscribe: (_r, args, ctx) => subscribeTo(ctx, 'meeting', mid(args.id), loadMeeting),
    resolve: (id, _a, ctx) => readTick(ctx, id, loadMeeting),
  }),
}));

export { localize };
