// Entry: the first screen's data asked for at once (firstData.ts), i18n (its module loads the
// language's catalog first), the router, the urql client (which sends lost sessions to sign-in)
// and the routes, a crash shown by RouteErrorBoundary.
import { StrictMode, useCallback } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, useNavigate } from 'react-router-dom';
import './app/firstData';
import './ui/theme.css';
import { catalogReady } from './app/i18n';
import { ClientProvider } from './app/client';
import { AppRoutes } from './app/router';
import { RouteErrorBoundary } from './app/RouteError';
import { signInPath } from './features/auth/paths';

function App() {
  const navigate = useNavigate();
  const redirectToSignIn = useCallback(() => {
    const { pathname, search } = window.location;
    if (pathname === '/signin') return;
    navigate(signInPath(pathname + search), { replace: true });
  }, [navigate]);
  return (
    <ClientProvider onUnauthenticated={redirectToSignIn}>
      <RouteErrorBoundary>
        <AppRoutes />
      </RouteErrorBoundary>
    </ClientProvider>
  );
}

await catalogReady;
// Navigations render at once, not in a transition: filters kept in the address (a checkbox, a
// select) show their new state on the click itself, where a transition showed the old one until
// the page had rendered again; a page whose code is still on its way shows its skeleton meanwhile.
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter useTransitions={false}>
      <App />
    </BrowserRouter>
  </StrictMode>,
);
