// The HTTP surface's own rules, before and around GraphQL: request ids, CORS (same-origin unless
// an origin is listed in CORS_ORIGINS), JSON-only POSTs to /graphql, and error replies that carry
// the contract's codes and the request id instead of fastify's defaults.
//
// Cross-site writes (CSRF): the session cookie is SameSite=Lax, mutations are refused over GET
// (yoga), and a POST to /graphql must be `application/json`, which a form or a plain cross-origin
// `fetch` cannot send without a CORS preflight; a preflight from an origin that is not listed is
// refused, so the browser never sends the request.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { acceptedLocale } from './graphql/context.js';
import { internalError, requestRefusal } from './graphql/errors.js';

/** Request ids a proxy in front may hand in: short, and nothing that could forge a log line. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/**
 * Fastify's `genReqId`: a random UUID, or, behind a trusted proxy, the `X-Request-Id` it sent
 * when that has a safe form, so the proxy's log and ours name a request alike. Without a proxy
 * the header is the client's and not believed: anyone could make their request look like another.
 */
export function requestIds(behindProxy: boolean): (req: IncomingMessage) => string {
  return (req) => {
    const sent = behindProxy ? req.headers['x-request-id'] : undefined;
    return typeof sent === 'string' && SAFE_REQUEST_ID.test(sent) ? sent : randomUUID();
  };
}

/** Methods and request headers a listed origin may use (what the web app and graphql-sse send). */
const CORS_METHODS = 'GET, POST';
const CORS_HEADERS = 'content-type, accept, accept-language';

/**
 * CORS: a listed origin gets `Access-Control-Allow-Origin` (its own, never `*`) with credentials;
 * any other gets no CORS header at all, so its pages cannot read a response, and its preflights
 * are refused, so the browser does not send what needs one (a JSON POST). Same-origin requests
 * need none of this. SSE subscriptions, exports and the SPA follow the same rule.
 */
export function registerCors(app: FastifyInstance, allowed: readonly string[]): void {
  const origins = new Set(allowed);
  app.addHook('onRequest', async (req, reply) => {
    // With a list, answers differ by Origin: shared caches must keep them apart.
    if (origins.size) reply.header('vary', 'Origin');
    const origin = req.headers.origin;
    const listed = typeof origin === 'string' && origins.has(origin);
    if (listed) {
      reply.header('access-control-allow-origin', origin);
      reply.header('access-control-allow-credentials', 'true');
      reply.header('access-control-expose-headers', 'x-request-id');
    }
    if (req.method !== 'OPTIONS' || req.headers['access-control-request-method'] === undefined) return;
    if (!listed) return reply.code(403).header('content-length', '0').send();
    return reply
      .code(204)
      .header('access-control-allow-methods', CORS_METHODS)
      .header('access-control-allow-headers', CORS_HEADERS)
      .header('access-control-max-age', '600')
      .send();
  });
}

/** Whether a Content-Type is JSON (`application/json`, with or without parameters). */
function isJson(contentType: string | undefined): boolean {
  return (contentType ?? '').split(';')[0].trim().toLowerCase() === 'application/json';
}

/** An error fastify answers with its status (our 415 for a POST /graphql that is not JSON). */
function unsupportedMediaType(): FastifyError {
  return Object.assign(new Error('POST /graphql takes a JSON body (content-type: application/json)'), {
    code: 'COUNCIL_NOT_JSON',
    name: 'UnsupportedMediaType',
    statusCode: 415,
  });
}

/**
 * /graphql's onRequest hook: a POST must say it is JSON. Checked before the body is read, so a
 * form-encoded, multipart or text/plain body is never parsed, let alone executed.
 */
export async function jsonPostsOnly(req: FastifyRequest): Promise<void> {
  if (req.method === 'POST' && !isJson(req.headers['content-type'])) throw unsupportedMediaType();
}

/**
 * /graphql's error handler, for what fails before yoga has the request (a body that is not JSON,
 * too large, of another type): BAD_USER_INPUT with reason BAD_REQUEST in a GraphQL error body,
 * with fastify's status. Anything else is unexpected: logged with the request id, answered 500.
 */
export function graphqlErrorReply(error: FastifyError, req: FastifyRequest, reply: FastifyReply): FastifyReply {
  const locale = acceptedLocale(req.headers['accept-language']);
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    return reply.code(status).type('application/json; charset=utf-8').send({ errors: [requestRefusal('BAD_REQUEST', error.message, locale)] });
  }
  req.log.error({ err: error }, 'unexpected error');
  return reply.code(500).type('application/json; charset=utf-8').send({ errors: [internalError(locale, req.id)] });
}

/**
 * Every other route's error handler: fastify's reply for a client error, and for a server error
 * a generic one with the request id under which it was logged, never the error's own text.
 */
export function errorReply(error: FastifyError, req: FastifyRequest, reply: FastifyReply): FastifyReply {
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) return reply.code(status).send(error);
  req.log.error({ err: error }, 'unexpected error');
  const { message } = internalError(acceptedLocale(req.headers['accept-language']), req.id);
  return reply.code(500).send({ statusCode: 500, error: 'Internal Server Error', message, requestId: req.id });
}
