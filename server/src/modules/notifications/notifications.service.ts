// The signed-in person's own notification settings and read state.
import { DELIVERIES, NOTIFICATION_KINDS, type Delivery, type NotificationKind } from '@council/shared';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Em } from '../../db/orm.js';
import { liveChanged } from '../../live/publisher.js';
import { parseInput } from '../../validation.js';
import { audit } from '../audit/audit.service.js';
import { User } from '../people/people.entity.js';
import { Notification, NotificationPreference } from './notifications.entity.js';
import { preferencesFor, type Preference } from './preferences.js';

/** Marks the given notifications of `actor` read (all of them when `ids` is omitted); how many changed. */
export async function markNotificationsRead(em: Em, actor: User, ids?: readonly string[] | null, now = new Date()): Promise<number> {
  return em.transactional(async (tx) => {
    const where = ids ? { user: actor, readAt: null, id: { $in: [...ids] } } : { user: actor, readAt: null };
    if (ids && ids.length === 0) return 0;
    const marked = await tx.nativeUpdate(Notification, where, { readAt: now });
    if (marked > 0) {
      // A native update: the live publisher never sees it in a flush.
      liveChanged(tx, 'notifications', actor.id);
      audit(tx, { actor, action: 'notifications.read', subject: actor, after: { count: marked }, at: now });
    }
    return marked;
  });
}

const preferenceSchema = z.object({
  kind: z.enum(NOTIFICATION_KINDS),
  email: z.enum(DELIVERIES),
  inApp: z.boolean().optional(),
});

/** Sets one kind's delivery for `actor`; an omitted `inApp` keeps the current choice. */
export async function setNotificationPreference(
  em: Em,
  actor: User,
  input: { kind: NotificationKind; email: Delivery; inApp?: boolean | null },
  now = new Date(),
): Promise<Preference> {
  const data = parseInput(preferenceSchema, { ...input, inApp: input.inApp ?? undefined });
  return em.transactional(async (tx) => {
    const current = (await preferencesFor(tx, [actor.id], data.kind)).get(actor.id)!;
    const next: Preference = { kind: data.kind, email: data.email, inApp: data.inApp ?? current.inApp };
    // One statement, whatever another request of the same person does at the same time.
    await tx
      .createQueryBuilder(NotificationPreference)
      .insert({ id: randomUUID(), user: actor.id, kind: data.kind, inApp: next.inApp, email: next.email, updatedAt: now })
      .onConflict(['user', 'kind'])
      .merge(['inApp', 'email', 'updatedAt'])
      .execute('run');
    if (current.email !== next.email || current.inApp !== next.inApp) {
      audit(tx, { actor, action: 'notifications.preferenceSet', subject: actor, before: { ...current }, after: { ...next }, at: now });
    }
    return next;
  });
}

const HOUR = 'reach.validation.digestHour';
const hourSchema = z.object({ hour: z.number().int(HOUR).min(0, HOUR).max(23, HOUR) });

export async function setDigestHour(em: Em, actor: User, hour: number, now = new Date()): Promise<User> {
  const data = parseInput(hourSchema, { hour });
  return em.transactional(async (tx) => {
    const user = await tx.findOneOrFail(User, actor.id);
    if (user.digestHour !== data.hour) {
      audit(tx, { actor, action: 'notifications.digestHourSet', subject: user, before: { hour: user.digestHour }, after: { hour: data.hour }, at: now });
      user.digestHour = data.hour;
    }
    return user;
  });
}
