// The one way anything tells people about an event: `notify(tx, event)`, called by the services
// inside the transaction of the change. It writes each recipient's notification (in the app when
// they want it there), and their mail to the outbox (at once) or marks it for their daily digest,
// by their preference for the kind; all of it commits or rolls back with the change. Nobody is
// told of their own action, and each person gets one notification per event: the first audience
// that names them (most specific first) decides its kind.
import { randomUUID } from 'node:crypto';
import type { NotificationKind } from '@council/shared';
import type { Em } from '../../db/orm.js';
import { liveChanged } from '../../live/publisher.js';
import { zoneOfPerson } from '../../localize.js';
import { User } from '../people/people.entity.js';
import { renderNotificationMail, type MailDetails, type Recipient } from './mail.render.js';
import { mailSettingsOf } from './mail.settings.js';
import { Notification, OutboxMail, type SubjectType } from './notifications.entity.js';
import { preferencesFor } from './preferences.js';

export interface Audience {
  kind: NotificationKind;
  /** Ids of the people to tell; inactive people and the actor are left out. */
  userIds: Iterable<string>;
  /** The message's i18n key; default `reach.message.<kind>`. */
  messageKey?: string;
}

export interface NotifyEvent {
  /** Who did it (never told); null for the system (a deadline, a reminder). */
  actor: { id: string } | null;
  subject: { type: SubjectType; id: string } | null;
  /** Language-neutral message parameters (titles, ISO dates, names). */
  params: Record<string, string | number>;
  /** In priority order. */
  audiences: Audience[];
  at: Date;
  /** More for the mail sent at once, under its message, in the recipient's language (e.g. the case brief's summary). */
  mailDetails?: (recipient: Recipient) => MailDetails;
}

/** Writes the event's notifications and mails; returns how many people were told. */
export async function notify(tx: Em, event: NotifyEvent): Promise<number> {
  const kindOf = new Map<string, Audience>();
  for (const audience of event.audiences) {
    for (const id of audience.userIds) if (id !== event.actor?.id && !kindOf.has(id)) kindOf.set(id, audience);
  }
  if (kindOf.size === 0) return 0;
  const mail = mailSettingsOf(tx);
  // The region only for mail (its time zone dates the mail).
  const users = await tx.find(User, { id: { $in: [...kindOf.keys()] }, active: true }, { populate: mail?.enabled ? ['region'] : [], orderBy: { id: 'asc' } });
  // Written with plain INSERTs, not through the unit of work: an event may tell hundreds of people,
  // and managed entities would stay in the caller's identity map (and be diffed at every flush).
  const notifications: Record<string, unknown>[] = [];
  const mails: Record<string, unknown>[] = [];
  let told = 0;
  for (const audience of event.audiences) {
    const recipients = users.filter((u) => kindOf.get(u.id) === audience);
    if (recipients.length === 0) continue;
    const preferences = await preferencesFor(tx, recipients.map((u) => u.id), audience.kind);
    const messageKey = audience.messageKey ?? `reach.message.${audience.kind}`;
    for (const user of recipients) {
      const preference = preferences.get(user.id)!;
      const email = mail?.enabled ? preference.email : 'OFF';
      if (!preference.inApp && email === 'OFF') continue;
      const item = {
        kind: audience.kind,
        messageKey,
        params: event.params,
        subjectType: event.subject?.type ?? null,
        subjectId: event.subject?.id ?? null,
        createdAt: event.at,
      };
      notifications.push({ ...item, id: randomUUID(), user: user.id, inApp: preference.inApp, digest: email === 'DAILY_DIGEST' ? 'PENDING' : null, readAt: null });
      if (email === 'IMMEDIATE' && mail) {
        const recipient = { id: user.id, name: user.name, email: user.email, locale: user.locale, timeZone: zoneOfPerson(user, user.region) };
        const rendered = renderNotificationMail(mail, recipient, item, event.mailDetails?.(recipient));
        mails.push({ ...rendered, id: randomUUID(), user: user.id, kind: audience.kind, attempts: 0, nextAttemptAt: event.at, claimedUntil: null, sentAt: null, failedAt: null, lastError: null, createdAt: event.at });
      }
      // The bell of everyone told updates once the transaction commits.
      if (preference.inApp) liveChanged(tx, 'notifications', user.id);
      told += 1;
    }
  }
  if (notifications.length) await tx.insertMany(Notification, notifications as never[]);
  if (mails.length) await tx.insertMany(OutboxMail, mails as never[]);
  return told;
}
