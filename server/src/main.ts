// Start: read config, migrate and seed the demo workspace into an empty database (under the
// start-up lock, so several instances can start at once), listen. A start that fails says why in
// one line (start-failure.ts) and exits 1; SIGINT, SIGTERM and SIGHUP stop the server gracefully:
// no new connections, requests in flight finish, subscription streams end, then the scheduled work,
// Redis and the database close; a stop that takes longer than 10 s exits 1 saying so.
import { fileURLToPath } from 'node:url';
import { buildApp, type App } from './app.js';
import { loadConfig, type Config } from './config.js';
import { seedDemo } from './demo/seed.js';
import { DEMO_PASSWORD } from './demo/data.js';
import { describeStartFailure } from './start-failure.js';

const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
/** How long a stop may take: requests in flight finish, streams end, scheduled work stops, the database closes. */
const STOP_DEADLINE_MS = 10_000;

async function main(): Promise<void> {
  let config: Config | undefined;
  let built: App | undefined;
  try {
    config = loadConfig();
    config.webDist = fileURLToPath(new URL('../../web/dist', import.meta.url));
    built = await buildApp(config, { seedIfEmpty: config.demo ? seedDemo : undefined });
    await built.app.listen({ port: config.port, host: config.host });
  } catch (error) {
    // The database, Redis and the scheduler's lease are let go of before leaving.
    await built?.app.close().catch(() => undefined);
    console.error(describeStartFailure(error, config));
    if (config?.logLevel === 'debug' || config?.logLevel === 'trace') console.error(error);
    process.exit(1);
  }
  const { app, seeded } = built;

  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}/`;
  console.log(`\nCouncil is running at ${url}`);
  if (config.demo) {
    console.log(`Demo workspace${seeded ? ' created' : ''}: sign in as coordinator1@council.test (or facilitator@, executive@, admin@council.test), password "${DEMO_PASSWORD}".`);
  }

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    // Ctrl-C in a terminal reaches this process twice: from the terminal, and forwarded by `pnpm start`.
    if (stopping) return;
    stopping = true;
    // A request or a closing connection that hangs must not keep a stopping server from stopping:
    // a supervisor waiting for the exit would otherwise kill it without a word.
    setTimeout(() => {
      console.error(`Council did not stop within ${STOP_DEADLINE_MS / 1000} s (${signal}): exiting with requests or connections still open.`);
      process.exit(1);
    }, STOP_DEADLINE_MS).unref();
    app.close().then(
      () => {
        console.log(`Council stopped (${signal}).`);
        process.exit(0);
      },
      (error: unknown) => {
        console.error(`Council did not stop cleanly (${signal}): ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  for (const signal of STOP_SIGNALS) process.on(signal, stop);
}

await main();
