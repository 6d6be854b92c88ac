// What the first screen shows, asked for as the app starts (prefetch.ts): main.tsx imports this
// first, so these requests leave while the page's code, the language's catalog and React load, not
// after them. The viewer for every signed-in page; the data of the pages most often opened first
// (home and the issue feed). This module must not import the i18n module (it waits for a catalog).
import { prefetchQuery } from './prefetch';
import { initialLocale } from './initialLocale';
import { ViewerQuery } from '../features/auth/documents';
import { HomeQuery } from '../features/home/documents';
import { FeedFiltersQuery, IssueFeedQuery } from '../features/issues/documents';
import { feedVariables, parse } from '../features/issues/feedParams';

/** Pages shown to people not signed in: nothing to ask for in advance. */
const PUBLIC = ['/signin', '/invite/', '/reset-password/', '/forgot-password'];

const { pathname, search } = window.location;
if (!PUBLIC.some((path) => pathname.startsWith(path))) {
  const language = initialLocale();
  prefetchQuery(ViewerQuery, {}, language);
  if (pathname === '/') prefetchQuery(HomeQuery, {}, language);
  if (pathname === '/issues') {
    prefetchQuery(IssueFeedQuery, feedVariables(parse(new URLSearchParams(search)), null), language);
    prefetchQuery(FeedFiltersQuery, {}, language);
  }
}
