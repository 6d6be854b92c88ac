// The proposals list's status filter lives in the URL (`?status=VOTING,DRAFT`), so a filtered
// view can be bookmarked and restored with the back button.
import { useCallback, useEffect, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { PROPOSAL_STATUSES, type ProposalStatus } from '@council/shared';

/** The last list query string, so "back to proposals" returns to the same view. */
let lastListSearch = '';
export function proposalListHref(): string {
  return lastListSearch ? `/proposals?${lastListSearch}` : '/proposals';
}

function parse(params: URLSearchParams): ProposalStatus[] {
  const wanted = (params.get('status') ?? '').split(',');
  return PROPOSAL_STATUSES.filter((s) => wanted.includes(s));
}

export function useStatusFilter() {
  const [searchParams, setSearchParams] = useSearchParams();
  const key = searchParams.toString();
  useEffect(() => {
    lastListSearch = key;
  }, [key]);
  const statuses = useMemo(() => parse(new URLSearchParams(key)), [key]);
  const setStatuses = useCallback(
    (next: ProposalStatus[]) => {
      setSearchParams(() => {
        const params = new URLSearchParams();
        const ordered = PROPOSAL_STATUSES.filter((s) => next.includes(s));
        if (ordered.length) params.set('status', ordered.join(','));
        return params;
      });
    },
    [setSearchParams],
  );
  return { statuses, setStatuses };
}
