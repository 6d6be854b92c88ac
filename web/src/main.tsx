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
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter>
      <App />
    </BrowserRouter>
  </StrictMode>,
);
