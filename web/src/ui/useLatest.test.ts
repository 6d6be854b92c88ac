// Which of a query's result and a subscription's pushes a live page shows.
import { describe, expect, it } from 'vitest';
import { follow, type Seen } from './useLatest';

interface Proposal {
  id: string;
  updatedAt: string;
  votes: number;
}
const isOlder = (arrived: Proposal, current: Proposal) => arrived.id === current.id && arrived.updatedAt < current.updatedAt;
const p = (id: string, minute: number, votes: number): Proposal => ({ id, updatedAt: `2026-01-01T10:${String(minute).padStart(2, '0')}:00.000Z`, votes });
const start = (queried: Proposal | null): Seen<Proposal> => ({ queried, pushed: null, latest: queried });

describe('follow', () => {
  it('keeps what it has while neither source changed', () => {
    const seen = start(p('a', 0, 0));
    expect(follow(seen, seen.queried, null, isOlder)).toBe(seen);
  });

  it('shows a push, then a later refetch, whichever arrived last', () => {
    const queried = p('a', 0, 0);
    const pushed = p('a', 1, 1);
    const afterPush = follow(start(queried), queried, pushed, isOlder);
    expect(afterPush.latest).toBe(pushed);
    const refetched = p('a', 2, 2);
    expect(follow(afterPush, refetched, pushed, isOlder).latest).toBe(refetched);
  });

  it('keeps the newer state when an older one arrives after it, from either side', () => {
    const own = p('a', 5, 3);
    const refetched = follow(start(p('a', 0, 0)), own, null, isOlder);
    const stale = p('a', 4, 2);
    expect(follow(refetched, own, stale, isOlder).latest).toBe(own);

    const pushed = follow(start(p('a', 0, 0)), p('a', 0, 0), own, isOlder);
    expect(follow(pushed, stale, own, isOlder).latest).toBe(own);
  });

  it('takes another subject at once, whatever its version', () => {
    const seen = follow(start(p('a', 0, 0)), p('a', 0, 0), p('a', 9, 4), isOlder);
    const other = p('b', 1, 0);
    expect(follow(seen, other, null, isOlder).latest).toBe(other);
  });

  it('without a version, the last arrival wins, and a count of the same value changes nothing', () => {
    const seen: Seen<number> = { queried: 2, pushed: null, latest: 2 };
    const pushed = follow(seen, 2, 3);
    expect(pushed.latest).toBe(3);
    expect(follow(pushed, 0, 3).latest).toBe(0);
    expect(follow(pushed, 2, 3)).toBe(pushed);
  });
});
