// Running meetings: schedule, start (one running meeting at a time), move through the agenda
// (finishing the item left, or skipping it), close (unfinished items carry over into the next
// meeting's agenda), reopen on the day it closed, cancel a planned one, action items and notifications. Who may is meetings.policy's
// answer (facilitators; an owner ticks their own action item); each operation is one audited
// transaction.
import { CANCEL_REASON_MAX, actionItemSchema, scheduleMeetingSchema } from '@council/shared';
import type { Em } from '../../db/orm.js';
import { Conflict, InvalidInput, NotFound } from '../../errors.js';
import { parseInput } from '../../validation.js';
import { audit } from '../audit/audit.service.js';
import { zoneOfPerson } from '../../localize.js';
import { Region, User } from '../people/people.entity.js';
import { listOf } from './agenda.service.js';
import { ActionItem, AgendaItem, Meeting } from './meetings.entity.js';
import { lockMeeting, requirePlanned } from './meetings.locks.js';
import { meetingPolicy } from './meetings.policy.js';
import { attendees } from '../notifications/audiences.js';
import { notify } from '../notifications/notify.js';

/**
 * One running meeting at a time: the one running now (other than `meeting`) refuses with its
 * title. The unique `runningSlot` column backs this when two meetings start at the same instant.
 */
async function requireNoneRunning(tx: Em, meeting: Meeting): Promise<void> {
  const running = await tx.findOne(Meeting, { runningSlot: 'running', id: { $ne: meeting.id } });
  if (running) throw new Conflict('meetings.errors.anotherRunning', { title: running.title, meetingId: Buffer.from(`Meeting:${running.id}`).toString('base64') });
}

export async function scheduleMeeting(em: Em, actor: User, input: { title: string; startsAt: Date; durationMinutes: number }, now = new Date()): Promise<Meeting> {
  meetingPolicy.authorize(actor, 'schedule');
  const data = parseInput(scheduleMeetingSchema, input);
  return em.transactional(async (tx) => {
    const region = actor.region ? await tx.findOne(Region, actor.region.id) : null;
    const timeZone = zoneOfPerson(actor, region);
    const meeting = tx.create(Meeting, { ...data, facilitator: actor, status: 'PLANNED', timeZone, sequence: 0, createdAt: now, updatedAt: now });
    audit(tx, { actor, action: 'meeting.scheduled', subject: meeting, after: { title: data.title, startsAt: data.startsAt.toISOString(), durationMinutes: data.durationMinutes }, at: now });
    return meeting;
  });
}

export async function startMeeting(em: Em, actor: User, meetingId: string, now = new Date()): Promise<Meeting> {
  return em.transactional(async (tx) => {
    const meeting = await lockMeeting(tx, meetingId);
    meetingPolicy.authorize(actor, 'manage', meeting);
    requirePlanned(meeting);
    await requireNoneRunning(tx, meeting);
    const [first] = await listOf(tx, meeting, true);
    meeting.status = 'IN_PROGRESS';
    meeting.runningSlot = 'running';
    meeting.sequence += 1;
    meeting.attendeeIds = await attendees(tx);
    meeting.startedAt = now;
    meeting.currentItemId = first?.id ?? null;
    if (first) first.startedAt = now;
    meeting.updatedAt = now;
    audit(tx, { actor, action: 'meeting.started', subject: meeting, before: { status: 'PLANNED' }, after: { status: 'IN_PROGRESS' }, at: now });
    return meeting;
  });
}

/**
 * Moves the meeting to an item (the next one when `itemId` is omitted), starting its timer.
 * `finishCurrent`: the item being left is marked done first ("Finish & next"); without it the
 * item is left as it is ("Skip": it carries over unless ticked later).
 * `fromItemId`: the item the sender saw as current. A move sent twice (a double tap, a retry) or
 * after someone else moved on would finish or skip an item nobody looked at: it is refused
 * (CONFLICT) and changes nothing.
 */
export async function setCurrentItem(
  em: Em,
  actor: User,
  meetingId: string,
  itemId: string | null,
  now = new Date(),
  { finishCurrent = false, fromItemId }: { finishCurrent?: boolean; fromItemId?: string | null } = {},
): Promise<Meeting> {
  return em.transactional(async (tx) => {
    const meeting = await lockMeeting(tx, meetingId);
    meetingPolicy.authorize(actor, 'manage', meeting);
    if (meeting.status !== 'IN_PROGRESS') throw new Conflict('meetings.errors.notRunning');
    const agenda = await listOf(tx, meeting, true);
    if (fromItemId !== undefined && (fromItemId ?? null) !== meeting.currentItemId) throw new Conflict('meetings.errors.movedOn');
    let target: AgendaItem | undefined;
    if (itemId) {
      target = agenda.find((i) => i.id === itemId);
      if (!target) throw new NotFound();
    } else {
      const at = agenda.findIndex((i) => i.id === meeting.currentItemId);
      target = agenda[at + 1];
      if (!target) throw new Conflict('meetings.errors.lastItem');
    }
    const leaving = finishCurrent ? agenda.find((i) => i.id === meeting.currentItemId && i.id !== target.id) : undefined;
    if (leaving && !leaving.done) {
      leaving.done = true;
      audit(tx, { actor, action: 'agenda.itemUpdated', subject: meeting, before: { done: false }, after: { item: leaving.id, done: true }, at: now });
    }
    meeting.currentItemId = target.id;
    target.startedAt = now;
    meeting.updatedAt = now;
    audit(tx, { actor, action: 'meeting.itemStarted', subject: meeting, after: { item: target.id }, at: now });
    return meeting;
  });
}

/** Closes the meeting; every agenda item not marked done becomes a carry-over candidate of the next. */
export async function closeMeeting(em: Em, actor: User, meetingId: string, now = new Date()): Promise<Meeting> {
  return em.transactional(async (tx) => {
    const meeting = await lockMeeting(tx, meetingId);
    meetingPolicy.authorize(actor, 'manage', meeting);
    if (meeting.status !== 'IN_PROGRESS') throw new Conflict('meetings.errors.notRunning');
    const open = (await listOf(tx, meeting, true)).filter((i) => !i.done && i.kind !== 'OPENING' && i.kind !== 'CLOSING').length;
    meeting.status = 'CLOSED';
    meeting.closedAt = now;
    meeting.currentItemId = null;
    meeting.runningSlot = null;
    meeting.sequence += 1;
    meeting.updatedAt = now;
    audit(tx, { actor, action: 'meeting.closed', subject: meeting, before: { status: 'IN_PROGRESS' }, after: { status: 'CLOSED', carriedOver: open }, at: now });
    return meeting;
  });
}

/**
 * Calls off a planned meeting (meetings.policy `cancel`): it becomes CANCELLED, and SEQUENCE grows
 * so calendars that imported its event show it as cancelled; its attendees are told
 * (MEETING_CANCELLED, with the reason when one is given). The reason is kept in the audit log.
 * Its meeting row is taken first, so a concurrent start and cancel serialize: the second
 * finds the meeting no longer planned and is refused (CONFLICT).
 */
export async function cancelMeeting(em: Em, actor: User, meetingId: string, reason?: string | null, now = new Date()): Promise<Meeting> {
  const why = reason?.replace(/\s+/g, ' ').trim() || null;
  if (why && why.length > CANCEL_REASON_MAX) throw new InvalidInput({ reason: 'meetings.validation.cancelReason' });
  return em.transactional(async (tx) => {
    const meeting = await lockMeeting(tx, meetingId);
    meetingPolicy.authorize(actor, 'cancel', meeting);
    meeting.status = 'CANCELLED';
    meeting.currentItemId = null;
    meeting.sequence += 1;
    meeting.updatedAt = now;
    await notify(tx, {
      actor,
      subject: { type: 'Meeting', id: meeting.id },
      params: { title: meeting.title, date: meeting.startsAt.toISOString(), ...(why && { reason: why }) },
      audiences: [{ kind: 'MEETING_CANCELLED', userIds: await attendees(tx), messageKey: why ? 'reach.message.MEETING_CANCELLED_REASON' : 'reach.message.MEETING_CANCELLED' }],
      at: now,
    });
    audit(tx, { actor, action: 'meeting.cancelled', subject: meeting, before: { status: 'PLANNED' }, after: { status: 'CANCELLED', reason: why }, at: now });
    return meeting;
  });
}

/**
 * Undoes closeMeeting on the day it closed (meetings.policy `reopen`): the meeting runs again at
 * the item it was on. Closing only changed the meeting's row, and its unfinished items became
 * carry-over candidates of the next meeting: once a later meeting's agenda has been generated
 * from them, the close cannot be undone (CONFLICT), and the minutes stay editable instead.
 */
export async function reopenMeeting(em: Em, actor: User, meetingId: string, now = new Date()): Promise<Meeting> {
  return em.transactional(async (tx) => {
    const meeting = await lockMeeting(tx, meetingId);
    meetingPolicy.authorize(actor, 'reopen', { meeting, now });
    const closedAt = meeting.closedAt!;
    // generateMeetingAgenda takes its previous meeting's row too, so this count is current.
    const built = await tx.count(Meeting, { id: { $ne: meeting.id }, startsAt: { $gt: meeting.startsAt }, agendaGeneratedAt: { $gte: closedAt } });
    if (built > 0) throw new Conflict('meetings.errors.reopenAgendaBuilt');
    await requireNoneRunning(tx, meeting);
    const agenda = await listOf(tx, meeting, true);
    const last = agenda.filter((i) => i.startedAt).sort((a, b) => b.startedAt!.getTime() - a.startedAt!.getTime())[0];
    meeting.status = 'IN_PROGRESS';
    meeting.closedAt = null;
    meeting.runningSlot = 'running';
    meeting.currentItemId = last?.id ?? null;
    meeting.sequence += 1;
    meeting.updatedAt = now;
    audit(tx, { actor, action: 'meeting.reopened', subject: meeting, before: { status: 'CLOSED', closedAt: closedAt.toISOString() }, after: { status: 'IN_PROGRESS' }, at: now });
    return meeting;
  });
}

export async function createActionItem(em: Em, actor: User, input: { meetingId: string; title: string; ownerId: string; dueOn?: Date | null; agendaItemId?: string | null }, now = new Date()): Promise<ActionItem> {
  const data = parseInput(actionItemSchema, { title: input.title, dueOn: input.dueOn });
  return em.transactional(async (tx) => {
    const meeting = await lockMeeting(tx, input.meetingId);
    meetingPolicy.authorize(actor, 'manage', meeting);
    const owner = await tx.findOne(User, input.ownerId);
    if (!owner || !owner.active) throw new InvalidInput({ ownerId: 'meetings.validation.owner' });
    let agendaItem: AgendaItem | null = null;
    if (input.agendaItemId) {
      agendaItem = await tx.findOne(AgendaItem, { id: input.agendaItemId, meeting });
      if (!agendaItem) throw new NotFound();
    }
    const action = tx.create(ActionItem, { meeting, agendaItem, title: data.title, owner, dueOn: data.dueOn ?? null, status: 'OPEN', createdAt: now, updatedAt: now });
    await tellAssigned(tx, actor, action, meeting, now);
    audit(tx, { actor, action: 'actionItem.created', subject: action, after: { title: data.title, owner: owner.id }, at: now });
    return action;
  });
}

export async function updateActionItem(em: Em, actor: User, id: string, input: { title?: string | null; status?: 'OPEN' | 'DONE' | null; dueOn?: Date | null; ownerId?: string | null }, now = new Date()): Promise<ActionItem> {
  const data = parseInput(actionItemSchema.partial(), { title: input.title ?? undefined, dueOn: input.dueOn });
  const onlyStatus = input.title == null && input.dueOn === undefined && input.ownerId == null;
  return em.transactional(async (tx) => {
    // The meeting's row first (an item never changes meetings), then the item as it is now: the
    // owner who may tick it is the current one, and the audit's "before" is what was replaced.
    const ref = await tx.findOne(ActionItem, id, { fields: ['meeting'] });
    if (!ref) throw new NotFound();
    await lockMeeting(tx, ref.meeting.id);
    const row = await tx.findOneOrFail(ActionItem, id, { refresh: true });
    meetingPolicy.authorize(actor, onlyStatus ? 'setActionItemStatus' : 'editActionItem', row);
    const before = { status: row.status, title: row.title };
    if (data.title) row.title = data.title;
    if (input.status) row.status = input.status;
    if (input.dueOn !== undefined) row.dueOn = data.dueOn ?? null;
    if (input.ownerId) {
      const owner = await tx.findOne(User, input.ownerId);
      if (!owner || !owner.active) throw new InvalidInput({ ownerId: 'meetings.validation.owner' });
      if (owner.id !== row.owner.id) {
        row.owner = owner;
        await tellAssigned(tx, actor, row, await tx.findOneOrFail(Meeting, ref.meeting.id), now);
      }
    }
    row.updatedAt = now;
    audit(tx, { actor, action: 'actionItem.updated', subject: row, before, after: { status: row.status, title: row.title }, at: now });
    return row;
  });
}


/** The action item's owner hears it is theirs (unless they gave it to themselves). */
async function tellAssigned(tx: Em, actor: User, action: ActionItem, meeting: Meeting, now: Date): Promise<void> {
  await notify(tx, {
    actor,
    subject: { type: 'Meeting', id: meeting.id },
    params: { title: action.title, meeting: meeting.title, ...(action.dueOn && { due: action.dueOn.toISOString() }) },
    audiences: [{ kind: 'ACTION_ITEM_ASSIGNED', userIds: [action.owner.id], messageKey: action.dueOn ? 'reach.message.ACTION_ITEM_ASSIGNED_DUE' : 'reach.message.ACTION_ITEM_ASSIGNED' }],
    at: now,
  });
}
