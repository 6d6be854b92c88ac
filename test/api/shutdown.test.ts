// Operations: a stop signal drains the server process — no new connections, a request in flight
// finishes with its answer, subscription streams end, the process exits 0 well within 10 s — and
// /readyz answers 200 when the database does, 503 while it does not and once the server is stopping.
// Log lines carry the request id and never a password, a session cookie or its token.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { migrate, openOrm } from '../../server/src/db/orm.js';
import { POSTGRES_ADMIN_URL, postgresDatabase, startTestApp, type TestApp } from '../support/app.js';
import * as f from '../support/factories.js';
import { HttpPerson } from '../support/sse.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const POSTGRES = process.env.COUNCIL_TEST_DATABASE === 'postgresql';

const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** A migrated database with one person, and the environment a server process needs to use it. */
async function preparedDatabase(): Promise<{ env: Record<string, string>; email: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'council-shutdown-'));
  const pg = POSTGRES ? await postgresDatabase() : null;
  if (pg) cleanups.push(pg.drop);
  const { orm } = await openOrm(pg ? { kind: 'postgresql', url: pg.url } : { kind: 'sqlite', file: join(dataDir, 'council.sqlite') });
  try {
    await migrate(orm);
    const person = await f.user(orm.em.fork());
    const env: Record<string, string> = { DATA_DIR: dataDir, COUNCIL_TEST_DATABASE: '' };
    if (pg) Object.assign(env, { DATABASE_URL: pg.url, SESSION_SECRET: randomBytes(32).toString('hex') });
    return { env, email: person.email };
  } finally {
    await orm.close();
  }
}

/** `server/src/main.ts` on 127.0.0.1 and a free port, running once it printed its URL. */
async function serverProcess(env: Record<string, string>): Promise<{ proc: ChildProcess; url: URL; output: () => string; exited: Promise<number | null> }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', join(root, 'server/src/main.ts')], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', NODE_ENV: 'production', COUNCIL_DEMO: '0', ...env },
  });
  cleanups.push(() => proc.exitCode === null && proc.kill('SIGKILL'));
  let output = '';
  proc.stdout!.on('data', (chunk) => (output += chunk));
  proc.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  const until = Date.now() + 60_000;
  let m: RegExpMatchArray | null;
  while (!(m = output.match(/Council is running at (http:\/\/\S+)/))) {
    if (proc.exitCode !== null) throw new Error(`the server exited with ${proc.exitCode}:\n${output}`);
    if (Date.now() > until) throw new Error(`no start within 60 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { proc, url: new URL(m[1]), output: () => output, exited };
}

/** Whether a new TCP connection to `url` is refused (true) or accepted (false). */
function refused(url: URL): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(Number(url.port), url.hostname);
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

/** Everything the server sends on `socket` until it closes the connection. */
function readToEnd(socket: Socket): Promise<string> {
  let received = '';
  socket.on('data', (chunk) => (received += chunk));
  return new Promise((resolve, reject) => {
    socket.once('close', () => resolve(received));
    socket.once('error', reject);
  });
}

describe('a stop signal drains the server', () => {
  it('lets the request in flight finish, refuses new connections, ends the streams and exits 0 within 10 s', async () => {
    const { env, email } = await preparedDatabase();
    const server = await serverProcess(env);
    const person = await new HttpPerson(server.url.origin).signIn(email, f.PASSWORD);
    const stream = await person.subscribe(`subscription { unreadNotificationCount }`);
    // A request in flight: its headers are in, half of its body is still to come.
    const cookie = (person as unknown as { cookie: string }).cookie;
    const body = JSON.stringify({ query: '{ viewer { email } }' });
    const socket = connect(Number(server.url.port), server.url.hostname);
    await new Promise((resolve) => socket.once('connect', resolve));
    const answer = readToEnd(socket);
    socket.write(
      `POST /graphql HTTP/1.1\r\nHost: ${server.url.host}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Cookie: ${cookie}\r\nConnection: keep-alive\r\n\r\n${body.slice(0, 10)}`,
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(await refused(server.url)).toBe(false);

    const signalled = Date.now();
    server.proc.kill('SIGTERM');
    const until = Date.now() + 5_000;
    while (!(await refused(server.url))) {
      if (Date.now() > until) throw new Error(`still taking connections 5 s after SIGTERM:\n${server.output()}`);
      await new Promise((r) => setTimeout(r, 25));
    }
    // The stream is dropped, not completed: a graphql-sse client reconnects (see app.ts).
    await stream.ended;
    expect(stream.completed).toBe(false);
    expect(server.proc.exitCode, 'the server waits for the request in flight').toBeNull();

    socket.write(body.slice(10));
    const response = await answer;
    expect(response).toMatch(/^HTTP\/1\.1 200 /);
    expect(response).toMatch(/^connection: close\r$/im);
    expect(response).toContain(JSON.stringify({ data: { viewer: { email } } }));

    expect(await server.exited, server.output()).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(10_000);
    expect(server.output()).toContain('Council stopped (SIGTERM).');
  }, 90_000);

  it('exits 1 saying so when a request is still in flight 10 s after the signal', async () => {
    const { env } = await preparedDatabase();
    const server = await serverProcess(env);
    // A client that never sends the rest of its request.
    const socket = connect(Number(server.url.port), server.url.hostname);
    await new Promise((resolve) => socket.once('connect', resolve));
    cleanups.push(() => socket.destroy());
    socket.write(`POST /graphql HTTP/1.1\r\nHost: ${server.url.host}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"query":`);
    await new Promise((r) => setTimeout(r, 300));
    const signalled = Date.now();
    server.proc.kill('SIGTERM');
    expect(await server.exited, server.output()).toBe(1);
    expect(Date.now() - signalled).toBeGreaterThanOrEqual(9_500);
    expect(Date.now() - signalled).toBeLessThan(12_000);
    expect(server.output()).toContain('Council did not stop within 10 s (SIGTERM)');
  }, 90_000);
});

describe('/readyz', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('answers 200 when the database answers; /healthz stays liveness', async () => {
    t = await startTestApp({ sweepIntervalMs: 0 });
    const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready' });
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok', scheduler: expect.any(String) });
  });

  it('answers 503 once the server is stopping', async () => {
    t = await startTestApp({ sweepIntervalMs: 0 });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as { port: number };
    const opened = async () => {
      const socket = connect(port, '127.0.0.1');
      await new Promise((resolve) => socket.once('connect', resolve));
      return { socket, answer: readToEnd(socket) };
    };
    // A request in flight holds the close open meanwhile; a load balancer's probe is under way on
    // a connection of its own (its headers not all sent), so neither connection is idle.
    const inFlight = await opened();
    const body = JSON.stringify({ query: '{ __typename }' });
    inFlight.socket.write(`POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 5)}`);
    const probe = await opened();
    probe.socket.write('GET /readyz HTTP/1.1\r\n');
    await new Promise((r) => setTimeout(r, 200));
    const closed = t.app.close();
    await new Promise((r) => setTimeout(r, 100));
    probe.socket.write('Host: 127.0.0.1\r\n\r\n');
    expect(await probe.answer).toMatch(/^HTTP\/1\.1 503 /);
    inFlight.socket.write(body.slice(5));
    expect(await inFlight.answer).toMatch(/^HTTP\/1\.1 200 [^]*"__typename":"Query"/);
    await closed;
    t = undefined;
  });

  it.skipIf(!POSTGRES)('answers 503 while the database is unreachable, and 200 once it is back', async () => {
    t = await startTestApp({ sweepIntervalMs: 0 });
    const name = new URL(t.services.config.database.kind === 'postgresql' ? t.services.config.database.url : '').pathname.slice(1);
    const { orm: admin } = await openOrm({ kind: 'postgresql', url: POSTGRES_ADMIN_URL });
    try {
      await admin.em.getConnection().execute(`alter database "${name}" with allow_connections false`);
      await admin.em.getConnection().execute(`select pg_terminate_backend(pid) from pg_stat_activity where datname = ? and pid <> pg_backend_pid()`, [name]);
      const down = await t.app.inject({ method: 'GET', url: '/readyz' });
      expect(down.statusCode).toBe(503);
      expect(down.json()).toEqual({ status: 'unavailable' });
      await admin.em.getConnection().execute(`alter database "${name}" with allow_connections true`);
      let up = await t.app.inject({ method: 'GET', url: '/readyz' });
      // The pool may hand out one more dead connection before it notices.
      if (up.statusCode !== 200) up = await t.app.inject({ method: 'GET', url: '/readyz' });
      expect(up.statusCode).toBe(200);
    } finally {
      await admin.em.getConnection().execute(`alter database "${name}" with allow_connections true`);
      await admin.close();
    }
  });
});

describe('log lines', () => {
  it('carry the request id and never a password, a session cookie or its token', async () => {
    const lines: string[] = [];
    const t = await startTestApp({ sweepIntervalMs: 0, logger: true, logStream: { write: (line) => void lines.push(line) }, env: { LOG_LEVEL: 'trace' } });
    try {
      const person = await f.user(t.orm.em.fork());
      const signIn = await t.app.inject({
        method: 'POST',
        url: '/graphql',
        headers: { 'content-type': 'application/json', authorization: 'Bearer not-a-real-token' },
        payload: { query: 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { id } }', variables: { e: person.email, p: f.PASSWORD } },
      });
      const setCookie = String(signIn.headers['set-cookie']);
      const token = setCookie.split(';')[0].split('=')[1];
      expect(token.length).toBeGreaterThan(10);
      const viewer = await t.app.inject({
        method: 'POST',
        url: '/graphql',
        headers: { 'content-type': 'application/json', cookie: setCookie.split(';')[0] },
        payload: { query: '{ viewer { email } }' },
      });
      expect(viewer.json().data.viewer.email).toBe(person.email);
      // A failed sign-in with the password in the query text itself (not a variable).
      await t.app.inject({
        method: 'POST',
        url: '/graphql',
        headers: { 'content-type': 'application/json' },
        payload: { query: `mutation { signIn(email: "${person.email}", password: "wrong-${f.PASSWORD}") { id } }` },
      });

      // Should a line ever carry headers, their credentials are censored.
      t.app.log.info({ headers: { cookie: `council_session=${token}`, authorization: 'Bearer not-a-real-token' } }, 'headers');
      expect(lines.at(-1)).toContain('[redacted]');

      // A database error's message carries its statement with the values written in.
      const failed = await t.orm.em
        .getConnection()
        .execute('select * from no_such_table where body = ?', ['the body of a mail'])
        .catch((error: unknown) => error as Error);
      expect(String(failed)).toContain('the body of a mail');
      t.app.log.error({ err: failed }, 'unexpected error');
      expect(lines.at(-1)).toMatch(/"message":"select … - .*no_such_table/);
      expect(lines.at(-1)).toContain('"stack":"');

      const logged = lines.join('');
      for (const secret of [f.PASSWORD, token, decodeURIComponent(token), 'not-a-real-token', 'the body of a mail']) expect(logged).not.toContain(secret);
      const requestLines = lines.map((line) => JSON.parse(line) as { msg: string; reqId?: string; req?: unknown; res?: unknown }).filter((l) => l.req || l.res);
      expect(requestLines.length).toBeGreaterThanOrEqual(6);
      for (const line of requestLines) expect(line.reqId, line.msg).toMatch(/^[0-9a-f-]{36}$/);
      expect(new Set(requestLines.map((l) => l.reqId)).size).toBe(3);
    } finally {
      await t.close();
    }
  });
});
