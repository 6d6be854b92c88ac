// Shared rules of the meetings domain: only facilitators change meetings; loading with NOT_FOUND.
import type { Em } from '../../db/orm.js';
import { Conflict, Forbidden, NotFound } from '../../errors.js';
import type { User } from '../people/people.entity.js';
import { AgendaItem, Meeting } from './meetings.entity.js';

export function requireFacilitator(actor: User): void {
  if (!actor.hasRole('FACILITATOR')) throw new Forbidden('errors.facilitatorOnly');
}

export async function loadMeeting(em: Em, id: string): Promise<Meeting> {
  const meeting = await em.findOne(Meeting, id);
  if (!meeting) throw new NotFound();
  return meeting;
}

export async function loadItem(em: Em, id: string): Promise<AgendaItem> {
  const item = await em.findOne(AgendaItem, id, { populate: ['meeting'] });
  if (!item) throw new NotFound();
  return item;
}

export function requireOpen(meeting: Meeting): void {
  if (meeting.status === 'CLOSED') throw new Conflict('meetings.errors.closed');
}
