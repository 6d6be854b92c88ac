// The whole Danish catalog as one module, so the web loads one language's catalog on demand
// (index.ts holds all five, for the server). Typed as a FullCatalog: a part left out is a type error.
import type { FullCatalog } from '../index.js';
import { da } from '../da.js';
import { daMeetings } from '../meetings/da.js';
import { daReach } from '../reach/da.js';
import { daHome } from '../home/da.js';
import { daAccount } from '../account/da.js';
import { daAdmin } from '../admin/da.js';
import { daForgiving } from '../forgiving/da.js';
import { daPhones } from '../phones/da.js';
import { daDuplicates } from '../duplicates/da.js';
import { daFollowUp } from '../followUp/da.js';
import { daBrief } from '../brief/da.js';
import { daDepartments } from '../departments/da.js';

export const catalog: FullCatalog = { ...da, ...daMeetings, ...daReach, ...daHome, ...daAccount, ...daAdmin, ...daForgiving, ...daPhones, ...daFollowUp, ...daDuplicates, ...daBrief, ...daDepartments };
