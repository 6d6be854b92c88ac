// How meeting changes take their rows: every change of a meeting takes the meeting's row first
// (lockMeeting), so concurrent edits of one meeting serialize; unknown ids are NOT_FOUND. Who may
// change a meeting is the policy's question (meetings.policy.ts), asked once the row is held.
import { lockRow } from '../../db/locks.js';
import type { Em } from '../../db/orm.js';
import { Conflict, NotFound } from '../../errors.js';
import { AgendaItem, Meeting } from './meetings.entity.js';

/**
 * Takes the meeting's row for the rest of the transaction (db/locks.ts; SQLite runs one
 * writer at a time anyway) and returns it as it is now: a concurrent change of the same meeting
 * commits first, so the status, agenda and items read afterwards are current. Call it before
 * reading anything the change depends on, and before inserting rows that reference the meeting.
 */
export async function lockMeeting(tx: Em, id: string): Promise<Meeting> {
  const meeting = await lockRow(tx, Meeting, id);
  if (!meeting) throw new NotFound();
  return meeting;
}

/**
 * Locks an agenda item's meeting (lockMeeting), then reads the item afresh: while we waited it may
 * have moved to the other list or been removed. An item never changes meetings, so reading its
 * meeting before the lock is safe.
 */
export async function lockItem(tx: Em, id: string): Promise<AgendaItem> {
  const owner = await tx.findOne(AgendaItem, id, { fields: ['meeting'] });
  if (!owner) throw new NotFound();
  const meeting = await lockMeeting(tx, owner.meeting.id);
  const item = await tx.findOne(AgendaItem, { id, meeting }, { refresh: true });
  if (!item) throw new NotFound();
  return item;
}

/** A closed meeting's agenda is its record, and a cancelled one's is void: neither changes any more. */
export function requireOpen(meeting: Meeting): void {
  if (meeting.status === 'CLOSED') throw new Conflict('meetings.errors.closed');
  if (meeting.status === 'CANCELLED') throw new Conflict('meetings.errors.cancelled');
}

/** Before the meeting starts (generate, publish, start): a cancelled one says so. */
export function requirePlanned(meeting: Meeting): void {
  if (meeting.status === 'CANCELLED') throw new Conflict('meetings.errors.cancelled');
  if (meeting.status !== 'PLANNED') throw new Conflict('meetings.errors.notPlanned');
}
