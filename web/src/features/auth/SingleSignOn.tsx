// Single sign-on on the pages before sign-in: how this installation lets people sign in (password,
// single sign-on, or both), the button that starts single sign-on (a plain link: the server sends
// the browser on to the identity provider), and why an attempt came back without a session.
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { SignInMethodsQuery, type SignInMethods } from './documents';

/** Until the server has answered (or when it cannot), the password form, as before single sign-on. */
const PASSWORD_ONLY: SignInMethods = { password: true, sso: false, ssoLabel: null };

/** How people sign in here, and whether the answer is known yet. */
export function useSignInMethods(): { methods: SignInMethods; known: boolean } {
  const [{ data, error }] = useQuery({ query: SignInMethodsQuery });
  return { methods: data?.signInMethods ?? PASSWORD_ONLY, known: !!data || !!error };
}

export function ssoStartPath(next: string): string {
  return next === '/' ? '/auth/oidc/start' : `/auth/oidc/start?next=${encodeURIComponent(next)}`;
}

export function SsoButton({ next, label, testId = 'sso-signin' }: { next: string; label: string; testId?: string }) {
  return (
    <a className="btn btn--primary btn--block signin__sso" href={ssoStartPath(next)} data-testid={testId}>
      {label}
    </a>
  );
}

const REFUSALS = ['failed', 'unverified', 'unknown', 'unavailable'] as const;
type Refusal = (typeof REFUSALS)[number];
const isRefusal = (value: string | null): value is Refusal => (REFUSALS as readonly (string | null)[]).includes(value);

/** Why single sign-on sent the person back (`/signin?sso=<reason>`); nothing for anything else. */
export function SsoRefusal({ reason }: { reason: string | null }) {
  const { t } = useTranslation();
  if (!isRefusal(reason)) return null;
  return (
    <div className="notice notice--error signin__notice" role="alert" data-testid="sso-refused" data-reason={reason}>
      {t(`auth.sso.refused.${reason}`)}
    </div>
  );
}
