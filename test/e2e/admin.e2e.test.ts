// The admin area and the account page in Chromium: an admin invites a coordinator (the test app
// sends no mail, so the form says so and hands over the link), who opens it in a fresh browser,
// sets a password and lands on their home with their region; the admin changes their roles and the
// audit log shows the invitation and the change with before and after. Deactivating a person signs
// their open browser out on its next request (and the last admin cannot be deactivated). Regions,
// categories and the voting rule are kept here. On the account page a person changes their time
// zone and signs out everywhere else. At 390 px no admin page scrolls sideways; axe finds no
// serious violation.
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signIn, useBrowser } from './browser.js';

const b = useBrowser();
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

const ADMIN = 'admin@council.test';

/**
 * A browser whose session ended goes to sign-in on its next request: a click here, unless its own
 * background requests (the notification bell) got there first. Still signed in, the click would
 * open the issues and stay there.
 */
async function expectSignedOut(page: Page): Promise<void> {
  if (!new URL(page.url()).pathname.startsWith('/signin')) await page.getByTestId('nav-issues').click({ timeout: 2_000 }).catch(() => undefined);
  await page.waitForURL(/\/signin/);
}

describe('admin area', () => {
  it('invites a coordinator, who joins through the link; a role change and the invitation show in the audit log', async () => {
    const admin = await b.person();
    await admin.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: b.baseUrl });
    await signIn(admin.page, b.baseUrl, ADMIN);
    await admin.page.getByTestId('nav-admin').click();
    await admin.page.waitForURL(/\/admin\/people$/);
    await admin.page.getByTestId('person-row').first().waitFor();

    // No SMTP in the test app: the form warns, and the invitation's link comes back to the admin.
    await admin.page.getByTestId('mail-off').getByText('This server sends no mail').waitFor();
    await admin.page.getByTestId('invite-email').fill('ana.ruiz@council.test');
    await admin.page.getByTestId('invite-name').fill('Ana Ruiz');
    await admin.page.getByTestId('invite-region').selectOption({ label: 'Iberia' });
    await admin.page.getByTestId('invite-language').selectOption('en');
    expect(await admin.page.getByTestId('invite-role-COORDINATOR').isChecked()).toBe(true);
    await admin.page.getByTestId('invite-submit').click();
    const first = await admin.page.getByTestId('invite-link').inputValue();
    expect(first).toMatch(/\/invite\/[A-Za-z0-9_-]{20,}$/);
    await admin.page.getByTestId('invite-link-panel').getByText('Shown only once').waitFor();
    await admin.page.getByTestId('invite-link-copy').click();
    await admin.page.getByTestId('invite-link-copied').getByText('Copied.').waitFor();
    expect(await admin.page.evaluate(() => navigator.clipboard.readText())).toBe(first);
    const invitation = admin.page.locator('[data-testid="invitation-row"][data-email="ana.ruiz@council.test"]');
    await invitation.getByTestId('invitation-state').getByText('Pending').waitFor();
    await invitation.getByText('Invited by Daniel Okafor').waitFor();

    // Re-sent: a new link, shown in the invitation's row; the first one stops working.
    await invitation.getByTestId('invitation-resend').click();
    await admin.page.getByTestId('invitations-status').getByText('A new link for ana.ruiz@council.test is ready').waitFor();
    const link = await invitation.getByTestId('invite-link').inputValue();
    expect(link).not.toBe(first);
    expect(await admin.page.getByTestId('invite-link').count()).toBe(1);

    // Ana opens the link in her own browser, chooses a password, and is signed in at home.
    const ana = await b.person();
    await ana.page.goto(`${b.baseUrl}${new URL(first).pathname}`);
    await ana.page.getByTestId('new-password').fill('harbour lantern quietly 42');
    await ana.page.getByTestId('new-password-submit').click();
    await ana.page.getByTestId('password-form-error').getByText('This invitation link is not valid.').waitFor();
    await ana.page.goto(`${b.baseUrl}${new URL(link).pathname}`);
    await ana.page.getByTestId('new-password').fill('harbour lantern quietly 42');
    await ana.page.getByTestId('new-password-submit').click();
    await ana.page.getByTestId('header-user').waitFor();
    expect(new URL(ana.page.url()).pathname).toBe('/');
    expect(await ana.page.getByTestId('header-user').textContent()).toContain('Ana Ruiz');
    expect(await ana.page.getByTestId('header-user').textContent()).toContain('Iberia');
    // A coordinator has no admin area: no link, and the pages say so.
    expect(await ana.page.getByTestId('nav-admin').count()).toBe(0);
    await ana.page.goto(`${b.baseUrl}/admin/people`);
    await ana.page.getByTestId('admin-not-allowed').waitFor();

    // The invitation is accepted now; the admin makes Ana a facilitator too.
    await admin.page.reload();
    await invitation.getByTestId('invitation-state').getByText('Accepted').waitFor();
    const row = admin.page.locator('[data-testid="person-row"][data-email="ana.ruiz@council.test"]');
    await row.getByTestId('person-region').getByText('Iberia').waitFor();
    await row.getByTestId('person-edit').click();
    await row.getByTestId('person-role-FACILITATOR').check();
    await row.getByTestId('person-save').click();
    await admin.page.getByTestId('people-status').getByText('The changes to Ana Ruiz are saved.').waitFor();
    await row.getByTestId('person-roles').getByText('Coordinator, Facilitator').waitFor();

    // The audit log, newest first: the role change with before and after, then the acceptance and the invitation.
    await admin.page.getByTestId('admin-nav-audit').click();
    await admin.page.waitForURL(/\/admin\/audit$/);
    const change = admin.page.locator('[data-testid="audit-event"][data-action="user.rolesChanged"]').first();
    await change.waitFor();
    expect(await change.getByTestId('audit-action').textContent()).toBe('Roles changed');
    expect(await change.getByTestId('audit-actor').textContent()).toBe('Daniel Okafor');
    expect(await change.getByTestId('audit-subject').textContent()).toContain('Ana Ruiz');
    expect((await change.locator('[data-testid="audit-change"][data-field="roles"]').textContent())?.replace(/\s+/g, ' ')).toContain(
      'Roles: before Coordinator → after Coordinator, Facilitator',
    );
    const invited = admin.page.locator('[data-testid="audit-event"][data-action="invitation.created"]').first();
    expect(await invited.getByTestId('audit-action').textContent()).toBe('Invitation sent');
    expect(await invited.getByTestId('audit-subject').textContent()).toContain('ana.ruiz@council.test');
    expect(await invited.locator('[data-testid="audit-change"][data-field="region"]').textContent()).toContain('Iberia');
    await admin.page.locator('[data-testid="audit-event"][data-action="invitation.accepted"]').first().waitFor();

    // Filters live in the URL: a family of actions, then a person as well; a reload keeps them.
    await admin.page.getByTestId('audit-filter-action').selectOption('invitation');
    await admin.page.waitForURL(/action=invitation/);
    await expect.poll(async () => new Set(await admin.page.getByTestId('audit-event').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')?.split('.')[0])))).toEqual(new Set(['invitation']));
    await admin.page.getByTestId('audit-filter-action').selectOption('user.rolesChanged');
    await admin.page.getByTestId('audit-filter-person').selectOption({ label: 'Daniel Okafor' });
    await admin.page.waitForURL(/actor=/);
    await admin.page.reload();
    await expect.poll(() => admin.page.getByTestId('audit-event').count()).toBe(1);
    expect(await admin.page.getByTestId('audit-filter-action').inputValue()).toBe('user.rolesChanged');
    await admin.context.close();
    await ana.context.close();
  });

  it('loads older events with "Load more"', async () => {
    const admin = await b.person();
    await signIn(admin.page, b.baseUrl, ADMIN);
    await admin.page.goto(`${b.baseUrl}/admin/audit`);
    await expect.poll(() => admin.page.getByTestId('audit-event').count()).toBe(30);
    const firstPage = await admin.page.getByTestId('audit-event').evaluateAll((els) => els.map((e) => e.textContent));
    await admin.page.getByTestId('audit-load-more').click();
    await expect.poll(() => admin.page.getByTestId('audit-event').count()).toBe(60);
    const both = await admin.page.getByTestId('audit-event').evaluateAll((els) => els.map((e) => e.textContent));
    expect(both.slice(0, 30)).toEqual(firstPage);
    await admin.context.close();
  });

  it('deactivates a person: their open browser is signed out on its next request; the last admin stays', async () => {
    const camila = await b.person();
    await signIn(camila.page, b.baseUrl, 'coordinator8@council.test');

    const admin = await b.person();
    await signIn(admin.page, b.baseUrl, ADMIN);
    await admin.page.goto(`${b.baseUrl}/admin/people?q=camila`);
    const row = admin.page.locator('[data-testid="person-row"][data-email="coordinator8@council.test"]');
    await row.getByTestId('person-deactivate').click();
    await row.getByTestId('deactivate-confirmation').getByText('Their sessions end at once and they can no longer sign in.').waitFor();
    await row.getByTestId('person-deactivate-confirm').click();
    await admin.page.getByTestId('people-status').getByText('Camila Rojas is deactivated and signed out everywhere.').waitFor();
    // Deactivated people are hidden unless asked for.
    await expect.poll(() => row.count()).toBe(0);
    await admin.page.getByTestId('people-filter-inactive').check();
    await row.getByTestId('person-active').getByText('Deactivated').waitFor();

    // Camila's browser is signed out on its next request, and she cannot sign in again.
    await expectSignedOut(camila.page);
    await camila.page.getByTestId('signin-email').fill('coordinator8@council.test');
    await camila.page.getByTestId('signin-password').fill('council-demo');
    await camila.page.getByTestId('signin-submit').click();
    await camila.page.getByTestId('signin-error').waitFor();

    // Reactivated, she can sign in again.
    await row.getByTestId('person-reactivate').click();
    await admin.page.getByTestId('people-status').getByText('Camila Rojas can sign in again.').waitFor();
    await signIn(camila.page, b.baseUrl, 'coordinator8@council.test');

    // The only administrator cannot deactivate themselves: the refusal says why, and nothing changes.
    await admin.page.goto(`${b.baseUrl}/admin/people?q=daniel`);
    const self = admin.page.locator(`[data-testid="person-row"][data-email="${ADMIN}"]`);
    await self.getByTestId('person-deactivate').click();
    await self.getByTestId('person-deactivate-confirm').click();
    await self.getByTestId('person-error').getByText('Council needs at least one active administrator.').waitFor();
    await admin.page.reload();
    await self.getByTestId('person-active').getByText('Active').waitFor();
    await admin.context.close();
    await camila.context.close();
  });

  it("names a referral's issue and department in the audit log, not their ids", async () => {
    const admin = await b.person();
    await signIn(admin.page, b.baseUrl, ADMIN);
    await admin.page.goto(`${b.baseUrl}/admin/audit?action=referral.created`);
    const asked = admin.page.locator('[data-testid="audit-event"][data-action="referral.created"]').filter({ hasText: 'Billing' }).first();
    await asked.waitFor();
    expect(await asked.locator('[data-testid="audit-change"][data-field="issue"]').textContent()).toContain('Buy-now-pay-later reminders continue after a refund');
    expect(await asked.locator('[data-testid="audit-change"][data-field="department"]').textContent()).toContain('Billing');
    expect(await asked.getByTestId('audit-changes').textContent()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  it('keeps regions, categories and the voting rule', async () => {
    const admin = await b.person();
    await signIn(admin.page, b.baseUrl, ADMIN);
    const page = admin.page;

    await page.goto(`${b.baseUrl}/admin/regions`);
    await page.getByTestId('region-row').first().waitFor();
    await page.getByTestId('region-new-code').fill('oce');
    await page.getByTestId('region-new-name').fill('Oceania');
    await page.getByTestId('region-new-zone').fill('Not/AZone');
    await page.getByTestId('region-new-submit').click();
    await page.getByText('Use a time zone such as Europe/Copenhagen.').waitFor();
    await page.getByTestId('region-new-zone').fill('Australia/Sydney');
    await page.getByTestId('region-new-submit').click();
    await page.getByTestId('regions-status').getByText('Region Oceania added.').waitFor();
    const oceania = page.locator('[data-testid="region-row"][data-code="OCE"]');
    await oceania.getByText('Australia/Sydney').waitFor();
    await oceania.getByTestId('region-edit').click();
    await oceania.getByTestId('region-edit-name').fill('Oceania & Pacific');
    await oceania.getByTestId('region-edit-submit').click();
    await page.getByTestId('regions-status').getByText('Region Oceania & Pacific saved.').waitFor();

    await page.getByTestId('admin-nav-categories').click();
    await page.getByTestId('category-row').first().waitFor();
    await page.getByTestId('category-new-en').fill('Warranty');
    expect(await page.getByTestId('category-new-de').getAttribute('placeholder')).toBe('Warranty');
    await page.getByTestId('category-new-de').fill('Garantie');
    await page.getByTestId('category-new-submit').click();
    await page.getByTestId('categories-status').getByText('Category Warranty added.').waitFor();
    const warranty = page.locator('[data-testid="category-row"][data-name="Warranty"]');
    expect(await warranty.getByTestId('category-name-de').textContent()).toBe('Garantie');
    expect(await warranty.getByTestId('category-name-da').textContent()).toBe('English name shown');

    await page.getByTestId('admin-nav-settings').click();
    await page.getByTestId('voting-rule-current').waitFor();
    await page.getByTestId('voting-rule-quorum').fill('150');
    await page.getByTestId('voting-rule-save').click();
    await page.getByText('Enter a share between 0 % and 100 %.').waitFor();
    await page.getByTestId('voting-rule-quorum').fill('60');
    await page.getByTestId('voting-rule-threshold').fill('55');
    await page.getByTestId('voting-rule-save').click();
    await page.getByTestId('voting-rule-status').getByText('The voting rule is saved.').waitFor();
    await page.getByTestId('voting-rule-current').getByText('quorum 60%, threshold more than 55%').waitFor();
    await page.getByTestId('timebox-PROPOSAL').fill('20');
    await page.getByTestId('timeboxes-save').click();
    await page.getByTestId('timeboxes-status').getByText('The time boxes are saved.').waitFor();
    await page.reload();
    expect(await page.getByTestId('timebox-PROPOSAL').inputValue()).toBe('20');
    await admin.context.close();
  });

  it('changes the time zone on the account page and signs out everywhere else', async () => {
    const here = await b.person();
    await signIn(here.page, b.baseUrl, 'coordinator5@council.test');
    const elsewhere = await b.person();
    await signIn(elsewhere.page, b.baseUrl, 'coordinator5@council.test');

    await here.page.getByTestId('account-link').click();
    await here.page.waitForURL(/\/account$/);
    const zone = here.page.getByTestId('account-time-zone');
    expect(await zone.inputValue()).toBe('');
    expect(await zone.locator('option').first().textContent()).toBe('Follow my region (Europe/Amsterdam)');
    await zone.selectOption('Asia/Tokyo');
    await here.page.getByTestId('account-time-zone-status').getByText('Saved').waitFor();
    await here.page.reload();
    expect(await here.page.getByTestId('account-time-zone').inputValue()).toBe('Asia/Tokyo');

    // Two browsers; this one is marked. Signing out elsewhere asks first, then leaves only this one.
    await expect.poll(() => here.page.getByTestId('session').count()).toBe(2);
    const current = here.page.locator('[data-testid="session"][data-current="true"]');
    expect(await current.textContent()).toContain('Chrome on Linux');
    expect(await current.getByTestId('session-current').textContent()).toBe('This browser');
    await here.page.getByTestId('sign-out-elsewhere').click();
    await here.page.getByText('Sign out of every other browser?').waitFor();
    await here.page.getByTestId('sign-out-elsewhere-confirm').click();
    await here.page.getByTestId('sessions-status').getByText('Signed out of 1 other browser.').waitFor();
    await expect.poll(() => here.page.getByTestId('session').count()).toBe(1);
    await here.page.getByTestId('sessions-only-here').waitFor();

    // The other browser is signed out on its next request; this one is not.
    await expectSignedOut(elsewhere.page);
    await here.page.getByTestId('nav-issues').click();
    await here.page.getByTestId('feed-item').first().waitFor();

    // Following the region again.
    await here.page.goto(`${b.baseUrl}/account`);
    await here.page.getByTestId('account-time-zone').selectOption('');
    await here.page.getByTestId('account-time-zone-status').getByText('Saved').waitFor();
    await here.context.close();
    await elsewhere.context.close();
  });

  it('fits a phone at 390 px without sideways scrolling, and axe finds no serious violations', async () => {
    const admin = await b.person();
    await signIn(admin.page, b.baseUrl, ADMIN);
    const page = admin.page;
    for (const [path, ready] of [
      ['/admin/people', 'person-row'],
      ['/admin/audit', 'audit-event'],
      ['/admin/regions', 'region-row'],
      ['/admin/categories', 'category-row'],
      ['/admin/settings', 'voting-rule-current'],
    ] as const) {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${b.baseUrl}${path}`);
      await page.getByTestId(ready).first().waitFor();
      expect(await violations(page), path).toEqual([]);
      await page.setViewportSize({ width: 390, height: 844 });
      // Open an edit form too: it must fit as well.
      if (path === '/admin/people') await page.getByTestId('person-edit').first().click();
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
    }
    await page.goto(`${b.baseUrl}/account`);
    await page.getByTestId('sessions').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth), '/account').toBeLessThanOrEqual(390);
    expect(await violations(page), '/account').toEqual([]);
    await admin.context.close();
  });
});
