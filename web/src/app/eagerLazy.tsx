// React.lazy that does not suspend once its code is there. React 19 holds back the content of a
// Suspense boundary that showed its fallback until 300 ms after that fallback appeared (so that a
// spinner does not flash); a plain `lazy` component suspends on its first render even when its
// module has long been downloaded (it learns so only a tick later), so a page whose code came with
// the app's first requests still showed its skeleton and then waited out those 300 ms. Here a
// component whose code has arrived renders at once; one still loading suspends as `lazy` does.
import { lazy, useState, type ComponentType } from 'react';

export interface EagerLazy<P extends object> {
  /** The component: renders at once when loaded, otherwise suspends until it is (inside a Suspense). */
  Component: ComponentType<P>;
  /** Starts loading (once; a failed download is tried again next time). */
  preload: () => Promise<ComponentType<P>>;
}

export function eagerLazy<P extends object>(load: () => Promise<ComponentType<P>>): EagerLazy<P> {
  let loaded: ComponentType<P> | undefined;
  let started: Promise<ComponentType<P>> | undefined;
  const preload = () =>
    (started ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        started = undefined;
        throw error;
      },
    ));
  const Lazy = lazy(async () => ({ default: await preload() }));
  function Component(props: P) {
    // Chosen once per mount: switching from the lazy wrapper to the loaded component later would
    // remount the page and lose what it holds.
    const [Use] = useState<ComponentType<P>>(() => loaded ?? Lazy);
    return <Use {...props} />;
  }
  return { Component, preload };
}
