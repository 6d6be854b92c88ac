// The proposal path in Chromium: a coordinator drafts from an issue, the facilitator opens voting,
// coordinators vote, the facilitator closes, the author submits, the executive approves with a
// rationale, coordinators mark their rollouts done, and the register shows the new version.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signIn, useBrowser } from './browser.js';

const b = useBrowser();
const TITLE = 'Knowledge base: one owner per article';

async function asPerson(email: string): Promise<Page> {
  const { page } = await b.person();
  await signIn(page, b.baseUrl, email);
  return page;
}

describe('proposals in the browser', () => {
  it('goes from an issue to a voted, approved, rolled-out policy in the register', async () => {
    // 1. coordinator1 drafts from an issue, seeing the diff of current and proposed policy.
    const author = await asPerson('coordinator1@council.test');
    await author.getByTestId('nav-issues').click(); // sign-in lands on Home; the feed is at /issues
    await author.getByTestId('feed-search').fill('Knowledge base');
    // The search settles into the URL after a pause; click once it has (and the list is its result).
    await author.waitForURL(/[?&]q=Knowledge/);
    await author.getByTestId('feed-item').filter({ hasText: 'Knowledge base articles' }).first().getByRole('link').first().click();
    await author.getByTestId('draft-proposal-link').click();
    await author.getByTestId('proposal-title-input').fill(TITLE);
    await author.getByTestId('proposal-current-input').fill('Articles are updated by whoever notices a problem.');
    await author.getByTestId('proposal-proposed-input').fill('Every article has one named owner who updates it within two days of a policy change.');
    await author.getByTestId('proposal-rationale-input').fill('Outdated articles cause wrong answers in every region.');
    await author.getByTestId('proposal-requires-approval').check();
    await expect.poll(async () => author.getByTestId('proposal-diff').locator('ins').count()).toBeGreaterThan(0);
    await author.getByTestId('proposal-submit').click();
    await expect.poll(() => author.getByTestId('proposal-heading').textContent()).toBe(TITLE);
    const url = author.url();

    // 2. The facilitator opens voting (default deadline a week ahead).
    const facilitator = await asPerson('facilitator@council.test');
    await facilitator.goto(url);
    await facilitator.getByTestId('open-voting-closes-at').waitFor();
    await facilitator.getByTestId('open-voting-submit').click();
    await facilitator.getByTestId('close-voting').waitFor();

    // 3. Coordinators of four regions vote (the author among them): quorum is half the regions.
    for (const [i, email] of ['coordinator1@council.test', 'coordinator2@council.test', 'coordinator3@council.test', 'coordinator4@council.test'].entries()) {
      const voter = i === 0 ? author : await asPerson(email);
      await voter.goto(url);
      await voter.getByTestId(i === 3 ? 'vote-against' : 'vote-for').check();
      await voter.getByTestId('vote-reason').fill(i === 3 ? 'Owners will not have the time.' : 'Yes, long overdue.');
      await voter.getByTestId('vote-submit').click();
      await voter.getByTestId('viewer-vote').waitFor();
    }

    // 4. The facilitator sees the live tally and closes the vote.
    await facilitator.reload();
    await expect.poll(() => facilitator.getByTestId('tally-for').textContent()).toBe('3');
    await expect.poll(() => facilitator.getByTestId('tally-against').textContent()).toBe('1');
    await expect.poll(() => facilitator.getByTestId('tally-regions-voted').textContent()).toBe('4');
    await facilitator.getByTestId('close-voting').click();

    // 5. The author submits it to management.
    await author.goto(url);
    await author.getByTestId('submit-to-management').click();
    await author.getByTestId('submit-to-management').waitFor({ state: 'detached' });

    // 6. The executive approves from the decision queue, with a rationale.
    const executive = await asPerson('executive@council.test');
    await executive.getByTestId('nav-decisions').click();
    const item = executive.getByTestId('decision-queue-item').filter({ hasText: TITLE });
    await item.getByTestId('decide-link').click();
    await executive.getByTestId('decide-approve').check();
    await executive.getByTestId('decide-rationale').fill('Clear ownership is cheap and fixes a real problem.');
    await executive.getByTestId('decide-submit').click();
    await executive.getByTestId('decide-dialog-confirm').click();
    // Back on the queue once the decision is saved (the decide page has no queue items: waiting for
    // the item to be gone there raced the rollouts below against the decision).
    await executive.getByTestId('decided-notice').waitFor();
    await executive.getByTestId('decision-queue-item').filter({ hasText: TITLE }).waitFor({ state: 'detached' });

    // 7. Coordinators mark their rollouts done; the facilitator completes the regions left.
    const markDone = async (page: Page, region?: string) => {
      await page.getByTestId('nav-rollouts').click();
      const row = page.getByTestId('rollout-row').filter({ hasText: TITLE });
      await row.waitFor();
      const cells = region ? row.locator(`[data-testid="rollout-cell"][data-region="${region}"]`) : row.locator('[data-testid="rollout-cell"]:not([data-status="DONE"])');
      while ((await cells.count()) > 0) {
        const cell = cells.first();
        const code = await cell.getAttribute('data-region');
        await cell.getByTestId('rollout-status-select').selectOption('DONE');
        await cell.getByTestId('rollout-save').click();
        await row.locator(`[data-testid="rollout-cell"][data-region="${code}"][data-status="DONE"]`).waitFor();
        if (region) break;
      }
    };
    await markDone(author, 'NORD');
    for (const [email, region] of [['coordinator2@council.test', 'DACH'], ['coordinator3@council.test', 'IBER']] as const) {
      const coordinator = await asPerson(email);
      await markDone(coordinator, region);
    }
    await markDone(facilitator);

    // 8. The register shows the new policy, version 1, linked to its proposal.
    await author.getByTestId('nav-policies').click();
    const policy = author.getByTestId('policy-item').filter({ hasText: TITLE });
    await policy.waitFor();
    expect(await policy.textContent()).toContain('Every article has one named owner');
    await author.goto(url);
    await expect.poll(() => author.getByTestId('proposal-status').textContent()).toMatch(/\S/);
    expect(await author.getByTestId('proposal-timeline').textContent()).toBeTruthy();
  });
});
