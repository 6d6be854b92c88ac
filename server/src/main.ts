// Start: read config, migrate, seed the demo workspace if the database is empty, listen.
import { fileURLToPath } from 'node:url';
import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { User } from './modules/people/people.entity.js';
import { seedDemo } from './demo/seed.js';
import { DEMO_PASSWORD } from './demo/data.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  config.webDist = fileURLToPath(new URL('../../web/dist', import.meta.url));
  const { app, orm } = await buildApp(config);

  const em = orm.em.fork();
  const seeded = config.demo && (await em.count(User)) === 0;
  if (seeded) await seedDemo(em);

  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}/`;
  console.log(`\nCouncil is running at ${url}`);
  if (config.demo) {
    console.log(`Demo workspace${seeded ? ' created' : ''}: sign in as coordinator1@council.test (or facilitator@, executive@, admin@council.test), password "${DEMO_PASSWORD}".`);
  }
  const stop = async () => {
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

await main();
