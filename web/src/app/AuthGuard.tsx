// The auth guard: nobody sees anything before signing in. Loads the viewer, applies their
// saved language (or saves the one picked on the sign-in page), hands them to the pages below,
// and hosts the dialog that signs them in again when their session ends on an open page (its code
// is fetched once the page is idle, not on the first screen).
import { Suspense, lazy, useEffect, useMemo } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { isLocale } from '@council/shared';
import { SetLocaleMutation, ViewerQuery } from '../features/auth/documents';
import { ViewerContext } from '../features/auth/viewer';
import { hostSignInAgain, useSignInAgainAsked } from './session';
import { forgetPickedLanguage, pickedLanguage } from './pickedLanguage';
import { signInPath } from '../features/auth/paths';
import { errorMessage } from './errors';
import { ErrorNotice, Loading } from '../ui/States';

let dialogCode: Promise<typeof import('../features/auth/SignInAgainDialog')> | undefined;
function loadDialog() {
  // a failed download (offline) is tried again next time
  return (dialogCode ??= import('../features/auth/SignInAgainDialog').catch((error: unknown) => {
    dialogCode = undefined;
    throw error;
  }));
}
const SignInAgainDialog = lazy(async () => ({ default: (await loadDialog()).SignInAgainDialog }));

/** Lets the client ask for a sign-in on this page, and shows the dialog while it asks. */
function SignInAgainHost() {
  const asked = useSignInAgainAsked();
  useEffect(() => {
    const idle = setTimeout(() => void loadDialog().catch(() => undefined), 3_000);
    const unhost = hostSignInAgain();
    return () => {
      clearTimeout(idle);
      unhost();
    };
  }, []);
  return asked ? (
    <Suspense fallback={null}>
      <SignInAgainDialog />
    </Suspense>
  ) : null;
}

export function AuthGuard() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const context = useMemo(() => ({ additionalTypenames: ['User'] }), []);
  const [{ data, fetching, error }, reexecute] = useQuery({ query: ViewerQuery, context });
  const viewer = data?.viewer ?? null;
  const savedLocale = viewer?.locale;

  const [, setLocale] = useMutation(SetLocaleMutation);

  useEffect(() => {
    if (!savedLocale) return;
    const picked = pickedLanguage();
    if (picked && picked !== savedLocale) {
      if (picked !== i18n.language) void i18n.changeLanguage(picked);
      void setLocale({ locale: picked }).then((result) => {
        if (!result.error) forgetPickedLanguage();
      });
      return;
    }
    if (picked) forgetPickedLanguage();
    if (isLocale(savedLocale) && savedLocale !== i18n.language) void i18n.changeLanguage(savedLocale);
  }, [savedLocale, i18n, setLocale]);

  if (!data && fetching) {
    return (
      <div className="page-center">
        <Loading label={t('app.loading')} />
      </div>
    );
  }
  if (!data && error) {
    return (
      <div className="page-center">
        <ErrorNotice>
          <p>{errorMessage(error, t)}</p>
          <button type="button" className="btn" onClick={() => reexecute({ requestPolicy: 'network-only' })}>
            {t('app.retry')}
          </button>
        </ErrorNotice>
      </div>
    );
  }
  if (!viewer) return <Navigate to={signInPath(location.pathname + location.search)} replace />;
  return (
    <ViewerContext.Provider value={viewer}>
      <Outlet />
      <SignInAgainHost />
    </ViewerContext.Provider>
  );
}
