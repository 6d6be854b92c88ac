// Routes of the account feature, mounted inside the signed-in layout (linked from the header's name).
import type { RouteObject } from 'react-router-dom';

export const accountRoutes: RouteObject[] = [{ path: 'account', lazy: async () => ({ Component: (await import('./AccountPage')).AccountPage }) }];
