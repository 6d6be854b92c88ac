// The whole English catalog as one module, so the web loads one language's catalog on demand
// (index.ts holds all five, for the server). Typed as a FullCatalog: a part left out is a type error.
import type { FullCatalog } from '../index.js';
import { en } from '../en.js';
import { enMeetings } from '../meetings/en.js';
import { enReach } from '../reach/en.js';
import { enHome } from '../home/en.js';
import { enAccount } from '../account/en.js';
import { enAdmin } from '../admin/en.js';
import { enForgiving } from '../forgiving/en.js';
import { enPhones } from '../phones/en.js';
import { enDuplicates } from '../duplicates/en.js';
import { enFollowUp } from '../followUp/en.js';
import { enBrief } from '../brief/en.js';
import { enDepartments } from '../departments/en.js';

export const catalog: FullCatalog = { ...en, ...enMeetings, ...enReach, ...enHome, ...enAccount, ...enAdmin, ...enForgiving, ...enPhones, ...enFollowUp, ...enDuplicates, ...enBrief, ...enDepartments };
