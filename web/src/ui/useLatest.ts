// Live pages show two sources of one thing: the query's result (refetched after the viewer's own
// changes) and the values a subscription pushes (after anyone's change). The current one is
// whichever arrived last, unless `isOlder` tells that it shows an earlier state.
import { useState } from 'react';

export interface Seen<T> {
  queried: T | null;
  pushed: T | null;
  latest: T | null;
}

/** What is current after the sources became `queried` and `pushed` (`seen` itself when neither changed). */
export function follow<T>(seen: Seen<T>, queried: T | null, pushed: T | null, isOlder?: (arrived: T, current: T) => boolean): Seen<T> {
  if (seen.queried === queried && seen.pushed === pushed) return seen;
  // A new value from one side (urql hands out a new object per result) replaces the current one,
  // unless it is older: a refetch answered after an event that was read later, or the reverse.
  const arrived = pushed !== seen.pushed && pushed !== null ? pushed : queried;
  const current = seen.latest;
  const latest = arrived === null ? pushed : current !== null && isOlder?.(arrived, current) ? current : arrived;
  return { queried, pushed, latest };
}

export function useLatest<T>(queried: T | null, pushed: T | null, isOlder?: (arrived: T, current: T) => boolean): T | null {
  const [seen, setSeen] = useState<Seen<T>>({ queried, pushed, latest: pushed ?? queried });
  const next = follow(seen, queried, pushed, isOlder);
  // Adjusting state while rendering (React's pattern for state derived from props): no extra paint.
  if (next !== seen) setSeen(next);
  return next.latest;
}
