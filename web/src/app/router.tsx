// The routes. Each feature exports its own route objects; a new feature (proposals,
// meetings) adds its array next to `issueRoutes`.
import { createBrowserRouter } from 'react-router-dom';
import { AuthGuard } from './AuthGuard';
import { Layout } from './Layout';
import { NotFoundPage, RouteError, RouteLoading } from './RouteError';
import { SignInPage } from '../features/auth/SignInPage';
import { issueRoutes } from '../features/issues/routes';

export const router = createBrowserRouter([
  { path: '/signin', element: <SignInPage />, errorElement: <RouteError /> },
  {
    element: <AuthGuard />,
    errorElement: <RouteError />,
    HydrateFallback: RouteLoading,
    children: [
      {
        element: <Layout />,
        children: [...issueRoutes, { path: '*', element: <NotFoundPage /> }],
      },
    ],
  },
]);
