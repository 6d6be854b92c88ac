// Triage from the feed: a coordinator keeps only the issues their region has not marked yet,
// marks one with "My region too" from its row (which stays where it was, now shown as marked),
// and after a reload with the same filter that issue is no longer in the list.
import { describe, expect, it } from 'vitest';
import { signIn, useBrowser } from './browser.js';

const b = useBrowser();
/** expect.poll with room for a busy machine (its default gives up after a second). */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 10_000 });
/** The issue feed. */
const FEED_PATH = '/issues';

describe('feed triage in the browser', () => {
  it('a coordinator filters to unmarked issues, marks one from its row, and it is gone after a reload', async () => {
    const { page, context } = await b.person();
    await signIn(page, b.baseUrl, 'coordinator7@council.test'); // Marcus Reed, North America East, English
    await page.goto(`${b.baseUrl}${FEED_PATH}`);
    const count = page.locator('#feed-count');
    const rows = page.getByTestId('feed-item');
    await poll(() => count.textContent()).toMatch(/^\d+ issues?$/);
    const all = Number((await count.textContent())!.match(/\d+/)![0]);
    // The region has marked some issues already (the demo has it raise and support several).
    await poll(() => page.getByTestId('region-affected').count()).toBeGreaterThan(0);

    await page.locator('label', { has: page.getByTestId('filter-unmarked') }).click();
    await page.waitForURL(/[?&]unmarked=1/);
    await poll(() => page.getByTestId('filter-unmarked').isChecked()).toBe(true);
    await poll(() => count.textContent()).toMatch(/^\d+ issues? your region has not marked yet$/);
    const unmarked = Number((await count.textContent())!.match(/\d+/)![0]);
    expect(unmarked).toBeGreaterThan(1);
    expect(unmarked).toBeLessThan(all);
    // Only unmarked issues: no row says the region is affected.
    await poll(() => page.locator('.feed__list--stale').count()).toBe(0);
    expect(await rows.count()).toBeGreaterThan(1);
    expect(await page.getByTestId('region-affected').count()).toBe(0);

    // Mark the second issue that can be marked, from its row.
    const markable = rows.filter({ has: page.getByTestId('mark-region-too') });
    const target = markable.nth(1);
    const title = (await target.getByRole('heading').textContent())!.trim();
    const titlesBefore = (await rows.getByRole('heading').allTextContents()).map((s) => s.trim());
    const row = rows.filter({ has: page.getByRole('link', { name: title, exact: true }) });
    const supportersBefore = Number((await row.locator('.stat').first().textContent())!.match(/\d+/)![0]);
    await row.getByTestId('mark-region-too').click();

    // The row stays where it was and shows the region as affected; the button is gone; counts update.
    await row.getByTestId('region-affected').waitFor();
    expect(await row.getByTestId('mark-region-too').count()).toBe(0);
    await poll(() => count.textContent()).toBe(`${unmarked - 1} issues your region has not marked yet`);
    await poll(async () => Number((await row.locator('.stat').first().textContent())!.match(/\d+/)![0])).toBe(supportersBefore + 1);
    // (The refetched page brings the next unmarked issue in at its end: the rows before it stay put.)
    const titlesAfter = (await rows.getByRole('heading').allTextContents()).map((s) => s.trim());
    expect(titlesAfter.slice(0, titlesBefore.length)).toEqual(titlesBefore);
    expect(await row.getByTestId('mark-error').count()).toBe(0);

    // After a reload with the filter still on (it is in the URL), the issue has left the list.
    await page.reload();
    await poll(() => count.textContent()).toBe(`${unmarked - 1} issues your region has not marked yet`);
    await poll(() => page.getByTestId('filter-unmarked').isChecked()).toBe(true);
    await poll(() => rows.count()).toBeGreaterThan(0);
    expect(await rows.filter({ has: page.getByRole('link', { name: title, exact: true }) }).count()).toBe(0);
    expect(await page.getByTestId('region-affected').count()).toBe(0);

    // Without the filter the issue is there, marked for this region.
    await page.locator('label', { has: page.getByTestId('filter-unmarked') }).click();
    await page.waitForURL((url) => !url.searchParams.has('unmarked'));
    await page.getByTestId('feed-search').fill(title);
    await poll(() => page.getByTestId('feed-item').filter({ has: page.getByRole('link', { name: title, exact: true }) }).getByTestId('region-affected').count()).toBe(1);
    await context.close();
  });
});
