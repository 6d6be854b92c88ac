// Scrolling as page loads would do it, for the signed-in pages: a new page starts at its top (or
// at the element its #fragment names), back and forward return to where the person was on that
// entry, also after a reload (positions kept per history entry in session storage).
import { useEffect, useLayoutEffect } from 'react';
import { useLocation, useNavigationType } from 'react-router-dom';

const STORAGE_KEY = 'council.scroll';

function readPositions(): Record<string, number> {
  try {
    const saved: unknown = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? '{}');
    return saved && typeof saved === 'object' ? (saved as Record<string, number>) : {};
  } catch {
    return {};
  }
}

let positions: Record<string, number> | undefined;
let current = '';

export function ScrollRestoration() {
  const location = useLocation();
  const navigationType = useNavigationType();

  // The position of the entry in view is noted as it scrolls; leaving the page keeps them all.
  useEffect(() => {
    positions ??= readPositions();
    const previous = history.scrollRestoration;
    history.scrollRestoration = 'manual';
    let frame = 0;
    const onScroll = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        positions![current] = window.scrollY;
      });
    };
    const onPageHide = () => {
      positions![current] = window.scrollY;
      try {
        sessionStorage.setItem(STORAGE_KEY, JSON.stringify(positions));
      } catch {
        // without storage, a reload starts at the top
      }
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('pagehide', onPageHide);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', onScroll);
      window.removeEventListener('pagehide', onPageHide);
      history.scrollRestoration = previous;
    };
  }, []);

  useLayoutEffect(() => {
    positions ??= readPositions();
    current = location.key;
    const saved = navigationType === 'POP' ? positions[location.key] : undefined;
    if (saved !== undefined) {
      window.scrollTo(0, saved);
      return;
    }
    if (location.hash) {
      const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
      if (target) {
        target.scrollIntoView();
        return;
      }
    }
    window.scrollTo(0, 0);
  }, [location, navigationType]);

  return null;
}
