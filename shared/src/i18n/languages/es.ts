// The whole Spanish catalog as one module, so the web loads one language's catalog on demand
// (index.ts holds all five, for the server). Typed as a FullCatalog: a part left out is a type error.
import type { FullCatalog } from '../index.js';
import { es } from '../es.js';
import { esMeetings } from '../meetings/es.js';
import { esReach } from '../reach/es.js';
import { esHome } from '../home/es.js';
import { esAccount } from '../account/es.js';
import { esAdmin } from '../admin/es.js';
import { esForgiving } from '../forgiving/es.js';
import { esPhones } from '../phones/es.js';
import { esDuplicates } from '../duplicates/es.js';
import { esFollowUp } from '../followUp/es.js';
import { esBrief } from '../brief/es.js';
import { esDepartments } from '../departments/es.js';

export const catalog: FullCatalog = { ...es, ...esMeetings, ...esReach, ...esHome, ...esAccount, ...esAdmin, ...esForgiving, ...esPhones, ...esFollowUp, ...esDuplicates, ...esBrief, ...esDepartments };
