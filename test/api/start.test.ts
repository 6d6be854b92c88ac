// `pnpm start`'s server process: migrates an empty DATA_DIR, seeds the demo, prints the URL and the
// demo sign-in, and a plain HTTP GraphQL client can sign in and read the feed.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
let child: ChildProcess | undefined;
afterAll(() => {
  child?.kill('SIGTERM');
});

it('starts on an empty data directory with the demo workspace', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'council-start-'));
  child = spawn(process.execPath, ['--import', 'tsx', join(root, 'server/src/main.ts')], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn', NODE_ENV: 'production', COUNCIL_TEST_DATABASE: '' },
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start within 60 s:\n${output}`)), 60_000);
    child!.stdout!.on('data', (chunk) => {
      output += chunk;
      const m = output.match(/Council is running at (http:\/\/\S+)/);
      if (m && /council-demo/.test(output)) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child!.stderr!.on('data', (chunk) => (output += chunk));
    child!.on('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
  });
  expect(output).toMatch(/coordinator1@council\.test/);
  expect((await fetch(new URL('/healthz', url))).status).toBe(200);

  const post = async (query: string, cookie = '') =>
    fetch(new URL('/graphql', url), { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ query }) });
  const signIn = await post(`mutation { signIn(email: "coordinator1@council.test", password: "council-demo") { name region { code } } }`);
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0];
  expect((await signIn.json()).data.signIn.region.code).toBe('NORD');
  const feed = await (await post(`{ issues(first: 5) { totalCount edges { node { title supportCount } } } }`, cookie)).json();
  expect(feed.data.issues.totalCount).toBeGreaterThanOrEqual(40);
  expect(feed.data.issues.edges).toHaveLength(5);
}, 90_000);
