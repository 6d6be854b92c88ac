// Entry: i18n, the urql client (which sends lost sessions to sign-in) and the router.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router-dom';
import { I18nextProvider } from 'react-i18next';
import './ui/theme.css';
import { i18n } from './app/i18n';
import { ClientProvider } from './app/client';
import { router } from './app/router';
import { signInPath } from './features/auth/paths';

function redirectToSignIn() {
  const { pathname, search } = router.state.location;
  if (pathname === '/signin') return;
  void router.navigate(signInPath(pathname + search), { replace: true });
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <ClientProvider onUnauthenticated={redirectToSignIn}>
        <RouterProvider router={router} />
      </ClientProvider>
    </I18nextProvider>
  </StrictMode>,
);
