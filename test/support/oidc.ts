// A real OpenID Connect provider for single sign-on tests: oidc-provider on 127.0.0.1 (any free
// port, plain http), one confidential client (client_secret_basic, code flow, PKCE required), the
// accounts a test puts in `accounts`, and oidc-provider's development login form (any password).
// Consent is granted by itself, as a company's provider does for its own applications.
// `signInAt` drives the provider over HTTP, as a browser would, for tests without one.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Configuration } from 'oidc-provider';

export interface IdpAccount {
  /** Also what the login form's "login" field takes. */
  sub: string;
  email?: string;
  email_verified?: boolean;
}

export interface TestIdp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET for the app. */
  env: Record<string, string>;
  accounts: Map<string, IdpAccount>;
  /** Paths the provider was asked for, in order (the userinfo endpoint is `/me`). */
  requests: string[];
  /**
   * (Re)configures the provider: the client's one redirect URI, and whether the ID token carries
   * the email claims (`idTokenClaims`) or only the userinfo endpoint does (the default, as in
   * oidc-provider and many providers). The signing key stays, so the app's cached keys stay valid.
   */
  configure(redirectUri: string, options?: { idTokenClaims?: boolean }): void;
  close(): Promise<void>;
}

export async function startIdp(): Promise<TestIdp> {
  const clientId = 'council-test';
  const clientSecret = randomBytes(24).toString('hex');
  const accounts = new Map<string, IdpAccount>();
  const requests: string[] = [];
  const signingKey = { ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }), kid: 'test', use: 'sig', alg: 'RS256' };
  const cookieKey = randomBytes(16).toString('hex');
  let provider: Provider | null = null;

  const server: Server = createServer((req, res) => {
    requests.push((req.url ?? '').split('?')[0]);
    if (!provider) {
      res.statusCode = 503;
      res.end('not configured yet');
      return;
    }
    provider.callback()(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const configuration = (redirectUri: string, idTokenClaims: boolean): Configuration => ({
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [signingKey] },
    cookies: { keys: [cookieKey] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    conformIdTokenClaims: !idTokenClaims,
    ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
    findAccount: (_ctx, sub) => {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        claims: () => ({ sub, ...(account.email !== undefined && { email: account.email }), ...(account.email_verified !== undefined && { email_verified: account.email_verified }) }),
      };
    },
    // Consent given by itself (oidc-provider's "skip consent" recipe).
    loadExistingGrant: async (ctx) => {
      const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope('openid email');
      await grant.save();
      return grant;
    },
  });

  return {
    issuer,
    clientId,
    clientSecret,
    env: { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: clientId, OIDC_CLIENT_SECRET: clientSecret },
    accounts,
    requests,
    configure(redirectUri, options = {}) {
      provider = new Provider(issuer, configuration(redirectUri, options.idTokenClaims ?? false));
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Cookies of one origin, as a browser keeps them (paths are ignored: the provider's names differ). */
class CookieJar {
  private readonly cookies = new Map<string, string>();

  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      const expired = attributes.some((a) => /^\s*expires=/i.test(a) && new Date(a.split('=')[1]).getTime() < Date.now()) || attributes.some((a) => /^\s*max-age=0$/i.test(a));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  get header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/**
 * Follows `authorizationUrl` at the provider as a browser would, signs in as `sub` on its login
 * form, and returns where the provider finally sends the browser: the app's callback URL with
 * `code`, `state` and `iss` (or `error`).
 */
export async function signInAt(idp: TestIdp, authorizationUrl: string, sub: string): Promise<URL> {
  const jar = new CookieJar();
  let url = new URL(authorizationUrl);
  let init: RequestInit = { method: 'GET' };
  for (let hop = 0; hop < 10; hop += 1) {
    const response = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie: jar.header } });
    jar.take(response);
    const location = response.headers.get('location');
    if (location) {
      const target = new URL(location, url);
      await response.body?.cancel();
      if (target.origin !== idp.issuer) return target;
      url = target;
      init = { method: 'GET' };
      continue;
    }
    const page = await response.text();
    if (response.status !== 200) throw new Error(`the provider answered ${response.status} at ${url.pathname}: ${page.slice(0, 300)}`);
    const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
    const prompt = /name="prompt" value="(\w+)"/.exec(page)?.[1];
    if (!action || !prompt) throw new Error(`no interaction form at ${url.pathname}: ${page.slice(0, 300)}`);
    url = new URL(action.replace(/&amp;/g, '&'), url);
    const body = prompt === 'login' ? new URLSearchParams({ prompt, login: sub, password: 'any' }) : new URLSearchParams({ prompt });
    init = { method: 'POST', body: body.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } };
  }
  throw new Error('the provider kept redirecting');
}
