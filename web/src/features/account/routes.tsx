// Routes of the account feature, mounted inside the signed-in layout (linked from the header's name).
import type { RouteObject } from 'react-router-dom';

export const accountRoutes: RouteObject[] = [{ path: 'account', lazy: async () => ({ Component: (await import('./AccountPage')).AccountPage }) }];

/** The pages a mail's link opens (and asking for a reset link): outside the signed-in layout. */
export const passwordRoutes: RouteObject[] = [
  { path: '/invite/:token', lazy: async () => ({ Component: (await import('./PasswordPages')).InvitePage }) },
  { path: '/reset-password/:token', lazy: async () => ({ Component: (await import('./PasswordPages')).ResetPasswordPage }) },
  { path: '/forgot-password', lazy: async () => ({ Component: (await import('./PasswordPages')).ForgotPasswordPage }) },
];
