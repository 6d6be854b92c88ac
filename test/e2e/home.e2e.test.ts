// Home in Chromium: a coordinator signs in and lands on what needs them, casts a vote from there
// in one click (the vote leaves the list and is saved as cast); an executive lands on the same
// page with the decision queue as its first section; with nothing to do, the page says what is
// happening; it fits a 360 px wide phone. Coordinators confirm a new policy version from there,
// with what changed in front of them, in English and in German; the register then says so. A
// coordinator reports their region's outcome of an implemented change from there too.
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

  it('a coordinator confirms a policy version from Home, with what changed in front of them, and the register says so', async () => {
    const { page, context } = await b.person();
    await signIn(page, b.baseUrl, 'coordinator4@council.test');
    const section = page.locator('[data-section="policiesToConfirm"]');
    await expect.poll(() => section.locator('h2').textContent()).toContain('Policies to confirm');
    const entry = section.getByTestId('home-policy-to-confirm').first();
    const title = (await entry.locator('h3').textContent())!;
    // What changed is shown, not behind a click.
    await entry.getByTestId('policy-confirm-diff').waitFor();
    const before = await section.getByTestId('home-policy-to-confirm').count();
    await entry.getByTestId('policy-confirm').click();
    await expect.poll(() => page.getByTestId('home-done').textContent()).toContain(`Confirmed: “${title}”`);
    await expect.poll(() => page.locator('[data-testid="home-policy-to-confirm"]').count()).toBe(before - 1);

    await page.goto(`${b.baseUrl}/policies`);
    const policy = page.getByTestId('policy-item').filter({ has: page.getByRole('heading', { name: title, exact: true }) });
    await expect.poll(() => policy.getByTestId('policy-acks-you').textContent()).toContain('You confirmed this version.');
    const uki = policy.getByTestId('policy-acks-region').filter({ hasText: 'UK & Ireland' });
    await uki.locator('summary').click();
    await expect.poll(() => uki.getByTestId('policy-acks-confirmed').textContent()).toContain('Siobhan Murphy');
    await context.close();
  });

  it('a German-speaking coordinator confirms a policy version from Home in German', async () => {
    const { page, context } = await b.person('de-DE');
    await signIn(page, b.baseUrl, 'coordinator2@council.test');
    const section = page.locator('[data-section="policiesToConfirm"]');
    await expect.poll(() => section.locator('h2').textContent()).toContain('Zu bestätigende Richtlinien');
    const entry = section.getByTestId('home-policy-to-confirm').first();
    const title = (await entry.locator('h3').textContent())!;
    expect(await entry.getByTestId('policy-confirm').textContent()).toMatch(/^Gelesen: /);
    await entry.getByTestId('policy-confirm').click();
    await expect.poll(() => page.getByTestId('home-done').textContent()).toContain(`Bestätigt: „${title}“`);
    await context.close();
  });

  it("a coordinator reports their region's outcome of an implemented change from Home, and the proposal shows it", async () => {
    const { page, context } = await b.person();
    await signIn(page, b.baseUrl, 'coordinator7@council.test');
    const section = page.locator('[data-section="outcomesToReport"]');
    await expect.poll(() => section.locator('h2').textContent()).toContain('Outcomes to report');
    const entry = section.getByTestId('home-outcome').first();
    const title = (await entry.locator('h3').textContent())!;
    await entry.getByText('Worse', { exact: true }).click();
    await entry.getByTestId('outcome-note').fill('Complaints 30 → 45 a week');
    await entry.getByTestId('outcome-submit').click();
    await expect.poll(() => page.getByTestId('home-done').textContent()).toContain(`Reported: “${title}”: Worse.`);
    await expect.poll(() => page.getByTestId('home-outcome').filter({ hasText: title }).count()).toBe(0);

    await page.goto(`${b.baseUrl}/proposals`);
    await page.getByTestId('proposal-item').filter({ hasText: title }).first().getByRole('link').first().click();
    const report = page.getByTestId('outcome-report').filter({ hasText: 'North America' });
    await expect.poll(() => report.textContent()).toContain('Worse');
    expect(await report.textContent()).toContain('Complaints 30 → 45 a week');
    await context.close();
  });
});
