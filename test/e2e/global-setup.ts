// Seeds the demo workspace once for the browser run, into a SQLite file that every test file's server
// starts from (a copy each: test files never see each other's writes). Seeding through the services
// takes seconds; twenty test files used to pay it twenty times.
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startTestApp } from '../support/app.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The seeded demo's SQLite file (see startTestApp's seedTemplate). */
    seedTemplate: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const keep = mkdtempSync(join(tmpdir(), 'council-seed-'));
  const template = join(keep, 'council.sqlite');
  const seeded = await startTestApp({ seed: true, sweepIntervalMs: 0, reminderIntervalMs: 0, mailIntervalMs: 0 });
  // Closing the server closes the database: its WAL is checkpointed into the file (and any left is copied too).
  await seeded.app.close();
  for (const suffix of ['', '-wal']) if (existsSync(join(seeded.dir, `council.sqlite${suffix}`))) copyFileSync(join(seeded.dir, `council.sqlite${suffix}`), template + suffix);
  rmSync(seeded.dir, { recursive: true, force: true });
  project.provide('seedTemplate', template);
  return () => rmSync(keep, { recursive: true, force: true });
}
