// Each person's delivery choice per notification kind: a stored row, or the defaults.
import { DEFAULT_EMAIL_DELIVERY, NOTIFICATION_KINDS, type Delivery, type NotificationKind } from '@council/shared';
import type { Em } from '../../db/orm.js';
import { NotificationPreference } from './notifications.entity.js';

export interface Preference {
  kind: NotificationKind;
  inApp: boolean;
  email: Delivery;
}

export const defaultPreference = (kind: NotificationKind): Preference => ({ kind, inApp: true, email: DEFAULT_EMAIL_DELIVERY[kind] });

/** One person's preferences, every kind, in the contract's order. */
export async function preferencesOf(em: Em, userId: string): Promise<Preference[]> {
  const rows = await em.find(NotificationPreference, { user: userId });
  const byKind = new Map(rows.map((r) => [r.kind, r]));
  return NOTIFICATION_KINDS.map((kind) => {
    const row = byKind.get(kind);
    return row ? { kind, inApp: row.inApp, email: row.email } : defaultPreference(kind);
  });
}

/** The preferences of many people for one kind, in one query: user id → preference. */
export async function preferencesFor(em: Em, userIds: readonly string[], kind: NotificationKind): Promise<Map<string, Preference>> {
  const rows = userIds.length ? await em.find(NotificationPreference, { user: { $in: [...userIds] }, kind }) : [];
  const byUser = new Map(rows.map((r) => [r.user.id, { kind, inApp: r.inApp, email: r.email }]));
  return new Map(userIds.map((id) => [id, byUser.get(id) ?? defaultPreference(kind)]));
}
