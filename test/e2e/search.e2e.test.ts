// The global search in the browser: from the navigation, words typed in any case find issues,
// proposals and comments of the demo, with the matching words marked; a hit opens its page. A
// department's answer is found too, named as the question to that department, and opens its issue
// at that question.
import { describe, expect, it } from 'vitest';
import { signIn, useBrowser } from './browser.js';

const b = useBrowser();

describe('search in the browser', () => {
  it('finds what mentions the CRM, marks the word and opens a hit', async () => {
    const { page, context } = await b.person();
    await signIn(page, b.baseUrl, 'coordinator2@council.test');
    await page.getByTestId('nav-search').click();
    await page.getByTestId('search-input').fill('crm');
    await page.getByTestId('search-input').press('Enter');
    await page.waitForURL(/\/search\?q=crm$/);
    const results = page.getByTestId('search-result');
    await results.first().waitFor();
    expect(await results.count()).toBeGreaterThan(1);
    const marked = await page.locator('[data-testid="search-result"] mark').allTextContents();
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.every((word) => word.toLowerCase() === 'crm')).toBe(true);
    // Reloading keeps the search (it lives in the address).
    await page.reload();
    await results.first().waitFor();
    expect(await page.getByTestId('search-input').inputValue()).toBe('crm');
    await results.locator('a[href^="/issues/"]').first().click();
    await page.getByTestId('issue-heading').waitFor();
    await context.close();
  });

  it("finds a department's answer and opens the issue it was asked about", async () => {
    const { page, context } = await b.person();
    await signIn(page, b.baseUrl, 'coordinator2@council.test');
    await page.goto(`${b.baseUrl}/search?q=${encodeURIComponent('cancellation request')}`);
    // coordinator2 reads German.
    const hit = page.getByTestId('search-result').filter({ hasText: 'Frage an Billing zu „Buy-now-pay-later' });
    await hit.waitFor();
    expect(await hit.locator('.tag').textContent()).toBe('Frage');
    expect(await hit.locator('mark').allTextContents()).toEqual(['cancellation', 'request']);
    await hit.getByRole('link').click();
    await page.getByTestId('issue-heading').waitFor();
    // The issue opens at the question, once its questions have loaded.
    await page.waitForURL(/#referral-/);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('referral');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('cancellation request');
    await context.close();
  });
});
