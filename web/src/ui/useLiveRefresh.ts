// Refetching a query on a timer while something is live (a running meeting, an open vote), only
// while the tab is visible, and once more on coming back to the tab.
import { useEffect } from 'react';

/** How often a live page refreshes by default. */
export const LIVE_INTERVAL_MS = 10_000;

export function useLiveRefresh(active: boolean, refresh: () => void, ms = LIVE_INTERVAL_MS) {
  useEffect(() => {
    if (!active) return;
    const tick = () => {
      if (document.visibilityState === 'visible') refresh();
    };
    const id = window.setInterval(tick, ms);
    document.addEventListener('visibilitychange', tick);
    return () => {
      window.clearInterval(id);
      document.removeEventListener('visibilitychange', tick);
    };
  }, [active, refresh, ms]);
}
