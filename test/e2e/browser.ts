// Browser-test support: the real server (demo workspace, built SPA) on a free port, Debian's
// Chromium driven by playwright-core, and a screenshot under test/artifacts/ when a test fails.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const webDist = fileURLToPath(new URL('../../web/dist', import.meta.url));
const artifacts = fileURLToPath(new URL('../artifacts', import.meta.url));

export interface Session {
  context: BrowserContext;
  page: Page;
}

export interface BrowserOptions {
  /** More environment for the server, read when it starts (e.g. a test identity provider's OIDC_* variables). */
  env?: () => Record<string, string>;
}

export function useBrowser(options: BrowserOptions = {}) {
  const state = { app: undefined as unknown as TestApp, browser: undefined as unknown as Browser, baseUrl: '', pages: [] as Page[] };

  beforeAll(async () => {
    if (!existsSync(`${webDist}/index.html`)) throw new Error('web/dist is missing: run `pnpm build` first');
    state.app = await startTestApp({ webDist, seed: true, seedTemplate: inject('seedTemplate'), env: options.env?.() });
    await state.app.app.listen({ port: 0, host: '127.0.0.1' });
    const address = state.app.app.server.address();
    state.baseUrl = typeof address === 'object' && address ? `http://127.0.0.1:${address.port}` : '';
    state.browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') {
      mkdirSync(artifacts, { recursive: true });
      const name = ctx.task.name.replace(/[^\w-]+/g, '_').slice(0, 80);
      await Promise.all(state.pages.map((p, i) => p.screenshot({ path: `${artifacts}/${name}-${i}.png`, fullPage: true }).catch(() => undefined)));
    }
    state.pages = [];
  });

  afterAll(async () => {
    await state.browser?.close();
    await state.app?.close();
  });

  return {
    get baseUrl() {
      return state.baseUrl;
    },
    /** A fresh browser profile (its own cookies), as a separate person would have. */
    async person(locale = 'en-GB'): Promise<Session> {
      const context = await state.browser.newContext({ locale, timezoneId: 'Europe/Copenhagen', viewport: { width: 1280, height: 900 } });
      context.setDefaultTimeout(10_000);
      const page = await context.newPage();
      state.pages.push(page);
      return { context, page };
    },
  };
}

export async function signIn(page: Page, baseUrl: string, email: string, password = 'council-demo'): Promise<void> {
  await page.goto(`${baseUrl}/signin`);
  await page.getByTestId('signin-email').fill(email);
  await page.getByTestId('signin-password').fill(password);
  await page.getByTestId('signin-submit').click();
  // On a phone the header's account part is folded into its menu: there, not necessarily shown.
  await page.getByTestId('header-user').waitFor({ state: 'attached' });
}
