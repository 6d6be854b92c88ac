// Scheduled work that must run once across instances (the vote-closer now; reminders and digests
// next). Every instance registers the same jobs; only the holder of the database lease runs them,
// the others stand by and take over when the lease runs out (its holder died) or is released (its
// holder stopped).
//
// Why a lease row rather than a PostgreSQL advisory lock or a Redis lock: one guarded UPDATE
// acquires or renews it on PostgreSQL and SQLite alike, with Redis or without; no connection is
// pinned for the leader's lifetime; and a holder whose machine vanishes is replaced after the
// lease time, whereas an advisory lock lives until PostgreSQL notices the dead connection (TCP
// keepalive: up to hours). Expiry compares the instances' clocks, which must agree to well within
// the lease time (NTP does). The jobs themselves stay safe to run twice (closing a vote claims the
// proposal's row), so a holder that stalls past its lease cannot do harm either.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Em, Orm } from '../db/orm.js';
import { Lease } from './lease.entity.js';

export interface Job {
  name: string;
  everyMs: number;
  run(em: Em): Promise<unknown>;
}

export type SchedulerRole = 'leader' | 'standby';

export interface JobStats {
  runs: number;
  lastRunAt: Date | null;
  lastError: string | null;
}

export interface SchedulerOptions {
  /** How long the lease lasts without renewal; it is renewed (or contested) every third of that. */
  leaseMs: number;
  jobs: Job[];
  log: { info(message: string): void; error(error: unknown, message: string): void };
}

const LEASE = 'scheduler';

export class Scheduler {
  /** Names this instance in the lease row, for operators: which host and process leads. */
  readonly owner = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  /** Local clock time until which this instance holds the lease; 0 when it does not. */
  private heldUntil = 0;
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly running = new Map<string, Promise<void>>();
  private readonly stats = new Map<string, JobStats>();
  private contending: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly orm: Orm,
    private readonly options: SchedulerOptions,
  ) {
    for (const job of options.jobs) this.stats.set(job.name, { runs: 0, lastRunAt: null, lastError: null });
  }

  get role(): SchedulerRole {
    return Date.now() < this.heldUntil ? 'leader' : 'standby';
  }

  /** Runs per job on this instance (a standby's stay at 0). */
  jobStats(): Record<string, JobStats> {
    return Object.fromEntries([...this.stats].map(([name, s]) => [name, { ...s }]));
  }

  async start(): Promise<void> {
    await this.orm.em
      .fork()
      .createQueryBuilder(Lease)
      .insert({ name: LEASE, owner: null, expiresAt: new Date(0) })
      .onConflict('name')
      .ignore()
      .execute();
    await this.contend();
    this.timers.push(setInterval(() => void this.contend(), Math.max(1, Math.floor(this.options.leaseMs / 3))).unref());
    for (const job of this.options.jobs) this.timers.push(setInterval(() => this.tick(job), job.everyMs).unref());
  }

  /** Stops the timers, lets running jobs finish and releases the lease, so a standby takes over at once. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.timers.forEach(clearInterval);
    await this.contending;
    await Promise.all(this.running.values());
    if (this.heldUntil === 0) return;
    this.heldUntil = 0;
    try {
      await this.orm.em
        .fork()
        .createQueryBuilder(Lease)
        .update({ owner: null, expiresAt: new Date() })
        .where({ name: LEASE, owner: this.owner })
          .execute();
    } catch (error) {
      // The lease then runs out by itself; a standby takes over after the lease time.
      this.options.log.error(error, 'releasing the scheduler lease failed');
    }
  }

  private contend(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.contending ??= this.acquireOrRenew().finally(() => (this.contending = null));
    return this.contending;
  }

  private async acquireOrRenew(): Promise<void> {
    const wasLeader = this.role === 'leader';
    // Taken before the statement: our own view of the lease ends no later than the stored one.
    const now = Date.now();
    const until = now + this.options.leaseMs;
    try {
      // One guarded UPDATE: renews our lease, or takes a released or run-out one; of instances
      // racing for it, the database lets exactly one change the row.
      const result = await this.orm.em
        .fork()
        .createQueryBuilder(Lease)
        .update({ owner: this.owner, expiresAt: new Date(until) })
        .where({ name: LEASE, $or: [{ owner: this.owner }, { owner: null }, { expiresAt: { $lt: new Date(now) } }] })
          .execute('run');
      this.heldUntil = result.affectedRows === 1 ? until : 0;
    } catch (error) {
      // Keep what is held until it runs out by our clock; no one else can take it before then.
      this.options.log.error(error, 'renewing the scheduler lease failed');
    }
    const isLeader = this.role === 'leader';
    if (isLeader !== wasLeader) this.options.log.info(`scheduled work: this instance (${this.owner}) is now ${isLeader ? 'the leader' : 'on standby'}`);
  }

  private tick(job: Job): void {
    // A run still going is not started again: a slow run delays the next one instead of stacking up.
    if (this.stopped || this.role !== 'leader' || this.running.has(job.name)) return;
    const stats = this.stats.get(job.name)!;
    const run = job
      .run(this.orm.em.fork())
      .then(
        () => void (stats.lastError = null),
        (error: unknown) => {
          stats.lastError = error instanceof Error ? error.message : String(error);
          this.options.log.error(error, `scheduled job ${job.name} failed`);
        },
      )
      .finally(() => {
        stats.runs += 1;
        stats.lastRunAt = new Date();
        this.running.delete(job.name);
      });
    this.running.set(job.name, run);
  }
}
