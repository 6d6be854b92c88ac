// Withdrawing a proposal and merging issues ask first (issue #12), in the shared confirmation
// dialog that says what will happen: cancelling leaves everything as it was, confirming does it.
// Withdrawing in English on a desktop, merging in Danish on a phone.
import type { Page } from 'playwright-core';
import { translator } from '@council/shared/i18n';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './browser.js';

const b = useBrowser();
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 5_000 });

async function signInIn(page: Page, email: string, lang: string): Promise<void> {
  await page.goto(`${b.baseUrl}/signin`);
  await page.getByTestId('language-select').selectOption(lang);
  await page.getByTestId('signin-email').fill(email);
  await page.getByTestId('signin-password').fill('council-demo');
  await page.getByTestId('signin-submit').click();
  await page.getByTestId('header-user').waitFor({ state: 'attached' });
}

describe('confirmations', () => {
  it('withdrawing a proposal asks first and says what will happen (en)', async () => {
    const t = translator('en');
    const { page } = await b.person();
    await signInIn(page, 'facilitator@council.test', 'en');
    await page.goto(`${b.baseUrl}/proposals?status=VOTING`);
    await page.getByTestId('proposal-item').first().getByRole('link').first().click();
    await page.getByTestId('withdraw-proposal').click();
    const dialog = page.getByTestId('withdraw');
    await dialog.getByText(t('proposals.actions.withdrawConfirm')).waitFor();
    expect(await dialog.textContent()).toContain(t('proposals.actions.withdrawConsequence'));

    await page.getByTestId('withdraw-cancel').click();
    await poll(() => dialog.isVisible()).toBe(false);
    expect(await page.getByTestId('proposal-status').textContent()).toContain(t('proposalStatus.VOTING'));

    await page.getByTestId('withdraw-proposal').click();
    await page.getByTestId('withdraw-confirm').click();
    await poll(() => page.getByTestId('proposal-status').textContent()).toContain(t('proposalStatus.WITHDRAWN'));
    expect(await page.getByTestId('withdraw-proposal').count()).toBe(0);
  });

  it('merging an issue asks first, naming both issues and what moves (da, on a 390×844 phone)', async () => {
    const t = translator('da');
    const { page } = await b.person('da-DK');
    await page.setViewportSize({ width: 390, height: 844 });
    await signInIn(page, 'facilitator@council.test', 'da');
    await page.goto(`${b.baseUrl}/issues?status=OPEN`);
    const rows = page.getByTestId('feed-item');
    await rows.nth(1).waitFor();
    const into = ((await rows.nth(1).getByRole('link').first().textContent()) ?? '').trim();
    await rows.first().getByRole('link').first().click();
    const from = ((await page.getByTestId('issue-heading').textContent()) ?? '').trim();

    await page.getByRole('button', { name: t('issues.page.merge.open') }).click();
    await page.getByLabel(t('issues.page.merge.search')).fill(into.slice(0, 12));
    await page.getByRole('radio', { name: into }).check();
    await page.getByRole('button', { name: t('issues.page.merge.next') }).click();
    const dialog = page.getByTestId('merge');
    await dialog.getByText(t('issues.page.merge.confirm', { from, into })).waitFor();
    expect(await dialog.textContent()).toContain(t('issues.page.merge.consequence'));

    await page.getByTestId('merge-cancel').click();
    await poll(() => dialog.isVisible()).toBe(false);
    expect(await page.getByRole('radio', { name: into }).isChecked()).toBe(true);

    await page.getByRole('button', { name: t('issues.page.merge.next') }).click();
    await page.getByTestId('merge-confirm').click();
    await page.getByRole('link', { name: into }).first().waitFor();
    await poll(() => page.getByRole('button', { name: t('issues.page.merge.open') }).count()).toBe(0);
  });
});
