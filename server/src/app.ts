// buildApp(config): fastify + cookies + security headers + graphql-yoga (Pothos schema) + the SPA.
// What main.ts starts and what the integration tests boot on a temporary database.
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import { createYoga } from 'graphql-yoga';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { AsyncLocalStorage } from 'node:async_hooks';
import { existsSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join, relative, sep } from 'node:path';
import { format } from 'node:util';
import type { Config } from './config.js';
import { migrate, openOrm, type Em, type Orm, type StatementCounter } from './db/orm.js';
import { createContext, type Context } from './graphql/context.js';
import { limitRefusal, useDomainErrors, useErrorContract } from './graphql/errors.js';
import { useGuards } from './graphql/guards.js';
import { schema } from './graphql/schema.js';
import { errorReply, graphqlErrorReply, jsonPostsOnly, registerCors, requestIds } from './http.js';
import { appPage } from './web-page.js';
import { AuthService, SESSION_COOKIE } from './modules/people/auth.service.js';
import { DEFAULT_SIGN_IN_LIMITS, SignInLimiter, type Limit, type SignInLimits } from './modules/people/rate-limit.js';
import { WriteLimiter } from './modules/people/write-limit.js';
import { closeDueVotes } from './modules/proposals/proposals.service.js';
import { registerMeetingExports } from './modules/meetings/meetings.export.js';
import { registerBriefExport } from './modules/proposals/brief.export.js';
import { createLiveEvents, type LiveEvents } from './live/events.js';
import { LivePublisher } from './live/publisher.js';
import { ReferenceCache, watchReferenceWrites } from './modules/people/reference.cache.js';
import { closeRedis, connectRedis } from './redis.js';
import { Scheduler, type Job } from './jobs/scheduler.js';
import { setMailSettings, type MailSettings } from './modules/notifications/mail.settings.js';
import { createMailTransport, sendOutbox } from './modules/notifications/outbox.js';
import { sendReminders } from './modules/notifications/reminders.js';
import { sendDigests } from './modules/notifications/digest.js';
import { registerUnsubscribe } from './modules/notifications/unsubscribe.js';
import { registerSso } from './modules/people/sso.js';

export interface AppServices {
  auth: AuthService;
  config: Config;
  /** Live events for subscriptions (through Redis when configured). */
  live: LiveEvents;
  /** Regions and categories, cached for this instance (modules/people/reference.cache.ts). */
  reference: ReferenceCache;
}

export interface BuildOptions {
  signInLimits?: SignInLimits;
  /** Where log lines go (tests read them); default stdout. */
  logStream?: { write(line: string): void };
  /** Mutation fields per signed-in person and window; default WRITE_LIMIT_PER_MINUTE a minute, null for none. */
  writeLimit?: Limit | null;
  logger?: boolean;
  /** How often due votes are closed (ms); 0 turns the timer off. Default 15 s. */
  sweepIntervalMs?: number;
  /** How often the outbox is sent (ms) when SMTP_URL is set; 0 turns it off. Default 10 s. */
  mailIntervalMs?: number;
  /** How often reminders and due digests are looked for (ms); 0 turns them off. Default 60 s (off when sweepIntervalMs is 0). */
  reminderIntervalMs?: number;
  /** How long the scheduler's lease lasts without renewal (ms). Default 30 s. */
  leaseMs?: number;
  /** Seeds a database that has no people yet, after the migrations and under the same lock (the demo). */
  seedIfEmpty?: (em: Em) => Promise<void>;
}

export interface App {
  app: FastifyInstance;
  orm: Orm;
  statements: StatementCounter;
  services: AppServices;
  /** Runs the scheduled work while this instance holds the lease. */
  scheduler: Scheduler;
  /** Whether this start seeded the database (see BuildOptions.seedIfEmpty). */
  seeded: boolean;
}

/**
 * TRUST_PROXY in fastify's terms. Fastify 5 no longer honours a bare hop count (it cannot tell a
 * proxy from a client that talks to the server directly), so a count becomes proxy-addr's hop
 * rule: the socket peer and the next `hops - 1` X-Forwarded-For entries, from the right, are
 * proxies. Right for servers reachable only through the proxies; otherwise list their addresses.
 */
function trustedProxies(trust: Config['trustProxy']): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust !== 'number') return trust;
  return (_address, hop) => hop < trust;
}

export async function buildApp(config: Config, options: BuildOptions = {}): Promise<App> {
  const { orm, statements } = await openOrm(config.database);
  const seeded = await migrate(orm, options.seedIfEmpty).catch(async (error: unknown) => {
    await orm.close();
    throw error;
  });
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : { level: config.logLevel, redact: LOG_REDACTIONS, serializers: { err: loggedError }, ...(options.logStream && { stream: options.logStream }) },
    trustProxy: trustedProxies(config.trustProxy),
    genReqId: requestIds(config.trustProxy !== false),
    bodyLimit: 1_048_576,
    // On close (fastify 5's defaults, stated): a request that arrives on an open connection is
    // answered 503, idle keep-alive connections are closed, requests in flight run to their end.
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  });
  // Every committed change is announced to live subscribers, on this instance and the others.
  const live = await createLiveEvents(config.redisUrl, config.redisPrefix, (error) => app.log.error({ err: error }, 'live events: Redis')).catch(async (error: unknown) => {
    await orm.close();
    throw error;
  });
  orm.em.getEventManager().registerSubscriber(new LivePublisher(live));
  const reference = new ReferenceCache();
  watchReferenceWrites(orm, reference, live);
  // Sign-in and write limits live in Redis when it is configured, so every instance counts against one budget.
  const limitsRedis = config.redisUrl
    ? await connectRedis(config.redisUrl, 'limits', (error) => app.log.error({ err: error }, 'limits: Redis'), {
        // A stalled Redis falls back to per-instance limits instead of holding sign-ins and writes.
        commandTimeout: 2_000,
      }).catch(async (error: unknown) => {
        await live.close();
        await orm.close();
        throw error;
      })
    : null;
  const limitStore = limitsRedis && { redis: limitsRedis, prefix: config.redisPrefix };
  const limiter = new SignInLimiter(options.signInLimits ?? DEFAULT_SIGN_IN_LIMITS, limitStore);
  const writeLimit = options.writeLimit !== undefined ? options.writeLimit : config.writeLimitPerMinute > 0 ? { max: config.writeLimitPerMinute, windowMs: 60_000 } : null;
  const writes = writeLimit && new WriteLimiter(writeLimit, limitStore);
  const services: AppServices = { auth: new AuthService(config.sessionSecret, limiter, config.passwordSignIn), config, live, reference };
  // From here on a failure releases what is already open (Redis clients, the lease, the pool), so a
  // failed build neither leaks connections nor holds the lease until it runs out.
  let created: Scheduler | undefined;
  try {
    // Votes whose deadline passed while no server ran are closed before anyone can see them open.
    // Every starting instance does this; closing claims the proposal's row, so it happens once.
    await closeDueVotes(orm.em.fork());

    // Mail: written to the outbox with the event when SMTP_URL is set, sent by the scheduled work.
    const mail: MailSettings = { enabled: !!config.mail.smtpUrl, ...config.mail, secret: config.sessionSecret };
    setMailSettings(orm, mail);
    const transport = mail.enabled ? await createMailTransport(mail) : null;
    app.log.info(mail.enabled ? `mail: sent through ${redactedSmtp(mail.smtpUrl!)} from ${mail.from}, links to ${mail.publicUrl}` : 'mail: off (SMTP_URL is not set): notifications stay in the app');

    // Scheduled work runs on the one instance that holds the lease; the others stand by.
    const sweepMs = options.sweepIntervalMs ?? 15_000;
    const mailMs = options.mailIntervalMs ?? 10_000;
    const reminderMs = options.reminderIntervalMs ?? (sweepMs > 0 ? 60_000 : 0);
    const jobs: Job[] = [];
    if (sweepMs > 0) jobs.push({ name: 'close-due-votes', everyMs: sweepMs, run: (em) => closeDueVotes(em) });
    if (reminderMs > 0) jobs.push({ name: 'reminders', everyMs: reminderMs, run: (em) => sendReminders(em) });
    if (reminderMs > 0 && mail.enabled) jobs.push({ name: 'digests', everyMs: reminderMs, run: (em) => sendDigests(em) });
    if (transport && mailMs > 0) jobs.push({ name: 'send-mail', everyMs: mailMs, run: (em) => sendOutbox(em, transport, mail) });
    const scheduler = (created = new Scheduler(orm, {
      leaseMs: options.leaseMs ?? 30_000,
      jobs,
      log: { info: (message) => app.log.info(message), error: (error, message) => app.log.error({ err: error }, message) },
    }));
    await scheduler.start();
    // Subscription streams (text/event-stream responses) stay open until their client leaves, and
    // would keep the server from closing. They are dropped, not completed: a graphql-sse client takes
    // a completed stream as finished but a lost connection as a reason to reconnect (to another
    // instance, or to this one once it is back).
    const streams = new Set<ServerResponse>();
    // Idle connections are closed once, when the server stops listening; a keep-alive connection whose
    // request was in flight would then hold the close up for the keep-alive timeout. Answers given while
    // closing end their connection, and what still turns idle is reaped until the server is closed.
    let closing = false;
    let reaper: NodeJS.Timeout | undefined;
    app.addHook('preClose', async () => {
      closing = true;
      reaper = setInterval(() => app.server.closeIdleConnections(), 250).unref();
      for (const stream of streams) stream.destroy();
      await live.close();
    });
    app.addHook('onSend', async (_req, reply) => {
      if (closing) reply.header('connection', 'close');
    });
    app.addHook('onClose', async () => {
      clearInterval(reaper);
      // The lease is released while the database is still open, so a standby takes over at once.
      await scheduler.stop();
      transport?.close();
      if (limitsRedis) await closeRedis(limitsRedis);
      await orm.close();
    });
    // Every answer names its request, so a report of a failure finds its log lines.
    app.addHook('onRequest', async (req, reply) => {
      reply.header('x-request-id', req.id);
    });
    app.setErrorHandler(errorReply);
    registerCors(app, config.corsOrigins);
    await app.register(fastifyCookie);
    await app.register(fastifyHelmet, {
      // The SPA loads only its own scripts; GraphiQL (development only) needs inline ones.
      contentSecurityPolicy: config.production ? { directives: { 'script-src': ["'self'"] } } : false,
    });

    // Yoga logs (above all the errors it masks) under the request they belong to, with its id.
    const requestScope = new AsyncLocalStorage<FastifyRequest>();
    const yogaLog =
      (level: 'debug' | 'info' | 'warn' | 'error') =>
      (...args: unknown[]) => {
        const log = requestScope.getStore()?.log ?? app.log;
        if (args[0] instanceof Error) log[level]({ err: args[0] }, level === 'error' ? 'unexpected error' : args[0].message);
        else log[level](format(...args));
      };
    const yoga = createYoga<{ req: FastifyRequest; reply: FastifyReply }, Context>({
      schema,
      graphqlEndpoint: '/graphql',
      graphiql: !config.production,
      // GraphiQL's page (a large module) is loaded only where it is served: outside production.
      ...(!config.production && { renderGraphiQL: (await import('@graphql-yoga/render-graphiql')).renderGraphiQL }),
      landingPage: false,
      // CORS is registerCors' (one rule for every route); bodies are JSON only (jsonPostsOnly).
      cors: false,
      multipart: false,
      maskedErrors: { isDev: config.development },
      logging: { debug: yogaLog('debug'), info: yogaLog('info'), warn: yogaLog('warn'), error: yogaLog('error') },
      plugins: [
        EnvelopArmorPlugin({
          maxDepth: { n: 15, onReject: [limitRefusal('DEPTH_LIMIT')] },
          costLimit: { maxCost: 20_000, onReject: [limitRefusal('COST_LIMIT')] },
          maxAliases: { n: 30, onReject: [limitRefusal('ALIAS_LIMIT')] },
          maxTokens: { n: 5_000, onReject: [limitRefusal('TOKEN_LIMIT')] },
          maxDirectives: { n: 50, onReject: [limitRefusal('DIRECTIVE_LIMIT')] },
        }),
        // Before the guards: it also translates their refusals.
        useDomainErrors(),
        useGuards({ introspectionNeedsSignIn: config.production, writes }),
        useErrorContract({ development: config.development }),
      ],
      context: async ({ req, reply }) => {
        const em = orm.em.fork();
        const found = await services.auth.viewerFor(em, req.cookies[SESSION_COOKIE]);
        return createContext(services, req, reply, em, found?.user ?? null, found?.sessionId ?? null);
      },
    });

    app.route({
      url: yoga.graphqlEndpoint,
      // OPTIONS: preflights are registerCors' to answer.
      method: ['GET', 'POST'],
      onRequest: jsonPostsOnly,
      errorHandler: graphqlErrorReply,
      handler: async (req, reply) => {
        const response = await requestScope.run(req, () => yoga.handleNodeRequestAndResponse(req, reply, { req, reply }));
        if (response.headers.get('content-type')?.startsWith('text/event-stream')) {
          streams.add(reply.raw);
          reply.raw.once('close', () => streams.delete(reply.raw));
          // nginx would otherwise hold the events back in its buffer.
          reply.header('x-accel-buffering', 'no');
        }
        response.headers.forEach((value, key) => {
          reply.header(key, value);
        });
        reply.status(response.status);
        reply.send(response.body);
        return reply;
      },
    });

    registerMeetingExports(app, orm, services);
    registerBriefExport(app, orm, services);
    await registerUnsubscribe(app, orm, mail);
    registerSso(app, orm, services);

    app.get('/healthz', async (_req, reply) => {
      try {
        await orm.em.getConnection().execute('select 1');
        return { status: 'ok', scheduler: scheduler.role };
      } catch {
        return reply.status(503).send({ status: 'unavailable' });
      }
    });
    // Readiness, for a load balancer: migrated (the port opens only after the migrations) and the
    // database answering within READY_TIMEOUT_MS. A stopping server refuses new connections and
    // answers 503 on open ones (return503OnClosing). /healthz stays liveness.
    app.get('/readyz', async (_req, reply) => {
      const answered = await withTimeout(orm.em.getConnection().execute('select 1'), READY_TIMEOUT_MS).then(
        () => true,
        () => false,
      );
      return answered ? { status: 'ready' } : reply.status(503).send({ status: 'unavailable' });
    });

    if (config.webDist && existsSync(join(config.webDist, 'index.html'))) {
      // wildcard: files are looked up per request, so a rebuilt SPA is served without a restart.
      // The build writes .br and .gz beside each asset (web/precompress.ts): sent as they are to a
      // browser that accepts them. Files under /assets are named by their content's hash, so they
      // never change and are cached for a year; index.html names the current ones and is revalidated.
      await app.register(fastifyStatic, {
        root: config.webDist,
        wildcard: true,
        preCompressed: true,
        index: false,
        cacheControl: false,
        setHeaders: (res, path) => {
          const hashed = relative(config.webDist!, path).split(sep)[0] === 'assets';
          res.setHeader('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
          res.setHeader('vary', 'accept-encoding');
        },
      });
      // The app's page, in the saved language of the person signed in on this browser (web-page.ts):
      // at `/` (the static files' own index is off), and for any other GET that wants a page
      // (history fallback).
      const sendApp = async (req: FastifyRequest, reply: FastifyReply) => {
        const signedIn = await services.auth.viewerFor(orm.em.fork(), req.cookies[SESSION_COOKIE]).catch(() => null);
        const page = await appPage(config.webDist!, signedIn?.user.locale);
        return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').header('vary', 'cookie, accept-encoding').send(page);
      };
      app.get('/', sendApp);
      app.setNotFoundHandler(async (req, reply) => {
        if (req.method !== 'GET' || !(req.headers.accept ?? '').includes('text/html')) return reply.status(404).send({ error: 'Not Found' });
        return sendApp(req, reply);
      });
    }
    return { app, orm, statements, services, scheduler, seeded };
  } catch (error) {
    await created?.stop().catch(() => {});
    await live.close().catch(() => {});
    if (limitsRedis) await closeRedis(limitsRedis).catch(() => {});
    await app.close().catch(() => {});
    await orm.close().catch(() => {});
    throw error;
  }
}

/**
 * Log fields that must never be written: credentials in headers (fastify's serializers leave headers
 * out today; this holds if a log line ever carries them) and credential-like fields of logged objects.
 * GraphQL variables (passwords, tokens) are never logged: yoga logs no parameters, fastify no bodies.
 */
const LOG_REDACTIONS = {
  paths: [
    'req.headers.cookie',
    'req.headers.authorization',
    'req.headers["proxy-authorization"]',
    'res.headers["set-cookie"]',
    'headers.cookie',
    'headers.authorization',
    'headers["set-cookie"]',
    '*.password',
    '*.token',
    '*.variables',
  ],
  censor: '[redacted]',
};

/**
 * A database error's message starts with its statement, the bound values written in (knex's
 * `<statement> - <driver message>`): an address, a mail body, a token's hash. The log keeps the
 * driver's message and names the statement's kind only.
 */
const STATEMENT_IN_MESSAGE = /^(\w+: )?(select|insert|update|delete|with|pragma|begin|commit|rollback|savepoint|release|create|alter|drop)\b[^\n]* - /i;

function withoutStatement(text: string): string {
  return text.replace(STATEMENT_IN_MESSAGE, (_all, name: string | undefined, kind: string) => `${name ?? ''}${kind.toLowerCase()} … - `);
}

/** pino's error serializer (type, message, stack, own fields, cause), without statements' values. */
function loggedError(error: Error, seen = new Set<Error>()): { type: string; message: string; stack: string; [key: string]: unknown } {
  seen.add(error);
  const cause = error.cause instanceof Error && !seen.has(error.cause) ? loggedError(error.cause, seen) : error.cause;
  return {
    ...error,
    type: error.constructor.name,
    message: withoutStatement(error.message),
    stack: withoutStatement(error.stack ?? ''),
    ...(cause !== undefined && { cause }),
  };
}

/** How long /readyz waits for the database before it answers 503. */
const READY_TIMEOUT_MS = 2_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** An SMTP address for the log: without its password. */
function redactedSmtp(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'SMTP';
  }
}
