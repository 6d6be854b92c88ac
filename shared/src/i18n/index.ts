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
import { enReach } from './reach/en.js';
import { deReach } from './reach/de.js';
import { daReach } from './reach/da.js';
import { esReach } from './reach/es.js';
import { viReach } from './reach/vi.js';
import { enHome } from './home/en.js';
import { deHome } from './home/de.js';
import { daHome } from './home/da.js';
import { esHome } from './home/es.js';
import { viHome } from './home/vi.js';
import { enAccount } from './account/en.js';
import { deAccount } from './account/de.js';
import { daAccount } from './account/da.js';
import { esAccount } from './account/es.js';
import { viAccount } from './account/vi.js';
import { enAdmin } from './admin/en.js';
import { deAdmin } from './admin/de.js';
import { daAdmin } from './admin/da.js';
import { esAdmin } from './admin/es.js';
import { viAdmin } from './admin/vi.js';
import { enForgiving } from './forgiving/en.js';
import { deForgiving } from './forgiving/de.js';
import { daForgiving } from './forgiving/da.js';
import { esForgiving } from './forgiving/es.js';
import { viForgiving } from './forgiving/vi.js';
import { enPhones } from './phones/en.js';
import { dePhones } from './phones/de.js';
import { daPhones } from './phones/da.js';
import { esPhones } from './phones/es.js';
import { viPhones } from './phones/vi.js';
import { enDuplicates } from './duplicates/en.js';
import { deDuplicates } from './duplicates/de.js';
import { daDuplicates } from './duplicates/da.js';
import { esDuplicates } from './duplicates/es.js';
import { viDuplicates } from './duplicates/vi.js';
import { enFollowUp } from './followUp/en.js';
import { deFollowUp } from './followUp/de.js';
import { daFollowUp } from './followUp/da.js';
import { esFollowUp } from './followUp/es.js';
import { viFollowUp } from './followUp/vi.js';
import { enBrief } from './brief/en.js';
import { deBrief } from './brief/de.js';
import { daBrief } from './brief/da.js';
import { esBrief } from './brief/es.js';
import { viBrief } from './brief/vi.js';
import { enDepartments } from './departments/en.js';
import { deDepartments } from './departments/de.js';
import { daDepartments } from './departments/da.js';
import { esDepartments } from './departments/es.js';
import { viDepartments } from './departments/vi.js';
import { DEFAULT_LOCALE, type Locale } from '../enums.js';
import type { AccountCatalog, AdminCatalog, BriefCatalog, DepartmentsCatalog, Catalog, DuplicatesCatalog, FollowUpCatalog, ForgivingCatalog, HomeCatalog, MeetingsCatalog, PhonesCatalog, ReachCatalog } from './types.js';

export type { AccountCatalog, AdminCatalog, BriefCatalog, DepartmentsCatalog, Catalog, DuplicatesCatalog, FollowUpCatalog, ForgivingCatalog, HomeCatalog, MeetingsCatalog, PhonesCatalog, ReachCatalog } from './types.js';
/** Everything one language has: the core part and the feature parts (disjoint top-level namespaces). */
export type FullCatalog = Catalog & MeetingsCatalog & ReachCatalog & HomeCatalog & AccountCatalog & AdminCatalog & ForgivingCatalog & PhonesCatalog & FollowUpCatalog & DuplicatesCatalog & BriefCatalog & DepartmentsCatalog;
/** Each language's catalog: the core part and the feature parts. */
export const catalogs: Record<Locale, FullCatalog> = {
  en: { ...en, ...enMeetings, ...enReach, ...enHome, ...enAccount, ...enAdmin, ...enForgiving, ...enPhones, ...enFollowUp, ...enDuplicates, ...enBrief, ...enDepartments },
  de: { ...de, ...deMeetings, ...deReach, ...deHome, ...deAccount, ...deAdmin, ...deForgiving, ...dePhones, ...deFollowUp, ...deDuplicates, ...deBrief, ...deDepartments },
  da: { ...da, ...daMeetings, ...daReach, ...daHome, ...daAccount, ...daAdmin, ...daForgiving, ...daPhones, ...daFollowUp, ...daDuplicates, ...daBrief, ...daDepartments },
  es: { ...es, ...esMeetings, ...esReach, ...esHome, ...esAccount, ...esAdmin, ...esForgiving, ...esPhones, ...esFollowUp, ...esDuplicates, ...esBrief, ...esDepartments },
  vi: { ...vi, ...viMeetings, ...viReach, ...viHome, ...viAccount, ...viAdmin, ...viForgiving, ...viPhones, ...viFollowUp, ...viDuplicates, ...viBrief, ...viDepartments },
};

/** i18next resources: one namespace, `translation`, per language. */
export const resources = Object.fromEntries(
  Object.entries(catalogs).map(([lng, catalog]) => [lng, { translation: catalog }]),
) as Record<Locale, { translation: FullCatalog }>;

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
