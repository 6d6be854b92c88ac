// Meeting mode that keeps the record and forgives (issue #12), in Chromium, in English and in
// another language: "Finish & next" marks items finished so the minutes say so (a skipped item is
// carried over); closing asks first and "keep it running" keeps it running; a meeting closed by
// mistake is reopened on its day; on a 390×844 phone a double tap on "Start" does not close the
// meeting; an executive's decision asks first, and afterwards says what happened.
import type { Page } from 'playwright-core';
import { translator } from '@council/shared/i18n';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './browser.js';

const b = useBrowser();

/** Signs in with `lang` picked on the sign-in page (it wins over the account's language). */
async function signInIn(page: Page, email: string, lang: string): Promise<void> {
  await page.goto(`${b.baseUrl}/signin`);
  await page.getByTestId('language-select').selectOption(lang);
  await page.getByTestId('signin-email').fill(email);
  await page.getByTestId('signin-password').fill('council-demo');
  await page.getByTestId('signin-submit').click();
  // On a phone the person's name sits behind the menu: signed in once it is on the page.
  await page.getByTestId('header-user').waitFor({ state: 'attached' });
  await poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
}

/** A datetime-local value a day from now, at 09:00 local time. */
function tomorrowAtNine(): string {
  const d = new Date(Date.now() + 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T09:00`;
}

/** Waits for the page to show a value (a busy machine may take a few seconds). */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 5_000 });
const status = (page: Page) => page.getByTestId('meeting-status').getAttribute('data-status');
const text = async (page: Page, testId: string) => ((await page.getByTestId(testId).textContent()) ?? '').trim();

describe('meeting mode', () => {
  it.each(['en', 'da'])('Finish & next into correct minutes, a close that asks first, and a reopen (%s)', async (lang) => {
    const t = translator(lang);
    const { page } = await b.person(lang === 'da' ? 'da-DK' : 'en-GB');
    await signInIn(page, 'facilitator@council.test', lang);
    const title = `Meeting mode ${lang}`;
    await page.goto(`${b.baseUrl}/meetings/new`);
    await page.getByTestId('meeting-title-input').fill(title);
    await page.getByTestId('meeting-starts-at').fill(tomorrowAtNine());
    await page.getByTestId('meeting-duration-input').fill('60');
    await page.getByTestId('meeting-submit').click();
    await poll(() => text(page, 'meeting-heading')).toBe(title);
    await page.getByTestId('generate-agenda').click();
    await page.getByTestId('agenda-item').nth(3).waitFor();
    const agenda = (await page.getByTestId('agenda-item').locator('[data-testid="agenda-item-title"]').allTextContents()).map((s) => s.trim());

    // A day early and unpublished: starting asks first.
    await page.getByTestId('start-meeting').click();
    await page.getByTestId('start-meeting-dialog').getByText(t('meetings.plan.startConfirmTitle')).waitFor();
    await page.getByTestId('start-meeting-dialog-confirm').click();
    await poll(() => status(page)).toBe('IN_PROGRESS');
    await poll(() => text(page, 'current-item')).toBe(agenda[0]);

    // Finish & next twice (items 1 and 2 finished), then Skip item 3.
    expect(await text(page, 'finish-next')).toContain(t('meetings.run.finishNext'));
    // Each step waits for the server's answer (the item ticked off in the agenda beside it).
    const finished = (i: number) => page.getByTestId('agenda-item').nth(i).locator('.run-agenda__done').count();
    await page.getByTestId('finish-next').click();
    await poll(() => text(page, 'current-item')).toBe(agenda[1]);
    await poll(() => finished(0)).toBe(1);
    await page.getByTestId('finish-next').click();
    await poll(() => text(page, 'current-item')).toBe(agenda[2]);
    await poll(() => finished(1)).toBe(1);
    await page.getByTestId('next-item').click();
    await poll(() => text(page, 'current-item')).toBe(agenda[3]);
    await page.getByTestId('agenda-item').nth(3).locator('[aria-current="step"]').waitFor();
    expect(await finished(2)).toBe(0);

    // Closing asks first; "keep it running" keeps it running.
    await page.getByTestId('close-meeting').click();
    const dialog = page.getByTestId('close-meeting-dialog');
    await dialog.getByText(t('meetings.run.closeConfirmTitle')).waitFor();
    expect(await text(page, 'close-meeting-dialog-cancel')).toBe(t('meetings.run.keepRunning'));
    await page.getByTestId('close-meeting-dialog-cancel').click();
    await poll(() => dialog.isVisible()).toBe(false);
    expect(await status(page)).toBe('IN_PROGRESS');
    expect(await text(page, 'current-item')).toBe(agenda[3]);

    await page.getByTestId('close-meeting').click();
    await page.getByTestId('close-meeting-dialog-confirm').click();
    await poll(() => status(page)).toBe('CLOSED');

    // The minutes: finished items say so, the skipped and the interrupted ones carry over.
    const items = page.getByTestId('minutes-item');
    await items.nth(3).waitFor();
    const done = await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-done')));
    expect(done.slice(0, 4)).toEqual(['true', 'true', 'false', 'false']);
    for (const i of [0, 1]) {
      const row = (await items.nth(i).textContent()) ?? '';
      expect(row).toContain(t('meetings.minutesView.done'));
      expect(row).not.toContain(t('meetings.minutesView.carriedOver'));
    }
    expect(await items.nth(2).textContent()).toContain(t('meetings.minutesView.carriedOver'));

    // Closed by mistake: reopened the same day, after a confirmation, on the item it was on.
    await page.getByTestId('reopen-meeting').click();
    await page.getByTestId('reopen-meeting-dialog').getByText(t('meetings.minutesView.reopenConfirmTitle')).waitFor();
    await page.getByTestId('reopen-meeting-dialog-confirm').click();
    await poll(() => status(page)).toBe('IN_PROGRESS');
    await poll(() => text(page, 'current-item')).toBe(agenda[3]);
    await page.getByTestId('close-meeting').click();
    await page.getByTestId('close-meeting-dialog-confirm').click();
    await poll(() => status(page)).toBe('CLOSED');
  });

  it('on a 390×844 phone, a double tap on Start does not close the meeting', async () => {
    const { page } = await b.person();
    await page.setViewportSize({ width: 390, height: 844 });
    await signInIn(page, 'facilitator@council.test', 'en');
    await page.goto(`${b.baseUrl}/meetings`);
    await page.getByRole('link', { name: 'November coordinators meeting' }).first().click();
    await poll(() => text(page, 'meeting-heading')).toBe('November coordinators meeting');

    const pointOf = async (testId: string) => {
      const target = page.getByTestId(testId);
      await target.scrollIntoViewIfNeeded();
      const box = (await target.boundingBox())!;
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    };
    const tap = async ({ x, y }: { x: number; y: number }) => {
      await page.mouse.click(x, y);
      await page.waitForTimeout(120);
    };
    // Planned three days ahead: Start asks first. The confirming tap starts it; a second tap at the
    // same point, and one where Start was, must not land on Close.
    const start = await pointOf('start-meeting');
    await tap(start);
    await page.getByTestId('start-meeting-dialog').getByText(translator('en')('meetings.plan.startConfirmTitle')).waitFor();
    const confirm = await pointOf('start-meeting-dialog-confirm');
    await tap(confirm);
    await tap(confirm);
    await tap(start);
    await poll(() => status(page)).toBe('IN_PROGRESS');
    await page.getByTestId('current-item').waitFor();
    await page.waitForTimeout(300);
    expect(await status(page)).toBe('IN_PROGRESS');
    expect(await page.getByTestId('close-meeting-dialog').isVisible()).toBe(false);
    await page.reload();
    await poll(() => status(page)).toBe('IN_PROGRESS');

    await page.getByTestId('close-meeting').click();
    await page.getByTestId('close-meeting-dialog-confirm').click();
    await poll(() => status(page)).toBe('CLOSED');
  });

  it('an executive\'s decision asks first (back to the form decides nothing), then says what happened (en, de)', async () => {
    // The demo has one proposal waiting for a decision: asked in English and left, decided in German.
    const en = translator('en');
    const first = (await b.person()).page;
    await signInIn(first, 'executive@council.test', 'en');
    await first.goto(`${b.baseUrl}/decisions`);
    await first.getByTestId('decision-queue-item').first().getByTestId('decide-link').click();
    const title = await text(first, 'proposal-heading');
    const decideUrl = first.url();
    await first.getByTestId('decide-approve').check();
    await first.getByTestId('decide-rationale').fill('Cheap, and it fixes a problem every region has.');
    await first.getByTestId('decide-submit').click();
    const dialog = first.getByTestId('decide-dialog');
    await dialog.getByText(en('decisions.decideConfirm.APPROVED', { title })).waitFor();
    await first.getByTestId('decide-dialog-cancel').click();
    await poll(() => dialog.isVisible()).toBe(false);
    expect(first.url()).toBe(decideUrl);
    await first.goto(`${b.baseUrl}/decisions`);
    await first.getByTestId('decision-queue-item').filter({ hasText: title }).waitFor();

    const de = translator('de');
    const { page } = await b.person('de-DE');
    await signInIn(page, 'executive@council.test', 'de');
    await page.goto(decideUrl);
    await poll(() => text(page, 'proposal-heading')).toBe(title);
    await page.getByTestId('decide-approve').check();
    await page.getByTestId('decide-rationale').fill('Günstig, und es löst ein Problem aller Regionen.');
    await page.getByTestId('decide-submit').click();
    await page.getByTestId('decide-dialog').getByText(de('decisions.decideConfirm.APPROVED', { title })).waitFor();
    await page.getByTestId('decide-dialog-confirm').click();
    const notice = page.getByTestId('decided-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toContain(de('decisions.decidedNotice.APPROVED', { title }));
    expect(await notice.textContent()).toContain(de('decisions.decidedNotice.none'));
    expect(await page.getByTestId('decision-queue-item').filter({ hasText: title }).count()).toBe(0);
  });
});
