// One place that gives every error the API answers with a contract code, in the person's language.
// While an operation runs, domain errors (AppError) become their code, translated into the viewer's
// language (useDomainErrors). Then every result passes useErrorContract: what yoga, graphql-js and
// the query limits refuse before or around execution — a body that is no GraphQL request, a syntax
// error, a query the schema does not allow, variables of the wrong type, a query over a limit —
// becomes BAD_USER_INPUT with `extensions.reason` (errors.ts' BadInputReason) and the technical
// text in `extensions.detail`; anything unexpected becomes INTERNAL_SERVER_ERROR carrying the
// request id it was logged under, with its original message and stack only in development.
import { GraphQLError, type ExecutionResult } from 'graphql';
import { isAsyncIterable, mapAsyncIterator, type Plugin } from 'graphql-yoga';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ERROR_CODES } from '@council/shared';
import { translator } from '@council/shared/i18n';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { AppError, Conflict, InvalidInput, type BadInputReason } from '../errors.js';
import { acceptedLocale, type Context } from './context.js';

export function toGraphQLError(error: GraphQLError, locale: string): GraphQLError {
  // A unique constraint that refused a write means another request got there first.
  const original = error.originalError instanceof UniqueConstraintViolationException ? new Conflict() : error.originalError;
  if (!(original instanceof AppError)) return error;
  const t = translator(locale);
  const extensions: Record<string, unknown> = { code: original.code, ...original.extra };
  if (original instanceof InvalidInput) {
    extensions.fields = Object.fromEntries(Object.entries(original.fields).map(([k, v]) => [k, t(v)]));
  }
  // The error's figures (e.g. retryAfterSeconds) are there for messages that name them.
  return new GraphQLError(t(original.messageKey, original.extra), {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    extensions,
  });
}

/** The result with its domain errors coded and translated (unchanged when it has none). */
function mapped(result: ExecutionResult, ctx: Context): ExecutionResult | null {
  if (!result.errors?.length) return null;
  // The locale is read per result: a subscription's context follows its viewer from event to event.
  return { ...result, errors: result.errors.map((e) => toGraphQLError(e as GraphQLError, ctx.locale)) };
}

export function useDomainErrors(): Plugin<Context> {
  return {
    onExecute({ args }) {
      const ctx = args.contextValue as Context;
      return {
        onExecuteDone({ result, setResult }) {
          if (!('errors' in result)) return;
          const coded = mapped(result, ctx);
          if (coded) setResult(coded);
        },
      };
    },
    // Subscriptions: a refusal when subscribing (a plain result) and an error in any later event.
    onSubscribe({ args }) {
      const ctx = args.contextValue as Context;
      return {
        onSubscribeResult({ result, setResult }) {
          if (!isAsyncIterable(result)) {
            const coded = mapped(result, ctx);
            if (coded) setResult(coded);
            return;
          }
          return {
            onNext({ result: event, setResult: setEvent }) {
              const coded = mapped(event, ctx);
              if (coded) setEvent(coded);
            },
          };
        },
      };
    },
  };
}

const CONTRACT_CODES = new Set<unknown>(ERROR_CODES);

/**
 * A query limit's refusal (graphql-armor's `onReject`), thrown instead of armor's own error, which
 * says "Syntax Error: …" and carries no code. Validation errors' HTTP status (400, or 200 for
 * `application/json` as GraphQL over HTTP wants it).
 */
export function limitRefusal(reason: BadInputReason) {
  return (_context: unknown, error: GraphQLError): never => {
    throw new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { reason, http: { status: 400, spec: true } } });
  };
}

/** The contract's BAD_USER_INPUT for a request refused as a whole, in `locale`. */
export function requestRefusal(reason: BadInputReason, detail: string, locale: string) {
  return { message: translator(locale)(`errors.request.${reason}`), extensions: { code: 'BAD_USER_INPUT', reason, detail } };
}

/** The contract's answer to an unexpected error: no detail but the request id it was logged under. */
export function internalError(locale: string, requestId: string) {
  return { message: translator(locale)('errors.INTERNAL'), extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } };
}

/** Why yoga or graphql-js refused a request, from the code they gave it (or ours, from limitRefusal). */
function reasonOf(error: GraphQLError): BadInputReason {
  const { code, reason } = error.extensions ?? {};
  if (typeof reason === 'string') return reason as BadInputReason;
  if (code === 'BAD_REQUEST') return 'BAD_REQUEST';
  if (code === 'GRAPHQL_PARSE_FAILED') return 'SYNTAX';
  // GRAPHQL_VALIDATION_FAILED, and variables whose values do not fit their types (no code).
  return 'VALIDATION';
}

/**
 * Unexpected: masked by yoga (a resolver threw something that is no domain error), or an error
 * graphql-js raised while executing, which means the server broke its own schema (a null for a
 * non-null field). Request errors never have a path: they happen before anything runs.
 */
function isUnexpected(error: GraphQLError): boolean {
  const code = error.extensions?.code;
  return error.extensions?.unexpected === true || code === 'INTERNAL_SERVER_ERROR' || (code === undefined && error.path !== undefined);
}

interface RequestScope {
  req: FastifyRequest;
  reply: FastifyReply;
}

export function useErrorContract(options: { development: boolean }): Plugin<Context> {
  return {
    onResultProcess({ request, result, setResult, serverContext }) {
      const { req } = serverContext as unknown as RequestScope;
      const locale = acceptedLocale(request.headers.get('accept-language') ?? undefined);
      const contract = (error: GraphQLError): GraphQLError => {
        if (CONTRACT_CODES.has(error.extensions?.code)) return error;
        const position = { nodes: error.nodes, source: error.source, positions: error.positions, path: error.path };
        const http = error.extensions?.http;
        if (isUnexpected(error)) {
          // Yoga logged what it masked (with this request's id); an execution error it let through is logged here.
          if (error.extensions?.unexpected !== true) req.log.error({ err: error }, 'unexpected GraphQL error');
          const { message, extensions } = internalError(locale, req.id);
          const original = options.development ? { originalError: error.extensions?.originalError ?? { message: error.message, stack: error.stack } } : {};
          return new GraphQLError(message, { ...position, extensions: { ...extensions, ...original, http } });
        }
        const { message, extensions } = requestRefusal(reasonOf(error), error.message, locale);
        return new GraphQLError(message, { ...position, extensions: { ...extensions, http } });
      };
      const each = (one: ExecutionResult): ExecutionResult => (one.errors?.length ? { ...one, errors: one.errors.map((e) => contract(e as GraphQLError)) } : one);
      if (isAsyncIterable(result)) setResult(mapAsyncIterator(result, each));
      else if (Array.isArray(result)) setResult(result.map(each));
      else setResult(each(result));
    },
  };
}
