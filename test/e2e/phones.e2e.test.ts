// Phones (390×844) in Chromium, in English and German (long words): the one-row header with its
// menu (Escape closes it, focus comes back), the feed's filters behind a counting button with the
// first issue on the first screen, "affected too" above the description, tap targets of 44 px, an
// agenda whose times (12-hour in English) never overlap its titles (a long German compound among
// them), focus kept after voting, the executive's queue and decide page, the policy
// register's approved changes rolling out; axe finds nothing serious and no page scrolls sideways.
import { createRequire } from 'node:module';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './browser.js';

const b = useBrowser();
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const PHONE = { width: 390, height: 844 };
const LANGUAGES = [
  {
    lang: 'en',
    browser: 'en-GB',
    filters: /Filters/,
    oneActive: '1 active',
    rolling: /Approved, rolling out \(3 of 8 regions\)/,
    // English times are 12-hour ("10:30 AM"), the widest the time column gets.
    times: /\d{1,2}:\d{2}\s?(AM|PM)/,
    longTitle: 'Returns collected by the courier but never scanned in at the depot during the winter peak season',
  },
  {
    lang: 'de',
    browser: 'de-DE',
    filters: /Filter/,
    oneActive: '1 aktiv',
    rolling: /Genehmigt, in Einführung \(3 von 8 Regionen\)/,
    times: /\d{1,2}:\d{2}/,
    longTitle: 'Rücksendungsbearbeitungsrichtlinienänderungsvorschlag für Großkundenrahmenvereinbarungen im Wintergeschäft',
  },
] as const;

async function violations(page: Page): Promise<string[]> {
  // Colours are measured at rest: a highlight still fading (a comment just posted, a row just
  // marked; some start after a refetch) would be measured mid-fade.
  await page.addStyleTag({ content: '*, *::before, *::after { animation: none !important; transition: none !important; }' });
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

/** A person on a phone, signed in, in the given language (picked in the header's menu). */
async function onPhone(email: string, lang: 'en' | 'de', browserLocale: string): Promise<Page> {
  const { page } = await b.person(browserLocale);
  await page.setViewportSize(PHONE);
  await page.goto(`${b.baseUrl}/signin`);
  await page.getByTestId('signin-email').fill(email);
  await page.getByTestId('signin-password').fill('council-demo');
  await page.getByTestId('signin-submit').click();
  await page.getByTestId('menu-button').waitFor();
  await page.getByTestId('menu-button').click();
  const select = page.getByTestId('language-select');
  if ((await select.inputValue()) !== lang) {
    await select.selectOption(lang);
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
  }
  await page.keyboard.press('Escape');
  return page;
}

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error('not laid out');
  return b;
}

/** At least 44 × 44 CSS pixels, as a thumb needs. */
async function expectTappable(locator: Locator, what: string) {
  const { width, height } = await box(locator);
  expect(Math.round(height), `${what} height`).toBeGreaterThanOrEqual(44);
  expect(Math.round(width), `${what} width`).toBeGreaterThanOrEqual(44);
}

/** Its top edge on the first screen, without scrolling. */
async function expectOnFirstScreen(page: Page, locator: Locator, what: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  const { y, height } = await box(locator);
  expect(y + height, `${what} on the first screen`).toBeLessThanOrEqual(PHONE.height);
}

async function expectNoSidewaysScroll(page: Page, what: string) {
  const [scrollWidth, innerWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(scrollWidth, `${what} scrolls sideways`).toBeLessThanOrEqual(innerWidth);
}

/** Goes to a section through the header's menu. */
async function viaMenu(page: Page, testId: string) {
  await page.getByTestId('menu-button').click();
  await page.getByTestId(testId).click();
  await expect.poll(() => page.getByTestId('menu-button').getAttribute('aria-expanded')).toBe('false');
}

describe.each(LANGUAGES)('on a 390×844 phone ($lang)', ({ lang, browser, filters, oneActive, rolling, times, longTitle }) => {
  it('coordinator: a compact header and menu, the feed, an issue, support and a comment', async () => {
    const page = await onPhone(lang === 'en' ? 'coordinator4@council.test' : 'coordinator2@council.test', lang, browser);
    await page.getByTestId('home-section').first().waitFor();

    // One row of header; the sections are behind the menu button, which is a disclosure.
    const menu = page.getByTestId('menu-button');
    expect((await box(page.locator('header.header'))).height).toBeLessThanOrEqual(72);
    await expectTappable(menu, 'menu button');
    await expectTappable(page.getByTestId('notifications-bell'), 'bell');
    expect(await page.getByTestId('nav-issues').isVisible()).toBe(false);
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('nav-home');
    for (const id of ['nav-home', 'nav-issues', 'nav-proposals', 'nav-policies', 'nav-meetings', 'signout']) await expectTappable(page.getByTestId(id), id);
    await expectNoSidewaysScroll(page, 'open menu');
    expect(await violations(page), 'open menu').toEqual([]);
    await page.keyboard.press('Escape');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByTestId('nav-issues').isVisible()).toBe(false);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('menu-button');

    // The feed: raise and the first issue on the first screen, filters folded behind a counting button.
    await viaMenu(page, 'nav-issues');
    const first = page.getByTestId('feed-item').first();
    await first.waitFor();
    await expectOnFirstScreen(page, page.getByTestId('raise-issue-link'), 'raise issue');
    await expectOnFirstScreen(page, first.getByRole('heading'), 'first issue');
    const toggle = page.getByTestId('filters-toggle');
    expect(await toggle.textContent()).toMatch(filters);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await expectTappable(toggle, 'filters button');
    await expectTappable(page.getByTestId('raise-issue-link'), 'raise issue');
    await expectTappable(first.getByRole('heading').getByRole('link'), 'issue link');
    await expectTappable(page.getByTestId('mark-region-too').first(), 'mark too');
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const chip = page.locator('.filters__status .chip').first();
    await expectTappable(chip, 'status chip');
    await chip.click();
    await expect.poll(() => page.getByTestId('filters-active').textContent()).toBe(oneActive);
    await expect.poll(() => page.locator('.feed__list[aria-busy]').count()).toBe(0);
    await expectNoSidewaysScroll(page, 'feed');
    expect(await violations(page), 'feed').toEqual([]);
    await chip.click();
    await expect.poll(() => page.getByTestId('filters-active').count()).toBe(0);
    await toggle.click();

    // An issue this region has not marked: "affected too" above the description, on the first screen.
    const row = page.getByTestId('feed-item').filter({ has: page.getByTestId('mark-region-too') }).first();
    await row.getByRole('heading').getByRole('link').click();
    await page.getByTestId('issue-heading').waitFor();
    const support = page.getByTestId('support-button');
    await expectOnFirstScreen(page, support, 'affected too');
    await expectTappable(support, 'affected too');
    expect((await box(support)).y).toBeLessThan((await box(page.locator('.issue-description'))).y);
    await support.click();
    await page.getByTestId('withdraw-button').waitFor();
    // Who is affected (the supporters, now with this person) also comes before the long description.
    expect((await box(page.locator('.support .supporters'))).y).toBeLessThan((await box(page.locator('.issue-description'))).y);
    await page.getByTestId('comment-input').fill('Same here: customers ask twice a day.');
    await expectTappable(page.getByTestId('comment-submit'), 'comment submit');
    await page.getByTestId('comment-submit').click();
    await expect.poll(() => page.getByTestId('comment-item').filter({ hasText: 'customers ask twice a day' }).count()).toBe(1);
    // The new comment's highlight fades out first (axe would measure its contrast mid-fade).
    // (Every animation of the page, however late its highlight class was applied.)
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState === 'finished'));
    await expectNoSidewaysScroll(page, 'issue');
    expect(await violations(page), 'issue').toEqual([]);
    // A proposal in voting: the way to the vote (or to change it) on the first screen.
    await viaMenu(page, 'nav-proposals');
    const open = page.getByTestId('proposal-item').filter({ has: page.getByTestId('vote-mark') }).first();
    await open.getByRole('link').first().click();
    const jump = page.getByTestId('jump-to-vote');
    await expectOnFirstScreen(page, jump, 'vote shortcut');
    await expectTappable(jump, 'vote shortcut');
    await jump.click();
    const focusInPanel = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        const r = el?.getBoundingClientRect();
        return { inPanel: !!el?.closest('[data-testid="vote-panel"]'), visible: !!r && r.top >= 0 && r.bottom <= window.innerHeight };
      });
    expect(await focusInPanel()).toEqual({ inPanel: true, visible: true });
    // Voting keeps the focus where the person was: on the vote's button, on screen.
    await page.getByTestId('vote-for').check();
    await expectTappable(page.getByTestId('vote-submit'), 'vote submit');
    await page.getByTestId('vote-submit').click();
    await page.getByTestId('viewer-vote').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('vote-submit');
    await expect.poll(focusInPanel).toEqual({ inPanel: true, visible: true });
    await expectNoSidewaysScroll(page, 'proposal');
    expect(await violations(page), 'proposal').toEqual([]);
  });

  it('facilitator: the meetings and an agenda whose times stay clear of the titles', async () => {
    const page = await onPhone('facilitator@council.test', lang, browser);
    await viaMenu(page, 'nav-meetings');
    const meeting = page.getByTestId('meeting-item').first();
    await meeting.waitFor();
    await expectNoSidewaysScroll(page, 'meetings');
    expect(await violations(page), 'meetings').toEqual([]);
    await expectTappable(meeting.getByRole('link').first(), 'meeting link');
    await meeting.getByRole('link').first().click();
    await page.getByTestId('meeting-heading').waitFor();
    const items = page.getByTestId('agenda-item');
    await items.first().waitFor();
    // A long title of the facilitator's own (a German compound has no place to break).
    const before = await items.count();
    await page.getByTestId('add-item-title').fill(longTitle);
    await page.getByTestId('add-item-minutes').fill('5');
    await page.getByTestId('add-item-submit').click();
    await expect.poll(() => items.count()).toBe(before + 1);
    await items.filter({ hasText: longTitle }).waitFor();
    const count = await items.count();
    expect(count).toBeGreaterThan(2);
    expect((await items.locator('time').allTextContents()).every((s) => times.test(s)), 'time format').toBe(true);
    for (let i = 0; i < count; i++) {
      const item = items.nth(i);
      const time = await box(item.locator('time').first());
      const title = await box(item.getByTestId('agenda-item-title'));
      const apart = time.x + time.width <= title.x + 0.5 || time.y + time.height <= title.y + 0.5;
      expect(apart, `agenda item ${i + 1}: time overlaps title`).toBe(true);
      const row = await box(item);
      expect(title.x + title.width, `agenda item ${i + 1}: title runs out of its row`).toBeLessThanOrEqual(row.x + row.width + 0.5);
    }
    await expectNoSidewaysScroll(page, 'meeting');
    expect(await violations(page), 'meeting').toEqual([]);
  });

  it('executive: the decision queue, the decide page and the register with an approved change rolling out', async () => {
    const page = await onPhone('executive@council.test', lang, browser);
    await viaMenu(page, 'nav-decisions');
    const item = page.getByTestId('decision-queue-item').first();
    await item.waitFor();
    const decide = item.getByTestId('decide-link');
    await expectOnFirstScreen(page, decide, 'decide link');
    await expectTappable(decide, 'decide link');
    await expectNoSidewaysScroll(page, 'queue');
    expect(await violations(page), 'queue').toEqual([]);
    await decide.click();
    await page.getByTestId('decide-rationale').waitFor();
    await expectTappable(page.getByTestId('decide-submit'), 'decide submit');
    await expectNoSidewaysScroll(page, 'decide');
    expect(await violations(page), 'decide').toEqual([]);

    await viaMenu(page, 'nav-policies');
    const change = page.getByTestId('policy-change').filter({ hasText: rolling }).first();
    await change.waitFor();
    const link = change.getByRole('link').first();
    const title = (await link.textContent())!;
    await expectNoSidewaysScroll(page, 'policies');
    expect(await violations(page), 'policies').toEqual([]);
    await link.click();
    await expect.poll(() => page.getByTestId('proposal-heading').textContent()).toBe(title);
  });
});
