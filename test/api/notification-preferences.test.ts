// The account page's API: each person's notification preferences (defaults, one kind changed at
// a time, an omitted inApp kept), the digest hour (0-23; anything else refused, writing nothing),
// nobody else's preferences readable, and marking given notifications read (only those, only the
// viewer's own).
import { DEFAULT_DIGEST_HOUR, DEFAULT_EMAIL_DELIVERY, NOTIFICATION_KINDS } from '@council/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { Client, People } from '../support/client.js';
import { writesNothing as writesNothingIn } from '../support/db.js';
import * as f from '../support/factories.js';
import { gid } from '../support/ids.js';
import { Notification } from '../../server/src/modules/notifications/notifications.entity.js';
import type { User } from '../../server/src/modules/people/people.entity.js';

let t: TestApp;
let people: People;
let ana: User;
let ben: User;

beforeAll(async () => {
  t = await startTestApp({ sweepIntervalMs: 0 });
  people = new People(t.app);
  const em = t.orm.em.fork();
  const region = await f.region(em, { timeZone: 'Europe/Copenhagen' });
  ana = await f.user(em, { region });
  ben = await f.user(em, { region });
});
afterAll(() => t.close());

const as = (u: User) => people.as(u);
const writesNothing = (act: () => Promise<unknown>) => writesNothingIn(t.orm.em, act);

const MINE = `{ viewer { digestHour region { timeZone } notificationPreferences { kind inApp email } } }`;
const SET = `mutation($kind: NotificationKind!, $email: Delivery!, $inApp: Boolean) { setNotificationPreference(kind: $kind, email: $email, inApp: $inApp) { kind inApp email } }`;
const HOUR = `mutation($hour: Int!) { setDigestHour(hour: $hour) { id digestHour } }`;
const MARK = `mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }`;

describe('notification preferences', () => {
  it('starts from the defaults, one per kind in the contract\'s order, and the default digest hour', async () => {
    const { viewer } = await (await as(ana)).ok(MINE);
    expect(viewer.notificationPreferences).toEqual(NOTIFICATION_KINDS.map((kind) => ({ kind, inApp: true, email: DEFAULT_EMAIL_DELIVERY[kind] })));
    expect(viewer.digestHour).toBe(DEFAULT_DIGEST_HOUR);
    expect(viewer.region.timeZone).toBe('Europe/Copenhagen');
  });

  it('changes one kind of the viewer only, keeps inApp when it is left out, and keeps the choice', async () => {
    const c = await as(ana);
    expect((await c.ok(SET, { kind: 'AGENDA_PUBLISHED', email: 'OFF', inApp: false })).setNotificationPreference).toEqual({ kind: 'AGENDA_PUBLISHED', inApp: false, email: 'OFF' });
    // inApp left out: stays false.
    expect((await c.ok(SET, { kind: 'AGENDA_PUBLISHED', email: 'IMMEDIATE' })).setNotificationPreference).toEqual({ kind: 'AGENDA_PUBLISHED', inApp: false, email: 'IMMEDIATE' });
    const mine = (await c.ok(MINE)).viewer.notificationPreferences;
    expect(mine.find((p: any) => p.kind === 'AGENDA_PUBLISHED')).toEqual({ kind: 'AGENDA_PUBLISHED', inApp: false, email: 'IMMEDIATE' });
    expect(mine.filter((p: any) => p.kind !== 'AGENDA_PUBLISHED')).toEqual(
      NOTIFICATION_KINDS.filter((k) => k !== 'AGENDA_PUBLISHED').map((kind) => ({ kind, inApp: true, email: DEFAULT_EMAIL_DELIVERY[kind] })),
    );
    // Ben's are untouched.
    const bens = (await (await as(ben)).ok(MINE)).viewer.notificationPreferences;
    expect(bens.find((p: any) => p.kind === 'AGENDA_PUBLISHED')).toEqual({ kind: 'AGENDA_PUBLISHED', inApp: true, email: DEFAULT_EMAIL_DELIVERY.AGENDA_PUBLISHED });
  });

  it("refuses to show anyone else's preferences or digest hour", async () => {
    const c = await as(ana);
    const other = gid('User', ben.id);
    expect(await c.code(`query($id: ID!) { node(id: $id) { ... on User { notificationPreferences { kind } } } }`, { id: other })).toBe('FORBIDDEN');
    expect(await c.code(`query($id: ID!) { node(id: $id) { ... on User { digestHour } } }`, { id: other })).toBe('FORBIDDEN');
    expect(await c.code(`{ people { name notificationPreferences { kind } } }`)).toBe('FORBIDDEN');
    // Their own, through node, is fine.
    const own = await c.ok(`query($id: ID!) { node(id: $id) { ... on User { digestHour } } }`, { id: gid('User', ana.id) });
    expect(typeof own.node.digestHour).toBe('number');
  });

  it('refuses a signed-out person, writing nothing', async () => {
    const anon = new Client(t.app);
    await writesNothing(async () => {
      expect(await anon.code(SET, { kind: 'REPLY', email: 'OFF' })).toBe('UNAUTHENTICATED');
      expect(await anon.code(HOUR, { hour: 9 })).toBe('UNAUTHENTICATED');
      expect(await anon.code(MARK, {})).toBe('UNAUTHENTICATED');
    });
  });
});

describe('digest hour', () => {
  it('takes 0 to 23 and keeps it', async () => {
    const c = await as(ana);
    expect((await c.ok(HOUR, { hour: 23 })).setDigestHour.digestHour).toBe(23);
    expect((await c.ok(MINE)).viewer.digestHour).toBe(23);
    expect((await c.ok(HOUR, { hour: 0 })).setDigestHour.digestHour).toBe(0);
    expect((await c.ok(MINE)).viewer.digestHour).toBe(0);
  });

  it.each([24, -1, 100])('refuses %i with BAD_USER_INPUT naming the field, writing nothing', async (hour) => {
    const c = await as(ana);
    await c.ok(HOUR, { hour: 8 });
    await writesNothing(async () => {
      const result = await c.gql(HOUR, { hour });
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(Object.keys(result.errors?.[0].extensions?.fields ?? {})).toEqual(['hour']);
      expect(result.errors?.[0].extensions?.fields?.hour).toBeTruthy();
    });
    expect((await c.ok(MINE)).viewer.digestHour).toBe(8);
  });
});

describe('marking notifications read', () => {
  /** Three unread notifications of Ana and one of Ben; their global ids. */
  async function notifications() {
    const em = t.orm.em.fork();
    const make = (user: User, title: string) =>
      em.create(Notification, {
        user: user.id,
        kind: 'ACTION_ITEM_ASSIGNED',
        messageKey: 'notifications.actionAssigned',
        params: { title, meeting: 'Weekly' },
        readAt: null,
        createdAt: new Date(),
      });
    const mine = [make(ana, 'One'), make(ana, 'Two'), make(ana, 'Three')];
    const bens = make(ben, 'Four');
    await em.flush();
    return { mine: mine.map((n) => gid('Notification', n.id)), bens: gid('Notification', bens.id) };
  }

  const readState = async (u: User) =>
    Object.fromEntries(((await (await as(u)).ok(`{ notifications(first: 100) { id read } }`)).notifications as { id: string; read: boolean }[]).map((n) => [n.id, n.read]));

  it("marks only the given ones, and only the viewer's own", async () => {
    await (await as(ana)).ok(MARK, {});
    await (await as(ben)).ok(MARK, {});
    const { mine, bens } = await notifications();
    const c = await as(ana);
    const count = async () => (await c.ok(`{ unreadNotificationCount }`)).unreadNotificationCount;
    expect(await count()).toBe(3);

    // One of hers and one of Ben's: only hers changes.
    expect((await c.ok(MARK, { ids: [mine[0], bens] })).markNotificationsRead).toBe(1);
    let state = await readState(ana);
    expect([state[mine[0]], state[mine[1]], state[mine[2]]]).toEqual([true, false, false]);
    expect(await count()).toBe(2);
    expect((await readState(ben))[bens]).toBe(false);

    // Already read, none, or only someone else's: nothing changes.
    await writesNothing(async () => {
      expect((await c.ok(MARK, { ids: [mine[0]] })).markNotificationsRead).toBe(0);
      expect((await c.ok(MARK, { ids: [] })).markNotificationsRead).toBe(0);
      expect((await c.ok(MARK, { ids: [bens] })).markNotificationsRead).toBe(0);
    });
    expect((await readState(ben))[bens]).toBe(false);

    // Without ids: all of hers, still none of Ben's.
    expect((await c.ok(MARK, {})).markNotificationsRead).toBe(2);
    state = await readState(ana);
    expect(mine.map((id) => state[id])).toEqual([true, true, true]);
    expect(await count()).toBe(0);
    expect((await readState(ben))[bens]).toBe(false);
  });
});
