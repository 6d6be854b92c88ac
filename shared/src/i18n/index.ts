// The i18n catalogs (en, de, da, es, vi) and a translator that server and web share.
import i18next, { type i18n, type TFunction } from 'i18next';
import { en } from './en.js';
import { de } from './de.js';
import { da } from './da.js';
import { es } from './es.js';
import { vi } from './vi.js';
import { enMeetings } from './meetings/en.js';
import { deMeetings } from './meetings/de.js';
import { daMeetings } from './meetings/da.js';
import { esMeetings } from './meetings/es.js';
import { viMeetings } from './meetings/vi.js';
import { DEFAULT_LOCALE, type Locale } from '../enums.js';
import type { Catalog, MeetingsCatalog } from './types.js';

export type { Catalog, MeetingsCatalog } from './types.js';
/** Each language's catalog: the core part and the meetings part (disjoint top-level namespaces). */
export const catalogs: Record<Locale, Catalog & MeetingsCatalog> = {
  en: { ...en, ...enMeetings },
  de: { ...de, ...deMeetings },
  da: { ...da, ...daMeetings },
  es: { ...es, ...esMeetings },
  vi: { ...vi, ...viMeetings },
};

/** i18next resources: one namespace, `translation`, per language. */
export const resources = Object.fromEntries(
  Object.entries(catalogs).map(([lng, catalog]) => [lng, { translation: catalog }]),
) as Record<Locale, { translation: Catalog & MeetingsCatalog }>;

/** Every key of a catalog, dotted (`validation.title.tooLong`), sorted. */
export function flattenKeys(tree: object, prefix = ''): string[] {
  return Object.entries(tree)
    .flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : flattenKeys(v as object, `${prefix}${k}.`)))
    .sort();
}

let shared: i18n | undefined;

/** A translator for a locale, for code outside React (the server's error messages). */
export function translator(locale: string): TFunction {
  if (!shared) {
    shared = i18next.createInstance();
    void shared.init({
      resources,
      fallbackLng: DEFAULT_LOCALE,
      initAsync: false,
      showSupportNotice: false,
      interpolation: { escapeValue: false },
    });
  }
  return shared.getFixedT(locale);
}
