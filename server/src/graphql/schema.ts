// Assembles the schema: importing each domain's schema module registers its types.
import { lexicographicSortSchema } from 'graphql';
import { builder } from './builder.js';
import './node.js';
import '../modules/people/people.schema.js';
import '../modules/people/invitations.schema.js';
import '../modules/people/sso.schema.js';
import '../modules/issues/issues.schema.js';
import '../modules/proposals/proposals.schema.js';
import '../modules/proposals/outcomes.schema.js';
import '../modules/proposals/brief.schema.js';
import '../modules/policies/policies.schema.js';
import '../modules/meetings/meetings.schema.js';
import '../modules/notifications/notifications.schema.js';
import '../modules/home/home.schema.js';
import '../modules/audit/audit.schema.js';
import '../modules/search/search.schema.js';
import '../modules/search/similar.schema.js';
import '../modules/departments/departments.schema.js';

export const schema = lexicographicSortSchema(builder.toSchema());
