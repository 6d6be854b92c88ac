// The agenda of a meeting: generate it from the workspace (the pure generator in shared/agenda.ts
// ranks and time-boxes), edit it, publish it (attendees notified; a frozen copy lets later edits
// show as changes). Who may is meetings.policy's answer; each operation is one audited transaction.
import {
  DEFAULT_TIMEBOXES,
  ISSUE_ACTIVE_STATUSES,
  POOR_OUTCOMES,
  agendaItemSchema,
  generateAgenda as generate,
  topAgendaIssues,
  type AgendaCandidate,
  type AgendaInput,
  type Timeboxes,
} from '@council/shared';
import { raw } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { lockRow } from '../../db/locks.js';
import type { Em } from '../../db/orm.js';
import { Conflict, InvalidInput, NotFound } from '../../errors.js';
import { parseInput } from '../../validation.js';
import { audit } from '../audit/audit.service.js';
import { Issue } from '../issues/issues.entity.js';
import { Referral } from '../departments/departments.entity.js';
import { Region, User } from '../people/people.entity.js';
import { Decision, OutcomeReport, Proposal, Rollout, Vote } from '../proposals/proposals.entity.js';
import { AgendaItem, AgendaSettings, Meeting, type PublishedItem } from './meetings.entity.js';
import { issueCandidates } from './agenda.candidates.js';
import { lockItem, lockMeeting, requireOpen, requirePlanned } from './meetings.locks.js';
import { meetingPolicy } from './meetings.policy.js';
import { attendees } from '../notifications/audiences.js';
import { notify } from '../notifications/notify.js';

const DAY = 86_400_000;

export async function currentTimeboxes(em: Em): Promise<Timeboxes> {
  const settings = await em.findOne(AgendaSettings, 'default');
  return { ...DEFAULT_TIMEBOXES, ...settings?.timeboxes };
}

export async function setTimeboxes(em: Em, actor: User, timeboxes: Partial<Timeboxes>, now = new Date()): Promise<Timeboxes> {
  meetingPolicy.authorize(actor, 'setTimeboxes');
  const fields: Record<string, string> = {};
  for (const [kind, minutes] of Object.entries(timeboxes)) {
    if (!(kind in DEFAULT_TIMEBOXES) || !Number.isInteger(minutes) || minutes! < 1 || minutes! > 240) fields[kind] = 'meetings.validation.minutes';
  }
  if (Object.keys(fields).length) throw new InvalidInput(fields);
  return em.transactional(async (tx) => {
    // The settings row is taken before it is read (created first if missing), so two people
    // changing different time boxes at once both keep their change.
    await tx.upsert(AgendaSettings, { id: 'default', timeboxes: {}, updatedAt: now }, { onConflictAction: 'ignore' });
    const row = (await lockRow(tx, AgendaSettings, 'default'))!;
    const before = { ...DEFAULT_TIMEBOXES, ...row.timeboxes };
    const after = { ...before, ...timeboxes };
    row.timeboxes = after;
    row.updatedAt = now;
    audit(tx, { actor, action: 'agenda.timeboxesChanged', subject: row, before, after, at: now });
    return after;
  });
}

/** The meeting held before this one (closed, started earlier), whose unfinished items carry over. */
export async function previousMeetingOf(em: Em, meeting: Meeting): Promise<Meeting | null> {
  const [previous] = await em.find(
    Meeting,
    { status: 'CLOSED', startsAt: { $lt: meeting.startsAt }, id: { $ne: meeting.id } },
    { orderBy: { startsAt: 'desc' }, limit: 1 },
  );
  return previous ?? null;
}

/**
 * Everything the generator needs, read from the workspace: only what can be on the agenda, in light
 * columns (the issues through issueCandidates; the titles of the top ones only).
 */
export async function agendaInput(em: Em, meeting: Meeting, now: Date, previousMeeting?: Meeting | null): Promise<AgendaInput> {
  const previous = previousMeeting === undefined ? await previousMeetingOf(em, meeting) : previousMeeting;
  const since = previous?.startsAt ?? new Date(now.getTime() - 30 * DAY);
  const light = { disableIdentityMap: true } as const;
  // One query after the other: on SQLite there is one connection, and inside a transaction one too.
  const carried = previous
    ? await em.find(AgendaItem, { meeting: previous, scheduled: true, done: false, kind: { $nin: ['OPENING', 'CLOSING'] } }, { ...light, fields: ['title', 'kind', 'subjectType', 'subjectId', 'position'], orderBy: { position: 'asc' } })
    : [];
  const decisions = await em.find(Decision, { decidedAt: { $gte: since, $lte: now } }, { ...light, fields: ['proposal', 'outcome', 'decidedAt'] });
  const proposals = await em.find(Proposal, { status: { $in: ['VOTING', 'CHANGES_REQUESTED'] } }, { ...light, fields: ['title', 'status', 'votingClosesAt', 'updatedAt'] });
  const regions = await em.find(Region, {}, { ...light, fields: ['name'], orderBy: { name: 'asc' } });
  const overdue = await em.find(Rollout, { status: { $ne: 'DONE' }, dueOn: { $lt: now }, proposal: { status: 'IMPLEMENTING' } }, { ...light, fields: ['proposal', 'region', 'dueOn'] });
  const timeboxes = await currentTimeboxes(em);
  const outcomeReviews = await outcomeReviewCandidates(em, regions.length, now);
  // Regions with at least one vote (abstentions count), per proposal: tally's regionsVoted.
  const voted = proposals.length
    ? ((await em
        .createQueryBuilder(Vote, 'v')
        .select(['v.proposal', raw('count(distinct v.region_id) as n')])
        .where({ proposal: { $in: proposals.map((p) => p.id) } })
        .groupBy('v.proposal')
        .execute('all', false)) as { proposal_id: string; n: number | string }[])
    : [];
  const regionsVoted = new Map(voted.map((v) => [v.proposal_id, Number(v.n)]));
  const titled = [...new Set([...decisions.map((d) => d.proposal.id), ...overdue.map((r) => r.proposal.id)])];
  const titles = titled.length ? await em.find(Proposal, { id: { $in: titled } }, { ...light, fields: ['title'] }) : [];
  const proposalTitle = new Map(titles.map((p) => [p.id, p.title]));
  const scores = await issueCandidates(em, regions.length, now);
  const top = topAgendaIssues(scores, regions.length, now);
  const issueTitles = top.length ? await em.find(Issue, { id: { $in: top.map((i) => i.id) } }, { ...light, fields: ['title'] }) : [];
  const issueTitle = new Map(issueTitles.map((i) => [i.id, i.title]));
  const regionName = new Map(regions.map((r) => [r.id, r.name]));
  const byProposal = new Map<string, { title: string; regions: string[]; dueOn: Date }>();
  for (const r of overdue) {
    const entry = byProposal.get(r.proposal.id) ?? { title: proposalTitle.get(r.proposal.id) ?? '', regions: [], dueOn: r.dueOn! };
    entry.regions.push(regionName.get(r.region.id) ?? '');
    if (r.dueOn! < entry.dueOn) entry.dueOn = r.dueOn!;
    byProposal.set(r.proposal.id, entry);
  }
  return {
    now,
    startsAt: meeting.startsAt,
    durationMinutes: meeting.durationMinutes,
    timeboxes,
    previousMeeting: previous ? { id: previous.id, startsAt: previous.startsAt } : null,
    carryOver: carried.map((i) => ({ title: i.title, kind: i.kind, subject: i.subjectType && i.subjectId ? { type: i.subjectType as 'Issue', id: i.subjectId } : null })),
    decisions: decisions.map((d) => ({ proposalId: d.proposal.id, title: proposalTitle.get(d.proposal.id) ?? '', outcome: d.outcome, decidedAt: d.decidedAt })),
    proposals: proposals.map((p) => ({
      id: p.id,
      title: p.title,
      status: p.status as 'VOTING' | 'CHANGES_REQUESTED',
      votingClosesAt: p.status === 'VOTING' ? (p.votingClosesAt ?? null) : null,
      regionsVoted: regionsVoted.get(p.id) ?? 0,
      updatedAt: p.updatedAt,
    })),
    issues: top.filter((i) => issueTitle.has(i.id)).map((i) => ({ ...i, title: issueTitle.get(i.id)! })),
    totalRegions: regions.length,
    overdueRollouts: [...byProposal.entries()].map(([proposalId, e]) => ({ proposalId, title: e.title, regionNames: e.regions.sort(), dueOn: e.dueOn })),
    outcomeReviews,
    overdueReferrals: await overdueReferralCandidates(em, now),
  };
}

/** Questions to other departments still unanswered past their due date, on active issues: one statement. */
async function overdueReferralCandidates(em: Em, now: Date): Promise<NonNullable<AgendaInput['overdueReferrals']>> {
  const rows = await em.find(
    Referral,
    { status: 'OPEN', dueOn: { $lt: now }, issue: { status: { $in: [...ISSUE_ACTIVE_STATUSES] } } },
    { disableIdentityMap: true, populate: ['issue', 'department'], fields: ['dueOn', 'issue.title', 'department.name'], orderBy: { dueOn: 'asc', id: 'asc' } },
  );
  return rows.map((r) => ({ issueId: r.issue.id, title: r.issue.title, department: r.department.name, dueOn: r.dueOn! }));
}

/** After the outcome is due, a review waits for every region's report, or this many days. */
const OUTCOME_REVIEW_AFTER_DAYS = 14;

/**
 * Implemented changes whose outcome reports are in (every region, or some once the due date is
 * OUTCOME_REVIEW_AFTER_DAYS past) and that no meeting held has reviewed: three statements.
 */
async function outcomeReviewCandidates(em: Em, totalRegions: number, now: Date): Promise<NonNullable<AgendaInput['outcomeReviews']>> {
  const light = { disableIdentityMap: true } as const;
  const due = await em.find(Proposal, { status: 'IMPLEMENTED', outcomeDueOn: { $lte: now } }, { ...light, fields: ['title', 'outcomeDueOn'] });
  if (due.length === 0) return [];
  const ids = due.map((p) => p.id);
  const reports = await em.find(OutcomeReport, { proposal: { $in: ids } }, { ...light, fields: ['proposal', 'verdict'] });
  const reviewed = await em.find(AgendaItem, { kind: 'OUTCOME_REVIEW', subjectType: 'Proposal', subjectId: { $in: ids }, meeting: { status: 'CLOSED' } }, { ...light, fields: ['subjectId'] });
  const done = new Set(reviewed.map((r) => r.subjectId));
  return due.flatMap((p) => {
    const mine = reports.filter((r) => r.proposal.id === p.id);
    const waited = now.getTime() - p.outcomeDueOn!.getTime() >= OUTCOME_REVIEW_AFTER_DAYS * DAY;
    if (done.has(p.id) || mine.length === 0 || (mine.length < totalRegions && !waited)) return [];
    return [{ proposalId: p.id, title: p.title, reported: mine.length, poor: mine.filter((r) => POOR_OUTCOMES.includes(r.verdict)).length }];
  });
}

function itemOf(meeting: Meeting, c: AgendaCandidate, scheduled: boolean, position: number, now: Date): Omit<AgendaItem, 'id'> {
  return {
    meeting,
    position,
    scheduled,
    kind: c.kind,
    title: c.title,
    titleKey: c.titleKey ?? null,
    minutes: c.minutes,
    reasonKey: c.reason.key,
    reasonParams: c.reason.params,
    subjectType: c.subject?.type ?? null,
    subjectId: c.subject?.id ?? null,
    notes: null,
    outcome: null,
    done: false,
    startedAt: null,
    createdAt: now,
  };
}

/** What the agenda read depends on besides the workspace: the meeting's time and length, and which previous meeting, as of when. */
function stampOf(meeting: Meeting, previous: Meeting | null): string {
  return [meeting.startsAt.getTime(), meeting.durationMinutes, previous?.id ?? '', previous?.status ?? '', previous?.updatedAt.getTime() ?? '', previous?.closedAt?.getTime() ?? ''].join('|');
}

/** Builds (or rebuilds) the draft agenda of a planned meeting from the workspace. */
export async function generateMeetingAgenda(em: Em, actor: User, meetingId: string, now = new Date()): Promise<Meeting> {
  // Read before the write transaction, so it holds its rows (and SQLite's one writer) only briefly:
  // the workspace may move on meanwhile, as it may a moment after the agenda was written.
  const found = await em.findOne(Meeting, meetingId);
  if (!found) throw new NotFound();
  meetingPolicy.authorize(actor, 'manage', found);
  requirePlanned(found);
  const readPrevious = await previousMeetingOf(em, found);
  const readAgainst = stampOf(found, readPrevious);
  const input = await agendaInput(em, found, now, readPrevious);
  return em.transactional(async (tx) => {
    const meeting = await lockMeeting(tx, meetingId);
    meetingPolicy.authorize(actor, 'manage', meeting);
    requirePlanned(meeting);
    // The previous meeting's row too: its unfinished items carry over, and a reopen of it
    // (meetings.service reopenMeeting) waits for this agenda, then sees it and refuses.
    const previous = await previousMeetingOf(tx, meeting);
    const held = previous ? await lockMeeting(tx, previous.id) : null;
    // Rescheduled, or its previous meeting reopened (or another closed) since the read: read again.
    const agenda = generate(stampOf(meeting, held) === readAgainst ? input : await agendaInput(tx, meeting, now, held));
    await tx.nativeDelete(AgendaItem, { meeting });
    // One statement for all the items (the unit of work would batch them by shape, in several).
    const items = [...agenda.scheduled.map((c, i) => itemOf(meeting, c, true, i, now)), ...agenda.unscheduled.map((c, i) => itemOf(meeting, c, false, i, now))];
    if (items.length) await tx.insertMany(AgendaItem, items.map((item) => ({ id: randomUUID(), ...item })));
    meeting.agendaGeneratedAt = now;
    meeting.updatedAt = now;
    audit(tx, { actor, action: 'meeting.agendaGenerated', subject: meeting, after: { scheduled: agenda.scheduled.length, unscheduled: agenda.unscheduled.length, minutes: agenda.totalMinutes }, at: now });
    return meeting;
  });
}

/** Rewrites positions 0..n-1 of one list of a meeting, in the given order. */
export function renumber(items: AgendaItem[]): void {
  items.forEach((item, i) => (item.position = i));
}

/**
 * One list of a meeting (the agenda or the unscheduled candidates) in order, read afresh from the
 * database: called after lockMeeting, it sees every committed change to the meeting.
 */
export async function listOf(em: Em, meeting: Meeting, scheduled: boolean): Promise<AgendaItem[]> {
  return em.find(AgendaItem, { meeting, scheduled }, { orderBy: { position: 'asc', id: 'asc' }, refresh: true });
}

/** Moves an agenda item to a position of the agenda (0-based); the others close up. */
export async function moveAgendaItem(em: Em, actor: User, itemId: string, toPosition: number, now = new Date()): Promise<Meeting> {
  return em.transactional(async (tx) => {
    const item = await lockItem(tx, itemId);
    meetingPolicy.authorize(actor, 'manage', item.meeting);
    requireOpen(item.meeting);
    if (!item.scheduled) throw new Conflict('meetings.errors.notScheduled');
    const list = await listOf(tx, item.meeting, true);
    if (!Number.isInteger(toPosition) || toPosition < 0 || toPosition >= list.length) throw new InvalidInput({ position: 'meetings.validation.position' });
    const from = list.findIndex((i) => i.id === item.id);
    list.splice(from, 1);
    list.splice(toPosition, 0, item);
    renumber(list);
    item.meeting.updatedAt = now;
    audit(tx, { actor, action: 'agenda.itemMoved', subject: item.meeting, before: { item: item.id, position: from }, after: { item: item.id, position: toPosition }, at: now });
    return item.meeting;
  });
}

/** Swaps an unscheduled candidate into the agenda (before the closing slot, or at `position`); optionally takes `replaceItemId` out. */
export async function scheduleAgendaItem(em: Em, actor: User, itemId: string, options: { position?: number | null; replaceItemId?: string | null } = {}, now = new Date()): Promise<Meeting> {
  return em.transactional(async (tx) => {
    const item = await lockItem(tx, itemId);
    meetingPolicy.authorize(actor, 'manage', item.meeting);
    requireOpen(item.meeting);
    if (item.scheduled) throw new Conflict('meetings.errors.alreadyScheduled');
    const agenda = await listOf(tx, item.meeting, true);
    const spare = (await listOf(tx, item.meeting, false)).filter((i) => i.id !== item.id);
    let at = options.position ?? agenda.findIndex((i) => i.kind === 'CLOSING');
    if (at < 0) at = agenda.length;
    if (options.replaceItemId) {
      const out = agenda.findIndex((i) => i.id === options.replaceItemId);
      if (out < 0) throw new NotFound();
      const [removed] = agenda.splice(out, 1);
      removed.scheduled = false;
      spare.unshift(removed);
      at = options.position ?? out;
    }
    if (at < 0 || at > agenda.length) throw new InvalidInput({ position: 'meetings.validation.position' });
    item.scheduled = true;
    agenda.splice(at, 0, item);
    renumber(agenda);
    renumber(spare);
    item.meeting.updatedAt = now;
    audit(tx, { actor, action: 'agenda.itemScheduled', subject: item.meeting, after: { item: item.id, replaced: options.replaceItemId ?? null }, at: now });
    return item.meeting;
  });
}

export async function unscheduleAgendaItem(em: Em, actor: User, itemId: string, now = new Date()): Promise<Meeting> {
  return em.transactional(async (tx) => {
    const item = await lockItem(tx, itemId);
    meetingPolicy.authorize(actor, 'manage', item.meeting);
    requireOpen(item.meeting);
    if (!item.scheduled) throw new Conflict('meetings.errors.notScheduled');
    const agenda = (await listOf(tx, item.meeting, true)).filter((i) => i.id !== item.id);
    const spare = await listOf(tx, item.meeting, false);
    item.scheduled = false;
    renumber(agenda);
    renumber([item, ...spare]);
    item.meeting.updatedAt = now;
    audit(tx, { actor, action: 'agenda.itemUnscheduled', subject: item.meeting, after: { item: item.id }, at: now });
    return item.meeting;
  });
}

export async function addAgendaItem(em: Em, actor: User, meetingId: string, input: { title: string; minutes: number }, now = new Date()): Promise<Meeting> {
  const data = parseInput(agendaItemSchema.required({ title: true, minutes: true }), input);
  return em.transactional(async (tx) => {
    const meeting = await lockMeeting(tx, meetingId);
    meetingPolicy.authorize(actor, 'manage', meeting);
    requireOpen(meeting);
    const agenda = await listOf(tx, meeting, true);
    const closing = agenda.findIndex((i) => i.kind === 'CLOSING');
    const item = tx.create(AgendaItem, {
      ...itemOf(meeting, { kind: 'OTHER', title: data.title!, minutes: data.minutes!, subject: null, reason: { key: 'meetings.reason.added', params: {} } }, true, 0, now),
    });
    agenda.splice(closing < 0 ? agenda.length : closing, 0, item);
    renumber(agenda);
    meeting.updatedAt = now;
    audit(tx, { actor, action: 'agenda.itemAdded', subject: meeting, after: { title: data.title, minutes: data.minutes }, at: now });
    return meeting;
  });
}

export async function removeAgendaItem(em: Em, actor: User, itemId: string, now = new Date()): Promise<Meeting> {
  return em.transactional(async (tx) => {
    const item = await lockItem(tx, itemId);
    meetingPolicy.authorize(actor, 'manage', item.meeting);
    const meeting = item.meeting;
    requireOpen(meeting);
    const rest = (await listOf(tx, meeting, item.scheduled)).filter((i) => i.id !== item.id);
    tx.remove(item);
    renumber(rest);
    meeting.updatedAt = now;
    audit(tx, { actor, action: 'agenda.itemRemoved', subject: meeting, before: { title: item.title, kind: item.kind }, at: now });
    return meeting;
  });
}

export interface ItemUpdate {
  title?: string | null;
  minutes?: number | null;
  notes?: string | null;
  outcome?: string | null;
  done?: boolean | null;
}

/**
 * Edits an item: its title and time box before the meeting, its notes, outcome and done during it;
 * after the meeting closed, only its notes and outcome (the minutes, meetings.policy editMinutes).
 */
export async function updateAgendaItem(em: Em, actor: User, itemId: string, input: ItemUpdate, now = new Date()): Promise<AgendaItem> {
  const data = parseInput(agendaItemSchema, {
    title: input.title ?? undefined,
    minutes: input.minutes ?? undefined,
    notes: input.notes,
    outcome: input.outcome,
  });
  return em.transactional(async (tx) => {
    const item = await lockItem(tx, itemId);
    if (item.meeting.status === 'CLOSED') return editMinutes(tx, actor, item, input, data, now);
    meetingPolicy.authorize(actor, 'manage', item.meeting);
    requireOpen(item.meeting);
    const before = { title: item.title, minutes: item.minutes, done: item.done };
    if (data.title !== undefined) {
      item.title = data.title;
      item.titleKey = null;
    }
    if (data.minutes !== undefined) item.minutes = data.minutes;
    if (input.notes !== undefined) item.notes = data.notes ?? null;
    if (input.outcome !== undefined) item.outcome = data.outcome ?? null;
    if (input.done != null) item.done = input.done;
    item.meeting.updatedAt = now;
    audit(tx, { actor, action: 'agenda.itemUpdated', subject: item.meeting, before, after: { item: item.id, title: item.title, minutes: item.minutes, done: item.done }, at: now });
    return item;
  });
}

/** The minutes of a closed meeting: an item's notes and outcome; its title, time and "done" are the record. */
function editMinutes(tx: Em, actor: User, item: AgendaItem, input: ItemUpdate, data: { notes?: string | null; outcome?: string | null }, now: Date): AgendaItem {
  meetingPolicy.authorize(actor, 'editMinutes', item.meeting);
  if (input.title != null || input.minutes != null || input.done != null) requireOpen(item.meeting);
  const before = { notes: item.notes ?? null, outcome: item.outcome ?? null };
  if (input.notes !== undefined) item.notes = data.notes ?? null;
  if (input.outcome !== undefined) item.outcome = data.outcome ?? null;
  item.meeting.updatedAt = now;
  audit(tx, { actor, action: 'meeting.minutesEdited', subject: item.meeting, before: { item: item.id, ...before }, after: { item: item.id, notes: item.notes ?? null, outcome: item.outcome ?? null }, at: now });
  return item;
}

/** Who is told about a published agenda: everyone who attends meetings (meetings.policy). */

export async function publishAgenda(em: Em, actor: User, meetingId: string, now = new Date()): Promise<Meeting> {
  return em.transactional(async (tx) => {
    const meeting = await lockMeeting(tx, meetingId);
    meetingPolicy.authorize(actor, 'manage', meeting);
    requirePlanned(meeting);
    const agenda = await listOf(tx, meeting, true);
    if (agenda.length === 0) throw new Conflict('meetings.errors.noAgenda');
    meeting.publishedAgenda = agenda.map<PublishedItem>((i) => ({ id: i.id, position: i.position, kind: i.kind, title: i.title, titleKey: i.titleKey ?? null, minutes: i.minutes }));
    const republished = !!meeting.agendaPublishedAt;
    meeting.agendaPublishedAt = now;
    // The calendar event changes (TENTATIVE to CONFIRMED, the agenda in its description): a
    // calendar that imported it before replaces its copy only when SEQUENCE grows.
    meeting.sequence += 1;
    meeting.updatedAt = now;
    await notify(tx, {
      actor,
      subject: { type: 'Meeting', id: meeting.id },
      params: { title: meeting.title, date: meeting.startsAt.toISOString() },
      audiences: [{ kind: 'AGENDA_PUBLISHED', userIds: await attendees(tx), messageKey: republished ? 'reach.message.AGENDA_REPUBLISHED' : 'reach.message.AGENDA_PUBLISHED' }],
      at: now,
    });
    audit(tx, { actor, action: 'meeting.agendaPublished', subject: meeting, after: { items: agenda.length }, at: now });
    return meeting;
  });
}
