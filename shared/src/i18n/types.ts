// The shape every catalog must have: the English catalog's keys, each a string.
import type { en } from './en.js';
import type { enMeetings } from './meetings/en.js';

type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };
export type Catalog = DeepStrings<typeof en>;

/** The meetings part of every catalog: the English meetings part's keys, each a string. */
export type MeetingsCatalog = DeepStrings<typeof enMeetings>;
