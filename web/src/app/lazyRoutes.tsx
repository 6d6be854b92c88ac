// Route code on demand, started as early as it can be. A route's `lazy` import becomes a component
// that suspends on it (a skeleton meanwhile) unless it has already arrived (eagerLazy.tsx), so the
// signed-in frame and the viewer query do not wait for a page's code: at start, the code of the
// page in the address bar is fetched at once, together with the viewer; a link's page is fetched
// when the pointer rests on it or it gets focus.
import { Suspense, type ComponentType } from 'react';
import { matchRoutes, type RouteObject } from 'react-router-dom';
import { eagerLazy } from './eagerLazy';

type LazyComponent = () => Promise<{ Component?: ComponentType | null }>;

const preloads = new WeakMap<RouteObject, () => Promise<unknown>>();

/** `routes` with every `lazy: () => ({ Component })` as a suspending component, with `fallback` while it loads. */
export function suspended(routes: RouteObject[], Fallback: ComponentType): RouteObject[] {
  return routes.map((route) => {
    const children = route.children && suspended(route.children, Fallback);
    if (typeof route.lazy !== 'function') return (children ? { ...route, children } : route) as RouteObject;
    const load = route.lazy as LazyComponent;
    const { Component: Page, preload } = eagerLazy(async () => (await load()).Component!);
    function LazyRoute() {
      return (
        <Suspense fallback={<Fallback />}>
          <Page />
        </Suspense>
      );
    }
    const { lazy: _lazy, ...rest } = route;
    const result = { ...rest, Component: LazyRoute, ...(children && { children }) } as RouteObject;
    preloads.set(result, preload);
    return result;
  });
}

/** Starts downloading the code of the pages `path` shows (nothing for another origin's address). */
export function preloadPath(routes: RouteObject[], path: string): void {
  for (const match of matchRoutes(routes, path) ?? []) {
    preloads.get(match.route)?.().catch(() => undefined);
  }
}

/** Preloads a link's page when the pointer rests on it or keyboard focus reaches it. */
export function preloadOnIntent(routes: RouteObject[]): void {
  const onIntent = (event: Event) => {
    const link = (event.target as Element | null)?.closest?.('a[href]');
    if (!(link instanceof HTMLAnchorElement) || link.origin !== window.location.origin) return;
    preloadPath(routes, link.pathname);
  };
  document.addEventListener('pointerover', onIntent, { passive: true });
  document.addEventListener('focusin', onIntent);
}
