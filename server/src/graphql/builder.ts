// The Pothos schema builder: relay (global ids, connections), scope-auth (sign-in and role gates).
import SchemaBuilder from '@pothos/core';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import type { Role } from '@council/shared';
import type { Context } from './context.js';
import { Forbidden, Unauthenticated } from '../errors.js';

export const builder = new SchemaBuilder<{
  Context: Context;
  Scalars: { DateTime: { Input: Date; Output: Date } };
  AuthScopes: { signedIn: boolean; role: Role };
  DefaultEdgesNullability: false;
  DefaultFieldNullability: false;
  DefaultNodeNullability: false;
}>({
  plugins: [ScopeAuthPlugin, RelayPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authScopes: (ctx) => ({
      signedIn: ctx.viewer !== null,
      role: (role) => ctx.viewer?.roles.includes(role) ?? false,
    }),
    unauthorizedError: (_parent, ctx) => (ctx.viewer ? new Forbidden() : new Unauthenticated()),
  },
  relay: {
    cursorType: 'String',
    edgesFieldOptions: { nullable: false },
    nodeFieldOptions: { nullable: false },
    nodeQueryOptions: false,
    nodesQueryOptions: false,
  },
});

builder.scalarType('DateTime', {
  description: 'An instant in time, as an ISO 8601 string in UTC.',
  serialize: (value) => (value instanceof Date ? value : new Date(value as string)).toISOString(),
  parseValue: (value) => {
    if (typeof value !== 'string') throw new TypeError('DateTime must be an ISO 8601 string');
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) throw new TypeError('DateTime must be an ISO 8601 string');
    return date;
  },
});

// Nothing answers before sign-in but the fields that opt out (signIn, signOut, viewer).
builder.queryType({ authScopes: { signedIn: true } });
builder.mutationType({ authScopes: { signedIn: true } });
