// Two real server processes started at the same moment on one fresh PostgreSQL database with
// Redis, as an installation with several instances runs them: both become healthy (migrations and
// the demo seed ran once, under the lock), a session made on one works on the other, supports split
// across both are all counted, the sign-in limit is shared, a vote on one reaches a subscriber on
// the other, and the scheduled work runs on one of them.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresDatabase } from '../support/app.js';
import { REDIS_TEST_URL, uniquePrefix } from '../support/services.js';
import { HttpPerson } from '../support/sse.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const DEMO_PASSWORD = 'council-demo';

interface Instance {
  url: string;
  child: ChildProcess;
  output: () => string;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function startInstance(port: number, env: Record<string, string>): Instance {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: 'warn', NODE_ENV: 'production', COUNCIL_TEST_DATABASE: '' },
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return { url: `http://127.0.0.1:${port}`, child, output: () => output };
}

async function healthy(instance: Instance, timeoutMs = 60_000): Promise<{ status: string; scheduler?: string }> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (instance.child.exitCode !== null) throw new Error(`instance exited with ${instance.child.exitCode}:\n${instance.output()}`);
    try {
      const res = await fetch(`${instance.url}/healthz`);
      if (res.status === 200) return (await res.json()) as { status: string; scheduler?: string };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`not healthy within ${timeoutMs} ms:\n${instance.output()}`);
}

const person = (base: string, email: string) => new HttpPerson(base).signIn(email, DEMO_PASSWORD);

describe.skipIf(!REDIS_TEST_URL)('two instances on one PostgreSQL database with Redis', () => {
  let a: Instance;
  let b: Instance;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const db = await postgresDatabase();
    drop = db.drop;
    const env = {
      DATABASE_URL: db.url,
      REDIS_URL: REDIS_TEST_URL!,
      // Sign-in counters of this run only (the demo accounts' emails are the same in every run).
      REDIS_PREFIX: uniquePrefix('instances'),
      SESSION_SECRET: 'two-instances-share-this-secret-of-32+chars',
      COUNCIL_DEMO: '1',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'council-instances-')),
    };
    const [pa, pb] = await Promise.all([freePort(), freePort()]);
    // Started at the same moment on an empty database: both migrate and seed under the lock.
    a = startInstance(pa, env);
    b = startInstance(pb, env);
    await Promise.all([healthy(a), healthy(b)]);
  }, 120_000);

  afterAll(async () => {
    const exited = [a, b].filter(Boolean).map((i) => new Promise((r) => (i.child.exitCode !== null ? r(null) : i.child.once('exit', r))));
    a?.child.kill('SIGTERM');
    b?.child.kill('SIGTERM');
    await Promise.all(exited);
    await drop?.();
  }, 30_000);

  it('both become healthy, with the demo seeded once and the scheduled work on exactly one', async () => {
    const states = await Promise.all([healthy(a), healthy(b)]);
    expect(states.map((s) => s.status)).toEqual(['ok', 'ok']);
    expect(states.map((s) => s.scheduler).sort()).toEqual(['leader', 'standby']);
    const viewer = await person(a.url, 'admin@council.test');
    const { regions } = await viewer.ok<{ regions: { code: string }[] }>(`{ regions { code } }`);
    expect(regions).toHaveLength(8); // seeded once, not twice
  });

  it('honours a session made on one instance on the other', async () => {
    const onA = await person(a.url, 'coordinator2@council.test');
    const { viewer } = await onA.on(b.url).ok<{ viewer: { email: string } | null }>(`{ viewer { email } }`);
    expect(viewer?.email).toBe('coordinator2@council.test');
  });

  it('counts every support when they arrive at both instances at once', async () => {
    const raiser = await person(a.url, 'coordinator1@council.test');
    const { raiseIssue } = await raiser.ok<{ raiseIssue: { id: string } }>(
      `mutation { raiseIssue(input: { title: "Parcel lockers reject return labels", description: "Customers cannot drop returns at lockers." }) { id } }`,
    );
    const supporters = await Promise.all([2, 3, 4, 5, 6, 7, 8].map((n) => person(n % 2 ? a.url : b.url, `coordinator${n}@council.test`)));
    const results = await Promise.all(supporters.map((c) => c.gql(`mutation($id: ID!) { supportIssue(issueId: $id) { id } }`, { id: raiseIssue.id })));
    expect(results.filter((r) => r.errors)).toEqual([]);
    const { node } = await raiser.ok<{ node: { supportCount: number; affectedRegions: unknown[] } }>(
      `query($id: ID!) { node(id: $id) { ... on Issue { supportCount affectedRegions { id } } } }`,
      { id: raiseIssue.id },
    );
    expect(node.supportCount).toBe(7);
    expect(node.affectedRegions).toHaveLength(8);
  });

  it('checks at most 10 passwords of one account for 30 parallel wrong sign-ins split across both', async () => {
    const attempts = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        new HttpPerson(i % 2 ? a.url : b.url).gql(`mutation { signIn(email: "coordinator8@council.test", password: "wrong-password-${i}") { id } }`),
      ),
    );
    const codes = attempts.map((r) => r.errors?.[0]?.extensions?.code);
    const checked = codes.filter((c) => c === 'UNAUTHENTICATED').length;
    const limited = attempts.filter((r) => r.errors?.[0]?.extensions?.reason === 'RATE_LIMITED').length;
    expect(checked + limited).toBe(30);
    expect(checked).toBeLessThanOrEqual(10);
    expect(checked).toBeGreaterThan(0);
    // A colleague behind the same address still signs in.
    await expect(person(b.url, 'coordinator7@council.test')).resolves.toBeTruthy();
  });

  it('delivers a vote cast on one instance to a proposalChanged subscriber on the other within a second', async () => {
    // A coordinator who has not voted yet on a proposal being voted on: their vote adds to the tally.
    type Open = { id: string; viewerVote: unknown; tally: { for: number; against: number; abstain: number } };
    let voter: HttpPerson | undefined;
    let proposal: Open | undefined;
    for (let n = 1; n <= 8 && !proposal; n++) {
      voter = await person(a.url, `coordinator${n}@council.test`);
      const { proposals } = await voter.ok<{ proposals: Open[] }>(
        `{ proposals(status: [VOTING]) { id viewerVote { choice } tally { for against abstain } } }`,
      );
      proposal = proposals.find((p) => !p.viewerVote);
    }
    if (!proposal || !voter) throw new Error('the demo has no proposal in VOTING that a coordinator has not voted on');
    const total = proposal.tally.for + proposal.tally.against + proposal.tally.abstain;
    const watcher = await person(b.url, 'coordinator4@council.test');
    const stream = await watcher.subscribe(`subscription($id: ID!) { proposalChanged(id: $id) { id tally { for against abstain } } }`, { id: proposal.id });
    try {
      await stream.next(); // the current state, sent first: the subscription is registered
      const castAt = performance.now();
      await voter.ok(`mutation($id: ID!) { castVote(proposalId: $id, choice: FOR) { id } }`, { id: proposal.id });
      const { at } = await stream.until(({ data }) => {
        const t = data?.proposalChanged.tally;
        return !!t && t.for + t.against + t.abstain > total;
      });
      expect(at - castAt).toBeLessThan(1000);
    } finally {
      stream.close();
    }
  });
});
