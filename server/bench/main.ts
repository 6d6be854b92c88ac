// `pnpm bench [--size tiny|small|large] [--db sqlite|postgresql] [--seconds N] [--keep] [--no-browser]`:
// builds a workspace of that size by bulk insert (large: 50 regions, 500 people, 100,000 issues,
// 500,000 supports, 300,000 comments, 5,000 proposals with votes, 500 meetings), then starts Council
// on it in a process of its own, as in production, and prints:
// - per operation, req/s and p50/p99 latency at 1 and at 50 connections and the SQL statements per
//   request; for the feed, the same for a bare route answering the same JSON with one hand-written
//   SQL statement (baseline.ts), measured in the same run, and the ratio;
// - the compiled server's cold start to a healthy /healthz on that database (median of 3);
// - the server's peak memory (VmHWM) after the 50-connection feed loads;
// - the first feed row in headless Chromium after navigation (median of 3 fresh browser contexts).
// `--keep` keeps the built workspace (SQLite: under the system's temp dir; PostgreSQL: database
// council_bench_<size>) and reuses it on the next run of the same day. Numbers compare changes on
// one machine; they are not tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { loadConfig } from '../src/config.js';
import { migrate, openOrm } from '../src/db/orm.js';
import { baselineFeed, FEED_QUERY, type FeedVariables } from './baseline.js';
import { buildDataset, SIZES, type Dataset } from './dataset.js';
import { load, type LoadResult, type Request } from './load.js';
import { buildBenchServer, buildServer, serverBundle, serverNodeOptions } from '../../scripts/build-server.mjs';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'small' },
    db: { type: 'string', default: 'sqlite' },
    seconds: { type: 'string', default: '3' },
    keep: { type: 'boolean', default: false },
    'no-browser': { type: 'boolean', default: false },
  },
});
const size = SIZES[values.size as keyof typeof SIZES];
if (!size) throw new Error(`--size must be one of ${Object.keys(SIZES).join(', ')}`);
const sizeName = values.size!;
const seconds = Number(values.seconds);
const ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const root = fileURLToPath(new URL('../..', import.meta.url));
const SECRET = 'bench-session-secret-bench-session-secret';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function adminSql(sql: string): Promise<void> {
  const admin = await openOrm({ kind: 'postgresql', url: ADMIN_URL });
  try {
    await admin.orm.em.getConnection().execute(sql);
  } finally {
    await admin.orm.close();
  }
}

/** Where this run's workspace lives: a scratch one, or with --keep the kept one of this size. */
const dir = values.keep ? join(tmpdir(), `council-bench-${values.db}-${sizeName}`) : join(tmpdir(), `council-bench-${process.pid}`);
mkdirSync(dir, { recursive: true });
const pgName = values.keep ? `council_bench_${sizeName}` : `council_bench_${process.pid}`;
const pgUrl = (() => {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${pgName}`;
  return url.toString();
})();
const env: Record<string, string> = {
  DATA_DIR: dir,
  LOG_LEVEL: 'silent',
  NODE_ENV: 'production',
  COUNCIL_DEMO: '0',
  WRITE_LIMIT_PER_MINUTE: '0',
  SESSION_SECRET: SECRET,
  ...(values.db === 'postgresql' ? { DATABASE_URL: pgUrl } : {}),
};
const config = loadConfig(env);
const datasetFile = join(dir, 'dataset.json');
const DAY = 86_400_000;

/** The dataset's ids, building it first unless a kept one of today is there. */
async function dataset(): Promise<{ data: Dataset; built: number | null }> {
  if (values.keep && existsSync(datasetFile) && Date.now() - statSync(datasetFile).mtimeMs < DAY) {
    return { data: JSON.parse(readFileSync(datasetFile, 'utf8')) as Dataset, built: null };
  }
  if (values.db === 'postgresql') {
    await adminSql(`drop database if exists "${pgName}" with (force)`);
    await adminSql(`create database "${pgName}"`);
  } else {
    const file = (config.database as { file: string }).file;
    for (const path of [file, `${file}-wal`, `${file}-shm`]) rmSync(path, { force: true });
  }
  const { orm } = await openOrm(config.database);
  try {
    await migrate(orm);
    const t0 = performance.now();
    const data = await buildDataset(orm.em.fork(), size);
    const built = (performance.now() - t0) / 1000;
    // Bulk inserts leave SQLite's write-ahead log hundreds of MB long; a server opening the file
    // would first read it all. A running server's log stays short (SQLite checkpoints every 1,000
    // pages), so the start is measured as it would be on a running installation's file.
    if (config.database.kind === 'sqlite') await orm.em.getConnection().execute('pragma wal_checkpoint(truncate)');
    // PostgreSQL: statistics and the visibility map, as autovacuum leaves a running installation's
    // tables (right after a bulk insert the planner guesses, and index-only scans visit every row).
    else await orm.em.getConnection().execute('vacuum analyze');
    writeFileSync(datasetFile, JSON.stringify(data));
    return { data, built };
  } finally {
    await orm.close();
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** The compiled server (what `pnpm start` runs) from spawn to a healthy /healthz, in ms. */
async function coldStart(): Promise<number> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, [...serverNodeOptions(), serverBundle], { cwd: root, env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: 'ignore' });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server stopped with status ${child.exitCode}`);
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return performance.now() - t0;
      if (performance.now() - t0 > 60_000) throw new Error('the server was not healthy within 60 s');
      await new Promise((r) => setTimeout(r, 10));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

/** The bench server (serve.ts, compiled) in its own process; resolves with its address once it listens. */
async function startServer(): Promise<{ child: ChildProcess; base: string }> {
  // Compiled as `pnpm start`'s server is: what production runs, without a TypeScript compiler in memory.
  const child = spawn(process.execPath, [...serverNodeOptions(), await buildBenchServer()], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const first = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the bench server stopped with status ${code}`)));
  });
  return { child, base: `http://127.0.0.1:${(JSON.parse(first) as { port: number }).port}` };
}

/** The peak resident memory of a process so far (Linux's VmHWM), in MB. */
function peakRss(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmHWM:'));
  return line ? Number(line.replace(/\D+/g, '')) / 1024 : NaN;
}

/**
 * Marks, in the page, the first frame that shows a feed row: a MutationObserver sees the row enter
 * the document and a requestAnimationFrame callback after it is the frame that paints it; its time
 * is from the start of the navigation (the page's time origin). Measured inside the page rather
 * than by polling from outside, which would add its own polling interval to the figure.
 */
const MARK_FIRST_ROW = `(() => {
  const seen = () => {
    const link = document.querySelector('.issue-row__title a');
    return link && link.getClientRects().length > 0;
  };
  const observer = new MutationObserver(() => {
    if (!seen()) return;
    observer.disconnect();
    requestAnimationFrame(() => { window.__firstFeedRow = performance.now(); });
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

/** From navigation to the first feed row on screen, in a fresh browser context each time (ms, median of 3). */
async function firstFeedRow(base: string, cookie: string): Promise<number> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
  try {
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const context = await browser.newContext();
      const split = cookie.indexOf('=');
      await context.addCookies([{ name: cookie.slice(0, split), value: cookie.slice(split + 1), url: base }]);
      await context.addInitScript(MARK_FIRST_ROW);
      const page = await context.newPage();
      await page.goto(`${base}/issues`);
      const shown = await page
        .waitForFunction(() => (window as { __firstFeedRow?: number }).__firstFeedRow, undefined, { timeout: 30_000 })
        .catch(async (error: unknown) => {
          throw new Error(`no feed row at ${page.url()}: ${(await page.locator('body').innerText()).slice(0, 300)}`, { cause: error });
        });
      times.push((await shown.jsonValue()) as number);
      await context.close();
    }
    return times.sort((a, b) => a - b)[1];
  } finally {
    await browser.close();
  }
}

interface Row {
  name: string;
  one: LoadResult;
  many: LoadResult;
  statements: number;
  baseline?: { one: LoadResult; many: LoadResult; statements: number };
}

const gql = (query: string, variables: Record<string, unknown>, cookie: string): Request => ({ method: 'POST', path: '/graphql', body: { query, variables }, cookie });

const { data, built } = await dataset();
await buildServer();
const starts = [await coldStart(), await coldStart(), await coldStart()].sort((a, b) => a - b);
const { child, base } = await startServer();
try {
  const statementCount = async () => ((await (await fetch(`${base}/bench/statements`)).json()) as { count: number }).count;
  const reader = data.coordinators[1];
  const voters = data.coordinators.slice(0, 200);
  const cookies = new Map(
    Object.entries(
      (await (
        await fetch(`${base}/bench/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ids: [reader.id, data.facilitator.id, ...voters.map((v) => v.id)] }) })
      ).json()) as Record<string, string>,
    ),
  );
  const cookie = cookies.get(reader.id)!;
  const regionId = Buffer.from(`Region:${reader.regionId}`).toString('base64');
  const { orm } = await openOrm(config.database);
  const category = (await orm.em.getConnection().execute(`select id from category order by position limit 1`))[0] as { id: string };
  const categoryId = Buffer.from(`Category:${category.id}`).toString('base64');
  // The baseline must answer what the API answers, or the ratio means nothing.
  const same = JSON.stringify(await baselineFeed(orm, reader.id, { first: 25, orderBy: 'NEWEST' }));
  await orm.close();
  const api = await (await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ query: FEED_QUERY, variables: { first: 25, orderBy: 'NEWEST' } }) })).text();
  if (same !== api) process.stderr.write('warning: the baseline feed differs from the API feed\n');

  const rows: Row[] = [];
  /** One request kind: warmed up first (the instance's caches filled, as on a running server), then counted and loaded. */
  const run = async (next: (i: number) => Request) => {
    await load(base, next, 1, 0);
    const s0 = await statementCount();
    const one = await load(base, next, 1, seconds, 0);
    const statements = ((await statementCount()) - s0) / one.requests;
    return { one, statements, many: await load(base, next, 50, seconds) };
  };
  const measure = async (name: string, next: (i: number) => Request) => {
    rows.push({ name, ...(await run(next)) });
    process.stderr.write(`  measured ${name}\n`);
  };
  // The yardsticks run after every feed variant of Council's, so that the peak memory read then is
  // Council's under its own load, not the bare route's.
  const yardsticks: { row: Row; next: (i: number) => Request }[] = [];
  const feed = async (name: string, v: FeedVariables) => {
    const after = v.offset ? Buffer.from(`offset:${v.offset - 1}`).toString('base64url') : undefined;
    await measure(name, () => gql(FEED_QUERY, { first: v.first, after, orderBy: v.orderBy, filter: v.filter }, cookie));
    yardsticks.push({ row: rows.at(-1)!, next: () => ({ method: 'GET', path: `/baseline/feed?viewer=${reader.id}&v=${encodeURIComponent(JSON.stringify(v))}` }) });
  };

  await feed('feed PRIORITY', { first: 25, orderBy: 'PRIORITY' });
  await feed('feed PRIORITY, page 20', { first: 25, offset: 475, orderBy: 'PRIORITY' });
  await feed('feed NEWEST', { first: 25, orderBy: 'NEWEST' });
  await feed('feed NEWEST, page 20', { first: 25, offset: 475, orderBy: 'NEWEST' });
  await feed('feed RECENT_ACTIVITY', { first: 25, orderBy: 'RECENT_ACTIVITY' });
  await feed('feed region, PRIORITY', { first: 25, orderBy: 'PRIORITY', filter: { regionId } });
  await feed('feed category, NEWEST', { first: 25, orderBy: 'NEWEST', filter: { categoryId } });
  await feed('feed search, NEWEST', { first: 25, orderBy: 'NEWEST', filter: { search: 'refund' } });
  const feedPeak = peakRss(child.pid!);
  const feedMemory = (await (await fetch(`${base}/bench/memory`)).json()) as Record<string, number>;
  for (const { row, next } of yardsticks) {
    row.baseline = await run(next);
    process.stderr.write(`  measured ${row.name}: SQL route\n`);
  }

  const issueIds = data.openIssueIds;
  await measure('search', (i) =>
    gql(`query($q: String!) { search(query: $q, first: 10) { title snippet highlights { start end } subject { id } } }`, { q: ['refund', 'delivery delay', 'hoàn tiền', 'Rückerstattung'][i % 4] }, cookie),
  );
  await measure('issue page', (i) =>
    gql(
      `query($id: ID!) { node(id: $id) { ... on Issue { id title description status supportCount affectedRegions { name } supports { user { name } note } comments(first: 20) { totalCount edges { node { body author { name } createdAt } } } proposals { id title status } } } }`,
      { id: Buffer.from(`Issue:${issueIds[(i * 7919) % issueIds.length]}`).toString('base64') },
      cookie,
    ),
  );
  await measure('proposals list, 25', () => gql(`{ proposals(first: 25) { id title status tally { for against regionsVoted passing } author { name } } }`, {}, cookie));
  await measure('generateAgenda', (i) =>
    gql(
      `mutation($id: ID!) { generateAgenda(meetingId: $id) { id } }`,
      { id: Buffer.from(`Meeting:${data.plannedMeetingIds[i % data.plannedMeetingIds.length]}`).toString('base64') },
      cookies.get(data.facilitator.id)!,
    ),
  );
  await measure('raiseIssue', (i) => gql(`mutation($t: String!) { raiseIssue(input: { title: $t, description: "Raised by the benchmark, with enough words." }) { id } }`, { t: `Bench issue ${i} ${Date.now()}` }, cookie));
  await measure('castVote', (i) => {
    const voter = voters[i % voters.length];
    const proposal = data.votingProposalIds[Math.floor(i / voters.length) % data.votingProposalIds.length];
    return gql(`mutation($id: ID!) { castVote(proposalId: $id, choice: FOR) { id } }`, { id: Buffer.from(`Proposal:${proposal}`).toString('base64') }, cookies.get(voter.id)!);
  });
  const browserRow = !values['no-browser'] && existsSync(CHROMIUM) && existsSync(join(root, 'web/dist/index.html')) ? await firstFeedRow(base, cookie) : null;

  console.log(
    `\nCouncil bench — ${config.database.kind}, size ${sizeName} (${size.issues.toLocaleString('en')} issues, ${size.supports.toLocaleString('en')} supports, ${size.comments.toLocaleString('en')} comments, ${size.regions} regions, ${size.people} people), ${built === null ? 'kept from an earlier run' : `built in ${built.toFixed(0)} s`}`,
  );
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 1024 ** 3).toFixed(0)} GB, Node ${process.version}; ${seconds} s per measurement`);
  console.log(`cold start of the compiled server to healthy: ${starts[1].toFixed(0)} ms (median of 3: ${starts.map((t) => t.toFixed(0)).join(', ')})`);
  console.log(
    `server's peak RSS after the 50-connection feed loads: ${feedPeak.toFixed(0)} MB (then: V8 heap ${feedMemory.heapUsed} MB used of ${feedMemory.heapTotal}, outside it ${feedMemory.external} MB); at the end: ${peakRss(child.pid!).toFixed(0)} MB`,
  );
  console.log(`first feed row in headless Chromium after navigation: ${browserRow === null ? 'not measured (no Chromium or no web build)' : `${browserRow.toFixed(0)} ms (median of 3 fresh contexts)`}\n`);
  const pad = (s: string, w: number) => s.padStart(w);
  const num = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
  console.log(`${'operation'.padEnd(26)}${pad('c=1 req/s', 10)}${pad('p50 ms', 9)}${pad('p99 ms', 9)}${pad('c=50 req/s', 11)}${pad('p50 ms', 9)}${pad('p99 ms', 9)}${pad('SQL/req', 9)}${pad('errors', 8)}`);
  const line = (name: string, r: { one: LoadResult; many: LoadResult; statements: number }) =>
    console.log(
      `${name.padEnd(26)}${pad(num(r.one.perSecond), 10)}${pad(num(r.one.p50, 1), 9)}${pad(num(r.one.p99, 1), 9)}${pad(num(r.many.perSecond), 11)}${pad(num(r.many.p50, 1), 9)}${pad(num(r.many.p99, 1), 9)}${pad(num(r.statements, 1), 9)}${pad(String(r.one.errors + r.many.errors), 8)}`,
    );
  for (const r of rows) {
    line(r.name, r);
    if (r.baseline) {
      line('  SQL route', r.baseline);
      console.log(
        `${'  ratio'.padEnd(26)}${pad(`×${num(r.one.p50 / r.baseline.one.p50, 1)} p50`, 19)}${pad('', 9)}${pad(`${num((100 * r.many.perSecond) / r.baseline.many.perSecond)} % of req/s`, 20)}${pad(`×${num(r.many.p99 / r.baseline.many.p99, 1)} p99`, 18)}`,
      );
    }
  }
} finally {
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  if (!values.keep) {
    if (values.db === 'postgresql') await adminSql(`drop database if exists "${pgName}" with (force)`);
    rmSync(dir, { recursive: true, force: true });
  }
}
