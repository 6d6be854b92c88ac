// Translation for the web: the shared catalogs, one language at a time (the one in use is loaded
// before the first render, see catalogReady; another when the language changes, which waits for
// it), the language remembered in this browser until the viewer's saved locale arrives, and
// <html lang> kept in step.
//
// It is also what `import { useTranslation } from 'react-i18next'` means in web/src: vite.config.ts
// (resolve.alias) and tsconfig.json (paths) point that name here. The app uses a small part of
// i18next (nested keys, `{{name}}` interpolation, `_one`/`_other` plurals by `count`, `exists`,
// `changeLanguage`); this does exactly that in about 1 kB instead of 16 kB gzipped at start
// (i18next and react-i18next), and keeps i18next's typed `TFunction` (a key that no catalog has
// does not compile). The server translates with i18next itself (shared/src/i18n), from the same
// catalogs; app/translate.test.ts checks that both give the same strings.
import { useSyncExternalStore } from 'react';
import type { TFunction } from 'i18next';
import { lookup, translateIn, type TranslateOptions } from './translate';
import type { FullCatalog } from '@council/shared/i18n';
import { DEFAULT_LOCALE, isLocale, type Locale } from '@council/shared';
import { initialLocale, STORAGE_KEY } from './initialLocale';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: FullCatalog };
  }
}


/** Each language named in itself, for the language switcher. */
export const LANGUAGE_NAMES: Record<Locale, string> = {
  en: 'English',
  de: 'Deutsch',
  da: 'Dansk',
  es: 'Español',
  vi: 'Tiếng Việt',
};

/** Each language's catalog, its own chunk: only the ones in use are downloaded. */
const CATALOGS: Record<Locale, () => Promise<{ catalog: FullCatalog }>> = {
  en: () => import('@council/shared/i18n/languages/en'),
  de: () => import('@council/shared/i18n/languages/de'),
  da: () => import('@council/shared/i18n/languages/da'),
  es: () => import('@council/shared/i18n/languages/es'),
  vi: () => import('@council/shared/i18n/languages/vi'),
};

const loaded = new Map<Locale, FullCatalog>();

async function load(lng: Locale): Promise<FullCatalog> {
  const known = loaded.get(lng);
  if (known) return known;
  const { catalog } = await CATALOGS[lng]();
  loaded.set(lng, catalog);
  return catalog;
}

let language: Locale = initialLocale();
const listeners = new Set<(lng: Locale) => void>();
const translators = new Map<Locale, TFunction>();

/** A translator for one language; the same function for as long as that language is in use. */
function fixedT(lng: Locale): TFunction {
  let t = translators.get(lng);
  if (!t) translators.set(lng, (t = ((key: string, options?: TranslateOptions) => translateIn(loaded.get(lng), lng, key, options)) as unknown as TFunction));
  return t;
}

let latestChange = 0;

/** The app's translation instance: the language in use, switching it, and whether a key exists. */
export const i18n = {
  get language(): Locale {
    return language;
  },
  /** Loads the language's catalog, then switches to it (of quick successive calls, the last one wins). */
  async changeLanguage(lng: string): Promise<void> {
    const next = isLocale(lng) ? lng : DEFAULT_LOCALE;
    const change = ++latestChange;
    await load(next);
    if (change !== latestChange || next === language) return;
    language = next;
    for (const listener of listeners) listener(next);
  },
  /** Whether the current language's catalog has a string at `key`. */
  exists(key: string): boolean {
    return typeof lookup(loaded.get(language), key) === 'string';
  },
  /** Calls `listener` after each switch; the returned function stops that. */
  onLanguageChanged(listener: (lng: Locale) => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
export type I18n = typeof i18n;

const subscribe = (onChange: () => void) => i18n.onLanguageChanged(onChange);
const currentLanguage = () => language;

/** `t` for the language in use and the instance; the component renders again when the language changes. */
export function useTranslation(): { t: TFunction; i18n: I18n } {
  return { t: fixedT(useSyncExternalStore(subscribe, currentLanguage, currentLanguage)), i18n };
}

/**
 * The catalog of the language the app starts in: main.tsx waits for it before the first render
 * (without it, offline, keys show rather than nothing). Not awaited here: a module that waits at its
 * top would hold up every module after it, and the first screen's requests (firstData.ts) with them.
 */
export const catalogReady: Promise<unknown> = load(language).catch(() => undefined);

function applyLanguage(lng: string) {
  document.documentElement.lang = lng;
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // not remembering the choice is harmless
  }
}
applyLanguage(language);
i18n.onLanguageChanged(applyLanguage);

/** The current language as a Locale (for Intl formatting). */
export function currentLocale(): Locale {
  return language;
}
