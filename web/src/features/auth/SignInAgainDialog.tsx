// Signing in again without leaving the page: opened by the client when a send was refused because
// the session ended (session.ts). The email is the signed-in person's (another person would take
// over their typed text and pending send: that goes through the sign-in page instead); with single
// sign-on, a link that comes back to this page, where the text waits as a draft.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { SignInMutation } from './documents';
import { signInPath } from './paths';
import { useViewer } from './viewer';
import { SsoButton, useSignInMethods } from './SingleSignOn';
import { answerSignInAgain } from '../../app/session';
import { errorMessage, fieldErrors, type FieldErrors } from '../../app/errors';
import { SIGNING_IN } from '../../app/client';
import { Field } from '../../ui/Field';
import '../../ui/forgiving.css';

const SIGN_IN_CONTEXT = { [SIGNING_IN]: true };

/** The dialog, while the client asks (its host, in AuthGuard, loads this module when it does). */
export function SignInAgainDialog() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const navigate = useNavigate();
  const location = useLocation();
  const here = location.pathname + location.search;
  const { methods, known } = useSignInMethods();
  const [{ fetching }, signIn] = useMutation(SignInMutation);
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    if (!password) {
      setErrors({ password: t('validation.required') });
      return;
    }
    setErrors({});
    const result = await signIn({ email: viewer.email, password }, SIGN_IN_CONTEXT);
    if (result.error) {
      setErrors(fieldErrors(result.error));
      setFormError(errorMessage(result.error, t));
      return;
    }
    answerSignInAgain(true);
  }

  return (
    <dialog
      ref={ref}
      className="dialog signin-again"
      aria-labelledby="signin-again-title"
      aria-describedby="signin-again-lead"
      data-testid="signin-again"
      onCancel={(e) => {
        e.preventDefault();
        answerSignInAgain(false);
      }}
    >
      <h2 id="signin-again-title" className="dialog__title">
        {t('forgiving.session.title')}
      </h2>
      <p id="signin-again-lead">{t('forgiving.session.lead')}</p>
      {methods.sso ? (
        <>
          <SsoButton next={here} label={methods.ssoLabel ?? t('auth.sso.button')} testId="signin-again-sso" />
          <p className="muted">{t('forgiving.session.sso')}</p>
        </>
      ) : null}
      {known && methods.password ? (
        <form onSubmit={onSubmit} noValidate className="form">
          <div aria-live="assertive" className="live">
            {formError ? (
              <div className="notice notice--error" role="alert" data-testid="signin-again-error">
                {formError}
              </div>
            ) : null}
          </div>
          <Field label={t('auth.signIn.email')}>
            {(control) => <input {...control} className="input" type="email" name="email" autoComplete="username" readOnly value={viewer.email} />}
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
                autoFocus
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                data-testid="signin-again-password"
              />
            )}
          </Field>
          <div className="form__actions">
            <button type="button" className="btn btn--ghost" onClick={() => answerSignInAgain(false)} data-testid="signin-again-cancel">
              {t('forgiving.session.cancel')}
            </button>
            <button type="submit" className="btn btn--primary" disabled={fetching} data-testid="signin-again-submit">
              {fetching ? t('forgiving.session.submitting') : t('forgiving.session.submit')}
            </button>
          </div>
        </form>
      ) : null}
      <p>
        <button
          type="button"
          className="btn btn--link"
          onClick={() => {
            answerSignInAgain(false);
            navigate(signInPath(here));
          }}
        >
          {t('forgiving.session.someoneElse')}
        </button>
      </p>
    </dialog>
  );
}
