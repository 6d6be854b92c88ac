// What waits for a person on the home page, section by section: one query per section (or two
// for a counted list), whatever the lists' lengths. Who sees which section is home.policy's
// answer; the entries of a section come from here.
import { QueryOrder } from '@mikro-orm/core';
import type { NotificationKind } from '@council/shared';
import type { Em } from '../../db/orm.js';
import { listIssues, type IssuePage } from '../issues/issues.query.js';
import { Issue } from '../issues/issues.entity.js';
import { ActionItem, Meeting, type AgendaItem } from '../meetings/meetings.entity.js';
import { Notification } from '../notifications/notifications.entity.js';
import type { User } from '../people/people.entity.js';
import { Proposal, Rollout, Vote } from '../proposals/proposals.entity.js';
import { proposalPolicy } from '../proposals/proposals.policy.js';

const DAY = 86_400_000;
/** A rollout due within this many days is on its region's home page. */
export const DUE_SOON_DAYS = 7;
/** How many of the region's unmarked issues the home shows (newest first; the count says how many in all). */
export const UNMARKED_SHOWN = 5;
/** How many unread updates the home shows. */
export const UPDATES_SHOWN = 10;
/** Notifications that tell about something that happened to the person's own things (not reminders). */
export const UPDATE_KINDS = [
  'REPLY',
  'MENTIONED',
  'DECISION_MADE',
  'CHANGES_REQUESTED',
  'VOTING_CLOSED',
  'PROPOSAL_ON_MY_ISSUE',
] as const satisfies readonly NotificationKind[];

/** Issues still waiting for regions to say "mine too" (once proposed, the proposal carries them). */
const UNMARKED_STATUSES = ['OPEN', 'UNDER_DISCUSSION'] as const;

/** VOTING proposals the voter may vote on and has not, soonest deadline first. */
export async function votesToCast(em: Em, voter: User, now: Date): Promise<Proposal[]> {
  const voted = em.createQueryBuilder(Vote, 'v').select('v.proposal').where({ voter: voter.id }).getKnexQuery();
  const open = await em.find(
    Proposal,
    { status: 'VOTING', votingClosesAt: { $gt: now }, id: { $nin: voted as never } },
    { orderBy: { votingClosesAt: 'asc', id: 'asc' } },
  );
  return open.filter((p) => proposalPolicy.can(voter, 'castVote', p));
}

/** The region's rollouts not done that are overdue or due within DUE_SOON_DAYS, soonest due first. */
export function regionRolloutsDue(em: Em, regionId: string, now: Date): Promise<Rollout[]> {
  return em.find(
    Rollout,
    { region: regionId, status: { $ne: 'DONE' }, dueOn: { $lte: new Date(now.getTime() + DUE_SOON_DAYS * DAY) }, proposal: { status: 'IMPLEMENTING' } },
    { orderBy: { dueOn: 'asc', id: 'asc' } },
  );
}

/** Rollouts of every region past their due date and not done, longest overdue first. */
export function overdueRollouts(em: Em, now: Date): Promise<Rollout[]> {
  return em.find(
    Rollout,
    { status: { $ne: 'DONE' }, dueOn: { $lt: now }, proposal: { status: 'IMPLEMENTING' } },
    { orderBy: { dueOn: 'asc', id: 'asc' } },
  );
}

/** Open issues the region has not marked (not raised there, nobody there supports them), newest first. */
export function unmarkedIssues(em: Em, regionId: string): Promise<IssuePage> {
  return listIssues(em, { status: [...UNMARKED_STATUSES], notMarkedByRegionId: regionId }, 'NEWEST', { offset: 0, limit: UNMARKED_SHOWN });
}

/** The person's unread in-app updates (UPDATE_KINDS), newest first. */
export function unreadUpdates(em: Em, user: User): Promise<Notification[]> {
  return em.find(
    Notification,
    { user: user.id, inApp: true, readAt: null, kind: { $in: [...UPDATE_KINDS] } },
    { orderBy: { createdAt: 'desc', id: 'desc' }, limit: UPDATES_SHOWN },
  );
}

/** The person's open action items, due soonest first, those without a date last. */
export function openActionItems(em: Em, owner: User): Promise<ActionItem[]> {
  return em.find(
    ActionItem,
    { owner: owner.id, status: 'OPEN' },
    { orderBy: [{ dueOn: QueryOrder.ASC_NULLS_LAST }, { createdAt: 'asc' }, { id: 'asc' }] },
  );
}

/** The meeting that comes next: the earliest planned or running (one running now comes first); never a cancelled one. */
export async function nextMeeting(em: Em): Promise<Meeting | null> {
  const [meeting] = await em.find(Meeting, { status: { $in: ['PLANNED', 'IN_PROGRESS'] } }, { orderBy: { startsAt: 'asc', id: 'asc' }, limit: 1 });
  return meeting ?? null;
}

export type AgendaState = 'NOT_GENERATED' | 'NOT_PUBLISHED' | 'CHANGED_SINCE_PUBLISHED' | 'PUBLISHED';

/**
 * Where a meeting's agenda stands, from the meeting and its items (scheduled or not): changed
 * since publication when an item was added, removed, moved, retimed or renamed since the copy
 * attendees were sent (what `Meeting.changesSincePublication` lists).
 */
export function agendaState(meeting: Pick<Meeting, 'agendaPublishedAt' | 'publishedAgenda'>, items: readonly AgendaItem[]): AgendaState {
  const agenda = items.filter((i) => i.scheduled);
  if (!meeting.agendaPublishedAt || !meeting.publishedAgenda) return agenda.length === 0 ? 'NOT_GENERATED' : 'NOT_PUBLISHED';
  const sent = new Map(meeting.publishedAgenda.map((p) => [p.id, p]));
  const same =
    agenda.length === sent.size &&
    agenda.every((i) => {
      const p = sent.get(i.id);
      return !!p && p.position === i.position && p.minutes === i.minutes && p.title === i.title;
    });
  return same ? 'PUBLISHED' : 'CHANGED_SINCE_PUBLISHED';
}

/** PASSED proposals that need management's approval and wait to be submitted, longest waiting first; those `user` may submit. */
export async function awaitingSubmission(em: Em, user: User): Promise<Proposal[]> {
  const passed = await em.find(Proposal, { status: 'PASSED', requiresApproval: true }, { orderBy: { votingClosedAt: 'asc', id: 'asc' } });
  return passed.filter((p) => proposalPolicy.can(user, 'submit', p));
}

/** The executives' queue: SUBMITTED, oldest submission first (as `Query.decisionQueue`). */
export function decisionQueue(em: Em): Promise<Proposal[]> {
  return em.find(Proposal, { status: 'SUBMITTED' }, { orderBy: { submittedAt: 'asc', id: 'asc' } });
}

/** Changes being rolled out (IMPLEMENTING). */
export function implementing(em: Em): Promise<Proposal[]> {
  return em.find(Proposal, { status: 'IMPLEMENTING' }, { orderBy: { updatedAt: 'asc', id: 'asc' } });
}

/**
 * Proposals being rolled out, those with an overdue region first, then by the earliest due date
 * of a region not done yet (no date last); `rollouts` holds each proposal's rollouts, in order.
 */
export function byUrgency(proposals: readonly Proposal[], rollouts: readonly (readonly Rollout[])[], now: Date): Proposal[] {
  const urgency = proposals.map((p, i) => {
    const open = rollouts[i].filter((r) => r.status !== 'DONE' && r.dueOn);
    const due = Math.min(...open.map((r) => r.dueOn!.getTime()));
    return { p, overdue: due < now.getTime() ? 0 : 1, due, i };
  });
  return urgency.sort((a, b) => a.overdue - b.overdue || a.due - b.due || a.i - b.i).map((u) => u.p);
}

/** Counts for the summary sentence of a quiet home. */
export const countOpenVotes = (em: Em) => em.count(Proposal, { status: 'VOTING' });
export const countImplementing = (em: Em) => em.count(Proposal, { status: 'IMPLEMENTING' });
export const countOpenIssues = (em: Em) => em.count(Issue, { status: { $in: [...UNMARKED_STATUSES, 'PROPOSED'] } });
