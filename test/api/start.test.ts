// `pnpm start`'s server process: migrates an empty DATA_DIR, seeds the demo, prints the URL and the
// demo sign-in, and a plain HTTP GraphQL client can sign in and read the feed. A start that cannot
// work — a configuration error, a damaged, truncated or read-only SQLite file, a DATA_DIR it cannot
// write, a port in use, a bad HOST, PostgreSQL down or a database that does not exist — exits 1
// with one line naming what to fix and no stack trace. The `pnpm start` wrapper (scripts/start.mjs,
// run with --no-build so it does not build the web) forwards stop signals and exits with the
// server's status, 128 + the signal's number when a signal ended the server; it runs the server
// with a heap ceiling unless NODE_OPTIONS names one.
import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POSTGRES_ADMIN_URL } from '../support/app.js';
import { migrate, openOrm } from '../../server/src/db/orm.js';
import { serverNodeOptions } from '../../scripts/build-server.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
let child: ChildProcess | undefined;
afterAll(() => {
  child?.kill('SIGTERM');
});

it('starts on an empty data directory with the demo workspace', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'council-start-'));
  child = spawn(process.execPath, ['--import', 'tsx', join(root, 'server/src/main.ts')], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn', NODE_ENV: 'production', COUNCIL_TEST_DATABASE: '' },
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start within 60 s:\n${output}`)), 60_000);
    child!.stdout!.on('data', (chunk) => {
      output += chunk;
      const m = output.match(/Council is running at (http:\/\/\S+)/);
      if (m && /council-demo/.test(output)) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child!.stderr!.on('data', (chunk) => (output += chunk));
    child!.on('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
  });
  expect(output).toMatch(/coordinator1@council\.test/);
  expect((await fetch(new URL('/healthz', url))).status).toBe(200);

  const post = async (query: string, cookie = '') =>
    fetch(new URL('/graphql', url), { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ query }) });
  const signIn = await post(`mutation { signIn(email: "coordinator1@council.test", password: "council-demo") { name region { code } } }`);
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0];
  expect((await signIn.json()).data.signIn.region.code).toBe('NORD');
  const feed = await (await post(`{ issues(first: 5) { totalCount edges { node { title supportCount } } } }`, cookie)).json();
  expect(feed.data.issues.totalCount).toBeGreaterThanOrEqual(40);
  expect(feed.data.issues.edges).toHaveLength(5);
}, 90_000);

/**
 * Permission checks do not apply to root: a test that needs a file the server may not write runs
 * the server as `nobody` when the tests run as root.
 */
const asRoot = process.getuid?.() === 0;
const unprivileged: SpawnOptions = asRoot ? { uid: 65534, gid: 65534 } : {};
/** Whether the server can run that way here (as `nobody`, the checkout must be readable by everyone). */
const canDropPrivileges =
  !asRoot || spawnSync(process.execPath, ['--import', 'tsx', '-e', '0'], { cwd: root, env: { ...process.env, HOME: tmpdir() }, ...unprivileged }).status === 0;

/** Runs the server process to its exit (it must not start); its exit code and output. Undefined unsets. */
function startFails(env: Record<string, string | undefined>, options: SpawnOptions = {}): Promise<{ code: number | null; stderr: string; stdout: string }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', join(root, 'server/src/main.ts')], {
    cwd: root,
    // HOME: somewhere any user may read (tsx keeps its cache under the temporary directory).
    env: { ...process.env, HOME: tmpdir(), DATA_DIR: mkdtempSync(join(tmpdir(), 'council-start-')), PORT: '0', LOG_LEVEL: 'warn', NODE_ENV: 'production', COUNCIL_DEMO: '0', ...env },
    ...options,
    stdio: 'pipe',
  });
  let stdout = '';
  let stderr = '';
  proc.stdout!.on('data', (chunk) => (stdout += chunk));
  proc.stderr!.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`still running after 30 s:\n${stdout}${stderr}`));
    }, 30_000);
    proc.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

it('will not start on PostgreSQL without SESSION_SECRET, which every instance must share', async () => {
  const r = await startFails({ DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/council', SESSION_SECRET: undefined });
  expect(r.code).toBe(1);
  expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^SESSION_SECRET: required with a PostgreSQL DATABASE_URL/)]);
  expect(r.stdout).not.toMatch(/running/);
}, 40_000);

/** Whether PostgreSQL answers at the test server (the test below needs it). */
const postgresAnswers = (() => {
  const { hostname, port } = new URL(POSTGRES_ADMIN_URL);
  const probe = `require('net').connect({host:${JSON.stringify(hostname)},port:${Number(port) || 5432},timeout:1000}).on('connect',()=>process.exit(0)).on('error',()=>process.exit(1)).on('timeout',()=>process.exit(1))`;
  return spawnSync(process.execPath, ['-e', probe]).status === 0;
})();

it.skipIf(!postgresAnswers)('will not start on a PostgreSQL database that does not exist, and does not create it', async () => {
  const missing = `council_mistyped_${process.pid}`;
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${missing}`;
  const r = await startFails({ DATABASE_URL: url.toString(), SESSION_SECRET: 's'.repeat(32), COUNCIL_DEMO: '1' });
  expect(r.code).toBe(1);
  expect(r.stderr.trim().split('\n')).toEqual([expect.stringContaining(`the PostgreSQL database "${missing}" does not exist`)]);
  const { orm } = await openOrm({ kind: 'postgresql', url: POSTGRES_ADMIN_URL });
  try {
    expect(await orm.em.getConnection().execute('select 1 from pg_database where datname = ?', [missing])).toEqual([]);
  } finally {
    await orm.close();
  }
}, 40_000);

/** A failed start as the operator sees it: exit 1, one line on stderr matching `cause`, no stack, never running. */
function expectOneLine(r: { code: number | null; stderr: string; stdout: string }, cause: RegExp): void {
  expect(r.code, r.stderr).toBe(1);
  expect(r.stderr.trim().split('\n'), r.stderr).toEqual([expect.stringMatching(cause)]);
  expect(`${r.stdout}${r.stderr}`).not.toMatch(/^\s+at /m);
  expect(r.stdout).not.toMatch(/running/);
}

describe('a start that cannot work says why in one line', () => {
  /** A migrated, empty SQLite database file, to damage or lock down. */
  let goodDatabase: string;
  beforeAll(async () => {
    goodDatabase = join(mkdtempSync(join(tmpdir(), 'council-start-')), 'council.sqlite');
    const { orm } = await openOrm({ kind: 'sqlite', file: goodDatabase });
    await migrate(orm);
    await orm.close();
  });

  /** A data directory holding a copy of the migrated database, its path and the copy's. */
  function dataDirWithDatabase(): { dir: string; file: string } {
    const dir = mkdtempSync(join(tmpdir(), 'council-start-'));
    const file = join(dir, 'council.sqlite');
    copyFileSync(goodDatabase, file);
    return { dir, file };
  }

  it('names a file that is not a SQLite database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'council-start-'));
    writeFileSync(join(dir, 'council.sqlite'), 'these are the meeting notes, not a database\n'.repeat(200));
    expectOneLine(await startFails({ DATA_DIR: dir }), new RegExp(`${join(dir, 'council.sqlite')} is not a SQLite database`));
  }, 40_000);

  it('names a truncated SQLite database as damaged', async () => {
    const { dir, file } = dataDirWithDatabase();
    truncateSync(file, Math.floor(statSync(file).size / 3));
    expectOneLine(await startFails({ DATA_DIR: dir }), new RegExp(`the SQLite database ${file} is damaged`));
  }, 40_000);

  it.skipIf(!canDropPrivileges)('names a read-only SQLite database', async () => {
    const { dir, file } = dataDirWithDatabase();
    chmodSync(file, 0o444);
    chmodSync(dir, 0o555);
    expectOneLine(await startFails({ DATA_DIR: dir, SESSION_SECRET: 's'.repeat(32) }, unprivileged), new RegExp(`the SQLite database ${file} is read-only`));
  }, 40_000);

  it.skipIf(!canDropPrivileges)('names a DATA_DIR it cannot write to', async () => {
    const locked = mkdtempSync(join(tmpdir(), 'council-start-'));
    chmodSync(locked, 0o555);
    expectOneLine(await startFails({ DATA_DIR: locked }, unprivileged), new RegExp(`^DATA_DIR: cannot keep the session secret in ${locked}: permission denied \\(EACCES\\)`));
    // With SESSION_SECRET given, it is the database that cannot be created there.
    expectOneLine(
      await startFails({ DATA_DIR: locked, SESSION_SECRET: 's'.repeat(32) }, unprivileged),
      new RegExp(`^cannot open the SQLite database ${join(locked, 'council.sqlite')}; check that its directory exists and is writable`),
    );
  }, 60_000);

  it('names a DATA_DIR that cannot be a directory', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'council-start-')), 'a-file');
    writeFileSync(file, '');
    expectOneLine(await startFails({ DATA_DIR: join(file, 'data') }), /^DATA_DIR: cannot create .*: not a directory \(ENOTDIR\)/);
  }, 60_000);

  it('names a port in use', async () => {
    const taken: Server = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as { port: number };
    try {
      expectOneLine(await startFails({ PORT: String(port), HOST: '127.0.0.1' }), new RegExp(`^PORT: port ${port} is in use on 127\\.0\\.0\\.1`));
    } finally {
      taken.close();
    }
  }, 40_000);

  it('names a HOST that is malformed, not this machine’s, or unknown', async () => {
    expectOneLine(await startFails({ HOST: 'not a host' }), /^HOST: must be an IP address/);
    // 203.0.113.0/24 is reserved for documentation: no machine has it.
    expectOneLine(await startFails({ HOST: '203.0.113.7' }), /^HOST: 203\.0\.113\.7 is not an address of this machine/);
    expectOneLine(await startFails({ HOST: 'council.invalid' }), /^HOST: cannot resolve the host name "council\.invalid"/);
  }, 90_000);

  it('names a PostgreSQL server that does not answer', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const r = await startFails({ DATABASE_URL: `postgresql://postgres@127.0.0.1:${closedPort}/council`, SESSION_SECRET: 's'.repeat(32) });
    expectOneLine(r, new RegExp(`^DATABASE_URL: cannot connect to PostgreSQL database "council" on 127\\.0\\.0\\.1:${closedPort}: .*ECONNREFUSED`));
  }, 40_000);
});

describe('the pnpm start wrapper', () => {
  /** `node scripts/start.mjs --no-build` on a fresh data directory, running once it printed its URL. */
  async function wrapper(): Promise<{ proc: ChildProcess; output: () => string; exited: Promise<number | null> }> {
    const proc = spawn(process.execPath, [join(root, 'scripts/start.mjs'), '--no-build'], {
      cwd: root,
      env: { ...process.env, DATA_DIR: mkdtempSync(join(tmpdir(), 'council-start-')), PORT: '0', LOG_LEVEL: 'warn', COUNCIL_DEMO: '0', COUNCIL_TEST_DATABASE: '' },
    });
    let output = '';
    proc.stdout!.on('data', (chunk) => (output += chunk));
    proc.stderr!.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
    const until = Date.now() + 60_000;
    while (!/Council is running at/.test(output)) {
      if (proc.exitCode !== null) throw new Error(`the wrapper exited with ${proc.exitCode}:\n${output}`);
      if (Date.now() > until) throw new Error(`no start within 60 s:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    return { proc, output: () => output, exited };
  }

  /** The processes whose parent is `pid` (Linux: from /proc). */
  function childrenOf(pid: number): number[] {
    return readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .filter((entry) => {
        try {
          // "pid (comm) state ppid …": the command may hold spaces, the part after its ")" does not.
          return Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ')[1]) === pid;
        } catch {
          return false; // gone meanwhile
        }
      })
      .map(Number);
  }

  it('forwards SIGINT, SIGTERM and SIGHUP to the server, which stops cleanly: status 0', async () => {
    const runs = await Promise.all((['SIGINT', 'SIGTERM', 'SIGHUP'] as const).map(async (signal) => ({ signal, run: await wrapper() })));
    for (const { signal, run } of runs) run.proc.kill(signal);
    for (const { signal, run } of runs) {
      expect(await run.exited, run.output()).toBe(0);
      expect(run.output()).toContain(`Council stopped (${signal}).`);
    }
  }, 120_000);

  it.skipIf(process.platform !== 'linux')('exits 128 + the signal when a signal killed the server, so a supervisor restarts it', async () => {
    const run = await wrapper();
    const [server] = childrenOf(run.proc.pid!);
    expect(server).toBeGreaterThan(0);
    // The server runs with the heap ceiling of serverNodeOptions (its memory under load).
    expect(readFileSync(`/proc/${server}/cmdline`, 'utf8').split('\0')).toContain('--max-old-space-size=1024');
    process.kill(server, 'SIGKILL');
    expect(await run.exited, run.output()).toBe(128 + 9);
  }, 90_000);

  it('gives the server a heap ceiling unless NODE_OPTIONS names one', () => {
    expect(serverNodeOptions({})).toEqual(['--max-old-space-size=1024']);
    expect(serverNodeOptions({ NODE_OPTIONS: '--enable-source-maps' })).toEqual(['--max-old-space-size=1024']);
    expect(serverNodeOptions({ NODE_OPTIONS: '--enable-source-maps --max-old-space-size=4096' })).toEqual([]);
  });

  it('exits with the server’s status when the server cannot start', async () => {
    const proc = spawn(process.execPath, [join(root, 'scripts/start.mjs'), '--no-build'], {
      cwd: root,
      env: { ...process.env, DATA_DIR: mkdtempSync(join(tmpdir(), 'council-start-')), PORT: 'eighty', COUNCIL_TEST_DATABASE: '' },
    });
    let stderr = '';
    proc.stderr.on('data', (chunk) => (stderr += chunk));
    expect(await new Promise((resolve) => proc.on('exit', resolve))).toBe(1);
    expect(stderr).toMatch(/PORT/);
  }, 40_000);
});
