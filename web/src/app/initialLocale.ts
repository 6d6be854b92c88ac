// The language the app starts in, before the viewer is loaded: the one saved by the person signed in
// (the server names it on the page, server/src/web-page.ts), else the one last used in this browser,
// else the first of the browser's languages that Council speaks, else the default.
import { DEFAULT_LOCALE, isLocale, type Locale } from '@council/shared';

/** Where i18n.ts remembers the language in use. */
export const STORAGE_KEY = 'council.locale';

export function initialLocale(): Locale {
  const served = document.documentElement.dataset.locale;
  if (served && isLocale(served)) return served;
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved && isLocale(saved)) return saved;
  } catch {
    // storage may be unavailable (private mode); fall through to the browser's languages
  }
  for (const tag of navigator.languages ?? []) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return DEFAULT_LOCALE;
}
