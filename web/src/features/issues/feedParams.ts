// The feed's filters, sort and search live in the URL query string, so a filtered view can
// be bookmarked, shared and restored with the back button.
import { useCallback, useEffect, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ISSUE_STATUSES, type IssueOrder, type IssueStatus } from '@council/shared';
import { PAGE_SIZE } from './documents';

export const SORTS = { priority: 'PRIORITY', newest: 'NEWEST', activity: 'RECENT_ACTIVITY' } as const satisfies Record<
  string,
  IssueOrder
>;
export type SortKey = keyof typeof SORTS;
export const DEFAULT_SORT: SortKey = 'priority';

export interface FeedParams {
  status: IssueStatus[];
  region: string;
  category: string;
  sort: SortKey;
  q: string;
  /** Only issues the viewer's region has not marked yet (for people with a region). */
  unmarked: boolean;
}

/** The last feed query string, so "back to issues" returns to the same view. */
let lastFeedSearch = '';
export function feedHref(): string {
  return lastFeedSearch ? `/issues?${lastFeedSearch}` : '/issues';
}

export function parse(params: URLSearchParams): FeedParams {
  const status = (params.get('status') ?? '')
    .split(',')
    .filter((s): s is IssueStatus => (ISSUE_STATUSES as readonly string[]).includes(s));
  const sort = params.get('sort') ?? '';
  return {
    status: ISSUE_STATUSES.filter((s) => status.includes(s)),
    region: params.get('region') ?? '',
    category: params.get('category') ?? '',
    sort: sort in SORTS ? (sort as SortKey) : DEFAULT_SORT,
    q: params.get('q') ?? '',
    unmarked: params.get('unmarked') === '1',
  };
}

/** The feed query's variables for these filters, after `after` (the page's query and prefetch.ts ask the same). */
export function feedVariables(params: FeedParams, after: string | null) {
  return {
    first: PAGE_SIZE,
    after,
    orderBy: SORTS[params.sort],
    filter: {
      status: params.status.length ? params.status : null,
      regionId: params.region || null,
      categoryId: params.category || null,
      search: params.q || null,
      notYetMarkedByMyRegion: params.unmarked || null,
    },
  };
}

export function useFeedParams() {
  const [searchParams, setSearchParams] = useSearchParams();
  const key = searchParams.toString();
  useEffect(() => {
    lastFeedSearch = key;
  }, [key]);
  const params = useMemo(() => parse(new URLSearchParams(key)), [key]);

  const update = useCallback(
    (patch: Partial<FeedParams>, options?: { replace?: boolean }) => {
      setSearchParams(
        (prev) => {
          const merged = { ...parse(prev), ...patch };
          const next = new URLSearchParams();
          if (merged.q.trim()) next.set('q', merged.q.trim());
          if (merged.status.length) next.set('status', merged.status.join(','));
          if (merged.region) next.set('region', merged.region);
          if (merged.category) next.set('category', merged.category);
          if (merged.sort !== DEFAULT_SORT) next.set('sort', merged.sort);
          if (merged.unmarked) next.set('unmarked', '1');
          return next;
        },
        { replace: options?.replace ?? false },
      );
    },
    [setSearchParams],
  );

  return { params, update };
}
