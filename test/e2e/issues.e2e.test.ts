// Whole journeys in Chromium: raise an issue, another region supports and comments, the raiser
// sees both; a wrong password; Markdown that tries to run script never does; the language switch.
import { describe, expect, it } from 'vitest';
import { signIn, useBrowser } from './browser.js';

const b = useBrowser();

describe('issues in the browser', () => {
  it('coordinator1 raises, coordinator2 supports and comments, coordinator1 sees both', async () => {
    const title = `Exchange vouchers expire too early ${Date.now()}`;
    const one = await b.person();
    await signIn(one.page, b.baseUrl, 'coordinator1@council.test');
    await one.page.getByTestId('nav-issues').click(); // sign-in lands on Home; the feed is at /issues
    await one.page.getByTestId('raise-issue-link').click();
    // Field messages show next to the fields, in the person's saved language (coordinator1: Danish).
    await one.page.getByTestId('issue-title-input').fill('abc');
    await one.page.getByTestId('issue-description-input').fill('Too short');
    await one.page.getByTestId('issue-submit').click();
    await expect.poll(() => one.page.getByTestId('field-error-title').textContent()).toContain('Titlen skal have mindst 5 tegn.');
    await one.page.getByTestId('issue-title-input').fill(title);
    await one.page.getByTestId('issue-description-input').fill('Customers get exchange vouchers that expire after **14 days**; most come back later.');
    // Categories are named in the reader's language ("Returns" in Danish).
    await one.page.getByTestId('issue-category-select').selectOption({ label: 'Returneringer' });
    await one.page.getByTestId('issue-submit').click();
    await expect.poll(() => one.page.getByTestId('issue-heading').textContent()).toBe(title);
    const issueUrl = one.page.url();
    expect(await one.page.locator('strong', { hasText: '14 days' }).count()).toBe(1);

    const two = await b.person();
    await signIn(two.page, b.baseUrl, 'coordinator2@council.test');
    await two.page.getByTestId('nav-issues').click();
    await two.page.getByTestId('feed-search').fill('Exchange vouchers');
    await two.page.waitForURL(/[?&]q=Exchange/); // the search has settled: a click now is not overtaken by it
    const row = two.page.getByTestId('feed-item').filter({ hasText: title });
    await row.waitFor();
    await row.getByRole('link').first().click();
    await expect.poll(() => two.page.getByTestId('issue-heading').textContent()).toBe(title);
    await two.page.getByTestId('support-button').click();
    await two.page.getByTestId('withdraw-button').waitFor();
    await expect.poll(() => two.page.getByTestId('support-count').textContent()).toMatch(/1/);
    await two.page.getByTestId('comment-input').fill('Same in DACH: about 30 vouchers a week expire unused.');
    await two.page.getByTestId('comment-submit').click();
    await two.page.getByTestId('comment-item').filter({ hasText: 'about 30 vouchers' }).waitFor();

    await one.page.goto(issueUrl);
    await one.page.getByTestId('comment-item').filter({ hasText: 'about 30 vouchers' }).waitFor();
    await expect.poll(() => one.page.getByTestId('support-count').textContent()).toMatch(/1/);
    expect(await one.page.getByText('Jonas Becker').count()).toBeGreaterThan(0);
    await one.context.close();
    await two.context.close();
  });

  it('shows an error for a wrong password and stays signed out', async () => {
    const { page, context } = await b.person();
    await page.goto(`${b.baseUrl}/signin`);
    await page.getByTestId('signin-email').fill('coordinator1@council.test');
    await page.getByTestId('signin-password').fill('not-the-password');
    await page.getByTestId('signin-submit').click();
    await expect.poll(() => page.getByTestId('signin-error').textContent()).toMatch(/not correct/);
    await page.goto(`${b.baseUrl}/`);
    await page.waitForURL(/\/signin/);
    await context.close();
  });

  it('renders Markdown without ever running script or event handlers from it', async () => {
    const { page, context } = await b.person();
    await signIn(page, b.baseUrl, 'coordinator3@council.test');
    await page.getByTestId('nav-issues').click();
    await page.evaluate(() => ((window as unknown as { pwned: number }).pwned = 0));
    await page.getByTestId('raise-issue-link').click();
    await page.getByTestId('issue-title-input').fill('Markdown safety check issue');
    await page
      .getByTestId('issue-description-input')
      .fill('Hello <script>window.pwned = 1</script> <img src="x" onerror="window.pwned = 2"> [link](javascript:window.pwned=3) <a href="#" onclick="window.pwned=4">x</a> **bold**');
    await page.getByTestId('issue-submit').click();
    await page.getByTestId('issue-heading').waitFor();
    await page.locator('strong', { hasText: 'bold' }).waitFor();
    await page.locator('a', { hasText: 'link' }).first().click().catch(() => undefined);
    expect(await page.evaluate(() => (window as unknown as { pwned: number }).pwned)).toBe(0);
    expect(await page.locator('main script').count()).toBe(0);
    expect(await page.locator('main [onerror], main [onclick]').count()).toBe(0);
    await context.close();
  });

  it('switches the language, keeps it for the person, and formats for the locale', async () => {
    const { page, context } = await b.person();
    await signIn(page, b.baseUrl, 'coordinator5@council.test');
    await page.goto(`${b.baseUrl}/issues`);
    await page.getByTestId('language-select').selectOption('de');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('de');
    await expect.poll(() => page.getByTestId('raise-issue-link').textContent()).not.toMatch(/Raise/i);
    const german = await page.getByTestId('raise-issue-link').textContent();
    await page.reload();
    await expect.poll(() => page.getByTestId('raise-issue-link').textContent()).toBe(german);
    await page.getByTestId('language-select').selectOption('en');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await context.close();
  });
});
