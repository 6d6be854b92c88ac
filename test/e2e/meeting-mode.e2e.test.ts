// Meeting mode that keeps the record and forgives (issue #12), in Chromium, in English and in
// another language: "Finish & next" marks items finished so the minutes say so (a skipped item is
// carried over); closing asks first and "keep it running" keeps it running; a meeting closed by
// mistake is reopened on its day (in English on a desktop, in Danish on a phone); on a 390×844
// phone a double tap on "Start" does not close the meeting, and one on "Finish & next" moves on
// once; an executive's decision asks first, and afterwards says what happened; cancelling a
// planned meeting asks first and the page and the list then show it cancelled.
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

/** A datetime-local value `days` from now, at 09:00 local time. */
function inDaysAtNine(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T09:00`;
}

/** Waits for the page to show a value (a busy machine may take a few seconds). */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 5_000 });
const status = (page: Page) => page.getByTestId('meeting-status').getAttribute('data-status');
const text = async (page: Page, testId: string) => ((await page.getByTestId(testId).textContent()) ?? '').trim();

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

describe('meeting mode', () => {
  it.each([
    { lang: 'en', size: 'desktop', viewport: DESKTOP },
    { lang: 'da', size: 'phone', viewport: PHONE },
  ])('Finish & next into correct minutes, a close that asks first, minutes corrected, and a reopen ($lang, $size)', async ({ lang, viewport }) => {
    const t = translator(lang);
    const { page } = await b.person(lang === 'da' ? 'da-DK' : 'en-GB');
    await page.setViewportSize(viewport);
    await signInIn(page, 'facilitator@council.test', lang);
    const facilitatorName = ((await page.getByTestId('account-link').textContent()) ?? '').trim();
    const title = `Meeting mode ${lang}`;
    await page.goto(`${b.baseUrl}/meetings/new`);
    await page.getByTestId('meeting-title-input').fill(title);
    // Five days ahead: the demo's open vote closes in three, before the meeting.
    await page.getByTestId('meeting-starts-at').fill(inDaysAtNine(5));
    await page.getByTestId('meeting-duration-input').fill('60');
    await page.getByTestId('meeting-submit').click();
    await poll(() => text(page, 'meeting-heading')).toBe(title);
    await page.getByTestId('generate-agenda').click();
    await page.getByTestId('agenda-item').nth(3).waitFor();
    const agenda = (await page.getByTestId('agenda-item').locator('[data-testid="agenda-item-title"]').allTextContents()).map((s) => s.trim());
    const meetingUrl = page.url();
    // A vote that closes before the meeting is on the agenda to report its result, not as an open vote.
    await page.getByText(t('meetings.reason.proposalClosedBefore', { date: '@@' }).split('@@')[1]).first().waitFor();

    // Days early and unpublished: starting asks first, saying both.
    await page.getByTestId('start-meeting').click();
    const startDialog = page.getByTestId('start-meeting-dialog');
    await startDialog.getByText(t('meetings.plan.startConfirmTitle')).waitFor();
    const warned = (await startDialog.textContent()) ?? '';
    expect(warned).toContain(t('meetings.plan.startEarly', { when: '@@' }).split('@@')[1]);
    expect(warned).toContain(t('meetings.plan.startUnpublishedWarn'));
    // "Not yet" leaves it planned.
    await page.getByTestId('start-meeting-dialog-cancel').click();
    await poll(() => startDialog.isVisible()).toBe(false);
    expect(await status(page)).toBe('PLANNED');
    await page.getByTestId('start-meeting').click();
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

    // One running meeting at a time: the demo's planned meeting refuses to start, naming this one.
    await page.goto(`${b.baseUrl}/meetings`);
    await page.getByRole('link', { name: 'November coordinators meeting' }).first().click();
    await poll(() => text(page, 'meeting-heading')).toBe('November coordinators meeting');
    await page.getByTestId('start-meeting').click();
    await page.getByTestId('start-meeting-dialog-confirm').click();
    await page.getByText(t('meetings.errors.anotherRunning', { title })).waitFor();
    expect(await status(page)).toBe('PLANNED');
    await page.goto(meetingUrl);
    await poll(() => text(page, 'current-item')).toBe(agenda[3]);

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
    // Headed by the date, the time span, the zone and who was invited.
    const head = (await page.getByTestId('minutes-head').textContent()) ?? '';
    expect(head).toContain(String(new Date().getFullYear()));
    expect(head).toContain(t('meetings.minutesView.timeZone'));
    expect(await text(page, 'minutes-attendees')).toContain(facilitatorName);

    // The minutes stay correctable after closing.
    await items.nth(1).getByTestId('minutes-edit').click();
    await page.getByTestId('minutes-notes').fill(`Corrected afterwards (${lang})`);
    await page.getByTestId('minutes-save').click();
    await items.nth(1).getByText(`Corrected afterwards (${lang})`).waitFor();

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

  it('on a 390×844 phone, a double tap on Start does not close the meeting, nor one on Finish & next finish an item unseen', async () => {
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

    // A double tap on "Finish & next" finishes the item on screen and moves on once: the second
    // tap neither finishes the next item (nobody discussed it) nor skips past it.
    const titles = (await page.getByTestId('agenda-item').locator('[data-testid="agenda-item-title"]').allTextContents()).map((s) => s.trim());
    await poll(() => text(page, 'current-item')).toBe(titles[0]);
    const finish = await pointOf('finish-next');
    await page.mouse.click(finish.x, finish.y, { clickCount: 2, delay: 40 });
    await page.mouse.click(finish.x, finish.y);
    await poll(() => text(page, 'current-item')).toBe(titles[1]);
    const done = (i: number) => page.getByTestId('agenda-item').nth(i).locator('.run-agenda__done').count();
    await poll(() => done(0)).toBe(1);
    await page.waitForTimeout(500);
    await page.reload();
    await poll(() => text(page, 'current-item')).toBe(titles[1]);
    expect([await done(0), await done(1), await done(2)]).toEqual([1, 0, 0]);
    expect(await page.getByRole('alert').filter({ hasText: translator('en')('meetings.errors.movedOn') }).count()).toBe(0);

    await page.getByTestId('close-meeting').click();
    await page.getByTestId('close-meeting-dialog-confirm').click();
    await poll(() => status(page)).toBe('CLOSED');
  });

  it('an executive\'s decision asks first (back to the form decides nothing), then says what happened (en on a desktop, de on a phone)', async () => {
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
    // The register on a desktop: an approved change shows at once, rolling out region by region.
    await first.goto(`${b.baseUrl}/policies`);
    await first.getByTestId('policy-change').filter({ hasText: /Approved, rolling out \(\d+ of \d+ regions\)/ }).first().waitFor();

    // Decided on a phone: the confirmation and the notice fit there too.
    const de = translator('de');
    const { page } = await b.person('de-DE');
    await page.setViewportSize(PHONE);
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

  it('cancelling a planned meeting asks first, saying calendars will show it cancelled; then the page and the list say so (es, phone)', async () => {
    const t = translator('es');
    const { page } = await b.person('es-ES');
    await page.setViewportSize(PHONE);
    await signInIn(page, 'facilitator@council.test', 'es');
    const title = 'Reunión que se cancela';
    await page.goto(`${b.baseUrl}/meetings/new`);
    await page.getByTestId('meeting-title-input').fill(title);
    await page.getByTestId('meeting-starts-at').fill(inDaysAtNine(9));
    await page.getByTestId('meeting-duration-input').fill('60');
    await page.getByTestId('meeting-submit').click();
    await poll(() => text(page, 'meeting-heading')).toBe(title);
    const button = page.getByTestId('cancel-meeting');
    expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await button.click();
    const dialog = page.getByTestId('cancel-meeting-dialog');
    await dialog.getByText(t('meetings.cancel.confirmBody')).waitFor();
    await page.getByTestId('cancel-meeting-dialog-cancel').click();
    await poll(() => dialog.isVisible()).toBe(false);
    expect(await status(page)).toBe('PLANNED');

    await button.click();
    await page.getByTestId('cancel-meeting-reason').fill('Coincide con las vacaciones.');
    await page.getByTestId('cancel-meeting-dialog-confirm').click();
    await poll(() => status(page)).toBe('CANCELLED');
    expect(await text(page, 'meeting-cancelled-success')).toBe(t('meetings.cancel.done', { title }));
    expect(await page.getByTestId('cancel-meeting').count()).toBe(0);
    await page.goto(`${b.baseUrl}/meetings`);
    const row = page.getByTestId('meeting-item').filter({ hasText: title });
    await row.waitFor();
    expect(await row.getAttribute('data-status')).toBe('CANCELLED');
    expect(await row.textContent()).toContain(t('meetings.status.CANCELLED'));
  });
});
