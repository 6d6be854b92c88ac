// Scheduled work runs once across instances: of apps on one database exactly one holds the
// scheduler lease and runs the jobs (the vote-closer); a clean shutdown hands the lease over at
// once, and a holder that dies without releasing it is replaced when its lease runs out.
import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import * as f from '../support/factories.js';
import { Lease } from '../../server/src/jobs/lease.entity.js';
import { Proposal } from '../../server/src/modules/proposals/proposals.entity.js';

const LEASE_MS = 3_000; // contested and renewed every second
const started: TestApp[] = [];

/** `count` apps on one database, started one after the other (the first one creates it). */
async function instances(count: number, leaseMs = LEASE_MS): Promise<TestApp[]> {
  const options = { leaseMs, sweepIntervalMs: 100 };
  const first = await startTestApp(options);
  const database = first.services.config.database;
  const url = database.kind === 'postgresql' ? database.url : `sqlite:${database.file}`;
  const apps = [first];
  for (let i = 1; i < count; i++) apps.push(await startTestApp({ ...options, env: { DATABASE_URL: url, SESSION_SECRET: 's'.repeat(32) } }));
  // Closed in reverse: the first app drops the test database.
  started.unshift(...[...apps].reverse());
  return apps;
}

afterEach(async () => {
  for (const app of started.splice(0)) await app.close();
});

async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<number> {
  const start = Date.now();
  while (!(await condition())) {
    if (Date.now() - start > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return Date.now() - start;
}

const roles = (apps: TestApp[]) => apps.map((a) => a.scheduler.role);
const health = async (app: TestApp) => (await app.app.inject({ url: '/healthz' })).json();
const closerRuns = (app: TestApp) => app.scheduler.jobStats()['close-due-votes'].runs;

describe('scheduler', () => {
  it('lets exactly one of several instances lead, and runs the vote-closer only there', async () => {
    const apps = await instances(3);
    expect(roles(apps).filter((r) => r === 'leader')).toHaveLength(1);
    const leader = apps.find((a) => a.scheduler.role === 'leader')!;
    const standbys = apps.filter((a) => a !== leader);
    expect(await health(leader)).toEqual({ status: 'ok', scheduler: 'leader' });
    for (const s of standbys) expect(await health(s)).toEqual({ status: 'ok', scheduler: 'standby' });

    // A vote that falls due now is closed by the leader's vote-closer.
    const em = leader.orm.em.fork();
    const region = await f.region(em);
    const author = await f.user(em, { region });
    const facilitator = await f.user(em, { region, roles: ['FACILITATOR', 'COORDINATOR'] });
    const draft = await f.proposalInVoting(em, author, facilitator);
    await em.nativeUpdate(Proposal, { id: draft.id }, { votingClosesAt: new Date(Date.now() - 1_000) });
    await until(async () => (await leader.orm.em.fork().findOneOrFail(Proposal, draft.id)).status !== 'VOTING', 5_000);

    expect(closerRuns(leader)).toBeGreaterThan(0);
    for (const s of standbys) expect(closerRuns(s)).toBe(0);
    expect(roles(apps).filter((r) => r === 'leader')).toHaveLength(1);
  });

  it('hands over at once when the leader shuts down cleanly', async () => {
    const apps = await instances(2);
    const leader = apps.find((a) => a.scheduler.role === 'leader')!;
    const standby = apps.find((a) => a !== leader)!;
    const closedAt = Date.now();
    // The server alone (the test database stays until afterEach): as `main` does on SIGTERM.
    await leader.app.close();
    await until(() => standby.scheduler.role === 'leader', LEASE_MS);
    // Released, not run out: the standby took it at its next attempt (every LEASE_MS / 3), well
    // before the lease renewed at most LEASE_MS / 3 ago could have expired.
    expect(Date.now() - closedAt).toBeLessThan((LEASE_MS * 2) / 3);
    const lease = await standby.orm.em.fork().findOneOrFail(Lease, { name: 'scheduler' });
    expect(lease.owner).toBe(standby.scheduler.owner);
  });

  it('replaces a leader that died without releasing, once its lease has run out', async () => {
    const apps = await instances(2);
    // A holder that stops renewing, as a crashed process or a vanished machine does.
    const expiresAt = Date.now() + 2_000;
    await apps[0].orm.em.fork().nativeUpdate(Lease, { name: 'scheduler' }, { owner: 'crashed-host:1234:dead', expiresAt: new Date(expiresAt) });
    // Within one renewal the former holder learns that it lost the lease; nobody takes it early.
    await until(() => roles(apps).every((r) => r === 'standby'), LEASE_MS / 3 + 500);
    await until(() => roles(apps).includes('leader'), 2_000 + LEASE_MS);
    expect(Date.now()).toBeGreaterThanOrEqual(expiresAt);
    expect(roles(apps).filter((r) => r === 'leader')).toHaveLength(1);
  });
});
