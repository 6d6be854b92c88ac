// The first screen's answers asked for in advance: urql's first request of the same operation with
// the same variables (in any key order) gets that answer, once; any other request goes out.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { graphql } from '../graphql';
import { pendingCount, prefetchQuery, prefetchingFetch } from './prefetch';

const Feed = graphql(`
  query PrefetchTestFeed($first: Int!, $orderBy: IssueOrder) {
    issues(first: $first, orderBy: $orderBy) {
      totalCount
    }
  }
`);

/** What urql sends for an operation (its body as a string). */
const urqlBody = (operationName: string, variables: unknown) => ({ method: 'POST', body: JSON.stringify({ operationName, query: 'query …', variables }) });

afterEach(() => vi.unstubAllGlobals());

describe('prefetchingFetch', () => {
  it('hands the answer asked for in advance to the same query, once', async () => {
    const network = vi.fn(async () => new Response(JSON.stringify({ data: { n: network.mock.calls.length } })));
    vi.stubGlobal('fetch', network);
    prefetchQuery(Feed, { first: 20, orderBy: 'PRIORITY' }, 'de');
    expect(network).toHaveBeenCalledTimes(1);
    const [url, init] = network.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/graphql');
    expect(JSON.parse(init.body as string)).toMatchObject({ operationName: 'PrefetchTestFeed', variables: { first: 20, orderBy: 'PRIORITY' } });
    expect((init.headers as Record<string, string>)['accept-language']).toBe('de');

    // The same variables in another order: answered from the request already sent.
    const first = await prefetchingFetch('/graphql', urqlBody('PrefetchTestFeed', { orderBy: 'PRIORITY', first: 20 }));
    expect(await first.json()).toEqual({ data: { n: 1 } });
    expect(network).toHaveBeenCalledTimes(1);
    // Only once: asked again, the query goes out.
    const again = await prefetchingFetch('/graphql', urqlBody('PrefetchTestFeed', { first: 20, orderBy: 'PRIORITY' }));
    expect(await again.json()).toEqual({ data: { n: 2 } });
    expect(network).toHaveBeenCalledTimes(2);
  });

  it('lets other variables, other operations and stale answers go out', async () => {
    const network = vi.fn(async () => new Response('{"data":{}}'));
    vi.stubGlobal('fetch', network);
    prefetchQuery(Feed, { first: 20, orderBy: 'NEWEST' }, 'en');
    await prefetchingFetch('/graphql', urqlBody('PrefetchTestFeed', { first: 20, orderBy: 'PRIORITY' }));
    await prefetchingFetch('/graphql', urqlBody('Viewer', {}));
    expect(network).toHaveBeenCalledTimes(3);
    // Unclaimed for too long, the answer is dropped and the query asks again.
    vi.useFakeTimers({ now: Date.now() + 60_000, toFake: ['Date'] });
    try {
      await prefetchingFetch('/graphql', urqlBody('PrefetchTestFeed', { first: 20, orderBy: 'NEWEST' }));
    } finally {
      vi.useRealTimers();
    }
    expect(network).toHaveBeenCalledTimes(4);
  });

  it('lets go of an answer nobody claims', async () => {
    vi.useFakeTimers();
    try {
      const network = vi.fn(async () => new Response('{"data":{}}'));
      vi.stubGlobal('fetch', network);
      prefetchQuery(Feed, { first: 5, orderBy: 'RECENT_ACTIVITY' }, 'en');
      expect(pendingCount()).toBe(1);
      await vi.advanceTimersByTimeAsync(10_001);
      expect(pendingCount()).toBe(0);
      await prefetchingFetch('/graphql', urqlBody('PrefetchTestFeed', { first: 5, orderBy: 'RECENT_ACTIVITY' }));
      expect(network).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
