// Notifications in Chromium: the facilitator publishes an agenda and assigns an action item (real
// actions through the API); the coordinator sees them grouped by meeting in the bell and on the
// notifications page (a new one arrives there live), opens one (its meeting shows, that one is
// read, the count drops by one); on /account they turn a kind's email off and move the digest
// hour, reload, and the choices are kept; the pages work at 360 px and have no serious axe finding.
import { NOTIFICATION_KINDS } from '@council/shared';
import { createRequire } from 'node:module';
import type { APIRequestContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signIn, useBrowser } from './browser.js';

const b = useBrowser();
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const MEETING = 'Notifications check-in';

/** A GraphQL call with the context's cookies (the same API the web uses); throws on errors. */
async function gql<T = any>(api: APIRequestContext, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await api.post(`${b.baseUrl}/graphql`, { data: { query, variables }, headers: { 'content-type': 'application/json' } });
  const body = (await res.json()) as { data?: T; errors?: unknown[] };
  if (body.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data as T;
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The number on the bell (none shown: 0). */
async function bellCount(page: Page): Promise<number> {
  const badge = page.getByTestId('notifications-count');
  return (await badge.count()) ? Number(await badge.textContent()) : 0;
}

/** Each group's subject key and its notifications' ids, in order. */
async function groupsOf(page: Page, within: string) {
  return page.locator(`${within} [data-testid="notification-group"]`).evaluateAll((els) =>
    els.map((el) => ({
      subject: el.getAttribute('data-subject'),
      title: el.querySelector('[data-testid="notification-group-title"]')?.textContent ?? null,
      ids: [...el.querySelectorAll('[data-testid="notification-item"]')].map((li) => li.getAttribute('data-id')),
      read: [...el.querySelectorAll('[data-testid="notification-item"]')].map((li) => li.getAttribute('data-read')),
    })),
  );
}

/** The grouping the lists should show, from the API's newest-first list: one group per subject, in order of its newest notification. */
async function expectedGroups(api: APIRequestContext, first: number) {
  const { notifications } = await gql(api, `query($first: Int!) { notifications(first: $first) { id subject { __typename id } } }`, { first });
  const groups: { subject: string; ids: string[] }[] = [];
  const bySubject = new Map<string, { subject: string; ids: string[] }>();
  for (const n of notifications as { id: string; subject: { __typename: string; id: string } | null }[]) {
    const key = n.subject ? `${n.subject.__typename}:${n.subject.id}` : '';
    const group = key ? bySubject.get(key) : undefined;
    if (group) group.ids.push(n.id);
    else {
      const created = { subject: key, ids: [n.id] };
      if (key) bySubject.set(key, created);
      groups.push(created);
    }
  }
  return groups;
}

/** The list inside `within` shows exactly the expected groups (reminders of the scheduled work may arrive meanwhile: poll). */
async function expectGroupedAsApi(page: Page, within: string, api: APIRequestContext, first: number) {
  await expect
    .poll(async () => {
      const shown = (await groupsOf(page, within)).map((g) => ({ subject: g.subject, ids: g.ids }));
      return JSON.stringify(shown) === JSON.stringify(await expectedGroups(api, first));
    }, { timeout: 10_000 })
    .toBe(true);
  const subjects = (await groupsOf(page, within)).map((g) => g.subject).filter((key) => key);
  expect(new Set(subjects).size).toBe(subjects.length);
  expect(subjects.length).toBeGreaterThan(1);
}

async function meetingGroup(page: Page, within: string, meetingId: string) {
  const group = (await groupsOf(page, within)).find((g) => g.subject === `Meeting:${meetingId}`);
  if (!group) throw new Error(`no group for the meeting in ${within}`);
  return group;
}

describe('notifications in the browser', () => {
  it('groups by subject in the bell and the page, follows new ones live, and opening one reads only that one', async () => {
    // Siobhan starts with everything read (the demo's notifications stay, read). Reminders of the
    // scheduled work may arrive at any moment, so counts are checked against her unread ones.
    const { page } = await b.person();
    await signIn(page, b.baseUrl, 'coordinator4@council.test');
    const me = page.context().request;
    await gql(me, `mutation { markNotificationsRead }`);
    const unread = async () =>
      new Set(((await gql(me, `{ notifications(first: 100) { id read } }`)).notifications as { id: string; read: boolean }[]).filter((n) => !n.read).map((n) => n.id));
    const serverCount = async () => (await gql(me, `{ unreadNotificationCount }`)).unreadNotificationCount as number;

    // The facilitator, through the API: a meeting with a published agenda and an action item for Siobhan.
    const fac = await b.person();
    await gql(fac.context.request, `mutation { signIn(email: "facilitator@council.test", password: "council-demo") { id } }`);
    const startsAt = new Date(Date.now() + 5 * 86_400_000).toISOString();
    const { scheduleMeeting: meeting } = await gql(fac.context.request, `mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`, {
      input: { title: MEETING, startsAt, durationMinutes: 45 },
    });
    await gql(fac.context.request, `mutation($id: ID!) { generateAgenda(meetingId: $id) { id } }`, { id: meeting.id });
    await gql(fac.context.request, `mutation($id: ID!) { publishAgenda(meetingId: $id) { id } }`, { id: meeting.id });
    const { people } = await gql(fac.context.request, `{ people { id email } }`);
    const owner = people.find((p: { email: string }) => p.email === 'coordinator4@council.test').id;
    const assign = (title: string) =>
      gql(fac.context.request, `mutation($input: CreateActionItemInput!) { createActionItem(input: $input) { id } }`, { input: { meetingId: meeting.id, ownerId: owner, title } });
    await assign('Send the holiday return figures');

    // The bell, already open in her page, counts them; its panel groups the meeting's two under its title, newest group first.
    await expect.poll(() => bellCount(page)).toBeGreaterThanOrEqual(2);
    await page.getByTestId('notifications-bell').click();
    const panel = page.getByTestId('notifications-panel');
    await panel.getByTestId('notification-group').first().waitFor();
    await expectGroupedAsApi(page, '[data-testid="notifications-panel"]', me, 8);
    const inBell = await meetingGroup(page, '[data-testid="notifications-panel"]', meeting.id);
    expect(inBell.title).toContain(MEETING);
    expect(inBell.read).toEqual(['false', 'false']);
    expect(await panel.getByTestId('notification-unread').first().textContent()).toBe('Unread');

    // The page: the same grouping.
    await panel.getByRole('link', { name: 'All notifications' }).click();
    await page.getByTestId('notifications-page-list').waitFor();
    await expectGroupedAsApi(page, '[data-testid="notifications-page-list"]', me, 100);
    expect((await meetingGroup(page, '[data-testid="notifications-page-list"]', meeting.id)).ids).toEqual(inBell.ids);
    expect(await seriousViolations(page)).toEqual([]);

    // A new one arrives while the page is open: it joins its meeting's group without a reload, and the bell counts it.
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
    const before = await bellCount(page);
    await assign('Check the gift receipt wording');
    await expect.poll(async () => (await meetingGroup(page, '[data-testid="notifications-page-list"]', meeting.id)).ids.length, { timeout: 5_000 }).toBe(3);
    await expect.poll(() => bellCount(page)).toBeGreaterThan(before);
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);

    // Opening one (from the bell) shows its meeting and reads that one only: the count drops by one.
    const [first, ...others] = (await meetingGroup(page, '[data-testid="notifications-page-list"]', meeting.id)).ids as string[];
    const unreadBefore = await unread();
    expect(unreadBefore.has(first)).toBe(true);
    await page.getByTestId('notifications-bell').click();
    await panel.locator(`[data-testid="notification-item"][data-id="${first}"]`).getByTestId('notification-link').click();
    await expect.poll(() => page.getByTestId('meeting-heading').textContent()).toBe(MEETING);
    expect(page.url()).toContain(`/meetings/${encodeURIComponent(meeting.id)}`);
    await expect.poll(async () => (await unread()).has(first)).toBe(false);
    const unreadAfter = await unread();
    expect([...unreadBefore].filter((id) => !unreadAfter.has(id))).toEqual([first]);
    const arrived = [...unreadAfter].filter((id) => !unreadBefore.has(id)).length;
    expect(await serverCount()).toBe(unreadBefore.size - 1 + arrived);
    await expect.poll(async () => (await bellCount(page)) === (await serverCount())).toBe(true);

    await page.goto(`${b.baseUrl}/notifications`);
    await page.getByTestId('notifications-page-list').waitFor();
    const group = await meetingGroup(page, '[data-testid="notifications-page-list"]', meeting.id);
    expect(Object.fromEntries(group.ids.map((id, i) => [id, group.read[i]]))).toEqual(Object.fromEntries([[first, 'true'], ...others.map((id) => [id, 'false'])]));
  });

  it('keeps the choices made on the account page, and works at 360 px', async () => {
    const { page } = await b.person();
    await signIn(page, b.baseUrl, 'coordinator4@council.test');
    await page.getByTestId('account-link').click();
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
    expect(await page.getByTestId('account-name').textContent()).toBe('Siobhan Murphy');
    expect(await page.getByTestId('account-email').textContent()).toBe('coordinator4@council.test');
    expect(await page.getByTestId('account-region').textContent()).toBe('UK & Ireland');
    await expect.poll(() => page.getByTestId('preference-row').count()).toBe(NOTIFICATION_KINDS.length);
    // The digest's hour is in the person's zone, here their region's (the time zone choice names it too).
    await page.getByText(/Time zone: .*Europe\/London/).waitFor();

    // Agenda published: email off. The row says it is saved.
    const row = page.locator('[data-testid="preference-row"][data-kind="AGENDA_PUBLISHED"]');
    await row.getByRole('combobox', { name: 'Email Agenda published' }).selectOption('OFF');
    await expect.poll(() => row.getByTestId('preference-status').textContent()).toContain('Saved');
    // Replies: not in the app.
    const replies = page.locator('[data-testid="preference-row"][data-kind="REPLY"]');
    await replies.getByRole('checkbox', { name: 'In the app Replies' }).uncheck();
    await expect.poll(() => replies.getByTestId('preference-status').textContent()).toContain('Saved');
    // Digest at 18:00.
    await page.getByLabel('Daily digest at').selectOption('18');
    await expect.poll(() => page.getByTestId('digest-hour-status').textContent()).toContain('Saved');

    await page.reload();
    await expect.poll(() => page.getByTestId('preference-row').count()).toBe(NOTIFICATION_KINDS.length);
    expect(await row.getByTestId('preference-email').inputValue()).toBe('OFF');
    expect(await replies.getByTestId('preference-in-app').isChecked()).toBe(false);
    expect(await page.locator('[data-testid="preference-row"][data-kind="VOTING_OPENED"]').getByTestId('preference-in-app').isChecked()).toBe(true);
    expect(await page.getByTestId('digest-hour').inputValue()).toBe('18');
    expect(await seriousViolations(page)).toEqual([]);

    // 360 px: nothing wider than the screen; each control labelled beside it.
    await page.setViewportSize({ width: 360, height: 740 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await row.getByText('In the app').isVisible()).toBe(true);
    expect(await row.getByText('Email', { exact: true }).isVisible()).toBe(true);
    const box = await row.getByTestId('preference-email').boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(360);
    // The bell's panel stays on the screen too.
    await page.getByTestId('notifications-bell').click();
    const panel = page.getByTestId('notifications-panel');
    await panel.getByTestId('notification-group').first().waitFor();
    const shown = await panel.boundingBox();
    expect(shown!.x).toBeGreaterThanOrEqual(0);
    expect(shown!.x + shown!.width).toBeLessThanOrEqual(360);
  });
});
