// `pnpm test`: typecheck, lint, unit + integration + contract tests, web build, browser tests.
// Every step runs (a failure does not hide later ones); the last line sums them:
// "N passed, N failed[, N skipped: what]" (vitest counts each test; typecheck, lint and build count
// one each; a suite left out because PostgreSQL or Redis does not answer counts one skip, named).
// Under CI=true such a skip is a failure: CI machines have both services.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const artifacts = join(root, 'test/artifacts');
mkdirSync(artifacts, { recursive: true });
const STEPS = ['typecheck', 'lint', 'unit-and-api', 'web-build', 'e2e'];
const only = process.argv.slice(2);
const unknown = only.filter((s) => !STEPS.includes(s));
if (unknown.length) {
  console.error(`Unknown step${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}. Steps: ${STEPS.join(', ')}.`);
  writeFileSync(join(artifacts, 'summary.txt'), '0 passed, 1 failed\n');
  console.log('\n0 passed, 1 failed');
  process.exit(2);
}
const wanted = (name) => !only.length || only.includes(name);
const ci = process.env.CI === 'true' || process.env.CI === '1';

let passed = 0;
let failed = 0;
let skipped = 0;
const skippedNames = [];
const lines = [];

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: process.env.CI ? '0' : '1', ...env } });
  return r.status === 0;
}

function check(name, cmd, args) {
  if (!wanted(name)) return true;
  console.log(`\n▶ ${name}`);
  const ok = run(cmd, args);
  if (ok) passed++;
  else failed++;
  lines.push(`${ok ? '✓' : '✗'} ${name}`);
  return ok;
}

function vitest(name, config, extra = [], env = {}) {
  if (!wanted(name)) return true;
  console.log(`\n▶ ${name}`);
  const out = join(artifacts, `${name}.json`);
  rmSync(out, { force: true });
  const ok = run('pnpm', ['exec', 'vitest', 'run', '--config', config, ...extra, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`], env);
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
  if (s) skippedNames.push(`${s} in ${name}`);
  lines.push(`${f ? '✗' : '✓'} ${name}: ${p} passed, ${f} failed${s ? `, ${s} skipped` : ''}`);
  return f === 0;
}

/** Whether a TCP service answers on host:port within a second. */
function reachable(url, defaultPort) {
  const { hostname, port } = new URL(url);
  const probe = `require('net').connect({host:${JSON.stringify(hostname)},port:${Number(port) || defaultPort},timeout:1000}).on('connect',()=>process.exit(0)).on('error',()=>process.exit(1)).on('timeout',()=>process.exit(1))`;
  return spawnSync(process.execPath, ['-e', probe]).status === 0;
}

/** A service the tests need: answering, or a named skip (a failure under CI). */
function service(name, url, defaultPort, envName) {
  if (reachable(url, defaultPort)) return true;
  const why = `${name} skipped: nothing answers at ${new URL(url).host} (set ${envName})`;
  if (ci) {
    failed++;
    lines.push(`✗ ${why}; CI machines run ${name}`);
  } else {
    skipped++;
    skippedNames.push(name);
    lines.push(`- ${why}`);
  }
  return false;
}

const pgUrl = process.env.COUNCIL_TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const redisUrl = process.env.COUNCIL_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const projects = ['--project', 'sqlite'];
const serviceEnv = {};
if (wanted('unit-and-api')) {
  if (service('postgresql', pgUrl, 5432, 'COUNCIL_TEST_POSTGRES_URL')) projects.push('--project', 'postgresql');
  // Tests of the Redis paths read this: 'skip' turns them into skips instead of failures.
  serviceEnv.COUNCIL_TEST_REDIS = service('redis', redisUrl, 6379, 'COUNCIL_TEST_REDIS_URL') ? redisUrl : 'skip';
  if (!projects.includes('postgresql')) serviceEnv.COUNCIL_TEST_POSTGRES = 'skip';
}

check('typecheck', 'pnpm', ['-s', 'typecheck']);
check('lint', 'pnpm', ['-s', 'lint']);
vitest('unit-and-api', 'vitest.config.ts', projects, serviceEnv);
const built = check('web-build', 'pnpm', ['--filter', '@council/web', 'build']);
if (built || only.includes('e2e')) vitest('e2e', 'test/e2e/vitest.config.ts');
else if (wanted('e2e')) {
  failed++;
  lines.push('✗ e2e: not run, the web build failed');
}

const summary = `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped: ${skippedNames.join(', ')}` : ''}`;
writeFileSync(join(artifacts, 'summary.txt'), summary + '\n');
console.log(`\n${lines.join('\n')}\n\n${summary}`);
process.exit(failed ? 1 : 0);
