// The unread count as the bell and the lists follow it: queried once, then pushed by the server
// each time it may have changed; a list loaded with another count than the pushed one refetches.
import { useEffect, useRef } from 'react';
import { useQuery, useSubscription } from 'urql';
import { NOTIFICATIONS_CONTEXT, UnreadCountQuery, UnreadCountSubscription } from './documents';
import { useLatest } from '../../ui/useLatest';

/** `count`: the current unread count; `pushed`: the last value the subscription brought (null before one). */
export function useUnreadCount(): { count: number; pushed: number | null } {
  const [{ data }] = useQuery({ query: UnreadCountQuery, context: NOTIFICATIONS_CONTEXT });
  const [live] = useSubscription({ query: UnreadCountSubscription });
  const pushed = live.data?.unreadNotificationCount ?? null;
  const count = useLatest(data?.unreadNotificationCount ?? null, pushed) ?? 0;
  return { count, pushed };
}

/**
 * Refetches a list of notifications when a pushed count differs from the count it was loaded
 * with (a notification came, or some were read elsewhere). Runs on each push only: the list's
 * own refetches (after the viewer's mark-read) do not start another one.
 */
export function useRefetchOnPush(pushed: number | null, listed: number | undefined, refetch: () => void): void {
  const latest = useRef({ listed, refetch });
  useEffect(() => {
    latest.current = { listed, refetch };
  });
  useEffect(() => {
    const { listed: now, refetch: go } = latest.current;
    if (pushed !== null && now !== undefined && pushed !== now) go();
  }, [pushed]);
}
