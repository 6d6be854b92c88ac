// i18next for the web: the shared catalogs, the language remembered in this browser until
// the viewer's saved locale arrives, and <html lang> kept in step with the language.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { resources, type FullCatalog } from '@council/shared/i18n';
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

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources,
  lng: initialLocale(),
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: [...LOCALES],
  initAsync: false,
  interpolation: { escapeValue: false },
  showSupportNotice: false,
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
