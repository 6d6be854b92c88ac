// Single sign-on in Chromium against a real OpenID Connect provider (oidc-provider, its development
// login form): the button on /signin leads to the provider and back to the page asked for, signed
// in; an answer whose state was tampered with, and an address the provider has not verified, come
// back to the sign-in page with a notice that says why.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startIdp, type TestIdp } from '../support/oidc.js';
import { useBrowser } from './browser.js';

let idp: TestIdp;
beforeAll(async () => {
  idp = await startIdp();
  idp.accounts.set('catherine', { sub: 'catherine', email: 'executive@council.test', email_verified: true });
  idp.accounts.set('unverified', { sub: 'unverified', email: 'executive@council.test', email_verified: false });
});
const b = useBrowser({ env: () => idp.env });
// The app listens on a port chosen at start: its callback is registered with the provider once known.
beforeAll(() => idp.configure(`${b.baseUrl}/auth/oidc/callback`));
afterAll(() => idp?.close());

/** From the sign-in page through the provider's login form, as `sub`. */
async function signInWithSso(page: Page, sub: string, next?: string): Promise<void> {
  await page.goto(next ? `${b.baseUrl}/signin?next=${encodeURIComponent(next)}` : `${b.baseUrl}/signin`);
  await page.getByTestId('sso-signin').click();
  await page.waitForURL((url) => url.origin === idp.issuer);
  await page.locator('input[name="login"]').fill(sub);
  await page.locator('input[name="password"]').fill('any password');
  await page.locator('button[type="submit"]').click();
}

describe('single sign-on', () => {
  it('signs in through the provider from the sign-in page and lands where the person wanted to go', async () => {
    const { page } = await b.person();
    await page.goto(`${b.baseUrl}/signin`);
    // Both ways are offered: the button, and the password form below it.
    await page.getByTestId('sso-signin').getByText('Sign in with single sign-on').waitFor();
    await page.getByTestId('signin-email').waitFor();

    await signInWithSso(page, 'catherine', '/proposals');
    await page.waitForURL(`${b.baseUrl}/proposals`);
    await page.getByTestId('header-user').getByText('Catherine Walsh').waitFor();
    expect((await page.context().cookies()).find((c) => c.name === 'council_session')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
  });

  it('shows the failure when the answer’s state was tampered with, and signs nobody in', async () => {
    const { page } = await b.person();
    // Playwright routes no request that a redirect made, and the provider redirects to the callback:
    // the login form's submission is routed instead, its redirects followed here, and the browser
    // sent on to the callback URL with another state.
    await page.route(`${idp.issuer}/interaction/**`, async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      const submitted = await route.fetch({ maxRedirects: 0 });
      const resumed = await page.context().request.get(new URL(submitted.headers().location, idp.issuer).href, { maxRedirects: 0 });
      const answer = new URL(resumed.headers().location);
      expect(answer.href.startsWith(`${b.baseUrl}/auth/oidc/callback?`)).toBe(true);
      answer.searchParams.set('state', 'tampered-state-tampered-state-tampered-state');
      await route.fulfill({ status: 303, headers: { location: answer.href } });
    });
    await signInWithSso(page, 'catherine');
    await page.waitForURL(/\/signin\?sso=failed$/);
    await page.getByTestId('sso-refused').getByText('Single sign-on did not work. Please try again.').waitFor();
    expect((await page.context().cookies()).some((c) => c.name === 'council_session')).toBe(false);
  });

  it('explains that the provider has not verified the address', async () => {
    const { page } = await b.person('de-DE');
    await signInWithSso(page, 'unverified');
    await page.waitForURL(/\/signin\?sso=unverified$/);
    await page.getByTestId('sso-refused').getByText('Ihr Identitätsanbieter hat Ihre E-Mail-Adresse nicht bestätigt').waitFor();
    expect((await page.context().cookies()).some((c) => c.name === 'council_session')).toBe(false);
  });
});
