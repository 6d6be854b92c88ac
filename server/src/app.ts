// buildApp(config): fastify + cookies + security headers + graphql-yoga (Pothos schema) + the SPA.
// What main.ts starts and what the integration tests boot on a temporary database.
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import { createYoga } from 'graphql-yoga';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from './config.js';
import { migrate, openOrm, type Orm, type StatementCounter } from './db/orm.js';
import { createContext, type Context } from './graphql/context.js';
import { useDomainErrors } from './graphql/errors.js';
import { schema } from './graphql/schema.js';
import { AuthService, SESSION_COOKIE } from './modules/people/auth.service.js';
import { DEFAULT_SIGN_IN_LIMITS, type SignInLimits } from './modules/people/rate-limit.js';
import { closeDueVotes } from './modules/proposals/proposals.service.js';
import { registerMeetingExports } from './modules/meetings/meetings.export.js';

export interface AppServices {
  auth: AuthService;
  config: Config;
}

export interface BuildOptions {
  signInLimits?: SignInLimits;
  logger?: boolean;
  /** How often due votes are closed (ms); 0 turns the timer off. Default 15 s. */
  sweepIntervalMs?: number;
}

export interface App {
  app: FastifyInstance;
  orm: Orm;
  statements: StatementCounter;
  services: AppServices;
}

export async function buildApp(config: Config, options: BuildOptions = {}): Promise<App> {
  const { orm, statements } = await openOrm(config.database);
  await migrate(orm);
  const services: AppServices = { auth: new AuthService(config.sessionSecret, options.signInLimits ?? DEFAULT_SIGN_IN_LIMITS), config };

  // Votes whose deadline passed while no server ran are closed before anyone can see them open.
  await closeDueVotes(orm.em.fork());

  const app = Fastify({
    logger: options.logger === false ? false : { level: config.logLevel },
    trustProxy: config.trustProxy,
    bodyLimit: 1_048_576,
  });
  const sweepMs = options.sweepIntervalMs ?? 15_000;
  const sweeper = sweepMs > 0
    ? setInterval(() => {
        closeDueVotes(orm.em.fork()).catch((error) => app.log.error({ err: error }, 'closing due votes failed'));
      }, sweepMs).unref()
    : undefined;
  app.addHook('onClose', async () => {
    clearInterval(sweeper);
    await orm.close();
  });
  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    // The SPA loads only its own scripts; GraphiQL (development only) needs inline ones.
    contentSecurityPolicy: config.production ? { directives: { 'script-src': ["'self'"] } } : false,
  });

  const yoga = createYoga<{ req: FastifyRequest; reply: FastifyReply }, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    graphiql: !config.production,
    renderGraphiQL,
    landingPage: false,
    maskedErrors: { isDev: !config.production },
    logging: {
      debug: (...args) => app.log.debug(args),
      info: (...args) => app.log.info(args),
      warn: (...args) => app.log.warn(args),
      error: (...args) => app.log.error(args),
    },
    plugins: [
      EnvelopArmorPlugin({ maxDepth: { n: 15 }, costLimit: { maxCost: 20_000 }, maxAliases: { n: 30 }, maxTokens: { n: 5_000 } }),
      useDomainErrors(),
    ],
    context: async ({ req, reply }) => {
      const em = orm.em.fork();
      const found = await services.auth.viewerFor(em, req.cookies[SESSION_COOKIE]);
      return createContext(services, req, reply, em, found?.user ?? null, found?.sessionId ?? null);
    },
  });

  app.route({
    url: yoga.graphqlEndpoint,
    method: ['GET', 'POST', 'OPTIONS'],
    handler: async (req, reply) => {
      const response = await yoga.handleNodeRequestAndResponse(req, reply, { req, reply });
      response.headers.forEach((value, key) => {
        reply.header(key, value);
      });
      reply.status(response.status);
      reply.send(response.body);
      return reply;
    },
  });

  registerMeetingExports(app, orm, services);

  app.get('/healthz', async (_req, reply) => {
    try {
      await orm.em.getConnection().execute('select 1');
      return { status: 'ok' };
    } catch {
      return reply.status(503).send({ status: 'unavailable' });
    }
  });

  if (config.webDist && existsSync(join(config.webDist, 'index.html'))) {
    // wildcard: files are looked up per request, so a rebuilt SPA is served without a restart.
    await app.register(fastifyStatic, { root: config.webDist, wildcard: true });
    // History fallback: any other GET that wants a page gets the SPA.
    app.setNotFoundHandler((req, reply) => {
      if (req.method === 'GET' && (req.headers.accept ?? '').includes('text/html')) return reply.sendFile('index.html');
      return reply.status(404).send({ error: 'Not Found' });
    });
  }

  return { app, orm, statements, services };
}
