// Meetings: the coordinators' regular meetings, their agenda items (scheduled or not), action
// items, the notifications sent to attendees, and the installation's agenda time boxes.
import { EntitySchema } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { AgendaItemKind, MeetingStatus, Timeboxes } from '@council/shared';
import { User } from '../people/people.entity.js';

export type { MeetingStatus };

/** What attendees were sent when the agenda was published; later edits show against it. */
export interface PublishedItem {
  id: string;
  position: number;
  kind: AgendaItemKind;
  title: string;
  titleKey: string | null;
  minutes: number;
}

export class Meeting {
  id: string = randomUUID();
  title!: string;
  startsAt!: Date;
  durationMinutes!: number;
  facilitator!: User;
  status: MeetingStatus = 'PLANNED';
  agendaGeneratedAt?: Date | null;
  agendaPublishedAt?: Date | null;
  publishedAgenda?: PublishedItem[] | null;
  currentItemId?: string | null;
  startedAt?: Date | null;
  closedAt?: Date | null;
  /** The time zone it is held in (its facilitator's when scheduled): minutes, exports and "its day". */
  timeZone = 'UTC';
  /** iCalendar SEQUENCE: bumped on every change of its time, title or status, so calendars update. */
  sequence = 0;
  /**
   * 'running' while IN_PROGRESS, else null. Unique: one running meeting at a time is a rule of the
   * database too, so two meetings started at once on two instances cannot both run.
   */
  runningSlot?: string | null;
  /** Who was invited when it started (the people who attend meetings then): the minutes' attendees. */
  attendeeIds?: string[] | null;
  createdAt: Date = new Date();
  updatedAt: Date = new Date();
}

export const MeetingSchema = new EntitySchema<Meeting>({
  class: Meeting,
  tableName: 'meeting',
  indexes: [{ properties: ['status', 'startsAt'] }],
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    title: { type: 'string', length: 200 },
    startsAt: { type: 'datetime', index: true },
    durationMinutes: { type: 'integer' },
    facilitator: { kind: 'm:1', entity: () => User },
    status: { type: 'string', length: 16 },
    agendaGeneratedAt: { type: 'datetime', nullable: true },
    agendaPublishedAt: { type: 'datetime', nullable: true },
    publishedAgenda: { type: 'json', nullable: true },
    currentItemId: { type: 'string', length: 36, nullable: true },
    startedAt: { type: 'datetime', nullable: true },
    closedAt: { type: 'datetime', nullable: true },
    timeZone: { type: 'string', length: 64, default: 'UTC' },
    sequence: { type: 'integer', default: 0 },
    runningSlot: { type: 'string', length: 8, nullable: true, unique: true },
    attendeeIds: { type: 'json', nullable: true },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
  },
});

export class AgendaItem {
  id: string = randomUUID();
  meeting!: Meeting;
  /** Order within its list (the agenda, or the unscheduled candidates). */
  position!: number;
  scheduled!: boolean;
  kind!: AgendaItemKind;
  title!: string;
  /** For the fixed slots: an i18n key, so the title shows in each reader's language. */
  titleKey?: string | null;
  minutes!: number;
  reasonKey!: string;
  reasonParams: Record<string, string | number> = {};
  subjectType?: string | null;
  subjectId?: string | null;
  notes?: string | null;
  outcome?: string | null;
  done = false;
  startedAt?: Date | null;
  createdAt: Date = new Date();
}

export const AgendaItemSchema = new EntitySchema<AgendaItem>({
  class: AgendaItem,
  tableName: 'agenda_item',
  indexes: [{ properties: ['meeting', 'scheduled', 'position'] }, { properties: ['subjectType', 'subjectId'] }],
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    meeting: { kind: 'm:1', entity: () => Meeting, deleteRule: 'cascade' },
    position: { type: 'integer' },
    scheduled: { type: 'boolean' },
    kind: { type: 'string', length: 16 },
    title: { type: 'string', length: 200 },
    titleKey: { type: 'string', length: 64, nullable: true },
    minutes: { type: 'integer' },
    reasonKey: { type: 'string', length: 64 },
    reasonParams: { type: 'json' },
    subjectType: { type: 'string', length: 16, nullable: true },
    subjectId: { type: 'string', length: 36, nullable: true },
    notes: { type: 'text', nullable: true },
    outcome: { type: 'text', nullable: true },
    done: { type: 'boolean' },
    startedAt: { type: 'datetime', nullable: true },
    createdAt: { type: 'datetime' },
  },
});

export type ActionItemStatus = 'OPEN' | 'DONE';

export class ActionItem {
  id: string = randomUUID();
  meeting!: Meeting;
  agendaItem?: AgendaItem | null;
  title!: string;
  owner!: User;
  dueOn?: Date | null;
  status: ActionItemStatus = 'OPEN';
  createdAt: Date = new Date();
  updatedAt: Date = new Date();
}

export const ActionItemSchema = new EntitySchema<ActionItem>({
  class: ActionItem,
  tableName: 'action_item',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    meeting: { kind: 'm:1', entity: () => Meeting, deleteRule: 'cascade' },
    agendaItem: { kind: 'm:1', entity: () => AgendaItem, nullable: true, deleteRule: 'set null' },
    title: { type: 'string', length: 300 },
    owner: { kind: 'm:1', entity: () => User },
    dueOn: { type: 'datetime', nullable: true },
    status: { type: 'string', length: 8 },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
  },
});

export class AgendaSettings {
  id = 'default';
  timeboxes!: Timeboxes;
  updatedAt: Date = new Date();
}

export const AgendaSettingsSchema = new EntitySchema<AgendaSettings>({
  class: AgendaSettings,
  tableName: 'agenda_settings',
  properties: {
    id: { type: 'string', primary: true, length: 16 },
    timeboxes: { type: 'json' },
    updatedAt: { type: 'datetime' },
  },
});
