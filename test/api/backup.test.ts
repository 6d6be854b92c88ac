// `pnpm council backup` / `restore`: a backup taken while the server takes writes holds every write
// acknowledged before it started, restores into a fresh installation that checks clean, and the
// restore refuses what it must (a running installation, damaged or foreign files, a newer schema).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { accessSync, closeSync, constants, copyFileSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { backup, restore, runBackupCommand } from '../../server/src/cli/backup.js';
import { buildApp } from '../../server/src/app.js';
import { loadConfig } from '../../server/src/config.js';
import { openOrm } from '../../server/src/db/orm.js';
import { checkConsistency } from '../../server/src/modules/integrity/consistency.js';
import { Issue } from '../../server/src/modules/issues/issues.entity.js';
import { User } from '../../server/src/modules/people/people.entity.js';
import { postgresDatabase, startTestApp, type TestApp } from '../support/app.js';
import { Client } from '../support/client.js';
import * as f from '../support/factories.js';
import { ON_POSTGRES } from '../support/services.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const onPath = (tool: string) =>
  (process.env.PATH ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, tool), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
const PG_TOOLS = onPath('pg_dump') && onPath('pg_restore');
const RAISE = `mutation($input: RaiseIssueInput!) { raiseIssue(input: $input) { id } }`;
const rawId = (globalId: string) => Buffer.from(globalId, 'base64').toString().split(':')[1];
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** The environment of a CLI run against `app`'s database (as an operator would set it for the server). */
function envOf(app: TestApp): NodeJS.ProcessEnv {
  const { config } = app.services;
  const db = config.database.kind === 'postgresql' ? { DATABASE_URL: config.database.url, SESSION_SECRET: config.sessionSecret } : {};
  return { PATH: process.env.PATH, DATA_DIR: app.dir, LOG_LEVEL: 'silent', ...db };
}

/** Output of the CLI functions, captured instead of printed. */
function captureOutput() {
  const lines: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((m) => void lines.push(String(m)));
  const err = vi.spyOn(console, 'error').mockImplementation((m) => void lines.push(String(m)));
  return { lines, restore: () => (log.mockRestore(), err.mockRestore()) };
}

/** `pnpm council …` as a separate process: its exit code and output. */
function cli(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((done) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', join(root, 'server/src/cli/main.ts'), ...args], { cwd: root, env });
    let output = '';
    proc.stdout.on('data', (d) => (output += d));
    proc.stderr.on('data', (d) => (output += d));
    proc.on('close', (code) => done({ code, output }));
  });
}

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'council-backup-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe('backup and restore', () => {
  it.skipIf(ON_POSTGRES && !PG_TOOLS)(
    `a backup under write load restores with integrity, every write acknowledged before it, and no drift${ON_POSTGRES ? ' (PostgreSQL: needs pg_dump and pg_restore on the PATH)' : ''}`,
    async () => {
      const app = await startTestApp();
      cleanups.push(() => app.close());
      const em = app.orm.em.fork();
      const home = await f.region(em);
      const people = await Promise.all([1, 2, 3].map(() => f.user(em, { region: home })));
      const clients = await Promise.all(people.map((p) => new Client(app.app).signIn(p.email)));

      const acknowledged: string[] = [];
      let writing = true;
      const writers = clients.map(async (c, i) => {
        for (let n = 1; writing; n++) {
          const { raiseIssue } = await c.ok(RAISE, { input: { title: `Written under backup ${i}-${n}`, description: 'A write racing the backup.' } });
          acknowledged.push(rawId(raiseIssue.id));
        }
      });
      while (acknowledged.length < 30) await new Promise((r) => setTimeout(r, 10));

      const file = join(tempDir(), 'council.backup');
      const before = [...acknowledged];
      const out = captureOutput();
      let written;
      try {
        written = await backup(file, { env: envOf(app) });
      } finally {
        out.restore();
      }
      // Writes go on after the backup too; then they stop.
      const atEnd = acknowledged.length;
      while (acknowledged.length < atEnd + 5) await new Promise((r) => setTimeout(r, 10));
      writing = false;
      await Promise.all(writers);

      expect(written).toMatchObject({ printed: false, lastMigration: expect.stringMatching(/^Migration\d+$/) });
      expect(written.bytes).toBeGreaterThan(0);
      expect(out.lines.join('\n')).toMatch(/^Backed up .* to .*council\.backup: [\d.]+ (KB|MB), last migration Migration\d+\.$/);

      // Into a fresh installation.
      const fresh = tempDir();
      const target = ON_POSTGRES ? await postgresDatabase() : null;
      if (target) cleanups.push(() => target.drop());
      const env = { ...envOf(app), DATA_DIR: fresh, ...(target && { DATABASE_URL: target.url }) };
      const out2 = captureOutput();
      try {
        expect(await restore(file, { env })).toMatchObject({ printed: false, lastMigration: written.lastMigration });
      } finally {
        out2.restore();
      }
      expect(out2.lines.join('\n')).toMatch(/^Restored .*council\.backup into /);

      const { orm } = await openOrm(loadConfig(env).database);
      try {
        const conn = orm.em.getConnection();
        if (!ON_POSTGRES) expect(await conn.execute('pragma integrity_check')).toEqual([{ integrity_check: 'ok' }]);
        const present = new Set((await orm.em.fork().find(Issue, {}, { fields: ['id'] })).map((i) => i.id));
        expect(before.filter((id) => !present.has(id))).toEqual([]);
        // A snapshot: nothing in it that was never written, and nothing from after it ended.
        expect([...present].filter((id) => !acknowledged.includes(id))).toEqual([]);
        expect(present.size).toBeLessThanOrEqual(acknowledged.length);
        expect(await checkConsistency(orm.em.fork())).toEqual([]);
      } finally {
        await orm.close();
      }
      // The restored lease names the source's running instance no more: a server started on the copy runs the scheduled work at once.
      const restored = await buildApp(loadConfig(env), { logger: false, sweepIntervalMs: 0 });
      try {
        expect(restored.scheduler.role).toBe('leader');
        const c = await new Client(restored.app).signIn(people[0].email);
        expect((await c.ok(`{ issues { totalCount } }`)).issues.totalCount).toBeGreaterThanOrEqual(before.length);
      } finally {
        await restored.app.close();
      }
    },
    60_000,
  );

  it.skipIf(ON_POSTGRES)('restore refuses a running installation, damaged, foreign and newer files, leaving the database as it was', async () => {
    const app = await startTestApp();
    cleanups.push(() => app.close());
    await f.user(app.orm.em.fork());
    const dir = tempDir();
    const good = join(dir, 'good.sqlite');
    const env = envOf(app);
    const out = captureOutput();
    try {
      await backup(good, { env });
      // An existing FILE is replaced only with --force.
      const before = sha(good);
      expect(await runBackupCommand('backup', [good], { env })).toBe(1);
      expect(out.lines.at(-1)).toBe(`${good} exists; choose another file or add --force to replace it`);
      expect(sha(good)).toBe(before);
      expect(await runBackupCommand('backup', [good, '--force'], { env })).toBe(0);
      expect(await runBackupCommand('backup', [], { env })).toBe(1);
      expect(out.lines.at(-1)).toMatch(/^Usage: pnpm council backup FILE/);
    } finally {
      out.restore();
    }

    // The server runs on this installation: a real `pnpm council restore` process refuses.
    const live = app.services.config.database.kind === 'sqlite' ? app.services.config.database.file : '';
    const people = () => app.orm.em.fork().count(User, {});
    const liveBefore = await people();
    const refused = await cli(['restore', good], env);
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/^The installation at .* is running \(instance .* holds the scheduled work until .*\): stop the server first/);
    expect(existsSync(live)).toBe(true);
    expect(await people()).toBe(liveBefore);

    // A stopped installation whose lease still looks held (a server that died a moment ago): --force overrides.
    const stopped = { ...env, DATA_DIR: tempDir() };
    const io = { env: stopped };
    const run = async (args: string[]) => {
      const o = captureOutput();
      try {
        return { code: await runBackupCommand('restore', args, io), text: o.lines.join('\n') };
      } finally {
        o.restore();
      }
    };
    expect((await run([good])).code).toBe(0);
    const stoppedDb = loadConfig(stopped).database as { kind: 'sqlite'; file: string };
    {
      const { orm } = await openOrm(stoppedDb);
      await orm.em.getConnection().execute(`insert into lease (name, owner, expires_at) values ('scheduler', 'elsewhere:1:abcd', ?) on conflict (name) do update set owner = excluded.owner, expires_at = excluded.expires_at`, [Date.now() + 60_000]);
      await orm.close();
    }
    const held = sha(stoppedDb.file);
    expect(await run([good])).toMatchObject({ code: 1, text: expect.stringMatching(/instance elsewhere:1:abcd holds .*: stop the server first/) });
    expect(sha(stoppedDb.file)).toBe(held);

    // Files that are not backups of this Council.
    const missing = join(dir, 'missing.sqlite');
    expect(await run([missing])).toEqual({ code: 1, text: `Cannot read ${missing}: no such file or directory (ENOENT)` });
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'not a database at all\n'.repeat(200));
    expect(await run([text, '--force'])).toEqual({ code: 1, text: `${text} is not a SQLite database (file is not a database)` });
    const damaged = join(dir, 'damaged.sqlite');
    copyFileSync(good, damaged);
    const fd = openSync(damaged, 'r+');
    // Garbage over the pages after the first (the header stays valid: it opens, and then fails the check).
    writeSync(fd, Buffer.alloc(16_384, 0x5a), 0, 16_384, 8_192);
    closeSync(fd);
    expect(await run([damaged, '--force'])).toMatchObject({ code: 1, text: expect.stringMatching(new RegExp(`^${damaged} fails SQLite's integrity check: `)) });
    const foreign = join(dir, 'foreign.sqlite');
    {
      const { orm } = await openOrm({ kind: 'sqlite', file: foreign });
      await orm.em.getConnection().execute('create table notes (body text)');
      await orm.close();
    }
    expect(await run([foreign, '--force'])).toEqual({ code: 1, text: `${foreign} is not a Council backup: it has no mikro_orm_migrations table` });
    const newer = join(dir, 'newer.sqlite');
    copyFileSync(good, newer);
    {
      const { orm } = await openOrm({ kind: 'sqlite', file: newer });
      await orm.em.getConnection().execute(`insert into mikro_orm_migrations (name) values ('Migration29991231000000')`);
      await orm.close();
    }
    expect(await run([newer, '--force'])).toMatchObject({ code: 1, text: expect.stringMatching(/comes from a newer Council \(schema Migration29991231000000; this code knows up to Migration\d+\): update Council first/) });
    // None of these touched the installation, and no draft was left beside it.
    expect(sha(stoppedDb.file)).toBe(held);
    expect(drafts(stoppedDb.file)).toEqual([]);

    expect(await run([good, '--force'])).toMatchObject({ code: 0, text: expect.stringMatching(/restoring anyway \(--force\)[\s\S]*Restored /) });
  });

  it('PostgreSQL without pg_dump on the PATH: prints the command, without the password, and writes nothing', async () => {
    const file = join(tempDir(), 'council.dump');
    const env = { PATH: '', DATA_DIR: tempDir(), DATABASE_URL: 'postgresql://council:s3cret-pw@db.example.com:5433/council', SESSION_SECRET: 'x'.repeat(32) };
    const out = captureOutput();
    try {
      expect(await runBackupCommand('backup', [file], { env })).toBe(0);
    } finally {
      out.restore();
    }
    expect(out.lines[0]).toBe(`pg_dump --format=custom --file ${file} --dbname postgresql://council@db.example.com:5433/council`);
    expect(out.lines[1]).toMatch(/^pg_dump is not on the PATH: .*PGPASSWORD.* Nothing was written\.$/);
    expect(out.lines.join('\n')).not.toContain('s3cret');
    expect(existsSync(file)).toBe(false);
  });

  it.skipIf(!ON_POSTGRES || !PG_TOOLS)('PostgreSQL restore refuses a running installation and a file that is not a pg_dump archive', async () => {
    const app = await startTestApp();
    cleanups.push(() => app.close());
    const dir = tempDir();
    const dump = join(dir, 'council.dump');
    const env = envOf(app);
    const out = captureOutput();
    try {
      expect(await runBackupCommand('backup', [dump], { env })).toBe(0);
      expect(await runBackupCommand('restore', [dump], { env })).toBe(1);
      expect(out.lines.at(-1)).toMatch(/is running .*: stop the server first/);
      const text = join(dir, 'notes.txt');
      writeFileSync(text, 'not an archive\n');
      const target = await postgresDatabase();
      cleanups.push(() => target.drop());
      expect(await runBackupCommand('restore', [text], { env: { ...env, DATABASE_URL: target.url } })).toBe(1);
      expect(out.lines.at(-1)).toMatch(new RegExp(`^${text} is not a pg_dump archive in custom format`));
    } finally {
      out.restore();
    }
  });
});

/** Files left beside the database by a restore (drafts and their journals). */
function drafts(dbFile: string): string[] {
  return readdirSync(join(dbFile, '..')).filter((n) => /\.restore-/.test(n));
}
