// The environment, parsed once at start (zod); nothing else reads process.env.
import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { resolve, join } from 'node:path';
import { z } from 'zod';

/** A whole number from `min` to `max` given as text; `what` says what is expected when it is not. */
function wholeNumber(min: number, max: number, what: string) {
  const message = `must be ${what}`;
  return z.coerce.number({ error: message }).int(message).min(min, message).max(max, message);
}

const envSchema = z.object({
  PORT: wholeNumber(0, 65_535, 'a port number from 0 to 65535 (0: any free port)').default(4000),
  HOST: z
    .string()
    .default('127.0.0.1')
    .refine((host) => isIP(host) !== 0 || HOSTNAME.test(host), 'must be an IP address (127.0.0.1, 0.0.0.0, ::) or a host name'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^(postgres(ql)?|sqlite):/, 'must start with postgres://, postgresql:// or sqlite:')
    .optional(),
  // Unset: the demo is seeded into an empty SQLite database (the two-command start), never into PostgreSQL.
  COUNCIL_DEMO: z.enum(['0', '1']).optional(),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  TRUST_PROXY: z
    .string()
    .default('0')
    .transform((value, ctx) => {
      try {
        return parseTrustProxy(value);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    }),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must start with redis:// or rediss://').optional(),
  REDIS_PREFIX: z.string().regex(/^[\w:.-]{1,100}$/, 'letters, digits and _ : . - only (at most 100)').default('council:'),
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((value, ctx) => {
      try {
        return parseCorsOrigins(value);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    }),
  WRITE_LIMIT_PER_MINUTE: wholeNumber(0, 100_000, 'a whole number of writes from 0 (no limit) to 100000').default(120),
  // Unset: no mail is written or sent (the start log says so).
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/\s]+/, 'must be an SMTP address like smtp://user:password@mail.example.com:587 or smtps://…:465')
    .optional(),
  MAIL_FROM: z.string().min(3).max(254).default('Council <council@localhost>'),
  PUBLIC_URL: z
    .string()
    .url('must be the address people open Council at, like https://council.example.com')
    .regex(/^https?:\/\//, 'must start with http:// or https://')
    .optional(),
  // Single sign-on with OpenID Connect: all three or none.
  OIDC_ISSUER: z
    .string()
    .url('must be the identity provider\'s issuer URL, like https://login.example.com/realms/council')
    .refine(secureOrLoopback, 'must start with https:// (http:// only for localhost or 127.0.0.1)')
    .optional(),
  OIDC_CLIENT_ID: z.string().min(1, 'must not be empty').optional(),
  OIDC_CLIENT_SECRET: z.string().min(1, 'must not be empty').optional(),
  OIDC_BUTTON_LABEL: z.string().trim().min(1, 'must not be empty').max(60, 'must be at most 60 characters').optional(),
  PASSWORD_SIGN_IN: z.enum(['0', '1'], { error: 'must be 1 (people may sign in with a password) or 0 (single sign-on only)' }).default('1'),
});

/** An https URL, or http on this machine (a provider run for development or tests). */
function secureOrLoopback(value: string): boolean {
  if (!URL.canParse(value)) return true; // .url() says what is wrong with it
  const url = new URL(value);
  return url.protocol === 'https:' || (url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname));
}

const OIDC_VARIABLES = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const;

/** A host name as RFC 1123 allows it (letters, digits, hyphens; dot-separated labels). */
const HOSTNAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.?$/i;

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgresql'; url: string };
  demo: boolean;
  sessionSecret: string;
  production: boolean;
  /** NODE_ENV=development: errors carry their original message and stack (never in test or production). */
  development: boolean;
  /**
   * Which proxies in front may speak for the client (fastify's `trustProxy`): off, the number of
   * proxy hops, or the proxies' addresses/CIDRs. Never `true`, which would believe the leftmost,
   * client-supplied `X-Forwarded-For` entry.
   */
  trustProxy: false | number | string[];
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  /** Redis for state shared by several instances (sign-in limits, live events); absent: in process. */
  redisUrl?: string;
  /** Prefix of every Redis key and channel, so installations (or test runs) can share one Redis. */
  redisPrefix: string;
  /**
   * Origins of other sites that may call the API with the person's cookie (CORS with credentials),
   * exact `scheme://host[:port]` strings. Empty: same-origin only, the browser refuses the rest.
   */
  corsOrigins: string[];
  /** Mutations one signed-in person may make per minute; 0 turns the limit off. */
  writeLimitPerMinute: number;
  /** Outgoing mail: SMTP_URL (absent: no mail), MAIL_FROM, and PUBLIC_URL, the base of every link in a mail. */
  mail: { smtpUrl?: string; from: string; publicUrl: string };
  /**
   * Single sign-on (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_BUTTON_LABEL); absent: off.
   * `publicUrl` is PUBLIC_URL when set, the base of the redirect URI; else the request's origin is.
   */
  sso?: { issuer: string; clientId: string; clientSecret: string; buttonLabel?: string; publicUrl?: string };
  /** PASSWORD_SIGN_IN: false when people sign in only through single sign-on. */
  passwordSignIn: boolean;
  /** Directory of the built SPA; absent in tests that only speak GraphQL. */
  webDist?: string;
}

/** A configuration that cannot work: one line per variable, `NAME: what is wrong with it`. */
export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(issues.join('\n'));
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    throw new ConfigError([`DATA_DIR: cannot create ${dataDir}: ${fsReason(error)}`]);
  }
  const url = e.DATABASE_URL;
  const database: Config['database'] =
    url && url.startsWith('postgres')
      ? { kind: 'postgresql', url }
      : { kind: 'sqlite', file: url ? resolve(url.replace(/^sqlite:(\/\/)?/, '')) : join(dataDir, 'council.sqlite') };
  // Several instances share one PostgreSQL database: a secret generated per instance would make a
  // session made on one unknown to the others.
  if (database.kind === 'postgresql' && !e.SESSION_SECRET) {
    throw new ConfigError([
      'SESSION_SECRET: required with a PostgreSQL DATABASE_URL (the same value on every instance, 32+ characters, e.g. `openssl rand -hex 32`)',
    ]);
  }
  const oidcSet = OIDC_VARIABLES.filter((name) => e[name] !== undefined);
  if (oidcSet.length > 0 && oidcSet.length < OIDC_VARIABLES.length) {
    throw new ConfigError(
      OIDC_VARIABLES.filter((name) => e[name] === undefined).map((name) => `${name}: required with ${oidcSet.join(' and ')} (single sign-on needs ${OIDC_VARIABLES.join(', ')})`),
    );
  }
  const sso: Config['sso'] =
    e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
      ? { issuer: e.OIDC_ISSUER, clientId: e.OIDC_CLIENT_ID, clientSecret: e.OIDC_CLIENT_SECRET, buttonLabel: e.OIDC_BUTTON_LABEL, publicUrl: e.PUBLIC_URL?.replace(/\/+$/, '') }
      : undefined;
  if (!sso && e.OIDC_BUTTON_LABEL !== undefined) {
    throw new ConfigError([`OIDC_BUTTON_LABEL: only with single sign-on (${OIDC_VARIABLES.join(', ')})`]);
  }
  if (!sso && e.PASSWORD_SIGN_IN === '0') {
    throw new ConfigError([`PASSWORD_SIGN_IN: 0 needs single sign-on (${OIDC_VARIABLES.join(', ')}); without it nobody could sign in`]);
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    database,
    demo: e.COUNCIL_DEMO ? e.COUNCIL_DEMO === '1' : database.kind === 'sqlite',
    sessionSecret: e.SESSION_SECRET ?? keptSecretIn(dataDir),
    production: e.NODE_ENV === 'production',
    development: e.NODE_ENV === 'development',
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
    corsOrigins: e.CORS_ORIGINS,
    writeLimitPerMinute: e.WRITE_LIMIT_PER_MINUTE,
    mail: {
      smtpUrl: e.SMTP_URL,
      from: e.MAIL_FROM,
      publicUrl: (e.PUBLIC_URL ?? `http://${e.HOST === '0.0.0.0' || e.HOST === '::' ? 'localhost' : e.HOST}:${e.PORT}`).replace(/\/+$/, ''),
    },
    sso,
    passwordSignIn: e.PASSWORD_SIGN_IN === '1',
  };
}

/**
 * CORS_ORIGINS: comma-separated origins exactly as browsers send them in `Origin` (scheme, host,
 * port if not the default; no path, no trailing slash). Throws with the reason otherwise; `*` is
 * refused, since any site could then act with a signed-in person's cookie.
 */
export function parseCorsOrigins(value: string): string[] {
  const entries = value
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  if (entries.includes('*')) throw new Error('list the origins that may call the API; "*" would let any site act for a signed-in person');
  const bad = entries.filter((o) => !isOrigin(o));
  if (bad.length) throw new Error(`not an origin like https://council.example.com (scheme://host[:port], no path): ${bad.map((b) => JSON.stringify(b)).join(', ')}`);
  return [...new Set(entries)];
}

function isOrigin(entry: string): boolean {
  try {
    const url = new URL(entry);
    // URL normalizes (lower-case host, default port dropped): an origin that changes is not the
    // string a browser sends, and would never match.
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === entry;
  } catch {
    return false;
  }
}

/**
 * TRUST_PROXY: `0` (off), a hop count, or a comma-separated list of proxy addresses/CIDRs (or
 * proxy-addr's names `loopback`, `linklocal`, `uniquelocal`); throws with the reason otherwise.
 */
export function parseTrustProxy(value: string): Config['trustProxy'] {
  const v = value.trim();
  if (v === '' || v === '0') return false;
  if (/^\d+$/.test(v)) return Number(v);
  if (/^(true|yes|on)$/i.test(v)) {
    throw new Error('give the number of proxy hops (e.g. 1) or the proxies\' addresses; "true" would trust the client-supplied X-Forwarded-For');
  }
  const entries = v.split(',').map((a) => a.trim());
  const bad = entries.filter((a) => !isProxyAddress(a));
  if (bad.length) throw new Error(`not a hop count or a list of proxy addresses/CIDRs: ${bad.map((b) => JSON.stringify(b)).join(', ')}`);
  return entries;
}

function isProxyAddress(entry: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length) return false;
  if (prefix === undefined) return true;
  return /^\d+$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/** The kept secret; a data directory that cannot hold it stops the start naming DATA_DIR. */
function keptSecretIn(dataDir: string): string {
  try {
    return keptSecret(dataDir);
  } catch (error) {
    throw new ConfigError([`DATA_DIR: cannot keep the session secret in ${dataDir}: ${fsReason(error)}; make it writable or set SESSION_SECRET`]);
  }
}

/** Why a file operation failed, for an operator: "permission denied (EACCES)", without the path. */
export function fsReason(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  // Node's messages read "EACCES: permission denied, mkdir '/srv/council'".
  return code ? `${message.replace(/^[A-Z]+: /, '').split(', ')[0]} (${code})` : message;
}

/** A secret generated once and kept in the data directory, so sessions survive restarts. */
function keptSecret(dataDir: string): string {
  const file = join(dataDir, 'session-secret');
  const kept = readIfExists(file);
  if (kept) return kept;
  // Written whole to a private file, then linked into place: link() fails if the secret exists, so
  // of two processes starting on one data directory the first one's secret is the one both read.
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(draft, randomBytes(32).toString('hex') + '\n', { mode: 0o600 });
  try {
    linkSync(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(draft);
  }
  return readFileSync(file, 'utf8').trim();
}

function readIfExists(file: string): string | null {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
