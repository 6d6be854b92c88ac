// The first screen's data, asked for at once: as the app starts, the viewer and the data of the page
// in the address bar are requested before the page's code, the language's catalog or React are
// there, instead of one after the other. Each answer waits here until urql sends the same query
// (same operation, same variables) through `prefetchingFetch`, which hands it over instead of asking
// again; an answer nobody claims within a few seconds is dropped, and the query goes out as usual.
import { getOperationName, stringifyDocument, stringifyVariables } from 'urql';
import type { DocumentNode } from 'graphql';

/** How long an answer waits to be claimed before a query asks again. */
const FRESH_MS = 10_000;

const pending = new Map<string, { response: Promise<Response>; at: number }>();

// urql's own stable form of variables (keys in order), so that the same variables give the same key.
const keyOf = (operationName: string | null | undefined, variables: unknown) => `${operationName ?? ''}:${stringifyVariables(variables ?? {})}`;

/** Sends `document` with `variables` now; urql's first request of the same is answered with it. */
export function prefetchQuery(document: DocumentNode, variables: Record<string, unknown>, language: string): void {
  const operationName = getOperationName(document);
  const key = keyOf(operationName, variables);
  if (pending.has(key)) return;
  const response = fetch('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', 'accept-language': language },
    body: JSON.stringify({ operationName, query: stringifyDocument(document), variables }),
  });
  const entry = { response, at: Date.now() };
  const forget = () => {
    if (pending.get(key) === entry) pending.delete(key);
  };
  // A failed request (offline) is not handed over: the page's own query tries again. An answer
  // nobody claims (the person moved on before the page asked) is let go of.
  response.catch(forget);
  setTimeout(forget, FRESH_MS);
  pending.set(key, entry);
}

/** How many answers wait to be claimed (for tests). */
export const pendingCount = (): number => pending.size;

/** `fetch` for urql: a query asked for in advance gets that answer (once); anything else goes out. */
export const prefetchingFetch: typeof fetch = async (input, init) => {
  if (pending.size && typeof init?.body === 'string') {
    let body: { operationName?: string; variables?: unknown } | null = null;
    try {
      body = JSON.parse(init.body) as { operationName?: string; variables?: unknown };
    } catch {
      body = null;
    }
    const key = body && keyOf(body.operationName, body.variables);
    const early = key ? pending.get(key) : undefined;
    if (key && early) {
      pending.delete(key);
      if (Date.now() - early.at < FRESH_MS) {
        const response = await early.response.catch(() => null);
        if (response) return response;
      }
    }
  }
  return fetch(input, init);
};
