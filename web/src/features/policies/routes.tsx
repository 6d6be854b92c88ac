// Routes of the policy register, mounted inside the signed-in layout.
import type { RouteObject } from 'react-router-dom';

export const policyRoutes: RouteObject[] = [
  { path: 'policies', lazy: async () => ({ Component: (await import('./PoliciesPage')).PoliciesPage }) },
];
