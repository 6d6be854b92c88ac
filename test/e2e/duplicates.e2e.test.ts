// Duplicates in Chromium, on the demo workspace: a coordinator on a phone (390 px) types a title
// on the raise form, is told how many similar open issues there are, and supports the existing
// one instead ("This is our problem too", the description as the note), landing on it with a
// success message; a facilitator merges a pair from the possible duplicates list (also at 390 px)
// and undoes the merge from the merged issue's page. No serious axe finding on either page.
import { createRequire } from 'node:module';
import type { APIRequestContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signIn, useBrowser } from './browser.js';

const b = useBrowser();
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const EXISTING = 'No pickup option for returning bulky items';

async function gql<T = any>(api: APIRequestContext, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await api.post(`${b.baseUrl}/graphql`, { data: { query, variables }, headers: { 'content-type': 'application/json' } });
  const body = (await res.json()) as { data?: T; errors?: unknown[] };
  if (body.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data as T;
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('duplicates in the browser', () => {
  it('a coordinator typing a title finds the existing issue and supports it instead', async () => {
    const { page, context } = await b.person();
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, b.baseUrl, 'coordinator2@council.test');
    const total = async () => (await gql(context.request, `{ issues { totalCount } }`)).issues.totalCount as number;
    const issuesBefore = await total();
    await page.goto(`${b.baseUrl}/issues/new`);
    await page.getByTestId('issue-title-input').fill('Pickup for bulky returns');
    const similar = page.getByTestId('similar-issue');
    await similar.first().waitFor();
    await expect.poll(() => page.getByTestId('similar-count').textContent()).toMatch(/^[1-5] /); // coordinator2 reads German: "5 ähnliche offene Anliegen"
    const existing = similar.filter({ hasText: EXISTING });
    expect(await existing.count()).toBe(1);
    expect(await existing.textContent()).toMatch(/\d/);
    await page.getByTestId('issue-description-input').fill('Customers cannot bring a sofa back to a store.');
    // Nothing is wider than the phone, and the proposals pass axe.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousViolations(page)).toEqual([]);

    await existing.getByTestId('similar-support').click();
    await page.waitForURL(/\/issues\/(?!new)[^/]+$/);
    await expect.poll(() => page.getByTestId('supported-instead').textContent()).toContain(EXISTING);
    expect(await page.getByTestId('issue-heading').textContent()).toBe(EXISTING);
    // Counted, with the description as the note; nothing new was raised.
    const issueId = decodeURIComponent(page.url().split('/issues/')[1]);
    const data = await gql(
      context.request,
      `query($id: ID!) { node(id: $id) { ... on Issue { viewerHasSupported supports { note user { email } } } } }`,
      { id: issueId },
    );
    expect(data.node.viewerHasSupported).toBe(true);
    expect(data.node.supports.find((s: { user: { email: string } }) => s.user.email === 'coordinator2@council.test').note).toBe('Customers cannot bring a sofa back to a store.');
    expect(await total()).toBe(issuesBefore);
    await context.close();
  });

  it('a facilitator merges a pair from the possible duplicates and undoes it', async () => {
    // A coordinator raised the same problem again, in other words.
    const raiser = await b.person();
    await signIn(raiser.page, b.baseUrl, 'coordinator3@council.test');
    const title = 'No pickup option for returning bulky furniture';
    await gql(raiser.context.request, `mutation($t: String!) { raiseIssue(input: { title: $t, description: "Sofas and wardrobes cannot be returned without a pickup." }) { id } }`, { t: title });
    await raiser.context.close();

    const { page, context } = await b.person();
    await signIn(page, b.baseUrl, 'facilitator@council.test');
    await page.goto(`${b.baseUrl}/issues`);
    await page.getByTestId('duplicates-link').click();
    await page.waitForURL(/\/issues\/duplicates$/);
    const pair = page.getByTestId('duplicate-pair').filter({ hasText: title }).filter({ hasText: EXISTING });
    await pair.waitFor();
    // The list works on a phone too, and passes axe.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousViolations(page)).toEqual([]);
    await pair.getByTestId('duplicate-merge').click();
    await page.getByTestId('merge-confirm').click();
    await expect.poll(() => page.getByTestId('merged-notice').textContent()).toContain(title);
    // The merged pair is gone from the list.
    await expect.poll(() => page.getByTestId('duplicate-pair').filter({ hasText: title }).count()).toBe(0);

    // Undo, from the merged issue's page, after a confirmation.
    await page.getByTestId('merged-notice-undo').click();
    await page.getByTestId('issue-heading').waitFor();
    expect(await page.getByTestId('issue-heading').textContent()).toBe(title);
    await page.getByTestId('unmerge-open').click();
    await page.getByTestId('unmerge-confirm').click();
    await page.getByTestId('unmerge-done').waitFor();
    await expect.poll(() => page.getByTestId('unmerge-open').count()).toBe(0);
    const issueId = decodeURIComponent(page.url().split('/issues/')[1]);
    const data = await gql(context.request, `query($id: ID!) { node(id: $id) { ... on Issue { status mergedInto { id } } } }`, { id: issueId });
    expect(data.node).toEqual({ status: 'OPEN', mergedInto: null });
    await context.close();
  });
});
