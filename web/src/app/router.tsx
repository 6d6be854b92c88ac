// The routes. Each feature exports its own route objects; a new feature (meetings) adds its
// array next to the others. Pages' code loads on demand (lazyRoutes.tsx): the current page's at
// once, beside the viewer query, a link's when it is pointed at or focused.
//
// The routes are matched by react-router's declarative API (`useRoutes` under a BrowserRouter,
// main.tsx), not a data router (`createBrowserRouter`): no page has a loader or an action, and the
// data router's engine alone weighs 18 kB gzipped on the first screen. What it gave besides is
// here in small: a page that fails shows RouteError (RouteErrorBoundary), and the scroll position
// follows the history (ScrollRestoration.tsx). A route's `errorElement`, loader or action, or a
// data-router hook (useBlocker, useNavigation, useRouteError …) would not work here.
import { useRoutes, type RouteObject } from 'react-router-dom';
import { AuthGuard } from './AuthGuard';
import { Layout } from './Layout';
import { NotFoundPage, PageSkeleton } from './RouteError';
import { preloadOnIntent, preloadPath, suspended } from './lazyRoutes';
import { homeRoutes } from '../features/home/routes';
import { issueRoutes } from '../features/issues/routes';
import { proposalPrintRoutes, proposalRoutes } from '../features/proposals/routes';
import { policyRoutes } from '../features/policies/routes';
import { meetingPrintRoutes, meetingRoutes } from '../features/meetings/routes';
import { notificationRoutes } from '../features/notifications/routes';
import { accountRoutes, passwordRoutes } from '../features/account/routes';
import { adminRoutes } from '../features/admin/routes';
import { searchRoutes } from '../features/search/routes';

const pages: RouteObject[] = [
  { path: '/signin', lazy: async () => ({ Component: (await import('../features/auth/SignInPage')).SignInPage }) },
  ...passwordRoutes,
  {
    element: <AuthGuard />,
    children: [
      {
        element: <Layout />,
        children: [
          ...homeRoutes,
          ...issueRoutes,
          ...proposalRoutes,
          ...policyRoutes,
          ...meetingRoutes,
          ...notificationRoutes,
          ...accountRoutes,
          ...adminRoutes,
          ...searchRoutes,
          { path: '*', element: <NotFoundPage /> },
        ],
      },
      // Printable pages: signed in, but without the app's frame.
      ...meetingPrintRoutes,
      ...proposalPrintRoutes,
    ],
  },
];
const routes = suspended(pages, PageSkeleton);

preloadPath(routes, window.location.pathname);
preloadOnIntent(routes);

/** The page for the address, inside a BrowserRouter (a crash is RouteErrorBoundary's). */
export function AppRoutes() {
  return useRoutes(routes);
}
