// The shape every catalog must have: the English catalog's keys, each a string.
import type { en } from './en.js';
import type { enMeetings } from './meetings/en.js';
import type { enAccount } from './account/en.js';
import type { enHome } from './home/en.js';
import type { enReach } from './reach/en.js';
import type { enAdmin } from './admin/en.js';
import type { enForgiving } from './forgiving/en.js';
import type { enPhones } from './phones/en.js';
import type { enDuplicates } from './duplicates/en.js';
import type { enFollowUp } from './followUp/en.js';
import type { enDepartments } from './departments/en.js';
import type { enBrief } from './brief/en.js';

type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };
export type Catalog = DeepStrings<typeof en>;

/** The meetings part of every catalog: the English meetings part's keys, each a string. */
export type MeetingsCatalog = DeepStrings<typeof enMeetings>;

/** The reach part of every catalog. */
export type ReachCatalog = DeepStrings<typeof enReach>;

/** The home part of every catalog. */
export type HomeCatalog = DeepStrings<typeof enHome>;

/** The account part of every catalog. */
export type AccountCatalog = DeepStrings<typeof enAccount>;

/** The admin part of every catalog. */
export type AdminCatalog = DeepStrings<typeof enAdmin>;

/** The forgiving part of every catalog (drafts, failed sends, signing in again, the first-time guide). */
export type ForgivingCatalog = DeepStrings<typeof enForgiving>;

/** The phones part of every catalog (the compact header's menu, collapsed filters) and approved policy changes. */
export type PhonesCatalog = DeepStrings<typeof enPhones>;

/** The follow-up part of every catalog (policies confirmed by every coordinator, outcomes checked by region). */
export type FollowUpCatalog = DeepStrings<typeof enFollowUp>;

/** The duplicates part of every catalog (similar issues while raising, possible duplicates, undoing a merge). */
export type DuplicatesCatalog = DeepStrings<typeof enDuplicates>;

/** The case-brief part of every catalog (the one-page brief of a proposal for management, and its mail). */
export type BriefCatalog = DeepStrings<typeof enBrief>;

/** The departments part of every catalog (referrals to other departments, their answers, their contacts). */
export type DepartmentsCatalog = DeepStrings<typeof enDepartments>;
