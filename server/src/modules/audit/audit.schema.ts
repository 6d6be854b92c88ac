// The admin's audit log in GraphQL: auditLog (paged, filtered), auditActions, and what an event
// says beyond the proposal history's fields: its subject, and each changed field before and after.
import { builder } from '../../graphql/builder.js';
import { optionalIdOf } from '../../graphql/ids.js';
import { loadNode } from '../../graphql/node.js';
import { AuditEventRef } from '../proposals/proposals.types.js';
import type { AuditEvent } from './audit.entity.js';
import { auditActions, auditCursor, auditLog } from './audit.query.js';

interface AuditChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** A value as the log shows it: text as is, anything else as JSON; absent as null. */
const shown = (value: unknown): string | null => (value === undefined || value === null ? null : typeof value === 'string' ? value : JSON.stringify(value));

const AuditChangeRef = builder.objectRef<AuditChange>('AuditChange').implement({
  description: 'One field of the subject, before and after the change (text, or JSON for other values).',
  fields: (t) => ({
    field: t.exposeString('field'),
    before: t.string({ nullable: true, resolve: (c) => shown(c.before) }),
    after: t.string({ nullable: true, resolve: (c) => shown(c.after) }),
  }),
});

function changesOf(event: AuditEvent): AuditChange[] {
  const before = event.before ?? {};
  const after = event.after ?? {};
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return fields.map((field) => ({ field, before: before[field], after: after[field] }));
}

builder.objectFields(AuditEventRef, (t) => ({
  subjectType: t.exposeString('subjectType', { description: 'What kind of thing changed: User, Region, Category, Issue, Proposal, Meeting, Invitation, Workspace, …' }),
  subject: t.field({
    type: builder.nodeInterfaceRef(),
    nullable: true,
    description: 'The thing that changed, where it can be reached by id (and the viewer may see it).',
    resolve: async (e, _a, ctx) => (await loadNode(ctx, e.subjectType, e.subjectId)) as never,
  }),
  changes: t.field({ type: [AuditChangeRef], description: 'The fields the event recorded, before and after.', resolve: (e) => changesOf(e) }),
}));

const AuditEventConnection = builder.connectionObject({ type: AuditEventRef, name: 'AuditEventConnection' }, { name: 'AuditEventEdge' });

builder.queryFields((t) => ({
  auditLog: t.field({
    type: AuditEventConnection,
    description: 'Admins: every state change, newest first.',
    args: {
      first: t.arg.int(),
      after: t.arg.string(),
      actorId: t.arg.id(),
      action: t.arg.string({ description: 'An action (user.rolesChanged) or every action of a kind (user).' }),
    },
    resolve: async (_root, args, ctx) => {
      const { events, hasNextPage } = await auditLog(ctx.em, ctx.viewer, {
        first: args.first,
        after: args.after,
        actorId: optionalIdOf(args.actorId ? String(args.actorId) : null, 'User'),
        action: args.action,
      });
      const edges = events.map((node) => ({ node, cursor: auditCursor(node) }));
      return { edges, pageInfo: { hasNextPage, hasPreviousPage: args.after != null, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null } };
    },
  }),
  auditActions: t.stringList({
    description: 'Admins: the actions the audit log holds (the choices of its filter).',
    resolve: (_root, _args, ctx) => auditActions(ctx.em, ctx.viewer),
  }),
}));
