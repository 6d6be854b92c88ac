// i18next for the web: the shared catalogs, one language at a time (the one in use is loaded before
// the first render, another when the language changes: i18next waits for it before switching), the
// language remembered in this browser until the viewer's saved locale arrives, and <html lang> kept
// in step with the language.
import i18next, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { FullCatalog } from '@council/shared/i18n';
import { DEFAULT_LOCALE, LOCALES, isLocale, type Locale } from '@council/shared';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: FullCatalog };
  }
}

const STORAGE_KEY = 'council.locale';

/** Each language named in itself, for the language switcher. */
export const LANGUAGE_NAMES: Record<Locale, string> = {
  en: 'English',
  de: 'Deutsch',
  da: 'Dansk',
  es: 'Español',
  vi: 'Tiếng Việt',
};

function initialLocale(): Locale {
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

/** Each language's catalog, its own chunk: only the ones in use are downloaded. */
const CATALOGS: Record<Locale, () => Promise<{ catalog: FullCatalog }>> = {
  en: () => import('@council/shared/i18n/languages/en'),
  de: () => import('@council/shared/i18n/languages/de'),
  da: () => import('@council/shared/i18n/languages/da'),
  es: () => import('@council/shared/i18n/languages/es'),
  vi: () => import('@council/shared/i18n/languages/vi'),
};

const catalogBackend: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, _namespace, callback) {
    if (!isLocale(language)) return callback(new Error(`no catalog for ${language}`), false);
    CATALOGS[language]().then(
      ({ catalog }) => callback(null, catalog),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

export const i18n = i18next.createInstance();

// The first render waits for the catalog (every module that translates imports this one).
await i18n
  .use(catalogBackend)
  .use(initReactI18next)
  .init({
    lng: initialLocale(),
    // Every catalog has every key (shared/src/i18n/i18n.test.ts), so no second language is loaded to fall back on.
    fallbackLng: false,
    supportedLngs: [...LOCALES],
    load: 'languageOnly',
    interpolation: { escapeValue: false },
    showSupportNotice: false,
    react: { useSuspense: false },
  });

function applyLanguage(lng: string) {
  document.documentElement.lang = lng;
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // not remembering the choice is harmless
  }
}
applyLanguage(i18n.language);
i18n.on('languageChanged', applyLanguage);

/** The current language as a Locale (for Intl formatting). */
export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE;
}
