// `pnpm bench` itself, on a tiny workspace (the large one is not part of CI): it builds the data,
// starts the compiled server and the bench server in processes of their own, measures every
// operation without an error, and a feed request costs at most 4 SQL statements in every order and
// filter (issue #11's target; feed-order.test.ts asserts the same request by request).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('pnpm bench', () => {
  it('runs on a tiny workspace and prints every operation with its statements, cold start and memory, without errors', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/bench/main.ts', '--size', 'tiny', '--seconds', '0.2', '--no-browser'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 170_000,
      env: { ...process.env, NODE_ENV: 'production' },
    });
    expect(run.status, run.stderr).toBe(0);
    const out = run.stdout;
    expect(out).toMatch(/cold start of the compiled server to healthy: \d+ ms/);
    expect(out).toMatch(/server's peak RSS after the 50-connection feed loads: \d+ MB/);
    const rows = out.split('\n').filter((l) => /^(feed|search|issue page|proposals|generateAgenda|raiseIssue|castVote)/.test(l));
    expect(rows.map((l) => l.slice(0, 26).trim())).toEqual([
      'feed PRIORITY',
      'feed PRIORITY, page 20',
      'feed NEWEST',
      'feed NEWEST, page 20',
      'feed RECENT_ACTIVITY',
      'feed region, PRIORITY',
      'feed category, NEWEST',
      'feed search, NEWEST',
      'search',
      'issue page',
      'proposals list, 25',
      'generateAgenda',
      'raiseIssue',
      'castVote',
    ]);
    for (const row of rows) {
      const columns = row.slice(26).trim().split(/\s+/);
      // The last column counts failed requests; the one before is SQL statements per request.
      expect(Number(columns.at(-1)), row).toBe(0);
      if (row.startsWith('feed')) expect(Number(columns.at(-2)), row).toBeLessThanOrEqual(4);
    }
    // Each feed row is followed by its yardstick and the ratio.
    expect(out.match(/^ {2}SQL route/gm)).toHaveLength(8);
  }, 180_000);
});
