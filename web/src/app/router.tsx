// The routes. Each feature exports its own route objects; a new feature (meetings) adds its
// array next to the others. Pages' code loads on demand (lazyRoutes.tsx): the current page's at
// once, beside the viewer query, a link's when it is pointed at or focused.
import { createBrowserRouter, type RouteObject } from 'react-router-dom';
import { AuthGuard } from './AuthGuard';
import { Layout } from './Layout';
import { NotFoundPage, PageSkeleton, RouteError } from './RouteError';
import { preloadOnIntent, preloadPath, suspended } from './lazyRoutes';
import { homeRoutes } from '../features/home/routes';
import { issueRoutes } from '../features/issues/routes';
import { proposalRoutes } from '../features/proposals/routes';
import { policyRoutes } from '../features/policies/routes';
import { meetingPrintRoutes, meetingRoutes } from '../features/meetings/routes';
import { notificationRoutes } from '../features/notifications/routes';
import { accountRoutes, passwordRoutes } from '../features/account/routes';
import { adminRoutes } from '../features/admin/routes';
import { searchRoutes } from '../features/search/routes';

const pages: RouteObject[] = [
  { path: '/signin', lazy: async () => ({ Component: (await import('../features/auth/SignInPage')).SignInPage }), errorElement: <RouteError /> },
  ...passwordRoutes.map((route) => ({ ...route, errorElement: <RouteError /> })),
  {
    element: <AuthGuard />,
    errorElement: <RouteError />,
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
    ],
  },
];
const routes = suspended(pages, PageSkeleton);

export const router = createBrowserRouter(routes);
preloadPath(routes, window.location.pathname);
preloadOnIntent(routes);
