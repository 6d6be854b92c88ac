// Request-wide guards that look at the whole operation before it runs, once the viewer is known:
// introspection only for signed-in people (in production), and the per-person write limit, taken
// before any resolver writes. A refusal stops the operation whole: nothing is read or written,
// and the error is coded and translated like every domain error (errors.ts).
import { GraphQLError, Kind, getOperationAST, visit, type DocumentNode, type SelectionSetNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { Forbidden, InvalidInput, Unauthenticated } from '../errors.js';
import { LimitReached } from '../modules/people/rate-limit.js';
import type { WriteLimiter } from '../modules/people/write-limit.js';
import type { Context } from './context.js';

/** Mutations with limits of their own (sign-in limits), not counted as writes; those that sign in or out run alone. */
const NOT_WRITES = new Set(['signIn', 'signOut', 'acceptInvitation', 'resetPassword', 'requestPasswordReset', '__typename']);

export interface GuardOptions {
  /** Refuse `__schema` / `__type` to anyone not signed in (production: the schema is no public document). */
  introspectionNeedsSignIn: boolean;
  /** The write limit; null: none. */
  writes: WriteLimiter | null;
}

/** A refused operation, in the shape errors.ts maps (code, translated message). */
const refused = (error: Error) => ({ errors: [new GraphQLError(error.message, { originalError: error })] });

export function useGuards(options: GuardOptions): Plugin<Context> {
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const ctx = args.contextValue as Context;
      if (options.introspectionNeedsSignIn && !ctx.viewer && asksForSchema(args.document)) {
        return setResultAndStopExecution(refused(new Unauthenticated()));
      }
      const operation = getOperationAST(args.document, args.operationName);
      if (operation?.operation !== 'mutation') return;
      const fields = [...rootFields(operation.selectionSet, args.document).values()].filter((name) => name !== '__typename');
      // signIn/signOut change who the rest of the request runs as: alone, so that no write can run
      // as a person whose writes were never counted (or counted against someone else).
      if (fields.length > 1 && fields.some((name) => NOT_WRITES.has(name))) {
        return setResultAndStopExecution(refused(new InvalidInput({ signIn: 'errors.signInAlone' }, 'BAD_REQUEST')));
      }
      if (!options.writes || !ctx.viewer) return;
      const writes = fields.filter((name) => !NOT_WRITES.has(name)).length;
      try {
        await options.writes.admit(ctx.viewer.id, writes);
      } catch (error) {
        if (!(error instanceof LimitReached)) throw error;
        setResultAndStopExecution(refused(new Forbidden('errors.writeRateLimited', { reason: 'RATE_LIMITED', retryAfterSeconds: error.retryAfterSeconds })));
      }
    },
  };
}

/** Whether the document reads the schema (`__schema`, `__type`), anywhere, fragments included. */
function asksForSchema(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') found = true;
    },
  });
  return found;
}

/**
 * The root fields an operation runs, by response key as execution collects them (through
 * fragments at the root): two aliases of one mutation are two writes, a field repeated under one
 * key runs once. `@skip` / `@include` are not evaluated, so a skipped field counts as well.
 */
function rootFields(selectionSet: SelectionSetNode, document: DocumentNode, into = new Map<string, string>(), spread = new Set<string>()): Map<string, string> {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) into.set(selection.alias?.value ?? selection.name.value, selection.name.value);
    else if (selection.kind === Kind.INLINE_FRAGMENT) rootFields(selection.selectionSet, document, into, spread);
    else if (!spread.has(selection.name.value)) {
      spread.add(selection.name.value);
      const fragment = document.definitions.find((d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value);
      if (fragment?.kind === Kind.FRAGMENT_DEFINITION) rootFields(fragment.selectionSet, document, into, spread);
    }
  }
  return into;
}
