// CORS closed by default, on SQLite and PostgreSQL alike: a page on another origin gets no CORS
// header (so its scripts cannot read an answer), its preflights are refused (so the browser never
// sends a JSON POST), and the SSE subscriptions follow the same rule. Origins listed in
// CORS_ORIGINS get their own origin back, with credentials. Cross-site writes stay impossible:
// a form-encoded, multipart or text/plain POST (what needs no preflight) and a GET mutation
// execute nothing, while the same mutation as JSON does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { writesNothing } from '../support/db.js';
import { sessionCookie } from '../support/client.js';
import * as f from '../support/factories.js';
import { parseCorsOrigins } from '../../server/src/config.js';
import { User } from '../../server/src/modules/people/people.entity.js';

const LISTED = 'https://council-admin.example.com';
const OTHER_LISTED = 'http://localhost:5173';
const EVIL = 'https://evil.test';
const SET_LOCALE = 'mutation { setLocale(locale: "de") { locale } }';

let closed: TestApp;
let open: TestApp;
let person: User;
let cookie: string;
let cookieOnOpen: string;

const sessionOf = (app: TestApp, email: string) => sessionCookie(app.app, email, f.PASSWORD);

const preflight = (app: TestApp, origin: string, method = 'POST') =>
  app.app.inject({
    method: 'OPTIONS',
    url: '/graphql',
    headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': 'content-type' },
  });

const CORS_HEADERS = ['access-control-allow-origin', 'access-control-allow-credentials', 'access-control-allow-methods', 'access-control-allow-headers'];
const corsHeadersOf = (headers: Record<string, unknown>) => Object.keys(headers).filter((h) => h.startsWith('access-control-'));

async function localeOf(app: TestApp): Promise<string> {
  return (await app.orm.em.fork().findOneOrFail(User, person.id)).locale;
}

beforeAll(async () => {
  closed = await startTestApp();
  open = await startTestApp({ env: { CORS_ORIGINS: `${LISTED}, ${OTHER_LISTED}` } });
  person = await f.user(closed.orm.em.fork());
  cookie = await sessionOf(closed, person.email);
  const onOpen = await f.user(open.orm.em.fork());
  cookieOnOpen = await sessionOf(open, onOpen.email);
});
afterAll(async () => {
  await closed?.close();
  await open?.close();
});

describe('CORS without CORS_ORIGINS (same-origin only)', () => {
  it('refuses a preflight from another origin, with no access-control-allow-origin', async () => {
    const res = await preflight(closed, EVIL);
    expect(res.statusCode).toBe(403);
    expect(corsHeadersOf(res.headers)).toEqual([]);
  });

  it('gives a request from another origin no CORS headers, so its page cannot read the answer', async () => {
    const res = await closed.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { origin: EVIL, 'content-type': 'application/json', cookie },
      payload: { query: '{ viewer { email } }' },
    });
    expect(corsHeadersOf(res.headers)).toEqual([]);
    // Preflights of any path are refused the same way (exports, the SPA).
    const exportPreflight = await closed.app.inject({ method: 'OPTIONS', url: '/export/meetings/x/agenda.md', headers: { origin: EVIL, 'access-control-request-method': 'GET' } });
    expect(exportPreflight.statusCode).toBe(403);
    expect(corsHeadersOf(exportPreflight.headers)).toEqual([]);
  });

  it('gives subscriptions over SSE from another origin no CORS headers either (GET and POST)', async () => {
    for (const headers of await sseHeaders(closed, EVIL, cookie)) expect(corsHeadersOf(headers)).toEqual([]);
  });
});

/** The response headers of a subscription over SSE (POST, then GET) from `origin`, over real HTTP. */
async function sseHeaders(app: TestApp, origin: string, session: string): Promise<Record<string, string>[]> {
  if (!app.app.server.listening) await app.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.app.server.address() as { port: number };
  const subscription = 'subscription { unreadNotificationCount }';
  const all: Record<string, string>[] = [];
  const requests: { method: string; url: string; body?: string; headers: Record<string, string> }[] = [
    { method: 'POST', url: `http://127.0.0.1:${port}/graphql`, body: JSON.stringify({ query: subscription }), headers: { 'content-type': 'application/json' } },
    { method: 'GET', url: `http://127.0.0.1:${port}/graphql?query=${encodeURIComponent(subscription)}`, headers: {} },
  ];
  for (const request of requests) {
    const controller = new AbortController();
    const res = await fetch(request.url, {
      method: request.method,
      body: request.body,
      headers: { ...request.headers, accept: 'text/event-stream', origin, cookie: session },
      signal: controller.signal,
    });
    controller.abort();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    all.push(Object.fromEntries(res.headers));
  }
  return all;
}

describe('cross-site writes (CSRF)', () => {
  it('executes no mutation sent as a form, multipart or text/plain body, which needs no preflight', async () => {
    const boundary = '----council';
    const bodies: [string, string][] = [
      ['application/x-www-form-urlencoded', `query=${encodeURIComponent(SET_LOCALE)}`],
      [`multipart/form-data; boundary=${boundary}`, `--${boundary}\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${JSON.stringify({ query: SET_LOCALE })}\r\n--${boundary}--\r\n`],
      ['text/plain', JSON.stringify({ query: SET_LOCALE })],
      ['text/plain;charset=UTF-8', JSON.stringify({ query: SET_LOCALE })],
      ['application/graphql', SET_LOCALE],
      ['application/graphql+json', JSON.stringify({ query: SET_LOCALE })],
    ];
    await writesNothing(closed.orm.em, async () => {
      for (const [contentType, payload] of bodies) {
        const res = await closed.app.inject({ method: 'POST', url: '/graphql', headers: { origin: EVIL, 'content-type': contentType, cookie }, payload });
        expect(res.statusCode, contentType).toBe(415);
        expect(res.json().errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'BAD_REQUEST' });
      }
    });
    expect(await localeOf(closed)).toBe('en');
  });

  it('executes no mutation sent with GET', async () => {
    await writesNothing(closed.orm.em, async () => {
      const res = await closed.app.inject({ method: 'GET', url: `/graphql?query=${encodeURIComponent(SET_LOCALE)}`, headers: { origin: EVIL, cookie } });
      expect(res.statusCode).toBe(405);
    });
    expect(await localeOf(closed)).toBe('en');
  });

  it('executes the same mutation sent as JSON by the app itself', async () => {
    const res = await closed.app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json; charset=utf-8', cookie }, payload: JSON.stringify({ query: SET_LOCALE }) });
    expect(res.json()).toEqual({ data: { setLocale: { locale: 'de' } } });
    expect(await localeOf(closed)).toBe('de');
  });
});

describe('CORS_ORIGINS', () => {
  it('answers a listed origin’s preflight with its own origin and credentials', async () => {
    for (const origin of [LISTED, OTHER_LISTED]) {
      const res = await preflight(open, origin);
      expect(res.statusCode).toBe(204);
      expect(res.headers['access-control-allow-origin']).toBe(origin);
      expect(res.headers['access-control-allow-credentials']).toBe('true');
      expect(String(res.headers['access-control-allow-methods'])).toMatch(/POST/);
      expect(String(res.headers['access-control-allow-headers'])).toMatch(/content-type/);
      expect(res.headers.vary).toMatch(/Origin/);
    }
  });

  it('lets a listed origin read answers with the person’s cookie', async () => {
    const res = await open.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { origin: LISTED, 'content-type': 'application/json', cookie: cookieOnOpen },
      payload: { query: '{ viewer { email } }' },
    });
    expect(res.headers['access-control-allow-origin']).toBe(LISTED);
    expect(res.headers['access-control-allow-credentials']).toBe('true');
    expect(res.json().data.viewer.email).toMatch(/@example\.test$/);
  });

  it('lets a listed origin subscribe over SSE', async () => {
    for (const headers of await sseHeaders(open, LISTED, cookieOnOpen)) {
      expect(headers['access-control-allow-origin']).toBe(LISTED);
      expect(headers['access-control-allow-credentials']).toBe('true');
    }
  });

  it('still refuses every other origin, also look-alikes, and says answers vary by origin', async () => {
    for (const origin of [EVIL, `${LISTED}.evil.test`, 'https://council-admin.example.com:8443', LISTED.replace('https', 'http'), 'null']) {
      const pre = await preflight(open, origin);
      expect(pre.statusCode, origin).toBe(403);
      expect(corsHeadersOf(pre.headers), origin).toEqual([]);
      const res = await open.app.inject({ method: 'POST', url: '/graphql', headers: { origin, 'content-type': 'application/json' }, payload: { query: '{ viewer { id } }' } });
      expect(CORS_HEADERS.filter((h) => h in res.headers), origin).toEqual([]);
      expect(res.headers.vary).toMatch(/Origin/);
    }
  });

  it('takes exact origins only, and never "*"', () => {
    expect(parseCorsOrigins('')).toEqual([]);
    expect(parseCorsOrigins(` ${LISTED} ,${OTHER_LISTED},${LISTED}`)).toEqual([LISTED, OTHER_LISTED]);
    for (const bad of ['*', 'council.example.com', 'https://council.example.com/', 'https://council.example.com/app', 'https://Council.example.com', 'https://council.example.com:443', 'ftp://council.example.com']) {
      expect(() => parseCorsOrigins(bad), bad).toThrow();
    }
  });
});
