// The urql client: same-origin GraphQL with the session cookie, urql's document cache
// (queries name the typenames they depend on via `additionalTypenames`), subscriptions over
// Server-Sent Events (graphql-sse, one connection per subscription, reconnecting by itself),
// and a hook that sends the person to sign-in whenever the API answers UNAUTHENTICATED.
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { Client, Provider, cacheExchange, fetchExchange, mapExchange, subscriptionExchange } from 'urql';
import { createClient as createSseClient, type Client as SseClient } from 'graphql-sse';
import { i18n } from './i18n';

/** How long to wait before reconnecting a lost subscription: 1, 2, 4 … up to 30 s, with jitter against a thundering herd after a restart. */
function reconnectDelay(retries: number): number {
  return Math.min(30_000, 1_000 * 2 ** retries) * (0.5 + Math.random() / 2);
}

// One connection per subscription ("distinct connections"): nothing is shared between them, so
// a subscription ends (and its connection closes) when urql tears its operation down.
function makeSse(): SseClient {
  return createSseClient({
    url: '/graphql',
    singleConnection: false,
    credentials: 'same-origin',
    headers: () => ({ 'accept-language': i18n.language }),
    // A live page stays open for hours: a restarting server or a network change must not end it.
    retryAttempts: Infinity,
    retry: (retries) => new Promise((resolve) => setTimeout(resolve, reconnectDelay(retries))),
  });
}

function makeClient(onUnauthenticated: () => void): Client {
  const sse = makeSse();
  return new Client({
    url: '/graphql',
    preferGetMethod: false,
    requestPolicy: 'cache-and-network',
    fetchOptions: () => ({
      credentials: 'same-origin',
      headers: { 'accept-language': i18n.language },
    }),
    exchanges: [
      mapExchange({
        onError(error) {
          if (error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) onUnauthenticated();
        },
      }),
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({ unsubscribe: sse.subscribe({ ...request, query: request.query ?? '' }, sink) }),
        }),
      }),
    ],
  });
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
