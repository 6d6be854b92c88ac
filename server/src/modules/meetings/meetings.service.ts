// Running meetings: schedule, start, move through the agenda, close (unfinished items carry over
// into the next meeting's agenda), action items and notifications. Who may is meetings.policy's
// answer (facilitators; an owner ticks their own action item); each operation is one audited
// transaction.
import { actionItemSchema, scheduleMeetingSchema } from '@council/shared';
import type { Em } from '../../db/orm.js';
import { Conflict, InvalidInput, NotFound } from '../../errors.js';
import { parseInput } from '../../validation.js';
import { audit } from '../audit/audit.service.js';
import { User } from '../people/people.entity.js';
import { listOf } from './agenda.service.js';
import { ActionItem, AgendaItem, Meeting } from './meetings.entity.js';
import { lockMeeting } from './meetings.locks.js';
import { meetingPolicy } from './meetings.policy.js';
import { notify } from '../notifications/notify.js';

export async function scheduleMeeting(em: Em, actor: User, input: { title: string; startsAt: Date; durationMinutes: number }, now = new Date()): Promise<Meeting> {
  meetingPolicy.authorize(actor, 'schedule');
  const data = parseInput(scheduleMeetingSchema, input);
  return em.transactional(async (tx) => {
    const meeting = tx.create(Meeting, { ...data, facilitator: actor, status: 'PLANNED', createdAt: now, updatedAt: now });
    audit(tx, { actor, action: 'meeting.scheduled', subject: meeting, after: { title: data.title, startsAt: data.startsAt.toISOString(), durationMinutes: data.durationMinutes }, at: now });
    return meeting;
  });
}

export async function startMeeting(em: Em, actor: User, meetingId: string, now = new Date()): Promise<Meeting> {
  return em.transactional(async (tx) => {
    const meeting = await lockMeeting(tx, meetingId);
    meetingPolicy.authorize(actor, 'manage', meeting);
    if (meeting.status !== 'PLANNED') throw new Conflict('meetings.errors.notPlanned');
    const [first] = await listOf(tx, meeting, true);
    meeting.status = 'IN_PROGRESS';
    meeting.startedAt = now;
    meeting.currentItemId = first?.id ?? null;
    if (first) first.startedAt = now;
    meeting.updatedAt = now;
    audit(tx, { actor, action: 'meeting.started', subject: meeting, before: { status: 'PLANNED' }, after: { status: 'IN_PROGRESS' }, at: now });
    return meeting;
  });
}

/** Moves the meeting to an item (the next one when `itemId` is omitted), starting its timer. */
export async function setCurrentItem(em: Em, actor: User, meetingId: string, itemId: string | null, now = new Date()): Promise<Meeting> {
  return em.transactional(async (tx) => {
    const meeting = await lockMeeting(tx, meetingId);
    meetingPolicy.authorize(actor, 'manage', meeting);
    if (meeting.status !== 'IN_PROGRESS') throw new Conflict('meetings.errors.notRunning');
    const agenda = await listOf(tx, meeting, true);
    let target: AgendaItem | undefined;
    if (itemId) {
      target = agenda.find((i) => i.id === itemId);
      if (!target) throw new NotFound();
    } else {
      const at = agenda.findIndex((i) => i.id === meeting.currentItemId);
      target = agenda[at + 1];
      if (!target) throw new Conflict('meetings.errors.lastItem');
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
    meeting.updatedAt = now;
    audit(tx, { actor, action: 'meeting.closed', subject: meeting, before: { status: 'IN_PROGRESS' }, after: { status: 'CLOSED', carriedOver: open }, at: now });
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
