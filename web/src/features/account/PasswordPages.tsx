// The pages a mail's link opens, outside the signed-in layout: accepting an invitation
// (/invite/:token) and choosing a new password (/reset-password/:token), both of which sign the
// person in and go to the home page; and asking for a reset link (/forgot-password), which always
// answers alike, whether or not the address has an account. With single sign-on, an invitation is
// also accepted through the identity provider (the invited address, verified there), and only so
// when password sign-in is off.
import { useState, type FormEvent, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { createUserSchema, signInSchema } from '@council/shared';
import { AcceptInvitationMutation, RequestPasswordResetMutation, ResetPasswordMutation } from './documents';
import { LanguageSelect } from '../auth/LanguageSelect';
import { SsoButton, useSignInMethods } from '../auth/SingleSignOn';
import { useResetClient } from '../../app/client';
import { errorMessage, fieldErrors, type FieldErrors } from '../../app/errors';
import { zodFieldErrors } from '../../app/translate';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { BrandMark } from '../../ui/BrandMark';
import { Field } from '../../ui/Field';

const passwordSchema = createUserSchema.pick({ password: true });
const emailSchema = signInSchema.pick({ email: true });

/** The sign-in page's frame: language, brand, a heading and a lead. */
function Card({ title, lead, children }: { title: string; lead: string; children: ReactNode }) {
  const { t } = useTranslation();
  useDocumentTitle(title);
  return (
    <div className="signin">
      <div className="signin__lang">
        <LanguageSelect />
      </div>
      <main className="signin__card" id="main">
        <div className="brand brand--large" aria-hidden="true">
          <BrandMark />
        </div>
        <h1 className="signin__title">{title}</h1>
        <p className="signin__lead">{lead}</p>
        {children}
        <p>
          <Link to="/signin">{t('account.reset.backToSignIn')}</Link>
        </p>
      </main>
    </div>
  );
}

function FormError({ message }: { message: string | null }) {
  return (
    <div aria-live="assertive" className="live">
      {message ? (
        <div className="notice notice--error" role="alert" data-testid="password-form-error">
          {message}
        </div>
      ) : null}
    </div>
  );
}

/** A new password for a link's token; `submit` signs in, then the home page. */
function NewPasswordForm({ submitLabel, submittingLabel, submit }: { submitLabel: string; submittingLabel: string; submit: (password: string) => ReturnType<ReturnType<typeof useMutation>[1]> }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const resetClient = useResetClient();
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    const parsed = passwordSchema.safeParse({ password });
    if (!parsed.success) {
      setErrors(zodFieldErrors(t, parsed.error.issues));
      return;
    }
    setErrors({});
    setBusy(true);
    const result = await submit(parsed.data.password);
    setBusy(false);
    if (result.error) {
      const fields = fieldErrors(result.error);
      setErrors(fields);
      if (!fields.password) setFormError(errorMessage(result.error, t));
      return;
    }
    resetClient();
    navigate('/', { replace: true });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <FormError message={formError} />
      <Field label={t('account.password.new')} hint={t('account.password.hint')} error={errors.password}>
        {(control) => (
          <input
            {...control}
            className="input"
            type="password"
            name="new-password"
            autoComplete="new-password"
            required
            autoFocus
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            data-testid="new-password"
          />
        )}
      </Field>
      <button type="submit" className="btn btn--primary btn--block" disabled={busy} data-testid="new-password-submit">
        {busy ? submittingLabel : submitLabel}
      </button>
    </form>
  );
}

export function InvitePage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const [, accept] = useMutation(AcceptInvitationMutation);
  const { methods, known } = useSignInMethods();
  return (
    <Card title={t('account.invitation.title')} lead={methods.password ? t('account.invitation.lead') : t('auth.sso.invitationLead')}>
      {methods.sso ? (
        <>
          <SsoButton next="/" label={t('auth.sso.acceptInvitation')} testId="sso-accept" />
          {methods.password ? <p className="signin__or">{t('auth.sso.orNewPassword')}</p> : null}
        </>
      ) : null}
      {known && methods.password ? (
        <NewPasswordForm submitLabel={t('account.invitation.submit')} submittingLabel={t('account.invitation.submitting')} submit={(password) => accept({ token, password })} />
      ) : null}
    </Card>
  );
}

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const [, reset] = useMutation(ResetPasswordMutation);
  return (
    <Card title={t('account.reset.title')} lead={t('account.reset.lead')}>
      <NewPasswordForm submitLabel={t('account.reset.submit')} submittingLabel={t('account.reset.submitting')} submit={(password) => reset({ token, password })} />
    </Card>
  );
}

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [{ fetching }, request] = useMutation(RequestPasswordResetMutation);
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    const parsed = emailSchema.safeParse({ email });
    if (!parsed.success) {
      setErrors(zodFieldErrors(t, parsed.error.issues));
      return;
    }
    setErrors({});
    const result = await request(parsed.data);
    if (result.error) {
      setErrors(fieldErrors(result.error));
      setFormError(errorMessage(result.error, t));
      return;
    }
    setSent(true);
  }

  return (
    <Card title={t('account.reset.forgotTitle')} lead={t('account.reset.forgotLead')}>
      {sent ? (
        <div className="notice" role="status" data-testid="reset-sent">
          {t('account.reset.sent')}
        </div>
      ) : (
        <form onSubmit={onSubmit} noValidate className="form">
          <FormError message={formError} />
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
                data-testid="reset-email"
              />
            )}
          </Field>
          <button type="submit" className="btn btn--primary btn--block" disabled={fetching} data-testid="reset-submit">
            {fetching ? t('account.reset.sending') : t('account.reset.send')}
          </button>
        </form>
      )}
    </Card>
  );
}
