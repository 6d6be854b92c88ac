// Questions to other departments in Chromium, on the demo workspace: a coordinator (English, on a
// desktop) asks Billing about an issue with a due date; Billing's contact (German) finds the
// question on their home, opens the issue and answers it there, and cannot reach the rest of the
// workspace (no feed in the navigation, the feed's address says it is not for their role); the
// coordinator reads the answer on the issue; a facilitator sees the demo's overdue question on
// their home (at 360 px) and closes the new one after a confirmation. No serious axe finding on
// the issue page with its questions. An admin adds a department with a contact on the Departments
// page.
import { createRequire } from 'node:module';
import type { APIRequestContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signIn, useBrowser } from './browser.js';

const b = useBrowser();
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const ISSUE = "Customers can't download invoice copies themselves";
const QUESTION = 'Could customers get their invoice copies from the account page? What would Billing need for that?';
const ANSWER = 'Yes: the invoice archive already has an API. We need two weeks and a request from the web team.';

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

/** "YYYY-MM-DD" a number of days from now, as a date input takes it. */
function dateIn(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

describe('questions to other departments in the browser', () => {
  it('a coordinator asks Billing, the Billing contact answers on the issue, a facilitator closes the question', async () => {
    // ── The coordinator asks, in English on a desktop.
    const coordinator = await b.person('en-GB');
    await signIn(coordinator.page, b.baseUrl, 'coordinator4@council.test');
    const { issues } = await gql(coordinator.context.request, `{ issues(first: 100) { edges { node { id title } } } }`);
    const issueId = issues.edges.map((e: { node: { id: string; title: string } }) => e.node).find((n: { title: string }) => n.title === ISSUE).id as string;
    const issueUrl = `${b.baseUrl}/issues/${encodeURIComponent(issueId)}`;
    const page = coordinator.page;
    await page.goto(issueUrl);
    await page.getByTestId('issue-heading').waitFor();
    await page.getByTestId('refer-open').click();
    await page.getByTestId('refer-department').selectOption({ label: 'Billing' });
    await page.getByTestId('refer-question').fill(QUESTION);
    const due = dateIn(7);
    await page.getByTestId('refer-due').fill(due);
    await page.getByTestId('refer-submit').click();
    await expect.poll(() => page.getByTestId('referral-announce').textContent()).toContain('Billing');
    const asked = page.getByTestId('referral').filter({ hasText: QUESTION });
    await asked.waitFor();
    expect(await asked.getAttribute('data-status')).toBe('OPEN');
    expect(await asked.getByTestId('referral-due').textContent()).toMatch(/^Answer wanted by /);
    // The due date is the end of that day where the coordinator is (the browser's zone: Copenhagen).
    const stored = await gql(coordinator.context.request, `query($id: ID!) { node(id: $id) { ... on Issue { referrals { dueOn question department { name } } } } }`, { id: issueId });
    const referral = stored.node.referrals.find((r: { question: string }) => r.question === QUESTION);
    expect(referral.department.name).toBe('Billing');
    const dueOn = new Date(referral.dueOn);
    expect(dueOn.toLocaleString('sv-SE', { timeZone: 'Europe/Copenhagen' })).toBe(`${due} 23:59:59`);

    // ── Billing's contact reads German; sees the question at home, opens the issue, answers it.
    const contact = await b.person('de-DE');
    await signIn(contact.page, b.baseUrl, 'billing@council.test');
    const home = contact.page;
    const section = home.locator('[data-section="referralsToAnswer"]');
    await section.waitFor();
    expect(await section.getByRole('heading', { level: 2 }).textContent()).toContain('Fragen an Ihre Abteilung');
    const entry = section.getByTestId('home-referral').filter({ hasText: ISSUE });
    await entry.waitFor();
    expect(await entry.getByTestId('home-referral-question').textContent()).toContain('invoice copies from the account page');
    // Only what they can use: home (and the bell, the account), no feed, proposals, meetings, search.
    expect(await home.getByTestId('nav-home').count()).toBe(1);
    for (const link of ['nav-issues', 'nav-proposals', 'nav-meetings', 'nav-search', 'nav-admin']) expect(await home.getByTestId(link).count(), link).toBe(0);
    await entry.getByRole('link', { name: ISSUE, exact: true }).click();
    await home.waitForURL(/\/issues\/[^/]+$/);
    await home.getByTestId('issue-heading').waitFor();
    expect(await home.getByTestId('issue-heading').textContent()).toBe(ISSUE);
    const toAnswer = home.getByTestId('referral').filter({ hasText: QUESTION });
    await toAnswer.getByTestId('referral-answer-open').click();
    await home.getByTestId('answer-input').fill(ANSWER);
    await home.getByTestId('answer-submit').click();
    await expect.poll(() => toAnswer.getByTestId('referral-answer').textContent()).toContain(ANSWER);
    expect(await toAnswer.getAttribute('data-status')).toBe('ANSWERED');
    expect(await toAnswer.getByTestId('referral-status').textContent()).toBe('Beantwortet');
    // They can still correct it, and the discussion stays open to them.
    expect(await toAnswer.getByTestId('referral-answer-open').textContent()).toBe('Antwort ändern');
    expect(await home.getByTestId('comment-input').count()).toBe(1);
    // The feed's address, typed by hand: a plain message, no failing page.
    await home.goto(`${b.baseUrl}/issues`);
    await home.getByTestId('not-for-role').waitFor();
    expect(await home.getByTestId('not-for-role').textContent()).toContain('Nicht Teil Ihrer Rolle');
    await contact.context.close();

    // ── The coordinator reads the answer on the issue; the page passes axe.
    await page.reload();
    const answered = page.getByTestId('referral').filter({ hasText: QUESTION });
    await expect.poll(() => answered.getByTestId('referral-answer').textContent()).toContain(ANSWER);
    expect(await answered.getByTestId('referral-answer').textContent()).toContain('Answered by Anna Schneider');
    expect(await answered.getByTestId('referral-close').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await coordinator.context.close();

    // ── A facilitator closes it, after a confirmation.
    const facilitator = await b.person('en-GB');
    await signIn(facilitator.page, b.baseUrl, 'facilitator@council.test');
    const fp = facilitator.page;
    // Their home lists the demo's overdue question (Product's), on a phone too.
    await fp.setViewportSize({ width: 360, height: 780 });
    const overdue = fp.locator('[data-section="overdueReferrals"]').getByTestId('home-overdue-referral');
    await overdue.first().waitFor();
    expect(await overdue.count()).toBe(1);
    expect(await overdue.first().textContent()).toContain('Wrong product dimensions on the website for the furniture range');
    expect(await overdue.first().getByTestId('referral-overdue').count()).toBe(1);
    expect(await fp.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await fp.setViewportSize({ width: 1280, height: 900 });
    await fp.goto(issueUrl);
    const toClose = fp.getByTestId('referral').filter({ hasText: QUESTION });
    await toClose.getByTestId('referral-close').click();
    await fp.getByTestId('referral-close-dialog-confirm').click();
    await expect.poll(() => toClose.getAttribute('data-status')).toBe('CLOSED');
    await toClose.getByTestId('referral-closed').waitFor();
    expect(await toClose.getByTestId('referral-close').count()).toBe(0);
    expect(await seriousViolations(fp)).toEqual([]);
    const after = await gql(facilitator.context.request, `query($id: ID!) { node(id: $id) { ... on Issue { referrals { question status answer closedBy { email } } } } }`, { id: issueId });
    expect(after.node.referrals.find((r: { question: string }) => r.question === QUESTION)).toEqual({ question: QUESTION, status: 'CLOSED', answer: ANSWER, closedBy: { email: 'facilitator@council.test' } });
    await facilitator.context.close();
  });

  it('an admin adds a department with a contact on the Departments page', async () => {
    const { page, context } = await b.person('en-GB');
    await signIn(page, b.baseUrl, 'admin@council.test');
    await page.goto(`${b.baseUrl}/admin`);
    await page.getByTestId('admin-nav-departments').click();
    await page.waitForURL(/\/admin\/departments$/);
    await page.getByTestId('departments-list').waitFor();
    expect(await page.getByTestId('department-row').count()).toBe(3);
    // A name taken already: the field says so, nothing is added.
    await page.getByTestId('department-new-name').fill('Billing');
    await page.getByTestId('department-new-submit').click();
    await expect.poll(() => page.getByTestId('department-new-form').locator('.field__error').first().textContent()).toContain('already a department');
    expect(await page.getByTestId('department-row').count()).toBe(3);

    await page.getByTestId('department-new-name').fill('Customer Care');
    await page.getByTestId('department-new-contact-filter').fill('siobhan');
    const choices = page.getByTestId('department-new-contact');
    await expect.poll(() => choices.count()).toBe(1);
    await choices.first().check();
    await page.getByTestId('department-new-submit').click();
    const row = page.locator('[data-testid="department-row"][data-name="Customer Care"]');
    await row.waitFor();
    expect(await row.getByTestId('department-contacts').textContent()).toContain('Siobhan Murphy');
    await expect.poll(() => page.getByTestId('departments-status').textContent()).toContain('Customer Care');
    expect(await seriousViolations(page)).toEqual([]);
    // The contact now has the role, on top of the one they had.
    const { departments } = await gql(context.request, `{ departments { name contacts { email roles } } }`);
    expect(departments.find((d: { name: string }) => d.name === 'Customer Care').contacts).toEqual([{ email: 'coordinator4@council.test', roles: ['COORDINATOR', 'DEPARTMENT_CONTACT'] }]);
    await context.close();
  });
});
