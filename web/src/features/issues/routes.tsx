// Routes of the issues feature, mounted inside the signed-in layout. Pages load on demand,
// so the sign-in screen does not carry the Markdown renderer.
import type { RouteObject } from 'react-router-dom';

export const issueRoutes: RouteObject[] = [
  { path: 'issues', lazy: async () => ({ Component: (await import('./FeedPage')).FeedPage }) },
  { path: 'issues/new', lazy: async () => ({ Component: (await import('./RaiseIssuePage')).RaiseIssuePage }) },
  { path: 'issues/duplicates', lazy: async () => ({ Component: (await import('./DuplicatesPage')).DuplicatesPage }) },
  { path: 'issues/:id', lazy: async () => ({ Component: (await import('./IssuePage')).IssuePage }) },
];
