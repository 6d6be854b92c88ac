// `pnpm test`: typecheck, lint, unit + integration + contract tests, web build, browser tests.
// Every step runs (a failure does not hide later ones); the last line sums them:
// "N passed, N failed" (vitest counts each test; typecheck, lint and build count one each).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const artifacts = join(root, 'test/artifacts');
mkdirSync(artifacts, { recursive: true });
const only = process.argv.slice(2);

let passed = 0;
let failed = 0;
let skipped = 0;
const lines = [];

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: process.env.CI ? '0' : '1' } });
  return r.status === 0;
}

function check(name, cmd, args) {
  if (only.length && !only.includes(name)) return true;
  console.log(`\n▶ ${name}`);
  const ok = run(cmd, args);
  if (ok) passed++;
  else failed++;
  lines.push(`${ok ? '✓' : '✗'} ${name}`);
  return ok;
}

function vitest(name, config, extra = []) {
  if (only.length && !only.includes(name)) return true;
  console.log(`\n▶ ${name}`);
  const out = join(artifacts, `${name}.json`);
  rmSync(out, { force: true });
  const ok = run('pnpm', ['exec', 'vitest', 'run', '--config', config, ...extra, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  let p = 0;
  let f = 0;
  let s = 0;
  try {
    const report = JSON.parse(readFileSync(out, 'utf8'));
    p = report.numPassedTests;
    // A file that failed without a failing test (an error while loading it) counts once.
    const brokenFiles = report.testResults.filter((r) => r.status === 'failed' && !r.assertionResults.some((a) => a.status === 'failed'));
    f = report.numFailedTests + brokenFiles.length;
    s = report.numPendingTests + (report.numTodoTests ?? 0);
  } catch {
    f = 1; // no report: the run itself failed
  }
  if (!ok && f === 0) f = 1;
  passed += p;
  failed += f;
  skipped += s;
  lines.push(`${f ? '✗' : '✓'} ${name}: ${p} passed, ${f} failed${s ? `, ${s} skipped` : ''}`);
  return f === 0;
}

/** Whether a TCP service answers on host:port within a second. */
function reachable(url) {
  const { hostname, port } = new URL(url);
  const probe = `require('net').connect({host:${JSON.stringify(hostname)},port:${Number(port) || 5432},timeout:1000}).on('connect',()=>process.exit(0)).on('error',()=>process.exit(1)).on('timeout',()=>process.exit(1))`;
  return spawnSync(process.execPath, ['-e', probe]).status === 0;
}

const pgUrl = process.env.COUNCIL_TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const projects = ['--project', 'sqlite'];
if (reachable(pgUrl)) projects.push('--project', 'postgresql');
else lines.push(`- API tests on PostgreSQL skipped: nothing answers at ${new URL(pgUrl).host} (set COUNCIL_TEST_POSTGRES_URL)`);

check('typecheck', 'pnpm', ['-s', 'typecheck']);
check('lint', 'pnpm', ['-s', 'lint']);
vitest('unit-and-api', 'vitest.config.ts', projects);
const built = check('web-build', 'pnpm', ['--filter', '@council/web', 'build']);
if (built || only.includes('e2e')) vitest('e2e', 'test/e2e/vitest.config.ts');
else if (!only.length || only.includes('e2e')) {
  failed++;
  lines.push('✗ e2e: not run, the web build failed');
}

const summary = `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
writeFileSync(join(artifacts, 'summary.txt'), summary + '\n');
console.log(`\n${lines.join('\n')}\n\n${summary}`);
process.exit(failed ? 1 : 0);
