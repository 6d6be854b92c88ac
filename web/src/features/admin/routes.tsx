// Routes of the admin area, mounted inside the signed-in layout: a frame with the sections'
// sub-navigation around each page. Everything loads on demand, so nobody else carries its code.
import type { RouteObject } from 'react-router-dom';

export const adminRoutes: RouteObject[] = [
  {
    path: 'admin',
    lazy: async () => ({ Component: (await import('./AdminLayout')).AdminLayout }),
    children: [
      { index: true, lazy: async () => ({ Component: (await import('./AdminLayout')).AdminIndex }) },
      { path: 'people', lazy: async () => ({ Component: (await import('./PeoplePage')).PeoplePage }) },
      { path: 'regions', lazy: async () => ({ Component: (await import('./RegionsPage')).RegionsPage }) },
      { path: 'categories', lazy: async () => ({ Component: (await import('./CategoriesPage')).CategoriesPage }) },
      { path: 'departments', lazy: async () => ({ Component: (await import('./DepartmentsPage')).DepartmentsPage }) },
      { path: 'settings', lazy: async () => ({ Component: (await import('./SettingsPage')).SettingsPage }) },
      { path: 'audit', lazy: async () => ({ Component: (await import('./AuditPage')).AuditPage }) },
    ],
  },
];
