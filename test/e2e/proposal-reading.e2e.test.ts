// Reading a proposal before voting, in Chromium: the author of a proposal management sent back
// sees the decision's rationale first, above the proposal; the vote panel sits beside the text
// on a wide screen (and stays in view while reading) and after it on a phone; the list marks
// what needs the viewer's vote and what they voted; voting again without a change says so.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signIn, useBrowser } from './browser.js';

const b = useBrowser();
const SENT_BACK = 'Automatic refund of duplicate charges within 24 hours'; // SUBMITTED, by coordinator3
const VOTING = 'One price-match rule for all regions'; // VOTING; coordinator1 has not voted
const RATIONALE = 'Finance needs the fraud check described step by step before this can start.';

async function asPerson(email: string): Promise<Page> {
  const { page } = await b.person();
  await signIn(page, b.baseUrl, email);
  return page;
}

async function box(locator: Locator) {
  await locator.waitFor();
  const found = await locator.boundingBox();
  if (!found) throw new Error('not rendered');
  return found;
}

async function openFromList(page: Page, title: string): Promise<void> {
  await page.goto(`${b.baseUrl}/proposals`);
  await page.getByTestId('proposal-item').filter({ hasText: title }).getByRole('link', { name: title }).click();
  await expect.poll(() => page.getByTestId('proposal-heading').textContent()).toBe(title);
}

describe('reading a proposal', () => {
  it('an author sees the rationale first', async () => {
    const executive = await asPerson('executive@council.test');
    await executive.goto(`${b.baseUrl}/decisions`);
    await executive.getByTestId('decision-queue-item').filter({ hasText: SENT_BACK }).getByTestId('decide-link').click();
    await executive.getByTestId('decide-changes').check();
    await executive.getByTestId('decide-rationale').fill(RATIONALE);
    await executive.getByTestId('decide-submit').click();
    await executive.getByTestId('decide-dialog-confirm').click();
    // Back on the queue once the decision is saved (the decide page itself has no queue items).
    await executive.getByTestId('decided-notice').waitFor();
    await executive.getByTestId('decision-queue-item').filter({ hasText: SENT_BACK }).waitFor({ state: 'detached' });

    const author = await asPerson('coordinator3@council.test');
    await openFromList(author, SENT_BACK);
    const lead = author.getByTestId('author-decision');
    expect(await lead.getByTestId('decision-rationale').textContent()).toContain(RATIONALE);
    const rationale = await box(lead.getByTestId('decision-rationale'));
    const texts = await box(author.getByTestId('policy-texts'));
    expect(rationale.y + rationale.height).toBeLessThanOrEqual(texts.y);
    // Near the top: on the first screen, without scrolling.
    expect(await author.evaluate(() => window.scrollY)).toBe(0);
    expect(rationale.y + rationale.height).toBeLessThan(author.viewportSize()!.height);
    // The action that follows, right there.
    await lead.getByTestId('author-revise').waitFor();

    // Anyone else sees the decision in its usual place, after the proposal.
    const other = await asPerson('coordinator5@council.test');
    await openFromList(other, SENT_BACK);
    expect(await other.getByTestId('author-decision').count()).toBe(0);
    const decision = await box(other.getByTestId('decision'));
    expect(decision.y).toBeGreaterThan((await box(other.getByTestId('policy-texts'))).y);
    expect(await other.getByTestId('decision').getByTestId('decision-rationale').textContent()).toContain(RATIONALE);
  });

  it('shows the vote panel beside the text on a wide screen and after it on a phone', async () => {
    const voter = await asPerson('coordinator1@council.test');
    await voter.goto(`${b.baseUrl}/proposals`);
    const row = voter.getByTestId('proposal-item').filter({ hasText: VOTING });
    await expect.poll(() => row.getByTestId('vote-mark').getAttribute('data-mark')).toBe('needed');
    await row.getByRole('link', { name: VOTING }).click();

    // Wide: same vertical band, to the right.
    const texts = await box(voter.getByTestId('policy-texts'));
    const panel = await box(voter.getByTestId('vote-panel'));
    expect(panel.x).toBeGreaterThanOrEqual(texts.x + texts.width);
    expect(panel.y).toBeLessThan(texts.y + texts.height);
    expect(panel.y + panel.height).toBeGreaterThan(texts.y);
    // The results come after the text, in the main column.
    const results = await box(voter.getByTestId('vote-results'));
    expect(results.y).toBeGreaterThan(texts.y);
    expect(results.x).toBeLessThan(panel.x);
    // Reading on, the panel stays in view.
    await voter.getByTestId('vote-results').scrollIntoViewIfNeeded();
    expect(await voter.evaluate(() => window.scrollY)).toBeGreaterThan(200);
    const stuck = await box(voter.getByTestId('vote-panel'));
    expect(stuck.y).toBeGreaterThanOrEqual(0);
    expect(stuck.y).toBeLessThan(voter.viewportSize()!.height / 2);

    // Vote, then send the same vote again: nothing changed, and the page says so.
    await voter.getByTestId('vote-for').check();
    await voter.getByTestId('vote-reason').fill('One rule is easier to explain.');
    await voter.getByTestId('vote-submit').click();
    await expect.poll(() => voter.getByTestId('viewer-vote').getAttribute('data-choice')).toBe('FOR');
    const castAt = await voter.getByTestId('viewer-vote').textContent();
    await voter.getByTestId('vote-submit').click();
    await expect.poll(() => voter.getByTestId('vote-announce').getAttribute('data-outcome')).toBe('unchanged');
    expect(await voter.getByTestId('viewer-vote').textContent()).toBe(castAt);

    // A phone: one column, the panel after the proposal's text and rationale, before the results.
    await voter.setViewportSize({ width: 390, height: 844 });
    await voter.reload();
    const narrowTexts = await box(voter.getByTestId('policy-texts'));
    const narrowRationale = await box(voter.getByTestId('proposal-rationale'));
    const narrowPanel = await box(voter.getByTestId('vote-panel'));
    const narrowResults = await box(voter.getByTestId('vote-results'));
    expect(narrowPanel.y).toBeGreaterThanOrEqual(narrowTexts.y + narrowTexts.height);
    expect(narrowPanel.y).toBeGreaterThanOrEqual(narrowRationale.y + narrowRationale.height);
    expect(narrowResults.y).toBeGreaterThanOrEqual(narrowPanel.y + narrowPanel.height);
    // Then the discussion, then the history.
    const comments = await box(voter.locator('.proposal-read .comments'));
    expect(comments.y).toBeGreaterThanOrEqual(narrowResults.y + narrowResults.height);
    expect((await box(voter.getByTestId('proposal-timeline'))).y).toBeGreaterThanOrEqual(comments.y + comments.height);
    expect(narrowPanel.x + narrowPanel.width).toBeLessThanOrEqual(390);
    expect(await voter.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // Back on the list: marked as voted.
    await voter.goto(`${b.baseUrl}/proposals`);
    await expect.poll(() => row.getByTestId('vote-mark').getAttribute('data-mark')).toBe('voted');
    expect(await row.getByTestId('vote-mark').getAttribute('data-choice')).toBe('FOR');
  });
});
