// The whole German catalog as one module, so the web loads one language's catalog on demand
// (index.ts holds all five, for the server). Typed as a FullCatalog: a part left out is a type error.
import type { FullCatalog } from '../index.js';
import { de } from '../de.js';
import { deMeetings } from '../meetings/de.js';
import { deReach } from '../reach/de.js';
import { deHome } from '../home/de.js';
import { deAccount } from '../account/de.js';
import { deAdmin } from '../admin/de.js';
import { deForgiving } from '../forgiving/de.js';
import { dePhones } from '../phones/de.js';
import { deDuplicates } from '../duplicates/de.js';
import { deFollowUp } from '../followUp/de.js';
import { deBrief } from '../brief/de.js';
import { deDepartments } from '../departments/de.js';

export const catalog: FullCatalog = { ...de, ...deMeetings, ...deReach, ...deHome, ...deAccount, ...deAdmin, ...deForgiving, ...dePhones, ...deFollowUp, ...deDuplicates, ...deBrief, ...deDepartments };
