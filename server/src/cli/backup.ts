// `pnpm council backup FILE` and `pnpm council restore FILE`: a consistent copy of a running
// installation's database, and its return into a stopped one after checking it.
//
// SQLite: `VACUUM INTO` reads one snapshot (WAL lets the server keep writing meanwhile) into a new,
// compact file. PostgreSQL: pg_dump's custom format, pg_restore back. Both write a temporary file
// beside the target and rename it into place, so FILE (or the database file) is never half-written.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, closeSync, constants, copyFileSync, existsSync, fsyncSync, linkSync, openSync, readSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { knex, type Knex } from '@mikro-orm/knex';
import { ConfigError, fsReason, loadConfig } from '../config.js';
import { sqliteMigrationNames as committedSqlite } from '../../../migrations/sqlite/index.js';
import { postgresqlMigrationNames as committedPostgresql } from '../../../migrations/postgresql/index.js';

export const BACKUP_USAGE = `  backup FILE     a consistent copy of the database while the server runs (SQLite: VACUUM INTO;
                  PostgreSQL: pg_dump's custom format, or the command to run when pg_dump is not
                  on the PATH); refuses to replace an existing FILE unless --force
  restore FILE    checks FILE (integrity, a Council database, a schema this code knows) and puts
                  it in place of the database of a stopped installation (PostgreSQL: pg_restore
                  --clean); refuses while the server runs unless --force`;

/** Why a backup or restore stops: one line for the operator, exit code 1. */
export class BackupError extends Error {}

export interface BackupIo {
  env: NodeJS.ProcessEnv;
}

/** The scheduler's lease row names the running instance (jobs/scheduler.ts). */
const SCHEDULER_LEASE = 'scheduler';

/** `backup`/`restore` with their own arguments (a FILE, --force); the exit code. */
export async function runBackupCommand(command: 'backup' | 'restore', args: string[], io: BackupIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { force: { type: 'boolean' } }, allowPositionals: true, strict: true });
  } catch (error) {
    console.error(`${(error as Error).message}\nUsage: pnpm council ${command} FILE [--force]`);
    return 1;
  }
  const [file, ...extra] = parsed.positionals;
  if (!file || extra.length) {
    console.error(`Usage: pnpm council ${command} FILE [--force]${extra.length ? ` (one FILE, not ${parsed.positionals.length})` : ''}`);
    return 1;
  }
  try {
    const force = parsed.values.force ?? false;
    if (command === 'backup') await backup(file, { ...io, force });
    else await restore(file, { ...io, force });
    return 0;
  } catch (error) {
    if (error instanceof BackupError || error instanceof ConfigError) {
      console.error(error.message);
      return 1;
    }
    console.error(error instanceof Error ? error.message : error);
    return 1;
  }
}

export interface BackupOptions extends BackupIo {
  /** Replace an existing FILE (backup), or restore although the installation seems to run (restore). */
  force?: boolean;
}

export interface BackupResult {
  /** What was run or printed; for PostgreSQL without pg_dump, `printed` is true and nothing was written. */
  printed: boolean;
  file: string;
  bytes: number;
  lastMigration: string | null;
}

/** Writes a consistent copy of the configured database to `file`. */
export async function backup(file: string, options: BackupOptions): Promise<BackupResult> {
  const config = loadConfig(options.env);
  const target = resolve(file);
  if (existsSync(target) && !options.force) throw new BackupError(`${target} exists; choose another file or add --force to replace it`);
  if (!existsSync(dirname(target))) throw new BackupError(`Cannot write ${target}: its directory ${dirname(target)} does not exist`);
  const draft = draftBeside(target, 'partial');
  try {
    if (config.database.kind === 'postgresql') {
      const pgDump = onPath('pg_dump', options.env);
      const { url, password } = withoutPassword(config.database.url);
      if (!pgDump) {
        const command = ['pg_dump', '--format=custom', '--file', target, '--dbname', url];
        console.log(shellLine(command));
        console.log(`pg_dump is not on the PATH: run the command above where it is (PostgreSQL's client tools, the server's major version or newer)${password ? '; the password from PGPASSWORD or ~/.pgpass' : ''}. Nothing was written.`);
        return { printed: true, file: target, bytes: 0, lastMigration: null };
      }
      await tool(pgDump, ['--format=custom', '--file', draft, '--dbname', url], options.env, password);
      const lastMigration = last(await archiveMigrations(draft, options.env));
      return finish(draft, target, options.force ?? false, lastMigration, 'PostgreSQL');
    }
    const source = config.database.file;
    if (!existsSync(source)) throw new BackupError(`No database at ${source}: nothing to back up (check DATA_DIR / DATABASE_URL)`);
    // One statement, one read snapshot: commits after it started are not in the copy, and the
    // server's writers are not blocked (WAL).
    await withSqlite(source, (db) => db.raw('vacuum into ?', [draft]));
    const lastMigration = await withSqlite(draft, async (db) => {
      const problems = await integrityProblems(db);
      if (problems.length) throw new BackupError(`The copy fails SQLite's integrity check: ${problems[0]}`);
      return last(await sqliteMigrationNames(db));
    });
    return finish(draft, target, options.force ?? false, lastMigration, source);
  } finally {
    removeQuietly(draft, `${draft}-wal`, `${draft}-shm`, `${draft}-journal`);
  }
}

/** Checks `file` and puts it in place of the configured database; the installation must be stopped. */
export async function restore(file: string, options: BackupOptions): Promise<{ printed: boolean; lastMigration: string | null }> {
  const config = loadConfig(options.env);
  const source = resolve(file);
  readable(source);
  if (config.database.kind === 'postgresql') return restorePostgres(source, config.database.url, options);
  const target = config.database.file;
  if (!existsSync(dirname(target))) throw new BackupError(`Cannot restore into ${target}: its directory does not exist`);
  // Checked and prepared on a copy beside the database: the checks see exactly the bytes that are
  // installed, FILE is only read, and the rename below is atomic.
  const draft = draftBeside(target, 'restore');
  try {
    copyFileSync(source, draft, constants.COPYFILE_EXCL);
    const lastMigration = await withSqlite(draft, async (db) => {
      let problems: string[];
      try {
        problems = await integrityProblems(db);
      } catch (error) {
        const reason = sqliteReason(error);
        throw new BackupError(/not a database/.test(reason) ? `${source} is not a SQLite database (${reason})` : `${source} fails SQLite's integrity check: ${reason}`);
      }
      if (problems.length) throw new BackupError(`${source} fails SQLite's integrity check: ${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`);
      const names = await sqliteMigrationNames(db).catch(() => null);
      if (!names) throw new BackupError(`${source} is not a Council backup: it has no mikro_orm_migrations table`);
      const lastMigration = knownSchema(source, names, committedSqlite);
      // The lease names an instance of the installation the backup came from; none runs here.
      if (await hasTable(db, 'lease')) await db('lease').update({ owner: null });
      return lastMigration;
    });
    if (existsSync(target)) {
      await withSqlite(target, (db) => refuseWhileRunning(db, target, options.force ?? false)).catch((error: unknown) => {
        // A damaged database is what a restore is for; anything else (a lock, no access) stops it.
        if (!/not a database|malformed/.test((error as Error).message)) throw error;
        console.log(`The current database ${target} cannot be read (${(error as Error).message}); replacing it.`);
      });
    }
    sync(draft);
    // A -wal beside the old file belongs to the old database; next to the new one it would be garbage.
    removeQuietly(`${target}-wal`, `${target}-shm`, `${target}-journal`);
    renameSync(draft, target);
    syncDir(dirname(target));
    console.log(`Restored ${source} into ${target} (last migration ${lastMigration ?? 'none'}); the server applies any newer migrations when it starts.`);
    return { printed: false, lastMigration };
  } finally {
    removeQuietly(draft, `${draft}-wal`, `${draft}-shm`, `${draft}-journal`);
  }
}

async function restorePostgres(source: string, databaseUrl: string, options: BackupOptions): Promise<{ printed: boolean; lastMigration: string | null }> {
  const { url, password } = withoutPassword(databaseUrl);
  const args = ['--clean', '--if-exists', '--no-owner', '--single-transaction', '--exit-on-error', '--dbname', url, source];
  const pgRestore = onPath('pg_restore', options.env);
  const lastMigration = pgRestore ? knownSchema(source, await archiveMigrations(source, options.env), committedPostgresql) : null;
  await withPostgres(databaseUrl, (db) => refuseWhileRunning(db, safeUrl(databaseUrl), options.force ?? false));
  if (!pgRestore) {
    console.log(shellLine(['pg_restore', ...args]));
    console.log(`pg_restore is not on the PATH, so ${source} was not checked: run the command above where it is, with the server stopped${password ? ' (the password from PGPASSWORD or ~/.pgpass)' : ''}. Nothing was restored.`);
    return { printed: true, lastMigration: null };
  }
  await tool(pgRestore, args, options.env, password);
  await withPostgres(databaseUrl, async (db) => {
    if (await db.schema.hasTable('lease')) await db('lease').update({ owner: null });
  });
  console.log(`Restored ${source} into ${safeUrl(databaseUrl)} (last migration ${lastMigration ?? 'none'}); the server applies any newer migrations when it starts.`);
  return { printed: false, lastMigration };
}

/** Moves the finished draft to `target` (never over an existing file without --force) and says what was written. */
function finish(draft: string, target: string, force: boolean, lastMigration: string | null, from: string): BackupResult {
  sync(draft);
  if (force) renameSync(draft, target);
  else {
    // link() fails when the target appeared meanwhile: nothing is replaced without --force.
    try {
      linkSync(draft, target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new BackupError(`${target} exists; choose another file or add --force to replace it`);
      throw new BackupError(`Cannot write ${target}: ${fsReason(error)}`);
    }
    unlinkSync(draft);
  }
  syncDir(dirname(target));
  const bytes = statSync(target).size;
  console.log(`Backed up ${from} to ${target}: ${size(bytes)}, last migration ${lastMigration ?? 'none'}.`);
  return { printed: false, file: target, bytes, lastMigration };
}

/** Refuses when the scheduler's lease is held and not run out: an instance is (or was just) running. */
async function refuseWhileRunning(db: Knex, where: string, force: boolean): Promise<void> {
  if (!(await hasTable(db, 'lease'))) return;
  const row = (await db('lease').where({ name: SCHEDULER_LEASE }).first()) as { owner: string | null; expires_at: number | string | Date } | undefined;
  if (!row?.owner) return;
  const until = new Date(typeof row.expires_at === 'string' && /^\d+$/.test(row.expires_at) ? Number(row.expires_at) : row.expires_at);
  if (until.getTime() <= Date.now()) return;
  const running = `The installation at ${where} is running (instance ${row.owner} holds the scheduled work until ${until.toISOString()})`;
  if (!force) throw new BackupError(`${running}: stop the server first (or add --force if it is certainly stopped)`);
  console.log(`${running}; restoring anyway (--force).`);
}

/**
 * The backup's last migration, after checking that every migration in it is one of this code's:
 * a newer schema would be run by code that does not know it.
 */
function knownSchema(source: string, applied: string[], known: readonly string[]): string | null {
  const newest = known.at(-1) ?? '';
  const unknown = applied.filter((name) => !known.includes(name));
  const newer = unknown.filter((name) => name > newest);
  if (newer.length) throw new BackupError(`${source} comes from a newer Council (schema ${newer.at(-1)}; this code knows up to ${newest}): update Council first, then restore`);
  if (unknown.length) throw new BackupError(`${source} has migrations this code does not know (${unknown.join(', ')}): it is not a backup of this Council`);
  return last(applied);
}

async function integrityProblems(db: Knex): Promise<string[]> {
  const rows = (await db.raw('pragma integrity_check')) as Array<{ integrity_check: string }>;
  return rows.map((r) => r.integrity_check).filter((m) => m !== 'ok');
}

async function sqliteMigrationNames(db: Knex): Promise<string[]> {
  const rows = (await db('mikro_orm_migrations').select('name').orderBy('id')) as Array<{ name: string }>;
  return rows.map((r) => r.name.replace(/\.[jt]s$/, ''));
}

async function hasTable(db: Knex, table: string): Promise<boolean> {
  return db.schema.hasTable(table);
}

/**
 * The migration names stored in a pg_dump archive (the data of mikro_orm_migrations), read with
 * pg_restore; an error line when it is not a custom-format archive or not Council's.
 */
async function archiveMigrations(file: string, env: NodeJS.ProcessEnv): Promise<string[]> {
  const pgRestore = onPath('pg_restore', env);
  if (!pgRestore) throw new BackupError('pg_restore is not on the PATH: cannot read the archive');
  let list: string;
  try {
    list = await tool(pgRestore, ['--list', file], env);
  } catch (error) {
    throw new BackupError(`${file} is not a pg_dump archive in custom format (${(error as Error).message})`);
  }
  if (!/ TABLE \S+ mikro_orm_migrations /.test(list)) throw new BackupError(`${file} is not a Council backup: it has no mikro_orm_migrations table`);
  const sql = await tool(pgRestore, ['--data-only', '--table=mikro_orm_migrations', '--file=-', file], env);
  const copy = /^COPY \S*mikro_orm_migrations \(([^)]*)\) FROM stdin;\n([\s\S]*?)^\\\.$/m.exec(sql);
  if (!copy) return [];
  const nameAt = copy[1].split(',').map((c) => c.trim().replace(/"/g, '')).indexOf('name');
  const rows = copy[2].split('\n').filter(Boolean).map((line) => line.split('\t'));
  return rows.sort((a, b) => Number(a[0]) - Number(b[0])).map((r) => r[nameAt].replace(/\.[jt]s$/, ''));
}

/** Runs a PostgreSQL client tool; its standard output, or a one-line error from its standard error. */
function tool(path: string, args: string[], env: NodeJS.ProcessEnv, password?: string): Promise<string> {
  return new Promise((done, fail) => {
    execFile(path, args, { env: { ...env, ...(password && { PGPASSWORD: password }) }, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (!error) return done(stdout);
      const first = stderr.split('\n').find((l) => l.trim()) ?? error.message;
      fail(new BackupError(password ? first.split(password).join('***') : first));
    });
  });
}

async function withSqlite<T>(file: string, use: (db: Knex) => Promise<T>): Promise<T> {
  const db = knex({
    client: 'sqlite3',
    connection: { filename: file },
    useNullAsDefault: true,
    pool: {
      min: 1,
      max: 1,
      afterCreate: (conn: { run: (sql: string, cb: (err: Error | null) => void) => void }, done: (err: Error | null, conn: unknown) => void) =>
        conn.run('pragma busy_timeout = 5000', (err) => done(err, conn)),
    },
  });
  try {
    return await use(db);
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`${file}: ${sqliteReason(error)}`);
  } finally {
    await db.destroy();
  }
}

async function withPostgres<T>(url: string, use: (db: Knex) => Promise<T>): Promise<T> {
  const db = knex({ client: 'pg', connection: url, pool: { min: 0, max: 1 } });
  try {
    return await use(db);
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`${safeUrl(url)}: ${(error as Error).message}`);
  } finally {
    await db.destroy();
  }
}

/** "file is not a database" rather than "SQLITE_NOTADB: file is not a database" or knex's SQL echo. */
function sqliteReason(error: unknown): string {
  const message = (error as Error).message ?? String(error);
  return message.replace(/^.* - /, '').replace(/^SQLITE_\w+: /, '');
}

/** Throws a one-line error when `file` is missing, not a file, or not readable. */
function readable(file: string): void {
  try {
    if (!statSync(file).isFile()) throw new BackupError(`${file} is not a file`);
    const fd = openSync(file, 'r');
    try {
      readSync(fd, Buffer.alloc(1), 0, 1, 0);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`Cannot read ${file}: ${fsReason(error)}`);
  }
}

function onPath(tool: string, env: NodeJS.ProcessEnv): string | null {
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    const candidate = join(dir, tool);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

/** The URL without its password (given to the tools in PGPASSWORD, never on a command line or screen). */
function withoutPassword(databaseUrl: string): { url: string; password?: string } {
  const url = new URL(databaseUrl);
  const password = url.password ? decodeURIComponent(url.password) : undefined;
  url.password = '';
  return { url: url.toString(), password };
}

const safeUrl = (databaseUrl: string) => withoutPassword(databaseUrl).url;

function shellLine(args: string[]): string {
  return args.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}

function draftBeside(file: string, kind: string): string {
  return `${file}.${kind}-${process.pid}-${randomBytes(4).toString('hex')}`;
}

function removeQuietly(...files: string[]): void {
  for (const f of files) {
    try {
      unlinkSync(f);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}

/** On disk before it is renamed into place: a crash leaves the old file or the whole new one. */
function sync(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function syncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some systems cannot fsync a directory; the rename itself is still atomic.
  }
}

const last = (names: string[]) => names.at(-1) ?? null;

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

