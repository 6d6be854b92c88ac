// The case brief in Chromium (issue #13, part 5): an executive opens it from the decision queue
// and from the decision page, reads every section, downloads the Markdown, and prints it on one
// A4 page; the same in German. The print check is real: the page printed to PDF (A4, the page's
// own @page margins) has one page, and with print media emulated the sheet is no taller than an
// A4 page's printable height at 96 dpi. axe-core finds nothing serious on the page.
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { translator } from '@council/shared/i18n';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './browser.js';

const b = useBrowser();
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const SUBMITTED = 'Automatic refund of duplicate charges within 24 hours'; // the demo's proposal in the decision queue

/** A4 at 96 dpi, less the brief's @page margins (12 mm top and bottom, 14 mm left and right). */
const MM = 96 / 25.4;
const PRINTABLE = { width: Math.floor((210 - 28) * MM), height: Math.floor((297 - 24) * MM) };

async function signInIn(page: Page, email: string, lang: string): Promise<void> {
  await page.goto(`${b.baseUrl}/signin`);
  await page.getByTestId('language-select').selectOption(lang);
  await page.getByTestId('signin-email').fill(email);
  await page.getByTestId('signin-password').fill('council-demo');
  await page.getByTestId('signin-submit').click();
  await page.getByTestId('header-user').waitFor({ state: 'attached' });
}

/** Every section of the brief, headed in the page's language. */
async function expectSections(page: Page, lang: string): Promise<void> {
  const t = translator(lang);
  const brief = page.getByTestId('case-brief');
  await brief.waitFor();
  expect(await page.getByTestId('brief-title').textContent()).toBe(SUBMITTED);
  for (const [testId, key] of [
    ['brief-problem', 'brief.sections.problem'],
    ['brief-regions', 'brief.sections.regions'],
    ['brief-vote', 'brief.sections.vote'],
    ['brief-discussion', 'brief.sections.discussion'],
    ['brief-referrals', 'brief.sections.referrals'],
    ['brief-change', 'brief.sections.change'],
    ['brief-impact', 'brief.sections.impact'],
  ] as const) {
    expect(await page.getByTestId(testId).getByRole('heading', { level: 2 }).textContent(), testId).toContain(t(key));
  }
  // A typical case: several regions affected, a vote with its counts, points from the discussion.
  expect(await page.getByTestId('brief-region').count()).toBeGreaterThan(1);
  expect(await page.getByTestId('brief-vote').textContent()).toMatch(/\d/);
  expect(await page.getByTestId('brief-point').count()).toBeGreaterThan(0);
}

/** axe-core's serious and critical findings on the page. */
async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Fits one A4 page: printed to PDF it has one page; under print media the sheet fits the printable height. */
async function expectOnePage(page: Page): Promise<void> {
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize(PRINTABLE);
  expect(await page.getByTestId('print-button').isVisible()).toBe(false);
  const height = await page.getByTestId('case-brief').evaluate((el) => el.getBoundingClientRect().height);
  expect(height).toBeGreaterThan(200);
  expect(height).toBeLessThanOrEqual(PRINTABLE.height);
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: false });
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
  expect(pages.length).toBe(1);
  await page.emulateMedia({ media: 'screen' });
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe('the case brief', () => {
  it('an executive opens it from the decision queue, downloads it, and it prints on one A4 page (en)', async () => {
    const t = translator('en');
    const { page } = await b.person();
    await signInIn(page, 'executive@council.test', 'en');
    await page.goto(`${b.baseUrl}/decisions`);
    const item = page.getByTestId('decision-queue-item').filter({ hasText: SUBMITTED });
    await item.getByTestId('brief-link').click();
    await page.waitForURL(/\/proposals\/[^/]+\/brief$/);
    await expectSections(page, 'en');
    expect(await violations(page)).toEqual([]);
    expect(await page.title()).toBe(`${t('brief.documentTitle', { title: SUBMITTED })} · ${t('app.name')}`);

    // The Markdown download, with the same case.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('brief-markdown').click()]);
    expect(download.suggestedFilename()).toBe('automatic-refund-of-duplicate-charges-within-24-hours-brief.md');
    const markdown = await new Promise<string>((resolve, reject) => {
      void download.createReadStream().then((stream) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        stream.on('error', reject);
      }, reject);
    });
    expect(markdown).toContain(`# ${t('brief.documentTitle', { title: SUBMITTED })}`);
    expect(markdown).toContain(`## ${t('brief.sections.regions')}`);

    await expectOnePage(page);

    // Back to the decision; from the decision page the brief is one click away too.
    await page.getByTestId('brief-back').click();
    await page.waitForURL(/\/decide$/);
    await page.getByTestId('brief-link').click();
    await page.getByTestId('case-brief').waitFor();
  });

  it('reads in German, and still prints on one page (de)', async () => {
    const t = translator('de');
    const { page } = await b.person('de-DE');
    await signInIn(page, 'executive@council.test', 'de');
    await page.goto(`${b.baseUrl}/decisions`);
    await page.getByTestId('decision-queue-item').filter({ hasText: SUBMITTED }).getByTestId('decide-link').click();
    await page.getByTestId('brief-link').click();
    await expectSections(page, 'de');
    expect(await page.getByTestId('brief-markdown').textContent()).toBe(t('brief.page.download'));
    expect(await page.getByTestId('print-button').textContent()).toBe(t('brief.page.print'));
    await expectOnePage(page);
  });

  it('is linked from the page of a proposal that went to management', async () => {
    const { page } = await b.person();
    await signInIn(page, 'coordinator5@council.test', 'en');
    await page.goto(`${b.baseUrl}/proposals`);
    await page.getByTestId('proposal-item').filter({ hasText: SUBMITTED }).getByRole('link', { name: SUBMITTED }).click();
    await page.getByTestId('brief-link').click();
    await expectSections(page, 'en');
    // Not an executive: the way back is to the proposal, not to a decision.
    expect(await page.getByTestId('brief-back').textContent()).toContain(translator('en')('brief.page.back'));
  });
});
