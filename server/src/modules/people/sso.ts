// Single sign-on with OpenID Connect (openid-client): the authorization code flow with PKCE (S256),
// `state` and `nonce`. /auth/oidc/start sends the browser to the identity provider, keeping what
// the answer must match in a short-lived signed cookie; /auth/oidc/callback checks the answer,
// takes the verified address and signs its person in (sso.service.ts), or sends them back to
// /signin?sso=<reason>. Codes and tokens are never logged: the callback logs only its warnings,
// without its URL.
import { createHmac } from 'node:crypto';
import { Signer } from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type * as Oidc from 'openid-client';
import { safeNext, signInSchema } from '@council/shared';
import type { AppServices } from '../../app.js';
import type { Config } from '../../config.js';
import type { Orm } from '../../db/orm.js';
import { setSessionCookie } from './auth.service.js';
import { signInByVerifiedEmail } from './sso.service.js';

export const SSO_START = '/auth/oidc/start';
export const SSO_CALLBACK = '/auth/oidc/callback';
const STATE_COOKIE = 'council_oidc';
const STATE_PATH = '/auth/oidc';
const STATE_SECONDS = 10 * 60;
const DISCOVERY_TIMEOUT_SECONDS = 10;

/** Why single sign-on did not sign the person in: the sign-in page explains each (`auth.sso.*`). */
export type SsoRefusal = 'failed' | 'unverified' | 'unknown' | 'unavailable';

/** What the callback must find again: kept in the browser, signed, for 10 minutes. */
interface Pending {
  state: string;
  nonce: string;
  verifier: string;
  next: string;
  redirectUri: string;
  /** Expiry, ms since the epoch: the cookie's Max-Age is the browser's to honour, this is ours. */
  exp: number;
}

type Sso = NonNullable<Config['sso']>;

/** openid-client, loaded on the first sign-in through the provider (not at every start); set once discovery has run. */
let oidc: typeof Oidc;
const openid = async (): Promise<typeof Oidc> => (oidc ??= await import('openid-client'));

/** The provider's metadata, discovered on first use and kept; a failed discovery is tried again next time. */
function discoverer(sso: Sso): () => Promise<Oidc.Configuration> {
  let discovered: Promise<Oidc.Configuration> | null = null;
  return () => {
    discovered ??= openid()
      .then((client) =>
        client.discovery(new URL(sso.issuer), sso.clientId, { client_secret: sso.clientSecret }, client.ClientSecretBasic(sso.clientSecret), {
          timeout: DISCOVERY_TIMEOUT_SECONDS,
          // config.ts allows http only for a provider on this machine (development, tests).
          execute: new URL(sso.issuer).protocol === 'http:' ? [client.allowInsecureRequests] : [],
        }),
      )
      .catch((error: unknown) => {
        discovered = null;
        throw error;
      });
    return discovered;
  };
}

/** An error for the log: its kind and the provider's error code, never a request's parameters (the code). */
function described(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const { code, error: oauthError, error_description: description, status } = error as Error & Record<string, unknown>;
  const cause = error.cause instanceof Error ? { type: error.cause.name, code: (error.cause as NodeJS.ErrnoException).code } : undefined;
  return { type: error.name, message: error.message, code, oauthError, description, status, cause };
}

/** The provider did not answer (refused, timed out), as opposed to answering no. */
function unreachable(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError' || (error instanceof TypeError && error.message === 'fetch failed'));
}

export function registerSso(app: FastifyInstance, orm: Orm, services: AppServices): void {
  const sso = services.config.sso;
  if (!sso) return;
  app.log.info(`single sign-on: through ${sso.issuer}; password sign-in ${services.config.passwordSignIn ? 'on' : 'off'}`);
  const configuration = discoverer(sso);
  // A key of its own, derived from SESSION_SECRET: a signature made for this cookie is good for nothing else.
  const signer = new Signer(createHmac('sha256', services.config.sessionSecret).update('council:oidc-state').digest());

  const origin = (req: FastifyRequest) => sso.publicUrl ?? `${req.protocol}://${req.host}`;
  const refused = (reply: FastifyReply, reason: SsoRefusal, next: string) => {
    const query = new URLSearchParams({ sso: reason });
    if (next !== '/') query.set('next', next);
    return reply.header('cache-control', 'no-store').redirect(`/signin?${query}`);
  };

  function readPending(req: FastifyRequest): Pending | null {
    const raw = req.cookies[STATE_COOKIE];
    if (!raw) return null;
    const { valid, value } = signer.unsign(raw);
    if (!valid || !value) return null;
    try {
      const pending = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Pending;
      return typeof pending.exp === 'number' && pending.exp > Date.now() ? pending : null;
    } catch {
      return null;
    }
  }

  app.get<{ Querystring: { next?: string } }>(SSO_START, async (req, reply) => {
    const next = safeNext(req.query.next);
    let config: Oidc.Configuration;
    try {
      config = await configuration();
    } catch (error) {
      req.log.error({ sso: described(error) }, 'single sign-on: the identity provider cannot be reached (discovery)');
      return refused(reply, 'unavailable', next);
    }
    const pending: Pending = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      verifier: oidc.randomPKCECodeVerifier(),
      next,
      redirectUri: `${origin(req)}${SSO_CALLBACK}`,
      exp: Date.now() + STATE_SECONDS * 1000,
    };
    let target: URL;
    try {
      target = oidc.buildAuthorizationUrl(config, {
        redirect_uri: pending.redirectUri,
        scope: 'openid email',
        state: pending.state,
        nonce: pending.nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(pending.verifier),
        code_challenge_method: 'S256',
      });
    } catch (error) {
      // Metadata without an authorization endpoint: a provider that cannot be used as it is.
      req.log.error({ sso: described(error) }, 'single sign-on: the identity provider cannot be used (its metadata)');
      return refused(reply, 'unavailable', next);
    }
    reply.setCookie(STATE_COOKIE, signer.sign(Buffer.from(JSON.stringify(pending)).toString('base64url')), {
      httpOnly: true,
      // Lax: the provider's redirect back is a top-level GET, which carries it.
      sameSite: 'lax',
      secure: req.protocol === 'https',
      path: STATE_PATH,
      maxAge: STATE_SECONDS,
    });
    return reply.header('cache-control', 'no-store').redirect(target.href);
  });

  // 'warn': fastify's request lines carry the URL, and this one's holds the authorization code.
  app.get(SSO_CALLBACK, { logLevel: 'warn' }, async (req, reply) => {
    const pending = readPending(req);
    // One use: whatever happens next, this attempt's state is spent.
    reply.clearCookie(STATE_COOKIE, { path: STATE_PATH });
    if (!pending) {
      req.log.warn('single sign-on: a callback without a valid state cookie (expired, or not started here)');
      return refused(reply, 'failed', '/');
    }
    const next = safeNext(pending.next);
    let config: Oidc.Configuration;
    try {
      config = await configuration();
    } catch (error) {
      req.log.error({ sso: described(error) }, 'single sign-on: the identity provider cannot be reached (discovery)');
      return refused(reply, 'unavailable', next);
    }

    let email: unknown;
    let verified: unknown;
    try {
      // The redirect URI the authorization request named, with the provider's answer as its query.
      const current = new URL(pending.redirectUri);
      current.search = new URL(req.url, 'http://callback.invalid').search;
      const tokens = await oidc.authorizationCodeGrant(config, current, {
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        pkceCodeVerifier: pending.verifier,
      });
      const claims = tokens.claims();
      if (!claims) throw new Error('no ID token in the token response');
      ({ email, email_verified: verified } = claims);
      // Many providers put the address in the ID token only when asked; the userinfo endpoint has it.
      if (email === undefined) ({ email, email_verified: verified } = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub));
    } catch (error) {
      const unavailable = unreachable(error);
      req.log.warn({ sso: described(error) }, unavailable ? 'single sign-on: the identity provider cannot be reached' : 'single sign-on: the answer was refused');
      return refused(reply, unavailable ? 'unavailable' : 'failed', next);
    }

    if (typeof email !== 'string') {
      req.log.warn('single sign-on: the identity provider gave no email address (is the `email` scope allowed for this client?)');
      return refused(reply, 'failed', next);
    }
    if (verified !== true && verified !== 'true') return refused(reply, 'unverified', next);
    // Normalized as sign-in normalizes what people type (trimmed, lower case).
    const address = signInSchema.shape.email.safeParse(email);
    if (!address.success) return refused(reply, 'unknown', next);

    const em = orm.em.fork();
    let opened: Awaited<ReturnType<typeof signInByVerifiedEmail>>;
    try {
      opened = await signInByVerifiedEmail(em, services.auth, address.data);
    } catch (error) {
      // An invitation taken or revoked at the same moment, or an account created meanwhile.
      req.log.warn({ err: error }, 'single sign-on: signing in failed');
      return refused(reply, 'failed', next);
    }
    if (!opened) return refused(reply, 'unknown', next);
    await services.auth.rememberDevice(em, opened.session.id, req.headers['user-agent']).catch((error: unknown) => req.log.warn({ err: error }, 'could not note the session device'));
    setSessionCookie(req, reply, opened.token);
    return reply.header('cache-control', 'no-store').redirect(next);
  });
}
