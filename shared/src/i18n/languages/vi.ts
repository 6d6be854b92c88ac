// The whole Vietnamese catalog as one module, so the web loads one language's catalog on demand
// (index.ts holds all five, for the server). Typed as a FullCatalog: a part left out is a type error.
import type { FullCatalog } from '../index.js';
import { vi } from '../vi.js';
import { viMeetings } from '../meetings/vi.js';
import { viReach } from '../reach/vi.js';
import { viHome } from '../home/vi.js';
import { viAccount } from '../account/vi.js';
import { viAdmin } from '../admin/vi.js';
import { viForgiving } from '../forgiving/vi.js';
import { viPhones } from '../phones/vi.js';
import { viDuplicates } from '../duplicates/vi.js';
import { viFollowUp } from '../followUp/vi.js';
import { viBrief } from '../brief/vi.js';
import { viDepartments } from '../departments/vi.js';

export const catalog: FullCatalog = { ...vi, ...viMeetings, ...viReach, ...viHome, ...viAccount, ...viAdmin, ...viForgiving, ...viPhones, ...viFollowUp, ...viDuplicates, ...viBrief, ...viDepartments };
