// Accessibility: axe-core finds no serious or critical violation on each page, and the main
// journey works from the keyboard alone with a visible focus ring.
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signIn, useBrowser } from './browser.js';

const b = useBrowser();
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

describe('accessibility', () => {
  it.each(['en', 'vi'])('has no serious violations on sign-in, home, feed, issue and raise pages (%s)', async (lang) => {
    const { page, context } = await b.person(lang === 'vi' ? 'vi-VN' : 'en-GB');
    await page.goto(`${b.baseUrl}/signin`);
    expect(await violations(page)).toEqual([]);
    await signIn(page, b.baseUrl, lang === 'vi' ? 'coordinator6@council.test' : 'coordinator4@council.test');
    await page.getByTestId('home-section').first().waitFor();
    expect(await violations(page), 'home').toEqual([]);
    await page.getByTestId('nav-issues').click();
    await page.getByTestId('feed-item').first().waitFor();
    expect(await violations(page)).toEqual([]);
    await page.getByTestId('feed-item').first().getByRole('link').first().click();
    await page.getByTestId('issue-heading').waitFor();
    await page.getByTestId('comment-item').first().waitFor();
    expect(await violations(page)).toEqual([]);
    await page.goto(`${b.baseUrl}/issues/new`);
    await page.getByTestId('issue-title-input').waitFor();
    expect(await violations(page)).toEqual([]);
    await context.close();
  });

  it('has no serious violations on the proposals pages (executive)', async () => {
    const { page, context } = await b.person();
    await signIn(page, b.baseUrl, 'executive@council.test');
    for (const [path, ready] of [
      ['/', 'home-decision'],
      ['/proposals', 'proposal-item'],
      ['/decisions', 'decision-queue-item'],
      ['/rollouts', 'rollout-row'],
      ['/policies', 'policy-item'],
      ['/search?q=refund', 'search-result'],
    ] as const) {
      await page.goto(`${b.baseUrl}${path}`);
      await page.getByTestId(ready).first().waitFor();
      expect(await violations(page), path).toEqual([]);
    }
    await page.goto(`${b.baseUrl}/decisions`);
    await page.getByTestId('decision-queue-item').first().getByTestId('decide-link').click();
    await page.getByTestId('decide-rationale').waitFor();
    expect(await violations(page), 'decide').toEqual([]);
    await page.goto(`${b.baseUrl}/proposals`);
    await page.getByTestId('proposal-item').first().getByRole('link').first().click();
    await page.getByTestId('proposal-heading').waitFor();
    expect(await violations(page), 'proposal').toEqual([]);
    await context.close();
  });

  it('has no serious violations on the meetings pages (facilitator and coordinator)', async () => {
    const { page, context } = await b.person();
    await signIn(page, b.baseUrl, 'facilitator@council.test');
    await page.goto(`${b.baseUrl}/meetings`);
    await page.getByText('November coordinators meeting').first().waitFor();
    expect(await violations(page), 'list').toEqual([]);
    await page.getByText('November coordinators meeting').first().click();
    await page.getByTestId('agenda-item').first().waitFor();
    expect(await violations(page), 'planner').toEqual([]);
    await page.goto(`${b.baseUrl}/meetings`);
    await page.getByText('October coordinators meeting').first().click();
    await page.getByTestId('meeting-heading').waitFor();
    expect(await violations(page), 'minutes').toEqual([]);
    const other = await b.person('vi-VN');
    await signIn(other.page, b.baseUrl, 'coordinator6@council.test');
    await other.page.goto(page.url().replace(/\/meetings\/.*/, '/meetings'));
    await other.page.getByText('November coordinators meeting').first().click();
    await other.page.getByTestId('agenda-item').first().waitFor();
    expect(await violations(other.page), 'published agenda (vi)').toEqual([]);
    await context.close();
    await other.context.close();
  });

  it('signs in and opens an issue from the keyboard alone, with a visible focus ring', async () => {
    const { page, context } = await b.person();
    await page.goto(`${b.baseUrl}/signin`);
    await page.getByTestId('signin-email').focus();
    await page.keyboard.type('coordinator7@council.test');
    await page.keyboard.press('Tab');
    await page.keyboard.type('council-demo');
    await page.keyboard.press('Enter');
    // Sign-in lands on Home: Tab to the Issues tab of the navigation and open the feed.
    await page.getByTestId('home-section').first().waitFor();
    let onTab = false;
    for (let i = 0; i < 20 && !onTab; i++) {
      await page.keyboard.press('Tab');
      onTab = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'nav-issues');
    }
    expect(onTab).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByTestId('feed-item').first().waitFor();
    // Tab until focus reaches the first issue link; every focused element shows an outline.
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const style = getComputedStyle(el);
        const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
        return { inFeed: !!el.closest('[data-testid="feed-item"]') && el.tagName === 'A', ring: ring || style.boxShadow !== 'none' };
      });
      if (focus) expect(focus.ring).toBe(true);
      reached = !!focus?.inFeed;
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByTestId('issue-heading').waitFor();
    await context.close();
  });
});
