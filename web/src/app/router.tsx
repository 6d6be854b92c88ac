// The routes. Each feature exports its own route objects; a new feature (meetings) adds its
// array next to the others.
import { createBrowserRouter } from 'react-router-dom';
import { AuthGuard } from './AuthGuard';
import { Layout } from './Layout';
import { NotFoundPage, RouteError, RouteLoading } from './RouteError';
import { SignInPage } from '../features/auth/SignInPage';
import { homeRoutes } from '../features/home/routes';
import { issueRoutes } from '../features/issues/routes';
import { proposalRoutes } from '../features/proposals/routes';
import { policyRoutes } from '../features/policies/routes';
import { meetingPrintRoutes, meetingRoutes } from '../features/meetings/routes';
import { notificationRoutes } from '../features/notifications/routes';
import { accountRoutes, passwordRoutes } from '../features/account/routes';
import { adminRoutes } from '../features/admin/routes';

export const router = createBrowserRouter([
  { path: '/signin', element: <SignInPage />, errorElement: <RouteError /> },
  ...passwordRoutes.map((route) => ({ ...route, errorElement: <RouteError />, HydrateFallback: RouteLoading })),
  {
    element: <AuthGuard />,
    errorElement: <RouteError />,
    HydrateFallback: RouteLoading,
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
          { path: '*', element: <NotFoundPage /> },
        ],
      },
      // Printable pages: signed in, but without the app's frame.
      ...meetingPrintRoutes,
    ],
  },
]);
