// One place that turns domain errors into GraphQL errors with the contract's extensions.code,
// translated into the viewer's language. Unknown errors are masked by yoga.
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { translator } from '@council/shared/i18n';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { AppError, Conflict, InvalidInput } from '../errors.js';
import type { Context } from './context.js';

export function toGraphQLError(error: GraphQLError, locale: string): GraphQLError {
  // A unique constraint that refused a write means another request got there first.
  const original = error.originalError instanceof UniqueConstraintViolationException ? new Conflict() : error.originalError;
  if (!(original instanceof AppError)) return error;
  const t = translator(locale);
  const extensions: Record<string, unknown> = { code: original.code, ...original.extra };
  if (original instanceof InvalidInput) {
    extensions.fields = Object.fromEntries(Object.entries(original.fields).map(([k, v]) => [k, t(v)]));
  }
  return new GraphQLError(t(original.messageKey), {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    extensions,
  });
}

export function useDomainErrors(): Plugin<Context> {
  return {
    onExecute({ args }) {
      const ctx = args.contextValue as Context;
      return {
        onExecuteDone({ result, setResult }) {
          if (!('errors' in result) || !result.errors?.length) return;
          setResult({ ...result, errors: result.errors.map((e) => toGraphQLError(e as GraphQLError, ctx.locale)) });
        },
      };
    },
  };
}
