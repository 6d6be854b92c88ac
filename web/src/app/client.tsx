// The urql client: same-origin GraphQL with the session cookie, urql's document cache
// (queries name the typenames they depend on via `additionalTypenames`), subscriptions over
// Server-Sent Events (graphql-sse, one connection per subscription, reconnecting by itself; its
// code is fetched with the first subscription, not on the first screen),
// and forgiveness: a send that failed (offline, server error) leaves the cache as it was, so the
// page stays and keeps what was typed; a send refused because the session ended asks the person
// to sign in again in place and then goes on (see session.ts). A page's query refused for an ended
// session sends the person to sign-in, unless that question is already open.
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { Client, Provider, cacheExchange, fetchExchange, mapExchange, subscriptionExchange, type Operation, type OperationResult } from 'urql';
import type { Client as SseClient, RequestParams, Sink } from 'graphql-sse';
import { i18n } from './i18n';
import { errorCode } from './errors';
import { isAskingToSignIn, signInAgain } from './session';
import { prefetchingFetch } from './prefetch';

/** How long to wait before reconnecting a lost subscription: 1, 2, 4 … up to 30 s, with jitter against a thundering herd after a restart. */
function reconnectDelay(retries: number): number {
  return Math.min(30_000, 1_000 * 2 ** retries) * (0.5 + Math.random() / 2);
}

// One connection per subscription ("distinct connections"): nothing is shared between them, so
// a subscription ends (and its connection closes) when urql tears its operation down.
async function makeSse(): Promise<SseClient> {
  const { createClient } = await import('graphql-sse');
  return createClient({
    url: '/graphql',
    singleConnection: false,
    credentials: 'same-origin',
    headers: () => ({ 'accept-language': i18n.language }),
    // A live page stays open for hours: a restarting server or a network change must not end it.
    retryAttempts: Infinity,
    retry: (retries) => new Promise((resolve) => setTimeout(resolve, reconnectDelay(retries))),
  });
}

/** graphql-sse's `subscribe`, its client made (and its code fetched) on the first call. */
function lazySse(): (request: RequestParams, sink: Sink) => () => void {
  let sse: Promise<SseClient> | undefined;
  return (request, sink) => {
    let unsubscribe: (() => void) | undefined;
    let ended = false;
    // a failed download (offline) is tried again by the next subscription
    (sse ??= makeSse().catch((error: unknown) => {
      sse = undefined;
      throw error;
    })).then(
      (client) => {
        if (!ended) unsubscribe = client.subscribe(request, sink);
      },
      (error: unknown) => {
        if (!ended) sink.error(error);
      },
    );
    return () => {
      ended = true;
      unsubscribe?.();
    };
  };
}

/** Context flag of the sign-in mutation sent from the sign-in-again dialog (never asked to sign in again). */
export const SIGNING_IN = 'signingIn';

/** The operation as sent, for mutations whose failure `keepCacheOnFailure` took the typenames from. */
const sentAs = new WeakMap<Operation, Operation>();

/**
 * A mutation that failed changed nothing, so it must not make the page refetch what it shows (the
 * document cache would, for the typenames the mutation named): offline, that refetch fails too and
 * the page gives way to an error, with the person's text. Runs between the cache and the network.
 */
function keepCacheOnFailure(result: OperationResult): OperationResult {
  const { operation } = result;
  if (operation.kind !== 'mutation' || !result.error || result.data) return result;
  const quiet: Operation = { ...operation, context: { ...operation.context, additionalTypenames: [] } };
  sentAs.set(quiet, sentAs.get(operation) ?? operation);
  return { ...result, operation: quiet };
}

/**
 * A mutation refused for an ended session: ask to sign in again and send it once more, handing its
 * result to whoever waits for the first; declined (or nobody to ask), the refusal stands.
 */
function retryAfterSignIn(client: Client, result: OperationResult, onUnauthenticated: () => void): OperationResult | Promise<OperationResult> {
  if (result.operation.kind !== 'mutation' || errorCode(result.error) !== 'UNAUTHENTICATED') return result;
  // Signing in itself answers UNAUTHENTICATED for a wrong password: that is the dialog's to say.
  if (result.operation.context[SIGNING_IN]) return result;
  const asked = signInAgain();
  if (!asked) {
    onUnauthenticated();
    return result;
  }
  return asked.then(async (signedIn) => {
    if (!signedIn) return result;
    const sent = sentAs.get(result.operation) ?? result.operation;
    // a new instance of the mutation (its own `_instance`), else its result would go to the first caller twice
    const { _instance: _, ...context } = sent.context as typeof sent.context & { _instance?: number };
    const again = await client.executeRequestOperation(client.createRequestOperation('mutation', sent, context)).toPromise();
    return { ...again, operation: result.operation };
  });
}

function makeClient(onUnauthenticated: () => void): Client {
  const subscribe = lazySse();
  const client: Client = new Client({
    url: '/graphql',
    // The first screen's queries, answered by what firstData.ts asked for in advance.
    fetch: prefetchingFetch,
    preferGetMethod: false,
    requestPolicy: 'cache-and-network',
    fetchOptions: () => ({
      credentials: 'same-origin',
      headers: { 'accept-language': i18n.language },
    }),
    exchanges: [
      mapExchange({
        onError(error, operation) {
          // Mutations ask to sign in again (below); a live stream ends with its session and the
          // next request tells; while the question is open, it answers for the queries too.
          if (operation.kind !== 'query' || isAskingToSignIn()) return;
          if (error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) onUnauthenticated();
        },
        onResult: (result) => retryAfterSignIn(client, result, onUnauthenticated),
      }),
      cacheExchange,
      mapExchange({ onResult: keepCacheOnFailure }),
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({ unsubscribe: subscribe({ ...request, query: request.query ?? '' }, sink) }),
        }),
      }),
    ],
  });
  return client;
}

const ResetContext = createContext<() => void>(() => {});

/** Drop every cached result (a fresh client): after sign-in, sign-out or a lost session. */
export function useResetClient(): () => void {
  return useContext(ResetContext);
}

export function ClientProvider({
  onUnauthenticated,
  children,
}: {
  onUnauthenticated: () => void;
  children: ReactNode;
}) {
  const handler = useRef(onUnauthenticated);
  handler.current = onUnauthenticated;
  const [generation, setGeneration] = useState(0);
  const reset = useCallback(() => setGeneration((g) => g + 1), []);
  const client = useMemo(
    () =>
      makeClient(() => {
        reset();
        handler.current();
      }),
    // a new generation means a new, empty cache
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [generation, reset],
  );
  return (
    <ResetContext.Provider value={reset}>
      <Provider value={client}>{children}</Provider>
    </ResetContext.Provider>
  );
}
