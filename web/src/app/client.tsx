// The urql client: same-origin GraphQL with the session cookie, urql's document cache
// (queries name the typenames they depend on via `additionalTypenames`), and a hook that
// sends the person to sign-in whenever the API answers UNAUTHENTICATED.
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { Client, Provider, cacheExchange, fetchExchange, mapExchange } from 'urql';
import { i18n } from './i18n';

function makeClient(onUnauthenticated: () => void): Client {
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
