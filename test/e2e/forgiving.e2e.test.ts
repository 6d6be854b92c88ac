// Nothing typed is lost, and focus and language follow the person (issue #12, parts 3 and 5), on a
// desktop and on a 390×844 phone, in English and another language: drafts survive a reload; a
// comment sent offline keeps its text and goes out on "Try again"; a server error names its
// reference; a session ended elsewhere signs in again in place and the comment goes out; focus
// after "load more", after posting and after voting; relative dates mid-sentence in lower case; the
// language picked at sign-in wins and is saved; the first-time guide on an empty home.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { translator } from '@council/shared/i18n';
import { signIn, useBrowser, type Session } from './browser.js';

const b = useBrowser();
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
type Size = 'desktop' | 'phone';

/** A person's browser at a desktop's or a 390×844 phone's size. */
async function personAt(size: Size, locale?: string): Promise<Session> {
  const session = await b.person(locale);
  await session.page.setViewportSize(size === 'phone' ? PHONE : DESKTOP);
  return session;
}

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
  it.each([
    { email: 'coordinator4@council.test', size: 'desktop' as Size },
    { email: 'coordinator2@council.test', size: 'phone' as Size },
  ])('keeps a new issue and a comment as drafts across a reload, and clears them once sent ($size)', async ({ email, size }) => {
    const { page, context } = await personAt(size);
    await signIn(page, b.baseUrl, email);
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

  it.each([
    { email: 'coordinator5@council.test', lang: 'en', size: 'desktop' as Size },
    { email: 'coordinator6@council.test', lang: 'vi', size: 'phone' as Size },
  ])('offline, a comment keeps its text on the page and goes out with "Try again" when back online ($lang, $size)', async ({ email, lang, size }) => {
    const t = translator(lang);
    const { page, context } = await personAt(size);
    await signIn(page, b.baseUrl, email);
    // Signed in to the person's own language.
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
    await raiseIssue(page, `Offline comment ${Date.now()}`);
    const text = 'Written on a train with no signal';
    await page.getByTestId('comment-input').fill(text);
    await context.setOffline(true);
    await page.getByTestId('comment-submit').click();
    const failed = page.getByTestId('send-failed');
    await failed.waitFor();
    expect(await failed.getAttribute('data-kind')).toBe('offline');
    expect(await failed.textContent()).toContain(`${t('forgiving.send.offline')} ${t('forgiving.send.kept')}`);
    // The page is still there, with the text.
    expect(await page.getByTestId('issue-heading').count()).toBe(1);
    expect(await page.getByTestId('comment-input').inputValue()).toBe(text);
    expect(await page.getByText(t('forgiving.send.network')).count()).toBe(0);

    await context.setOffline(false);
    await page.getByTestId('send-retry').click();
    await page.getByTestId('comment-item').filter({ hasText: text }).waitFor();
    await expect.poll(() => failed.count()).toBe(0);
    expect(await page.getByTestId('comment-input').inputValue()).toBe('');

    // Relative dates inside a sentence ("updated yesterday", Vietnamese "cập nhật hôm qua") take no capital.
    await page.goto(`${b.baseUrl}/proposals`);
    await page.getByTestId('proposal-item').first().waitFor();
    const relative = await page.locator('.proposal-row__updated time, .proposal-row__deadline time').allTextContents();
    expect(relative.length).toBeGreaterThan(0);
    for (const when of relative) expect(when, 'mid-sentence').toBe(when.charAt(0).toLocaleLowerCase(lang) + when.slice(1));
    await context.close();
  });

  it.each([
    // Lucía's saved language is Spanish; Marcus's is English.
    { email: 'coordinator3@council.test', lang: 'es', size: 'desktop' as Size },
    { email: 'coordinator7@council.test', lang: 'en', size: 'phone' as Size },
  ])('signs in again in place when the session ended elsewhere, and the comment goes out ($lang, $size)', async ({ email, lang, size }) => {
    const here = await personAt(size);
    await signIn(here.page, b.baseUrl, email);
    const issueUrl = await raiseIssue(here.page, `Session ends mid-comment ${Date.now()}`);
    const text = 'Typed before my session ended';
    await here.page.getByTestId('comment-input').fill(text);

    // The same person signs out every other browser from another one.
    const elsewhere = await b.person();
    await signIn(elsewhere.page, b.baseUrl, email);
    await elsewhere.page.goto(`${b.baseUrl}/account`);
    await elsewhere.page.getByTestId('sign-out-elsewhere').click();
    await elsewhere.page.getByTestId('sign-out-elsewhere-confirm').click();
    await elsewhere.page.getByTestId('sessions-only-here').waitFor();

    await here.page.getByTestId('comment-submit').click();
    const dialog = here.page.getByTestId('signin-again');
    await dialog.waitFor();
    expect(await dialog.getByRole('heading').textContent()).toBe(translator(lang)('forgiving.session.title'));
    expect(await dialog.locator('input[type="email"]').inputValue()).toBe(email);
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

  it.each([
    { email: 'coordinator4@council.test', size: 'desktop' as Size },
    { email: 'coordinator2@council.test', size: 'phone' as Size },
  ])('after "load more" the focus is on the first issue it brought; after voting, on the vote\'s button ($size)', async ({ email, size }) => {
    const { page, context } = await personAt(size);
    await signIn(page, b.baseUrl, email);
    await page.goto(`${b.baseUrl}/issues`);
    await expect.poll(() => page.getByTestId('feed-item').count(), { timeout: 10_000 }).toBe(20);
    await page.getByTestId('load-more').click();
    await expect.poll(() => page.getByTestId('feed-item').count(), { timeout: 10_000 }).toBeGreaterThan(20);
    const twentyFirst = await page.getByTestId('feed-item').nth(20).locator('.issue-row__title a').textContent();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toBe(twentyFirst);

    // Voting: the focus stays on the button pressed, which stays on screen.
    await page.goto(`${b.baseUrl}/proposals?status=VOTING`);
    await page.getByTestId('proposal-item').first().getByRole('link').first().click();
    await page.getByTestId('vote-against').check();
    await page.getByTestId('vote-submit').click();
    await page.getByTestId('viewer-vote').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('vote-submit');
    // (The vote now shown above the form pushes the button down: it is brought back on screen.)
    const onScreen = () =>
      page.evaluate(() => {
        const r = document.activeElement!.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight;
      });
    await expect.poll(onScreen).toBe(true);
    await context.close();
  });

  it.each([
    { lang: 'vi', size: 'desktop' as Size },
    { lang: 'en', size: 'phone' as Size },
  ])('explains the flow on an empty home, in the language picked at sign-in ($lang, $size)', async ({ lang, size }) => {
    const { page, context } = await personAt(size);
    await page.goto(`${b.baseUrl}/signin`);
    await page.getByTestId('language-select').selectOption(lang);
    await page.getByTestId('signin-email').fill('admin@council.test');
    await page.getByTestId('signin-password').fill('council-demo');
    await page.getByTestId('signin-submit').click();
    const guide = page.getByTestId('home-empty').getByTestId('flow-guide');
    await guide.waitFor();
    expect(await guide.getByRole('heading').textContent()).toBe(translator(lang)('forgiving.guide.title'));
    expect(await guide.locator('li').count()).toBe(6);
    await context.close();
  });
});
