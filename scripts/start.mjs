// `pnpm start`: builds the web app when its sources are newer than the build and the server when
// its sources changed (scripts/build-server.mjs: compiled ahead of time, so a start runs JavaScript
// instead of compiling TypeScript), then runs the compiled server in production mode. Stop signals (SIGINT, SIGTERM, SIGHUP) go on to the server, and this process
// ends with the server's status, 128 + the signal's number when a signal ended the server, so a
// supervisor that restarts on failure sees a crash or a kill as one.
// `pnpm start --no-build` skips the web build (the server then serves whatever web/dist holds); the
// server is still compiled when its sources changed, which takes well under a second.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { constants } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServer, serverBundle, serverNodeOptions } from './build-server.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** A child's end as an exit status, the way shells report it: its code, or 128 + its signal's number. */
const statusOf = (code, signal) => code ?? (signal ? 128 + constants.signals[signal] : 1);

function newest(path) {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...readdirSync(path).map((f) => (f === 'node_modules' || f === 'dist' ? 0 : newest(join(path, f)))));
}

if (!process.argv.includes('--no-build')) {
  const built = join(root, 'web/dist/index.html');
  const sources = Math.max(
    newest(join(root, 'web/src')),
    newest(join(root, 'web/index.html')),
    newest(join(root, 'web/vite.config.ts')),
    newest(join(root, 'web/precompress.ts')),
    newest(join(root, 'shared/src')),
  );
  if (!existsSync(built) || statSync(built).mtimeMs < sources) {
    console.log('Building the web app…');
    const r = spawnSync('pnpm', ['--filter', '@council/web', 'build'], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) process.exit(statusOf(r.status, r.signal));
  }
}

try {
  if (await buildServer()) console.log('Compiled the server.');
} catch (error) {
  // esbuild has printed the errors with their places.
  console.error(`Council could not be compiled: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  process.exit(1);
}

const server = spawn(process.execPath, [...serverNodeOptions(), serverBundle], {
  cwd: root,
  stdio: 'inherit',
  env: { NODE_ENV: 'production', ...process.env },
});
// Until the server has exited, a stop signal is the server's to act on (it closes gracefully);
// this process waits for it rather than dying first and leaving the server behind.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (server.exitCode === null && server.signalCode === null) server.kill(signal);
  });
}
server.on('error', (error) => {
  console.error(`Council could not start: ${error.message}`);
  process.exit(1);
});
server.on('exit', (code, signal) => process.exit(statusOf(code, signal)));
