// Every entity schema of the application, in one list for the ORM.
import { CategorySchema, RegionSchema, SessionSchema, UserSchema } from '../modules/people/people.entity.js';
import { CommentSchema, IssueSchema, SupportSchema } from '../modules/issues/issues.entity.js';
import { AuditEventSchema } from '../modules/audit/audit.entity.js';

export const entities = [
  RegionSchema,
  CategorySchema,
  UserSchema,
  SessionSchema,
  IssueSchema,
  SupportSchema,
  CommentSchema,
  AuditEventSchema,
];
