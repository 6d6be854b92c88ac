// The language picked on the sign-in page: it wins over the one saved on the account, and becomes
// the saved one once signed in (AuthGuard). Kept in this tab's sessionStorage, so it survives the
// trip through single sign-on and nothing else.
import { isLocale, type Locale } from '@council/shared';

const KEY = 'council.locale.picked';

export function rememberPickedLanguage(locale: Locale): void {
  try {
    sessionStorage.setItem(KEY, locale);
  } catch {
    // without storage the saved language applies, as before
  }
}

export function pickedLanguage(): Locale | null {
  try {
    const value = sessionStorage.getItem(KEY);
    return value && isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

export function forgetPickedLanguage(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // nothing to forget
  }
}
