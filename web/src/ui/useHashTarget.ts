// The element the address names (#comment-…, #referral-…) brought into view once it is on the
// page: a search hit opens the issue or proposal at the comment or question it found, which only
// appears after the page's data has arrived (the browser's own jump to the fragment came too early).
import { useEffect, type RefObject } from 'react';
import { useLocation } from 'react-router-dom';

/** The fragment that names the element with this id. */
export const hashOf = (id: string): string => `#${encodeURIComponent(id)}`;

export function useHashTarget(ref: RefObject<HTMLElement | null>, id: string): void {
  const { hash } = useLocation();
  useEffect(() => {
    if (!hash || hash !== hashOf(id)) return;
    ref.current?.scrollIntoView({ block: 'center' });
    ref.current?.focus({ preventScroll: true });
  }, [hash, id, ref]);
}
