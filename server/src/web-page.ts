// The web app's page (index.html) as the server sends it for any path of the app: in the language
// saved by the person signed in on this browser, so that the first screen loads that language's
// catalog and shows in it at once, whatever languages the browser asks for (a new device, a shared
// computer). Read per request, so a rebuilt app is served without a restart.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isLocale } from '@council/shared';

/** index.html of `webDist`, its <html> element naming `locale` (when it is one Council speaks). */
export async function appPage(webDist: string, locale: string | null | undefined): Promise<string> {
  const page = await readFile(join(webDist, 'index.html'), 'utf8');
  if (!locale || !isLocale(locale)) return page;
  // web/src/app/initialLocale.ts reads data-locale first.
  return page.replace(/<html\b[^>]*>/i, `<html lang="${locale}" data-locale="${locale}">`);
}
