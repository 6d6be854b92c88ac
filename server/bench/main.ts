// `pnpm bench`: throughput and latency of the hot paths on a realistic workspace, through the
// whole stack (fastify inject → yoga → Pothos → services → MikroORM → SQLite; PostgreSQL with
// BENCH_DATABASE_URL). Prints one table; numbers are for comparing changes on the same machine.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { Category, Region } from '../src/modules/people/people.entity.js';
import { createUser } from '../src/modules/people/people.service.js';
import { addComment, raiseIssue, supportIssue } from '../src/modules/issues/issues.service.js';
import { User } from '../src/modules/people/people.entity.js';
import { Issue } from '../src/modules/issues/issues.entity.js';
import { draftProposal } from '../src/modules/proposals/proposals.service.js';

const ISSUES = Number(process.env.BENCH_ISSUES ?? 2000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);
const dir = mkdtempSync(join(tmpdir(), 'council-bench-'));
const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', NODE_ENV: 'production', ...(process.env.BENCH_DATABASE_URL ? { DATABASE_URL: process.env.BENCH_DATABASE_URL } : {}) });
const { app, orm, statements } = await buildApp(config, { logger: false });

async function seed(): Promise<User[]> {
  const em = orm.em.fork();
  const regions = Array.from({ length: 8 }, (_, i) => em.create(Region, { code: `R${i}`, name: `Region ${i}`, timeZone: 'UTC', createdAt: new Date() }));
  const categories = Array.from({ length: 7 }, (_, i) => em.create(Category, { name: `Category ${i}`, position: i, createdAt: new Date() }));
  await em.flush();
  const users: User[] = [];
  users.push(await createUser(em, null, { email: 'facilitator@bench.test', name: 'Facilitator', password: 'bench-password', roles: ['FACILITATOR', 'COORDINATOR'], regionCode: regions[0].code }));
  for (let i = 0; i < 16; i++) users.push(await createUser(em, null, { email: `u${i}@bench.test`, name: `User ${i}`, password: 'bench-password', roles: ['COORDINATOR'], regionCode: regions[i % 8].code }));
  const now = Date.now();
  for (let i = 0; i < ISSUES; i++) {
    const at = new Date(now - (ISSUES - i) * 3_600_000);
    const issue = await raiseIssue(em, users[1 + (i % 16)], { title: `Issue number ${i} about returns`, description: `Description ${i}, long enough.`, categoryId: categories[i % 7].id }, at);
    for (let k = 1; k <= i % 5; k++) await supportIssue(em, users[1 + ((i + k) % 16)], issue.id, null, at);
    if (i % 3 === 0) await addComment(em, users[1 + ((i + 7) % 16)], { type: 'Issue', id: issue.id }, 'A comment with some detail.', at);
    em.clear();
  }
  return users;
}

async function signIn(email: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/graphql', payload: { query: `mutation { signIn(email: "${email}", password: "bench-password") { id } }` } });
  return String(res.headers['set-cookie']).split(';')[0];
}

const FEED = `query($first: Int, $orderBy: IssueOrder, $filter: IssueFilter) { issues(first: $first, orderBy: $orderBy, filter: $filter) { totalCount edges { node {
  id title status supportCount regionCount commentCount lastActivityAt viewerHasSupported category { name } originRegion { name } raisedBy { name } affectedRegions { code }
} } } }`;

interface Row { name: string; opsPerSec: number; p50: number; p95: number; statements: number }

async function measure(name: string, cookie: string, body: () => { query: string; variables?: object }): Promise<Row> {
  for (let i = 0; i < 10; i++) await app.inject({ method: 'POST', url: '/graphql', headers: { cookie }, payload: body() });
  const times: number[] = [];
  const s0 = statements.count;
  const t0 = performance.now();
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    const res = await app.inject({ method: 'POST', url: '/graphql', headers: { cookie }, payload: body() });
    times.push(performance.now() - start);
    if (res.json().errors) throw new Error(`${name}: ${res.body}`);
  }
  const total = performance.now() - t0;
  times.sort((a, b) => a - b);
  return { name, opsPerSec: (ROUNDS / total) * 1000, p50: times[Math.floor(ROUNDS * 0.5)], p95: times[Math.floor(ROUNDS * 0.95)], statements: (statements.count - s0) / ROUNDS };
}

try {
  const seedStart = performance.now();
  await seed();
  console.log(`${config.database.kind}: seeded ${ISSUES} issues in ${((performance.now() - seedStart) / 1000).toFixed(1)} s; ${ROUNDS} requests per row\n`);
  const cookie = await signIn('u0@bench.test');
  const proposalIssues = await orm.em.fork().find(Issue, {}, { limit: 30 });
  const author = await orm.em.fork().findOneOrFail(User, { email: 'u0@bench.test' }, { populate: ['region'] });
  for (const issue of proposalIssues) {
    await draftProposal(orm.em.fork(), author, { issueId: issue.id, title: `Proposal for ${issue.title}`, currentPolicy: 'Now.', proposedPolicy: 'Better.', rationale: 'Because it helps customers.', requiresApproval: true });
  }
  const facCookie = await signIn('facilitator@bench.test');
  const scheduled = await app.inject({
    method: 'POST',
    url: '/graphql',
    headers: { cookie: facCookie },
    payload: { query: `mutation { scheduleMeeting(input: { title: "Bench meeting", startsAt: "2030-01-01T09:00:00Z", durationMinutes: 90 }) { id } }` },
  });
  const meetingId = scheduled.json().data.scheduleMeeting.id as string;
  let n = 0;
  const rows: Row[] = [
    await measure('feed PRIORITY, 20', cookie, () => ({ query: FEED, variables: { first: 20, orderBy: 'PRIORITY' } })),
    await measure('feed NEWEST, 20', cookie, () => ({ query: FEED, variables: { first: 20, orderBy: 'NEWEST' } })),
    await measure('feed RECENT_ACTIVITY, 100', cookie, () => ({ query: FEED, variables: { first: 100, orderBy: 'RECENT_ACTIVITY' } })),
    await measure('feed search "number 1"', cookie, () => ({ query: FEED, variables: { first: 20, orderBy: 'NEWEST', filter: { search: 'number 1' } } })),
    await measure('proposals with tallies', cookie, () => ({ query: `{ proposals { id status tally { for against regionsVoted passing } rollouts { status } author { name } } }` })),
    await measure('generateAgenda', facCookie, () => ({ query: `mutation($id: ID!) { generateAgenda(meetingId: $id) { agenda { title reason } } }`, variables: { id: meetingId } })),
    await measure('raiseIssue', cookie, () => ({ query: `mutation { raiseIssue(input: { title: "Bench issue ${n++}", description: "Raised by the benchmark." }) { id } }` })),
  ];
  const pad = (s: string | number, w: number) => String(s).padStart(w);
  console.log(`${'operation'.padEnd(28)}${pad('req/s', 9)}${pad('p50 ms', 9)}${pad('p95 ms', 9)}${pad('SQL/req', 9)}`);
  for (const r of rows) console.log(`${r.name.padEnd(28)}${pad(r.opsPerSec.toFixed(0), 9)}${pad(r.p50.toFixed(1), 9)}${pad(r.p95.toFixed(1), 9)}${pad(r.statements.toFixed(1), 9)}`);
} finally {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
}
