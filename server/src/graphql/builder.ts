// The Pothos schema builder: relay (global ids, connections), scope-auth (sign-in, and the
// installation-wide abilities of the domain policies as gates on root fields).
import { GraphQLError } from 'graphql';
import SchemaBuilder from '@pothos/core';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin, { AuthScopeFailureType, type AuthFailure } from '@pothos/plugin-scope-auth';
import type { Context } from './context.js';
import { ABILITIES, type Ability } from '../abilities.js';
import { Forbidden, Unauthenticated } from '../errors.js';
import { refusalError } from '../policy.js';

/** The ability whose gate refused a field, if that is what refused it. */
function refusedAbility(failure: AuthFailure): Ability | null {
  if (failure.kind === AuthScopeFailureType.AuthScope) return failure.scope === 'can' ? (failure.parameter as Ability) : null;
  if (failure.kind === AuthScopeFailureType.AllAuthScopes || failure.kind === AuthScopeFailureType.AnyAuthScopes) {
    for (const inner of failure.failures) {
      const ability = refusedAbility(inner);
      if (ability) return ability;
    }
  }
  return null;
}

/** Root query fields that every signed-in person reads, a department's contact included (see queryType). */
export const OPEN_TO_CONTACTS = { skipTypeScopes: true, authScopes: { signedIn: true } } as const;

export const builder = new SchemaBuilder<{
  Context: Context;
  Scalars: { DateTime: { Input: Date; Output: Date } };
  AuthScopes: { signedIn: boolean; can: Ability };
  DefaultEdgesNullability: false;
  DefaultFieldNullability: false;
  DefaultNodeNullability: false;
}>({
  plugins: [ScopeAuthPlugin, RelayPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authScopes: (ctx) => ({
      signedIn: ctx.viewer !== null,
      // `authScopes: { can: 'scheduleMeeting' }`: the policy's answer, and its reason when refused.
      can: (ability) => ABILITIES[ability](ctx.viewer) === null,
    }),
    unauthorizedError: (_parent, ctx, _info, result) => {
      if (!ctx.viewer) return new Unauthenticated();
      const ability = refusedAbility(result.failure);
      const refusal = ability ? ABILITIES[ability](ctx.viewer) : null;
      return refusal ? refusalError(refusal) : new Forbidden();
    },
    // Subscriptions are refused when they start, not on every event.
    authorizeOnSubscribe: true,
  },
  relay: {
    cursorType: 'String',
    edgesFieldOptions: { nullable: false },
    nodeFieldOptions: { nullable: false },
    nodeQueryOptions: false,
    nodesQueryOptions: false,
  },
});

// A value that is no date is the client's mistake: a GraphQLError, as graphql-js' own scalars throw,
// which the API answers as BAD_USER_INPUT (any other error would be masked as unexpected).
builder.scalarType('DateTime', {
  description: 'An instant in time, as an ISO 8601 string in UTC.',
  serialize: (value) => (value instanceof Date ? value : new Date(value as string)).toISOString(),
  parseValue: (value) => {
    if (typeof value !== 'string') throw new GraphQLError('DateTime must be an ISO 8601 string');
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) throw new GraphQLError('DateTime must be an ISO 8601 string');
    return date;
  },
});

// Nothing answers before sign-in but the fields that opt out (signIn, signOut, viewer). The
// workspace's reads are for the people inside the council (departments.policy's readWorkspace):
// a department's contact reads only the fields that spread OPEN_TO_CONTACTS (their home, their
// referrals, notifications, node — which shows them only what is referred to them).
builder.queryType({ authScopes: { can: 'readWorkspace' } });
builder.mutationType({ authScopes: { signedIn: true } });
builder.subscriptionType({ authScopes: { signedIn: true } });
