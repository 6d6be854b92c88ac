// Routes of the global search, mounted inside the signed-in layout.
import type { RouteObject } from 'react-router-dom';

export const searchRoutes: RouteObject[] = [
  { path: 'search', lazy: async () => ({ Component: (await import('./SearchPage')).SearchPage }) },
];
