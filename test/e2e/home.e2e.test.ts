// Home in Chromium: a coordinator signs in and lands on what needs them, casts a vote from there
// in one click (the vote leaves the list and is saved as cast); an executive lands on the same
// page with the decision queue as its first section; with nothing to do, the page says what is
// happening; it fits a 360 px wide phone.
import { describe, expect, it } from 'vitest';
import { signIn, useBrowser } from './browser.js';

const b = useBrowser();
/** The demo's proposal in VOTING; coordinator5 (Benelux, English) has not voted on it. */
const VOTING = 'One price-match rule for all regions';
/** The demo's proposal SUBMITTED to management. */
const SUBMITTED = 'Automatic refund of duplicate charges within 24 hours';

describe('home in the browser', () => {
  it('a coordinator lands on Home, sees a vote to cast and casts it from there', async () => {
    const { page, context } = await b.person();
    await signIn(page, b.baseUrl, 'coordinator5@council.test');
    expect(new URL(page.url()).pathname).toBe('/');
    await expect.poll(() => page.locator('h1').textContent()).toBe('What needs you');
    expect(await page.title()).toMatch(/^Home · /);
    expect(await page.getByTestId('nav-home').getAttribute('aria-current')).toBe('page');

    const votes = page.locator('[data-section="votesToCast"]');
    const entry = votes.getByTestId('home-vote').filter({ hasText: VOTING });
    await entry.waitFor();
    await entry.getByTestId('home-vote-for').click();
    // Saved and said so; the vote is no longer one to cast.
    await expect.poll(() => page.getByTestId('home-done').textContent()).toContain(`Your vote “For” on “${VOTING}” is saved.`);
    await expect.poll(() => page.getByTestId('home-vote').filter({ hasText: VOTING }).count()).toBe(0);

    // The proposal's page shows the vote as cast.
    await page.getByTestId('nav-proposals').click();
    await page.getByTestId('proposal-item').filter({ hasText: VOTING }).first().getByRole('link').first().click();
    await expect.poll(() => page.getByTestId('viewer-vote').getAttribute('data-choice')).toBe('FOR');

    // Back home: the summary still says what is going on.
    await page.getByTestId('nav-home').click();
    await page.getByTestId('home-summary').waitFor();
    await context.close();
  });

  it('an executive lands on Home with the decision queue first', async () => {
    const { page, context } = await b.person();
    await signIn(page, b.baseUrl, 'executive@council.test');
    expect(new URL(page.url()).pathname).toBe('/');
    const first = page.getByTestId('home-section').first();
    await expect.poll(() => first.getAttribute('data-section')).toBe('decisionQueue');
    const decision = first.getByTestId('home-decision').filter({ hasText: SUBMITTED });
    await decision.waitFor();
    await decision.getByTestId('home-decide').click();
    await page.getByTestId('decide-rationale').waitFor();
    await context.close();
  });

  it('tells someone with nothing to do what is happening instead', async () => {
    const { page, context } = await b.person();
    await signIn(page, b.baseUrl, 'admin@council.test');
    const empty = page.getByTestId('home-empty');
    await expect.poll(() => empty.textContent()).toContain('Nothing waits for you.');
    expect(await empty.getByTestId('home-summary-votes').textContent()).toBe('1 vote is open.');
    expect(await page.getByTestId('home-section').count()).toBe(0);
    await context.close();
  });

  it('fits a 360 px wide screen', async () => {
    const { page, context } = await b.person();
    await page.setViewportSize({ width: 360, height: 780 });
    await signIn(page, b.baseUrl, 'facilitator@council.test');
    await page.getByTestId('home-section').first().waitFor();
    await page.getByTestId('home-summary').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // Every action stays inside the screen.
    const boxes = await page.locator('.home-item__action').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right));
    expect(boxes.length).toBeGreaterThan(0);
    for (const right of boxes) expect(right).toBeLessThanOrEqual(360);
    await context.close();
  });
});
