// A lazy component whose code has arrived renders at once, not its Suspense fallback (after which
// React would hold the content back for 300 ms); one still loading suspends as React.lazy does.
import { Suspense, lazy } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { eagerLazy } from './eagerLazy';

const Page = ({ name }: { name: string }) => <p data-page={name} />;
const inSuspense = (element: React.ReactNode) => renderToString(<Suspense fallback={<i data-fallback />}>{element}</Suspense>);

describe('eagerLazy', () => {
  it('suspends while the code loads, then renders without a fallback', async () => {
    let arrive: (component: typeof Page) => void = () => undefined;
    const page = eagerLazy(() => new Promise<typeof Page>((resolve) => (arrive = resolve)));
    const loading = page.preload();
    expect(inSuspense(<page.Component name="Ana" />)).toContain('data-fallback');
    arrive(Page);
    await loading;
    const html = inSuspense(<page.Component name="Ana" />);
    expect(html).toContain('data-page="Ana"');
    expect(html).not.toContain('data-fallback');
  });

  it('does what React.lazy does not: no fallback for code that has already arrived', async () => {
    const loaded = Promise.resolve({ default: Page });
    await loaded;
    const Plain = lazy(() => loaded);
    // React.lazy learns that its code is there only after a first render, which shows the fallback.
    expect(inSuspense(<Plain name="Ana" />)).toContain('data-fallback');
    const page = eagerLazy(async () => Page);
    await page.preload();
    expect(inSuspense(<page.Component name="Ana" />)).not.toContain('data-fallback');
  });

  it('loads once, and again after a failed download', async () => {
    let calls = 0;
    const page = eagerLazy(async () => {
      calls++;
      if (calls === 1) throw new Error('offline');
      return Page;
    });
    await expect(page.preload()).rejects.toThrow('offline');
    await page.preload();
    await page.preload();
    expect(calls).toBe(2);
  });
});
