// Meetings in Chromium: the facilitator schedules a 60-minute meeting, generates the agenda,
// moves an item, swaps in an unscheduled one and publishes; a coordinator sees it; the facilitator
// runs the meeting, records a note and an action item, closes it, and the next meeting's generated
// agenda carries the unfinished item over. An attendee's open meeting page follows the
// facilitator live: the start, and every "next item" within a second, without a reload.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signIn, useBrowser } from './browser.js';

const b = useBrowser();

async function asPerson(email: string): Promise<Page> {
  const { page } = await b.person();
  await signIn(page, b.baseUrl, email);
  return page;
}

/** A datetime-local value some days from now, at 09:00 local time. */
function localDateTime(daysAhead: number): string {
  const d = new Date(Date.now() + daysAhead * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T09:00`;
}

async function scheduleMeeting(page: Page, title: string, daysAhead: number, minutes: number): Promise<void> {
  await page.getByTestId('nav-meetings').click();
  await page.getByTestId('schedule-meeting-link').click();
  await page.getByTestId('meeting-title-input').fill(title);
  await page.getByTestId('meeting-starts-at').fill(localDateTime(daysAhead));
  await page.getByTestId('meeting-duration-input').fill(String(minutes));
  await page.getByTestId('meeting-submit').click();
  await expect.poll(() => page.getByTestId('meeting-heading').textContent()).toBe(title);
}

const titles = async (page: Page, testId: string) => page.getByTestId(testId).locator('[data-testid="agenda-item-title"]').allTextContents();

describe('meetings in the browser', () => {
  it('plans, publishes, runs and closes a meeting; the next agenda carries the unfinished item over', async () => {
    const fac = await asPerson('facilitator@council.test');
    await scheduleMeeting(fac, 'December coordinators meeting', 1, 60);
    await fac.getByTestId('generate-agenda').click();
    await fac.getByTestId('agenda-item').first().waitFor();

    // Fixed slots first and last, every item explained, a running total within the hour.
    const kinds = await fac.getByTestId('agenda-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    expect(kinds[0]).toBe('OPENING');
    expect(kinds.at(-1)).toBe('CLOSING');
    for (const reason of await fac.getByTestId('agenda-item-reason').allTextContents()) expect(reason.trim().length).toBeGreaterThan(10);
    expect(await fac.getByTestId('agenda-total').textContent()).toMatch(/60/);

    // Move the second item down one place.
    const before = await titles(fac, 'agenda-item');
    await fac.getByTestId('agenda-item').nth(1).getByTestId('agenda-move-down').click();
    await expect.poll(() => titles(fac, 'agenda-item')).toEqual([before[0], before[2], before[1], ...before.slice(3)]);

    // Swap in the first unscheduled candidate.
    const candidate = (await fac.getByTestId('unscheduled-item').first().getByTestId('agenda-item-title').textContent())!;
    await fac.getByTestId('unscheduled-item').first().getByTestId('schedule-item').click();
    await expect.poll(() => titles(fac, 'agenda-item')).toContain(candidate);

    await fac.getByTestId('publish-agenda').click();
    await fac.getByTestId('agenda-published').waitFor();
    const url = fac.url();

    // A coordinator sees the published agenda.
    const coordinator = await asPerson('coordinator5@council.test');
    await coordinator.goto(url);
    await expect.poll(() => titles(coordinator, 'agenda-item')).toContain(candidate);
    expect(await coordinator.getByTestId('generate-agenda').count()).toBe(0);

    // The facilitator runs it: a note and an action item on the second item, which stays unfinished.
    await fac.getByTestId('start-meeting').click();
    // Planned days ahead: meeting mode asks before starting early.
    await fac.getByTestId('start-meeting-dialog-confirm').click();
    await fac.getByTestId('current-item').waitFor();
    await fac.getByTestId('item-done').check();
    await fac.getByTestId('next-item').click();
    const unfinished = (await fac.getByTestId('current-item').textContent())!.trim();
    await fac.getByTestId('item-notes').fill('Finance will send figures before the next meeting.');
    await fac.getByTestId('item-save').click();
    await fac.getByTestId('action-title').fill('Collect refund figures per region');
    await fac.getByTestId('action-owner').selectOption({ label: 'Pieter de Vries' });
    await fac.getByTestId('action-submit').click();
    await fac.getByTestId('action-item').filter({ hasText: 'Collect refund figures per region' }).waitFor();
    await fac.getByTestId('close-meeting').click();
    await fac.getByTestId('close-meeting-dialog-confirm').click();
    await expect.poll(() => fac.getByTestId('meeting-status').getAttribute('data-status')).toBe('CLOSED');
    await fac.getByText('Finance will send figures before the next meeting.').first().waitFor();

    // The next meeting's agenda carries the unfinished item over.
    await scheduleMeeting(fac, 'January coordinators meeting', 30, 90);
    await fac.getByTestId('generate-agenda').click();
    const carried = fac.locator('[data-testid="agenda-item"][data-kind="CARRY_OVER"], [data-testid="unscheduled-item"][data-kind="CARRY_OVER"]');
    await carried.first().waitFor();
    expect(await carried.locator('[data-testid="agenda-item-title"]').allTextContents()).toContain(unfinished);
  });

  it('moves an attendee\'s open meeting page along with the facilitator, within a second and without a reload', async () => {
    const fac = await asPerson('facilitator@council.test');
    await scheduleMeeting(fac, 'Live follow-up meeting', 2, 45);
    await fac.getByTestId('generate-agenda').click();
    await fac.getByTestId('agenda-item').first().waitFor();
    await fac.getByTestId('publish-agenda').click();
    await fac.getByTestId('agenda-published').waitFor();

    const attendee = await asPerson('coordinator3@council.test');
    await attendee.goto(fac.url());
    await attendee.getByTestId('agenda-published').waitFor();
    // Set on this document: still there at the end means the page was never reloaded.
    await attendee.evaluate(() => ((window as unknown as { followed: boolean }).followed = true));
    const agenda = await titles(attendee, 'agenda-item');

    await fac.getByTestId('start-meeting').click();
    await fac.getByTestId('start-meeting-dialog-confirm').click();
    await expect.poll(() => attendee.getByTestId('meeting-status').getAttribute('data-status'), { timeout: 2_000 }).toBe('IN_PROGRESS');
    await expect.poll(() => attendee.getByTestId('current-item').textContent(), { timeout: 2_000 }).toContain(agenda[0]);

    for (const expected of agenda.slice(1, 3)) {
      const clicked = performance.now();
      await fac.getByTestId('next-item').click();
      await expect.poll(() => attendee.getByTestId('current-item').textContent(), { timeout: 2_000, interval: 25 }).toContain(expected);
      expect(performance.now() - clicked).toBeLessThan(1_000);
    }
    expect(await attendee.evaluate(() => (window as unknown as { followed?: boolean }).followed)).toBe(true);
  });
});
