// Routes of notifications, mounted inside the signed-in layout (the bell lives in the header).
import type { RouteObject } from 'react-router-dom';

export const notificationRoutes: RouteObject[] = [
  { path: 'notifications', lazy: async () => ({ Component: (await import('./NotificationsPage')).NotificationsPage }) },
];
