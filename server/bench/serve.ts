// The bench's server, in its own process as in production: Council on the given database (the
// environment as for `pnpm start`), the raw-SQL yardstick route (baseline.ts), and two bench-only
// routes: sessions for given people (the sign-in limits are not what is measured), the count of
// SQL statements sent so far and the process's memory by kind. Prints `{"port":N}` on its first line once it listens.
import { fileURLToPath } from 'node:url';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { User } from '../src/modules/people/people.entity.js';
import { registerBaseline } from './baseline.js';

const config = loadConfig(process.env);
config.webDist = fileURLToPath(new URL('../../web/dist', import.meta.url));
const { app, orm, statements, services } = await buildApp(config, { logger: false, sweepIntervalMs: 0, mailIntervalMs: 0, reminderIntervalMs: 0 });
registerBaseline(app, orm);
app.post<{ Body: { ids: string[] } }>('/bench/sessions', async (req) => {
  const cookies: Record<string, string> = {};
  await orm.em.fork().transactional(async (tx) => {
    for (const id of req.body.ids) cookies[id] = `council_session=${services.auth.openSession(tx, tx.getReference(User, id)).token}`;
  });
  return cookies;
});
app.get('/bench/statements', async () => ({ count: statements.count }));
// Where the memory is, in MB: V8's heap (used of reserved), memory outside it (buffers, native).
app.get('/bench/memory', async () => Object.fromEntries(Object.entries(process.memoryUsage()).map(([k, v]) => [k, Math.round(v / 1048576)])));
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void app.close().then(() => process.exit(0)));
