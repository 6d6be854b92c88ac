// Passwords in Chromium: "Forgot your password?" on the sign-in page asks for the address and
// answers alike for any; a reset or invitation link that is not valid says so clearly; on
// /account a person changes their password (a wrong current one is refused at its field); the
// pages work at 360 px wide.
import { describe, expect, it } from 'vitest';
import { signIn, useBrowser } from './browser.js';

const b = useBrowser();

describe('passwords', () => {
  it('asks for a reset link from the sign-in page, and answers alike whether or not the address has an account', async () => {
    const { page } = await b.person();
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto(`${b.baseUrl}/signin`);
    await page.getByTestId('forgot-password').click();
    await page.waitForURL(/\/forgot-password$/);
    await page.getByTestId('reset-email').fill('nobody-at-all@council.test');
    await page.getByTestId('reset-submit').click();
    await page.getByTestId('reset-sent').getByText('If an account exists for this address').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });

  it('says clearly when a reset or invitation link is not valid', async () => {
    const { page } = await b.person();
    for (const [path, message] of [
      ['reset-password', 'This reset link is not valid.'],
      ['invite', 'This invitation link is not valid.'],
    ]) {
      await page.goto(`${b.baseUrl}/${path}/${'A'.repeat(43)}`);
      await page.getByTestId('new-password').fill('lantern orbit meadow quietly');
      await page.getByTestId('new-password-submit').click();
      await page.getByTestId('password-form-error').getByText(message).waitFor();
    }
  });

  it('changes the password on the account page, given the current one', async () => {
    const { page } = await b.person();
    await signIn(page, b.baseUrl, 'coordinator1@council.test');
    await page.goto(`${b.baseUrl}/account`);
    await page.getByTestId('current-password').fill('not the password');
    await page.getByTestId('change-new-password').fill('lantern orbit meadow quietly');
    await page.getByTestId('change-password-submit').click();
    // The person's language is Danish: the refusal shows at the current password's field.
    await page.getByText('Den nuværende adgangskode er ikke korrekt.').waitFor();
    await page.getByTestId('current-password').fill('council-demo');
    await page.getByTestId('change-password-submit').click();
    await page.getByTestId('password-status').getByText('Din adgangskode er ændret.').waitFor();

    const other = await b.person();
    await signIn(other.page, b.baseUrl, 'coordinator1@council.test', 'lantern orbit meadow quietly');
  });
});
