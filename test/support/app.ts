// Boots the real app on a fresh temporary SQLite file (or PostgreSQL) for integration tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, type App, type BuildOptions } from '../../server/src/app.js';
import { loadConfig } from '../../server/src/config.js';
import { seedDemo } from '../../server/src/demo/seed.js';

export interface TestApp extends App {
  dir: string;
  close(): Promise<void>;
}

export async function startTestApp(options: BuildOptions & { env?: Record<string, string>; webDist?: string; seed?: boolean } = {}): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'council-test-'));
  const config = loadConfig({ DATA_DIR: dir, NODE_ENV: 'test', LOG_LEVEL: 'silent', ...options.env });
  config.webDist = options.webDist;
  const built = await buildApp(config, { logger: false, ...options });
  if (options.seed) await seedDemo(built.orm.em.fork());
  return {
    ...built,
    dir,
    async close() {
      await built.app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
