// Every error carries a contract code, on SQLite and PostgreSQL alike: a body that is no GraphQL
// request, a syntax error, a query the schema does not allow, variables of the wrong type,
// out-of-range numbers, cursors we did not make, and queries over a limit are BAD_USER_INPUT with
// `extensions.reason`, never a 500 or a stack trace, and write nothing. An unexpected error is
// INTERNAL_SERVER_ERROR with the request id it was logged under, which every response names in
// `x-request-id`.
import { translator } from '@council/shared/i18n';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { writesNothing } from '../support/db.js';
import { sessionCookie } from '../support/client.js';
import * as f from '../support/factories.js';
import { Category } from '../../server/src/modules/people/people.entity.js';

let t: TestApp;
let cookie: string;
const en = translator('en');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const sessionOf = (app: TestApp, email: string) => sessionCookie(app.app, email, f.PASSWORD);

/** A signed-in POST of `body` as JSON (or as given, with `contentType`). */
function post(body: unknown, { contentType = 'application/json', headers = {} as Record<string, string>, app = t } = {}) {
  return app.app.inject({
    method: 'POST',
    url: '/graphql',
    headers: { 'content-type': contentType, cookie, ...headers },
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

interface Answer {
  status: number;
  body: string;
  requestId: string;
  errors: { message: string; extensions: Record<string, any> }[];
}

async function answer(res: Awaited<ReturnType<typeof post>>): Promise<Answer> {
  return { status: res.statusCode, body: res.body, requestId: String(res.headers['x-request-id']), errors: res.json().errors ?? [] };
}

/** The refusal every bad request must be: BAD_USER_INPUT for `reason`, a 4xx or 200, no stack. */
function expectRefused(a: Answer, reason: string): void {
  expect(a.status, a.body).toBeLessThan(500);
  expect(a.errors, a.body).toHaveLength(1);
  expect(a.errors[0].extensions, a.body).toMatchObject({ code: 'BAD_USER_INPUT', reason });
  expect(a.body).not.toMatch(/\n\s+at |\\n\s+at /);
  expect(a.requestId).toMatch(UUID);
}

const RAISE = `mutation($input: RaiseIssueInput!) { raiseIssue(input: $input) { id } }`;
const validIssue = { title: 'Refund forms differ by region', description: 'Customers get a different form in every region.' };

beforeAll(async () => {
  t = await startTestApp();
  const em = t.orm.em.fork();
  const region = await f.region(em);
  cookie = await sessionOf(t, (await f.user(em, { region })).email);
  await f.issue(em, await f.user(em, { region }));
});
afterAll(() => t?.close());

describe('requests that are no GraphQL request', () => {
  it('refuses a body that is not JSON, empty, no object, a batch, or too large, as BAD_REQUEST with a 4xx', async () => {
    const cases: [string, string, number][] = [
      ['{"query": "mutation', 'application/json', 400],
      ['', 'application/json', 400],
      ['"mutation { signOut }"', 'application/json', 200],
      [JSON.stringify([{ query: '{ viewer { id } }' }, { query: '{ viewer { id } }' }]), 'application/json', 400],
      [JSON.stringify({ query: RAISE, variables: { input: { ...validIssue, description: 'x'.repeat(1_100_000) } } }), 'application/json', 413],
    ];
    await writesNothing(t.orm.em, async () => {
      for (const [body, contentType, status] of cases) {
        const a = await answer(await post(body, { contentType }));
        expectRefused(a, 'BAD_REQUEST');
        expect(a.status, body.slice(0, 40)).toBe(status);
        expect(a.errors[0].message).toBe(en('errors.request.BAD_REQUEST'));
      }
    });
  });

  it('answers in the language the browser asks for', async () => {
    const a = await answer(await post('{', { headers: { 'accept-language': 'de-DE,de;q=0.9' } }));
    expect(a.errors[0].message).toBe(translator('de')('errors.request.BAD_REQUEST'));
  });

  it('refuses a mutation over GET', async () => {
    await writesNothing(t.orm.em, async () => {
      const res = await t.app.inject({ method: 'GET', url: `/graphql?query=${encodeURIComponent('mutation { setLocale(locale: "de") { id } }')}`, headers: { cookie } });
      const a = await answer(res);
      expectRefused(a, 'BAD_REQUEST');
      expect(a.status).toBe(405);
    });
  });
});

describe('GraphQL the schema does not allow', () => {
  it('refuses syntax errors, unknown fields and arguments, and wrong variables, writing nothing', async () => {
    const cases: [unknown, string][] = [
      [{ query: 'mutation { raiseIssue(input: { title: "x" ' }, 'SYNTAX'],
      [{ query: '{ nope }' }, 'VALIDATION'],
      [{ query: '{ issues(bogus: 1) { totalCount } }' }, 'VALIDATION'],
      [{ query: 'mutation { raiseIssue(input: { title: "A valid title", description: "A valid description.", extra: 1 }) { id } }' }, 'VALIDATION'],
      [{ query: RAISE, variables: { input: { ...validIssue, title: 42 } } }, 'VALIDATION'],
      [{ query: RAISE, variables: { input: { ...validIssue, unknown: 'x' } } }, 'VALIDATION'],
      [{ query: RAISE }, 'VALIDATION'],
      [{ query: 'query($n: Int) { issues(first: $n) { totalCount } }', variables: { n: 'ten' } }, 'VALIDATION'],
      [{ query: 'query($n: Int) { issues(first: $n) { totalCount } }', variables: { n: 2 ** 31 } }, 'VALIDATION'],
      [{ query: 'mutation { moveAgendaItem(itemId: "x", position: 2147483648) { id } }' }, 'VALIDATION'],
      [{ query: 'mutation($at: DateTime!) { openVoting(proposalId: "x", closesAt: $at) { id } }', variables: { at: 'tomorrow' } }, 'VALIDATION'],
    ];
    await writesNothing(t.orm.em, async () => {
      for (const [body, reason] of cases) {
        const a = await answer(await post(body));
        expectRefused(a, reason);
        // The translated message for people, the technical one for whoever wrote the query.
        expect(a.errors[0].message).toBe(en(`errors.request.${reason}`));
        expect(typeof a.errors[0].extensions.detail).toBe('string');
      }
    });
  });

  it('refuses out-of-range page sizes naming the field', async () => {
    for (const first of [-1, 0, 101, 10 ** 9]) {
      const a = await answer(await post({ query: 'query($n: Int) { issues(first: $n) { totalCount } }', variables: { n: first } }));
      expectRefused(a, 'VALIDATION');
      expect(a.errors[0].extensions.fields).toEqual({ first: en('validation.first.range') });
    }
  });
});

describe('cursors', () => {
  const cursor = (raw: string) => Buffer.from(raw).toString('base64url');

  it('pages with the cursors the API hands out', async () => {
    const page = JSON.parse((await post({ query: '{ issues(first: 1) { edges { cursor } } }' })).body);
    const after = page.data.issues.edges[0].cursor;
    const next = JSON.parse((await post({ query: 'query($a: String) { issues(first: 1, after: $a) { pageInfo { hasPreviousPage } } }', variables: { a: after } })).body);
    expect(next.data.issues.pageInfo.hasPreviousPage).toBe(true);
  });

  it('refuses cursors it did not make as BAD_CURSOR, also past 2^63, on the feed and on comments', async () => {
    const bad = [
      'garbage!',
      cursor('offset:9223372036854775808'),
      cursor('offset:2147483647'),
      cursor('offset:-1'),
      cursor('offset:1e3'),
      cursor('offset:01'),
      cursor('offset:1.5'),
      cursor('offset:'),
      cursor('something:1'),
      `${cursor('offset:1')}===`,
    ];
    const lists = [
      'query($a: String) { issues(first: 5, after: $a) { totalCount } }',
      'query($a: String) { issues(first: 1) { edges { node { comments(first: 5, after: $a) { pageInfo { hasNextPage } } } } } }',
    ];
    for (const query of lists) {
      for (const after of bad) {
        const a = await answer(await post({ query, variables: { a: after } }));
        expectRefused(a, 'BAD_CURSOR');
        expect(a.errors[0].extensions.fields).toEqual({ after: en('validation.cursor.invalid') });
      }
    }
  });
});

describe('limits on abusive queries', () => {
  const nest = (n: number): string => (n === 0 ? 'id' : `mergedInto { ${nest(n - 1)} }`);

  it('refuses each limit with its own reason, before anything runs', async () => {
    const cases: [string, string][] = [
      [`{ issues { edges { node { ${nest(17)} } } } }`, 'DEPTH_LIMIT'],
      [`{ issues(first: 100) { edges { node { id comments(first: 100) { edges { node { id body } } } } } } }`, 'COST_LIMIT'],
      ['{ issues(first: 2147483648) { totalCount } }', 'COST_LIMIT'],
      [`{ ${Array.from({ length: 40 }, (_, i) => `a${i}: viewer { id }`).join(' ')} }`, 'ALIAS_LIMIT'],
      [`{ ${'viewer { id } '.repeat(1_500)} }`, 'TOKEN_LIMIT'],
      [`{ viewer ${'@include(if: true) '.repeat(60)}{ id } }`, 'DIRECTIVE_LIMIT'],
      [`mutation { ${Array.from({ length: 40 }, (_, i) => `a${i}: setLocale(locale: "de") { id }`).join(' ')} }`, 'ALIAS_LIMIT'],
    ];
    await writesNothing(t.orm.em, async () => {
      for (const [query, reason] of cases) {
        const a = await answer(await post({ query }));
        expectRefused(a, reason);
        expect(a.errors[0].message).toBe(en(`errors.request.${reason}`));
        expect(a.errors[0].extensions.detail).not.toMatch(/^Syntax Error/);
      }
    });
  });
});

describe('request ids', () => {
  it('names every response with a fresh id, and does not believe one a client sends', async () => {
    const health = await t.app.inject({ url: '/healthz', headers: { 'x-request-id': 'chosen-by-client' } });
    const missing = await t.app.inject({ url: '/no-such-file.js' });
    const graphql = await post({ query: '{ viewer { id } }' });
    const ids = [health, missing, graphql].map((r) => String(r.headers['x-request-id']));
    for (const id of ids) expect(id).toMatch(UUID);
    expect(new Set(ids).size).toBe(3);
  });

  it('takes a well-formed id from a trusted proxy, and a fresh one instead of a malformed one', async () => {
    const proxied = await startTestApp({ env: { TRUST_PROXY: '1' } });
    try {
      const id = async (sent: string) => String((await proxied.app.inject({ url: '/healthz', headers: { 'x-request-id': sent } })).headers['x-request-id']);
      expect(await id('lb-7f3a.42')).toBe('lb-7f3a.42');
      expect(await id('two words')).toMatch(UUID);
      expect(await id('x'.repeat(101))).toMatch(UUID);
    } finally {
      await proxied.close();
    }
  });
});

describe('unexpected errors', () => {
  /** An app whose category table is gone: reading categories fails in a way no service expects. */
  async function brokenApp(env: Record<string, string>) {
    const lines: string[] = [];
    const app = await startTestApp({ logger: true, logStream: { write: (line: string) => void lines.push(line) }, env: { LOG_LEVEL: 'error', ...env } });
    const em = app.orm.em.fork();
    const email = (await f.user(em)).email;
    const table = em.getMetadata().get(Category.name).tableName;
    await em.getConnection().execute(`alter table ${table} rename to ${table}_gone`);
    return { app, lines, cookie: await sessionOf(app, email) };
  }

  it('answers INTERNAL_SERVER_ERROR with the request id it logged the error under, and no detail (production)', async () => {
    const broken = await brokenApp({ NODE_ENV: 'production' });
    try {
      const res = await broken.app.app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json', cookie: broken.cookie }, payload: { query: '{ categories { id name } }' } });
      const error = res.json().errors[0];
      expect(error.message).toBe(en('errors.INTERNAL'));
      expect(error.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: res.headers['x-request-id'] });
      expect(res.body).not.toMatch(/_gone|no such table|does not exist|\bat /);
      const logged = broken.lines.map((line) => JSON.parse(line)).filter((entry) => entry.reqId === error.extensions.requestId);
      expect(logged).toEqual([expect.objectContaining({ level: 50, err: expect.objectContaining({ message: expect.stringMatching(/categor/) }) })]);
    } finally {
      await broken.app.close();
    }
  });

  it('shows the original message and stack in development only', async () => {
    const broken = await brokenApp({ NODE_ENV: 'development' });
    try {
      const res = await broken.app.app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json', cookie: broken.cookie }, payload: { query: '{ categories { id name } }' } });
      const error = res.json().errors[0];
      expect(error.extensions).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', requestId: res.headers['x-request-id'] });
      expect(error.extensions.originalError.message).toMatch(/categor/);
    } finally {
      await broken.app.close();
    }
  });
});
