// Nothing typed is lost, and focus and language follow the person (issue #12, parts 3 and 5):
// drafts survive a reload; a comment sent offline keeps its text and goes out on "Try again"; a
// server error names its reference; a session ended elsewhere signs in again in place and the
// comment goes out; focus after "load more" and after posting; the language picked at sign-in
// wins and is saved; the first-time guide on an empty home.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { signIn, useBrowser } from './browser.js';

const b = useBrowser();

/** Raise an issue through the form (a fresh subject for comments), leaving the page on it. */
async function raiseIssue(page: Page, title: string): Promise<string> {
  await page.goto(`${b.baseUrl}/issues/new`);
  await page.getByTestId('issue-title-input').fill(title);
  await page.getByTestId('issue-description-input').fill('Parcels wait at the depot for two extra days after a holiday.');
  await page.getByTestId('issue-submit').click();
  await expect.poll(() => page.getByTestId('issue-heading').textContent()).toBe(title);
  return page.url();
}

/** The id of the focused element (or its closest element with an id), and its test id. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return { id: el?.closest('[id]')?.id ?? '', testId: el?.getAttribute('data-testid') ?? '', tag: el?.tagName ?? '' };
  });

describe('forgiving forms', () => {
  it('keeps a new issue and a comment as drafts across a reload, and clears them once sent', async () => {
    const { page, context } = await b.person();
    await signIn(page, b.baseUrl, 'coordinator4@council.test');
    await page.goto(`${b.baseUrl}/issues/new`);
    await page.getByTestId('issue-title-input').fill('Drafts survive a reload of the form');
    await page.getByTestId('issue-description-input').fill('Half a description');
    await page.reload();
    await page.getByTestId('draft-restored').waitFor();
    expect(await page.getByTestId('issue-title-input').inputValue()).toBe('Drafts survive a reload of the form');
    expect(await page.getByTestId('issue-description-input').inputValue()).toBe('Half a description');
    // Discard brings back the empty form, and a reload finds nothing.
    await page.getByTestId('draft-discard').click();
    expect(await page.getByTestId('issue-title-input').inputValue()).toBe('');
    await page.reload();
    await page.getByTestId('issue-title-input').waitFor();
    expect(await page.getByTestId('draft-restored').count()).toBe(0);

    const title = `Depot delays after holidays ${Date.now()}`;
    await page.getByTestId('issue-title-input').fill(title);
    await page.getByTestId('issue-description-input').fill('Parcels wait at the depot for two extra days after a holiday.');
    await page.getByTestId('issue-submit').click();
    await expect.poll(() => page.getByTestId('issue-heading').textContent()).toBe(title);
    const issueUrl = page.url();

    // The comment's draft is this issue's: typed, reloaded, there again.
    await page.getByTestId('comment-input').fill('A comment I am still writing');
    await page.reload();
    await page.getByTestId('draft-restored').waitFor();
    expect(await page.getByTestId('comment-input').inputValue()).toBe('A comment I am still writing');
    await page.getByTestId('comment-submit').click();
    await page.getByTestId('comment-item').filter({ hasText: 'A comment I am still writing' }).waitFor();
    // Posted: the focus is on the new comment, the field is empty, and nothing comes back on reload.
    await expect.poll(async () => (await focused(page)).id).toMatch(/^comment-/);
    expect(await page.getByTestId('comment-input').inputValue()).toBe('');
    await page.goto(issueUrl);
    await page.getByTestId('comment-item').first().waitFor();
    expect(await page.getByTestId('draft-restored').count()).toBe(0);
    expect(await page.getByTestId('comment-input').inputValue()).toBe('');
    // A new issue form is empty again after raising one.
    await page.goto(`${b.baseUrl}/issues/new`);
    await page.getByTestId('issue-title-input').waitFor();
    expect(await page.getByTestId('issue-title-input').inputValue()).toBe('');
    await context.close();
  });

  it('offline, a comment keeps its text on the page and goes out with "Try again" when back online', async () => {
    const { page, context } = await b.person();
    await signIn(page, b.baseUrl, 'coordinator5@council.test');
    await raiseIssue(page, `Offline comment ${Date.now()}`);
    const text = 'Written on a train with no signal';
    await page.getByTestId('comment-input').fill(text);
    await context.setOffline(true);
    await page.getByTestId('comment-submit').click();
    const failed = page.getByTestId('send-failed');
    await failed.waitFor();
    expect(await failed.getAttribute('data-kind')).toBe('offline');
    expect(await failed.textContent()).toContain('You are offline. Your text is kept.');
    // The page is still there, with the text.
    expect(await page.getByTestId('issue-heading').count()).toBe(1);
    expect(await page.getByTestId('comment-input').inputValue()).toBe(text);
    expect(await page.getByText('The server cannot be reached').count()).toBe(0);

    await context.setOffline(false);
    await page.getByTestId('send-retry').click();
    await page.getByTestId('comment-item').filter({ hasText: text }).waitFor();
    await expect.poll(() => failed.count()).toBe(0);
    expect(await page.getByTestId('comment-input').inputValue()).toBe('');
    await context.close();
  });

  it('signs in again in place when the session ended elsewhere, and the comment goes out', async () => {
    const here = await b.person();
    await signIn(here.page, b.baseUrl, 'coordinator3@council.test');
    // Lucía's saved language is Spanish.
    const issueUrl = await raiseIssue(here.page, `Session ends mid-comment ${Date.now()}`);
    const text = 'Typed before my session ended';
    await here.page.getByTestId('comment-input').fill(text);

    // The same person signs out every other browser from another one.
    const elsewhere = await b.person();
    await signIn(elsewhere.page, b.baseUrl, 'coordinator3@council.test');
    await elsewhere.page.goto(`${b.baseUrl}/account`);
    await elsewhere.page.getByTestId('sign-out-elsewhere').click();
    await elsewhere.page.getByTestId('sign-out-elsewhere-confirm').click();
    await elsewhere.page.getByTestId('sessions-only-here').waitFor();

    await here.page.getByTestId('comment-submit').click();
    const dialog = here.page.getByTestId('signin-again');
    await dialog.waitFor();
    expect(await dialog.getByRole('heading').textContent()).toBe('Tu sesión ha caducado');
    expect(await dialog.locator('input[type="email"]').inputValue()).toBe('coordinator3@council.test');
    // A wrong password is said in the dialog; the page stays.
    await here.page.getByTestId('signin-again-password').fill('not-the-password');
    await here.page.getByTestId('signin-again-submit').click();
    await here.page.getByTestId('signin-again-error').waitFor();
    await here.page.getByTestId('signin-again-password').fill('council-demo');
    await here.page.getByTestId('signin-again-submit').click();
    await here.page.getByTestId('comment-item').filter({ hasText: text }).waitFor();
    await expect.poll(() => dialog.count()).toBe(0);
    expect(here.page.url()).toBe(issueUrl);
    expect(await here.page.getByTestId('comment-input').inputValue()).toBe('');
    // Signed in for real: a reload stays on the issue.
    await here.page.reload();
    await here.page.getByTestId('comment-item').filter({ hasText: text }).waitFor();
    await here.context.close();
    await elsewhere.context.close();
  });

  it('the language picked at sign-in wins and is saved; a server error names its reference in it', async () => {
    // Pieter's saved language is English; he picks German on the sign-in page.
    const { page, context } = await b.person();
    await page.goto(`${b.baseUrl}/signin`);
    await page.getByTestId('language-select').selectOption('de');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('de');
    await page.getByTestId('signin-email').fill('coordinator5@council.test');
    await page.getByTestId('signin-password').fill('council-demo');
    await page.getByTestId('signin-submit').click();
    await page.getByTestId('header-user').waitFor();
    await page.getByTestId('nav-issues').click();
    await expect.poll(() => page.getByTestId('raise-issue-link').textContent()).toContain('Anliegen melden');
    expect(await page.locator('html').getAttribute('lang')).toBe('de');

    // A 500 with the request id: "Server error (reference …)", in German; the retry then posts.
    await raiseIssue(page, `Serverfehler beim Kommentieren ${Date.now()}`);
    await page.route('**/graphql', async (route) => {
      if (route.request().method() === 'POST' && (route.request().postData() ?? '').includes('mutation AddComment')) {
        await route.fulfill({ status: 500, headers: { 'content-type': 'text/plain', 'x-request-id': 'e2e-ref-4711' }, body: 'boom' });
      } else await route.continue();
    });
    await page.getByTestId('comment-input').fill('Ein Kommentar gegen einen Serverfehler');
    await page.getByTestId('comment-submit').click();
    const failed = page.getByTestId('send-failed');
    await failed.waitFor();
    expect(await failed.textContent()).toContain('Serverfehler (Referenz e2e-ref-4711). Ihr Text bleibt erhalten.');
    expect(await page.getByTestId('comment-input').inputValue()).toBe('Ein Kommentar gegen einen Serverfehler');
    await page.unroute('**/graphql');
    await page.getByTestId('send-retry').click();
    await page.getByTestId('comment-item').filter({ hasText: 'gegen einen Serverfehler' }).waitFor();

    // Saved to the account: another browser, nothing picked, signs in to German.
    const other = await b.person();
    await signIn(other.page, b.baseUrl, 'coordinator5@council.test');
    await expect.poll(() => other.page.locator('html').getAttribute('lang')).toBe('de');
    // Back to English for the other tests' sake.
    await other.page.getByTestId('language-select').selectOption('en');
    await expect.poll(() => other.page.locator('html').getAttribute('lang')).toBe('en');
    await context.close();
    await other.context.close();
  });

  it('after "load more" the focus is on the first issue it brought', async () => {
    const { page, context } = await b.person();
    await signIn(page, b.baseUrl, 'coordinator4@council.test');
    await page.goto(`${b.baseUrl}/issues`);
    await expect.poll(() => page.getByTestId('feed-item').count()).toBe(20);
    await page.getByTestId('load-more').click();
    await expect.poll(() => page.getByTestId('feed-item').count()).toBeGreaterThan(20);
    const twentyFirst = await page.getByTestId('feed-item').nth(20).locator('.issue-row__title a').textContent();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toBe(twentyFirst);
    await context.close();
  });

  it('explains the flow on an empty home, in the language picked at sign-in', async () => {
    const { page, context } = await b.person();
    await page.goto(`${b.baseUrl}/signin`);
    await page.getByTestId('language-select').selectOption('vi');
    await page.getByTestId('signin-email').fill('admin@council.test');
    await page.getByTestId('signin-password').fill('council-demo');
    await page.getByTestId('signin-submit').click();
    const guide = page.getByTestId('home-empty').getByTestId('flow-guide');
    await guide.waitFor();
    expect(await guide.getByRole('heading').textContent()).toBe('Hội đồng làm việc thế nào');
    expect(await guide.locator('li').count()).toBe(6);
    await context.close();
  });
});
