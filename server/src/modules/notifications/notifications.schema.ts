// GraphQL types and fields of notifications: the list and unread count (live), read state, and
// the signed-in person's delivery preferences.
import { DELIVERIES, NOTIFICATION_KINDS } from '@council/shared';
import { Forbidden } from '../../errors.js';
import { OPEN_TO_CONTACTS, builder } from '../../graphql/builder.js';
import type { Context } from '../../graphql/context.js';
import { idOf } from '../../graphql/ids.js';
import { registerNode } from '../../graphql/node.js';
import { changesOf, freshView } from '../../graphql/live.js';
import { subjectOf } from '../../graphql/subject.js';
import { localize, zoneOf } from '../../localize.js';
import { UserRef } from '../people/people.schema.js';
import { Notification } from './notifications.entity.js';
import { markNotificationsRead, setDigestHour, setNotificationPreference } from './notifications.service.js';
import { preferencesOf, type Preference } from './preferences.js';

export const NotificationKindEnum = builder.enumType('NotificationKind', { values: NOTIFICATION_KINDS });
const DeliveryEnum = builder.enumType('Delivery', { values: DELIVERIES });

export const NotificationRef = builder.objectRef<Notification>('Notification').implement({
  interfaces: [builder.nodeInterfaceRef()],
  isTypeOf: (n) => n instanceof Notification,
  fields: (t) => ({
    id: t.id({ resolve: (n) => Buffer.from(`Notification:${n.id}`).toString('base64') }),
    kind: t.field({ type: NotificationKindEnum, resolve: (n) => n.kind }),
    message: t.string({
      description: "One line in the reader's language.",
      resolve: async (n, _a, ctx) => localize(ctx.locale, n.messageKey, n.params, await zoneOf(ctx)),
    }),
    subject: t.field({
      type: builder.nodeInterfaceRef(),
      nullable: true,
      description: 'What it is about (issue, proposal, meeting); null when that is gone.',
      resolve: (n, _a, ctx) => subjectOf(n.subjectType, n.subjectId, ctx) as never,
    }),
    read: t.boolean({ resolve: (n) => !!n.readAt }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const NotificationPreferenceRef = builder.objectRef<Preference>('NotificationPreference').implement({
  fields: (t) => ({
    kind: t.field({ type: NotificationKindEnum, resolve: (p) => p.kind }),
    inApp: t.exposeBoolean('inApp'),
    email: t.field({ type: DeliveryEnum, resolve: (p) => p.email }),
  }),
});

const ownOnly = (ctx: Context, userId: string) => {
  if (ctx.viewer?.id !== userId) throw new Forbidden();
};

builder.objectFields(UserRef, (t) => ({
  notificationPreferences: t.field({
    type: [NotificationPreferenceRef],
    description: "The signed-in person's own preferences (others: FORBIDDEN), one per kind.",
    resolve: (u, _a, ctx) => {
      ownOnly(ctx, u.id);
      return preferencesOf(ctx.em, u.id);
    },
  }),
  digestHour: t.int({
    description: "Hour of the day (0-23, in the person's time zone) when the daily digest is sent.",
    resolve: (u, _a, ctx) => {
      ownOnly(ctx, u.id);
      return u.digestHour;
    },
  }),
}));

/** Notifications the person sees in the app (their in-app choice when each was written). */
const shown = (ctx: Context) => ({ user: ctx.viewer!.id, inApp: true });
const unreadCount = (ctx: Context) => ctx.em.count(Notification, { ...shown(ctx), readAt: null });

builder.queryFields((t) => ({
  notifications: t.field({
    ...OPEN_TO_CONTACTS,
    type: [NotificationRef],
    description: "The signed-in person's notifications, newest first.",
    args: { first: t.arg.int({ defaultValue: 30 }) },
    resolve: (_r, args, ctx) =>
      ctx.em.find(Notification, shown(ctx), { orderBy: { createdAt: 'desc', id: 'desc' }, limit: Math.min(100, Math.max(1, args.first ?? 30)) }),
  }),
  unreadNotificationCount: t.int({ ...OPEN_TO_CONTACTS, resolve: (_r, _a, ctx) => unreadCount(ctx) }),
}));

builder.mutationFields((t) => ({
  markNotificationsRead: t.int({
    description: "Marks the given notifications read, or all of the signed-in person's when ids is omitted; returns how many changed.",
    args: { ids: t.arg.idList() },
    resolve: (_r, args, ctx) =>
      markNotificationsRead(ctx.em, ctx.viewer!, args.ids ? args.ids.map((id) => idOf(String(id), 'Notification')) : null),
  }),
  setNotificationPreference: t.field({
    type: NotificationPreferenceRef,
    args: {
      kind: t.arg({ type: NotificationKindEnum, required: true }),
      email: t.arg({ type: DeliveryEnum, required: true }),
      inApp: t.arg.boolean(),
    },
    resolve: (_r, args, ctx) => setNotificationPreference(ctx.em, ctx.viewer!, args),
  }),
  setDigestHour: t.field({
    type: UserRef,
    args: { hour: t.arg.int({ required: true }) },
    resolve: (_r, args, ctx) => setDigestHour(ctx.em, ctx.viewer!, args.hour),
  }),
}));

builder.subscriptionFields((t) => ({
  unreadNotificationCount: t.int({
    description: "The signed-in person's unread notification count now, then each time it may have changed.",
    // The viewer's own notifications: nothing to look up before subscribing.
    subscribe: (_r, _a, ctx) => changesOf(ctx, 'notifications', ctx.viewer!.id),
    resolve: async (_id, _a, ctx) => {
      await freshView(ctx);
      return unreadCount(ctx);
    },
  }),
}));

// A person's own notification only: anyone else's is simply not found.
registerNode('Notification', (ctx, id) => (ctx.viewer ? ctx.em.findOne(Notification, { id, user: ctx.viewer.id }) : Promise.resolve(null)));
