// Notifications (in the app), each person's delivery preferences, the mail outbox and the
// reminders already sent.
import { EntitySchema, type Opt } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { Delivery, NotificationKind } from '@council/shared';
import { User } from '../people/people.entity.js';

export type SubjectType = 'Issue' | 'Proposal' | 'Meeting' | 'Policy';

export class Notification {
  id: string = randomUUID();
  user!: User;
  kind!: NotificationKind;
  /** i18n key and parameters, so the text follows the reader's language. */
  messageKey!: string;
  params: Record<string, string | number> = {};
  subjectType?: string | null;
  subjectId?: string | null;
  /** Shown in the app (the person's in-app preference for the kind when it was written). */
  inApp: Opt<boolean> = true;
  /** PENDING: waits for the person's next daily digest; SENT: was in one; null: not for a digest. */
  digest?: 'PENDING' | 'SENT' | null;
  readAt?: Date | null;
  createdAt: Date = new Date();
}

export const NotificationSchema = new EntitySchema<Notification>({
  class: Notification,
  tableName: 'notification',
  indexes: [{ properties: ['user', 'createdAt'] }, { properties: ['digest', 'user'] }],
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    user: { kind: 'm:1', entity: () => User, deleteRule: 'cascade' },
    kind: { type: 'string', length: 32 },
    messageKey: { type: 'string', length: 64 },
    params: { type: 'json' },
    subjectType: { type: 'string', length: 16, nullable: true },
    subjectId: { type: 'string', length: 36, nullable: true },
    inApp: { type: 'boolean', default: true },
    digest: { type: 'string', length: 8, nullable: true },
    readAt: { type: 'datetime', nullable: true },
    createdAt: { type: 'datetime' },
  },
});

/** A person's choice for one kind; a kind without a row has the defaults (shared/enums.ts). */
export class NotificationPreference {
  id: string = randomUUID();
  user!: User;
  kind!: NotificationKind;
  inApp = true;
  email!: Delivery;
  updatedAt: Date = new Date();
}

export const NotificationPreferenceSchema = new EntitySchema<NotificationPreference>({
  class: NotificationPreference,
  tableName: 'notification_preference',
  uniques: [{ properties: ['user', 'kind'] }],
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    user: { kind: 'm:1', entity: () => User, deleteRule: 'cascade' },
    kind: { type: 'string', length: 32 },
    inApp: { type: 'boolean' },
    email: { type: 'string', length: 16 },
    updatedAt: { type: 'datetime' },
  },
});

/**
 * A mail to send, written in the same transaction as what it tells about, sent by the
 * scheduled-work runner: claimed (claimedUntil) so that one instance sends it, retried with
 * back-off, kept with its outcome.
 */
export class OutboxMail {
  id: string = randomUUID();
  user?: User | null;
  to!: string;
  /** The notification kind, or null for a digest. */
  kind?: string | null;
  subject!: string;
  text!: string;
  html!: string;
  headers: Record<string, string> = {};
  attempts = 0;
  nextAttemptAt: Date = new Date();
  claimedUntil?: Date | null;
  sentAt?: Date | null;
  /** Set when the mail was given up on (too many failed attempts). */
  failedAt?: Date | null;
  lastError?: string | null;
  createdAt: Date = new Date();
}

export const OutboxMailSchema = new EntitySchema<OutboxMail>({
  class: OutboxMail,
  tableName: 'outbox_mail',
  indexes: [{ properties: ['sentAt', 'failedAt', 'nextAttemptAt'] }],
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    user: { kind: 'm:1', entity: () => User, nullable: true, deleteRule: 'set null' },
    to: { type: 'string', length: 254 },
    kind: { type: 'string', length: 32, nullable: true },
    subject: { type: 'string', length: 300 },
    text: { type: 'text' },
    html: { type: 'text' },
    headers: { type: 'json' },
    attempts: { type: 'integer', default: 0 },
    nextAttemptAt: { type: 'datetime' },
    claimedUntil: { type: 'datetime', nullable: true },
    sentAt: { type: 'datetime', nullable: true },
    failedAt: { type: 'datetime', nullable: true },
    lastError: { type: 'string', length: 500, nullable: true },
    createdAt: { type: 'datetime' },
  },
});

/** A reminder that went out: its key (what, which due date) is written once, so it is sent once. */
export class ReminderSent {
  key!: string;
  sentAt: Date = new Date();
}

export const ReminderSentSchema = new EntitySchema<ReminderSent>({
  class: ReminderSent,
  tableName: 'reminder_sent',
  properties: {
    key: { type: 'string', primary: true, length: 160 },
    sentAt: { type: 'datetime' },
  },
});
