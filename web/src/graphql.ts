// The typed `graphql` tag for this app: gql.tada over schema.graphql (see graphql-env.d.ts,
// regenerated with `pnpm gen`). DateTime travels as an ISO 8601 string.
import { initGraphQLTada } from 'gql.tada';
import type { introspection } from './graphql-env.d.ts';

export const graphql = initGraphQLTada<{
  introspection: introspection;
  scalars: { DateTime: string; ID: string };
  disableMasking: true;
}>();

export type { FragmentOf, ResultOf, VariablesOf } from 'gql.tada';
