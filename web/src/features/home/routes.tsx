// Route of the home page ("what needs me"), the landing page after sign-in, inside the signed-in layout.
import type { RouteObject } from 'react-router-dom';

export const homeRoutes: RouteObject[] = [{ index: true, lazy: async () => ({ Component: (await import('./HomePage')).HomePage }) }];
