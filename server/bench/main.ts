// `pnpm bench [--size tiny|small|large] [--db sqlite|postgresql] [--seconds N]`: builds a workspace
// of that size by bulk insert (large: 50 regions, 500 people, 100,000 issues, 500,000 supports,
// 300,000 comments, 5,000 proposals with votes, 500 meetings), serves it over real HTTP, and prints
// per operation req/s and p50/p99 latency at 1 and at 50 connections and the SQL statements per
// request; for the feed, the same for a bare route answering the same JSON with one hand-written
// SQL statement (baseline.ts), measured in the same run, and the ratio. Numbers compare changes on
// one machine; they are not tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { openOrm } from '../src/db/orm.js';
import { User } from '../src/modules/people/people.entity.js';
import { baselineFeed, FEED_QUERY, registerBaseline, type FeedVariables } from './baseline.js';
import { buildDataset, SIZES } from './dataset.js';
import { load, type LoadResult, type Request } from './load.js';

const { values } = parseArgs({
  options: { size: { type: 'string', default: 'small' }, db: { type: 'string', default: 'sqlite' }, seconds: { type: 'string', default: '3' } },
});
const size = SIZES[values.size as keyof typeof SIZES];
if (!size) throw new Error(`--size must be one of ${Object.keys(SIZES).join(', ')}`);
const seconds = Number(values.seconds);
const ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

/** A scratch PostgreSQL database for this run, dropped at the end. */
async function scratchPostgres(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `council_bench_${process.pid}`;
  const admin = await openOrm({ kind: 'postgresql', url: ADMIN_URL });
  await admin.orm.em.getConnection().execute(`drop database if exists "${name}" with (force)`);
  await admin.orm.em.getConnection().execute(`create database "${name}"`);
  await admin.orm.close();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const again = await openOrm({ kind: 'postgresql', url: ADMIN_URL });
      await again.orm.em.getConnection().execute(`drop database if exists "${name}" with (force)`);
      await again.orm.close();
    },
  };
}

const dir = mkdtempSync(join(tmpdir(), 'council-bench-'));
const scratch = values.db === 'postgresql' ? await scratchPostgres() : null;
const config = loadConfig({
  DATA_DIR: dir,
  LOG_LEVEL: 'silent',
  NODE_ENV: 'production',
  COUNCIL_DEMO: '0',
  WRITE_LIMIT_PER_MINUTE: '0',
  SESSION_SECRET: 'bench-session-secret-bench-session-secret',
  ...(scratch ? { DATABASE_URL: scratch.url } : {}),
});
const { app, orm, statements, services } = await buildApp(config, { logger: false, sweepIntervalMs: 0, mailIntervalMs: 0, reminderIntervalMs: 0 });
registerBaseline(app, orm);

interface Row {
  name: string;
  one: LoadResult;
  many: LoadResult;
  statements: number;
  baseline?: { one: LoadResult; many: LoadResult; statements: number };
}

/** Sessions opened directly (the sign-in limits are not what is measured). */
async function sessionsFor(ids: string[]): Promise<Map<string, string>> {
  const cookies = new Map<string, string>();
  await orm.em.fork().transactional(async (tx) => {
    for (const id of ids) cookies.set(id, `council_session=${services.auth.openSession(tx, tx.getReference(User, id)).token}`);
  });
  return cookies;
}

const gql = (query: string, variables: Record<string, unknown>, cookie: string): Request => ({ method: 'POST', path: '/graphql', body: { query, variables }, cookie });

try {
  const t0 = performance.now();
  const data = await buildDataset(orm.em.fork(), size);
  const built = (performance.now() - t0) / 1000;
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const reader = data.coordinators[1];
  const voters = data.coordinators.slice(0, 200);
  const cookies = await sessionsFor([reader.id, data.facilitator.id, ...voters.map((v) => v.id)]);
  const cookie = cookies.get(reader.id)!;
  const regionId = Buffer.from(`Region:${reader.regionId}`).toString('base64');
  const category = (await orm.em.getConnection().execute(`select id from category order by position limit 1`))[0] as { id: string };
  const categoryId = Buffer.from(`Category:${category.id}`).toString('base64');

  const rows: Row[] = [];
  const measure = async (name: string, next: (i: number) => Request, baseline?: (i: number) => Request) => {
    const s0 = statements.count;
    const one = await load(base, next, 1, seconds);
    const perRequest = (statements.count - s0) / (one.requests + 5);
    const many = await load(base, next, 50, seconds);
    let yardstick: Row['baseline'];
    if (baseline) {
      const b0 = statements.count;
      const bOne = await load(base, baseline, 1, seconds);
      const bPer = (statements.count - b0) / (bOne.requests + 5);
      yardstick = { one: bOne, many: await load(base, baseline, 50, seconds), statements: bPer };
    }
    rows.push({ name, one, many, statements: perRequest, baseline: yardstick });
    process.stderr.write(`  measured ${name}\n`);
  };
  const feed = async (name: string, v: FeedVariables) => {
    const after = v.offset ? Buffer.from(`offset:${v.offset - 1}`).toString('base64url') : undefined;
    await measure(
      name,
      () => gql(FEED_QUERY, { first: v.first, after, orderBy: v.orderBy, filter: v.filter }, cookie),
      () => ({ method: 'GET', path: `/baseline/feed?viewer=${reader.id}&v=${encodeURIComponent(JSON.stringify(v))}` }),
    );
  };

  // The baseline must answer what the API answers, or the ratio means nothing.
  const same = JSON.stringify(await baselineFeed(orm, reader.id, { first: 25, orderBy: 'NEWEST' }));
  const api = await (await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ query: FEED_QUERY, variables: { first: 25, orderBy: 'NEWEST' } }) })).text();
  if (same !== api) process.stderr.write('warning: the baseline feed differs from the API feed\n');

  await feed('feed PRIORITY', { first: 25, orderBy: 'PRIORITY' });
  await feed('feed PRIORITY, page 20', { first: 25, offset: 475, orderBy: 'PRIORITY' });
  await feed('feed NEWEST', { first: 25, orderBy: 'NEWEST' });
  await feed('feed NEWEST, page 20', { first: 25, offset: 475, orderBy: 'NEWEST' });
  await feed('feed RECENT_ACTIVITY', { first: 25, orderBy: 'RECENT_ACTIVITY' });
  await feed('feed region, PRIORITY', { first: 25, orderBy: 'PRIORITY', filter: { regionId } });
  await feed('feed category, NEWEST', { first: 25, orderBy: 'NEWEST', filter: { categoryId } });
  await feed('feed search, NEWEST', { first: 25, orderBy: 'NEWEST', filter: { search: 'refund' } });

  const issueIds = data.openIssueIds;
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

  const memory = process.memoryUsage().rss / 1024 / 1024;
  console.log(`\nCouncil bench — ${config.database.kind}, size ${values.size} (${size.issues.toLocaleString('en')} issues, ${size.supports.toLocaleString('en')} supports, ${size.comments.toLocaleString('en')} comments, ${size.regions} regions, ${size.people} people), built in ${built.toFixed(0)} s`);
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 1024 ** 3).toFixed(0)} GB, Node ${process.version}; ${seconds} s per measurement; RSS at the end ${memory.toFixed(0)} MB\n`);
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
  await app.close();
  await scratch?.drop();
  rmSync(dir, { recursive: true, force: true });
}
