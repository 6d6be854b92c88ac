// Sign-in: email and password, single sign-on, or both, as the installation allows; the server's
// message on failure (wrong password, too many attempts) is shown as given, and why single sign-on
// came back without a session (`?sso=<reason>`); afterwards back to where the person wanted to go.
import { BrandMark } from '../../ui/BrandMark';
import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { signInSchema } from '@council/shared';
import { SignInMutation, ViewerQuery } from './documents';
import { safeNext } from './paths';
import { LanguageSelect } from './LanguageSelect';
import { SsoButton, SsoRefusal, useSignInMethods } from './SingleSignOn';
import { useResetClient } from '../../app/client';
import { errorMessage, fieldErrors, type FieldErrors } from '../../app/errors';
import { zodFieldErrors } from '../../app/translate';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { rememberPickedLanguage } from '../../app/pickedLanguage';
import { Field } from '../../ui/Field';

export function SignInPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.signIn.title'));
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const resetClient = useResetClient();
  const [viewerResult] = useQuery({ query: ViewerQuery, requestPolicy: 'network-only' });
  const { methods, known } = useSignInMethods();
  const [{ fetching }, signIn] = useMutation(SignInMutation);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  if (viewerResult.data?.viewer) return <Navigate to={next} replace />;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    const parsed = signInSchema.safeParse({ email, password });
    if (!parsed.success) {
      setErrors(zodFieldErrors(t, parsed.error.issues));
      return;
    }
    setErrors({});
    const result = await signIn(parsed.data);
    if (result.error) {
      setErrors(fieldErrors(result.error));
      setFormError(errorMessage(result.error, t));
      return;
    }
    if (result.data?.signIn) {
      resetClient();
      navigate(next, { replace: true });
    }
  }

  return (
    <div className="signin">
      <div className="signin__lang">
        {/* the language picked here wins over the account's and is saved to it on sign-in */}
        <LanguageSelect onChange={rememberPickedLanguage} />
      </div>
      <main className="signin__card" id="main">
        <div className="brand brand--large" aria-hidden="true">
          <BrandMark />
        </div>
        <h1 className="signin__title">{t('auth.signIn.heading')}</h1>
        <p className="signin__lead">{t('auth.signIn.lead')}</p>
        <SsoRefusal reason={params.get('sso')} />
        {methods.sso ? (
          <>
            <SsoButton next={next} label={methods.ssoLabel ?? t('auth.sso.button')} />
            {methods.password ? <p className="signin__or">{t('auth.sso.orPassword')}</p> : null}
          </>
        ) : null}
        {known && methods.password ? (
          <>
            <form onSubmit={onSubmit} noValidate className="form">
              <div aria-live="assertive" className="live">
                {formError ? (
                  <div className="notice notice--error" role="alert" data-testid="signin-error">
                    {formError}
                  </div>
                ) : null}
              </div>
              <Field label={t('auth.signIn.email')} error={errors.email}>
                {(control) => (
                  <input
                    {...control}
                    className="input"
                    type="email"
                    name="email"
                    autoComplete="username"
                    inputMode="email"
                    required
                    autoFocus
                    value={email}
                    onChange={(e) => setEmail(e.target.value)}
                    data-testid="signin-email"
                  />
                )}
              </Field>
              <Field label={t('auth.signIn.password')} error={errors.password}>
                {(control) => (
                  <input
                    {...control}
                    className="input"
                    type="password"
                    name="password"
                    autoComplete="current-password"
                    required
                    value={password}
                    onChange={(e) => setPassword(e.target.value)}
                    data-testid="signin-password"
                  />
                )}
              </Field>
              <button type="submit" className={methods.sso ? 'btn btn--block' : 'btn btn--primary btn--block'} disabled={fetching} data-testid="signin-submit">
                {fetching ? t('auth.signIn.submitting') : t('auth.signIn.submit')}
              </button>
            </form>
            <p>
              <Link to="/forgot-password" data-testid="forgot-password">
                {t('account.reset.forgotLink')}
              </Link>
            </p>
          </>
        ) : null}
      </main>
    </div>
  );
}
