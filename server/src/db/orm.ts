// MikroORM for SQLite (embedded default, WAL) and PostgreSQL, with committed migrations
// applied at start under the start-up lock, and a statement counter that the N+1 tests and
// benchmarks read.
import { MikroORM, type Options } from '@mikro-orm/core';
import type { AbstractSqlConnection, EntityManager } from '@mikro-orm/knex';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config.js';
import { entities } from './entities.js';
import { underStartLock } from './start-lock.js';
import { isPostgres } from './platform.js';

export { isPostgres };
import { User } from '../modules/people/people.entity.js';
import { LeaseSchema } from '../jobs/lease.entity.js';
import { loadSqliteMigrations, sqliteMigrationNames } from '../../../migrations/sqlite/index.js';
import { loadPostgresqlMigrations, postgresqlMigrationNames } from '../../../migrations/postgresql/index.js';

export type Orm = MikroORM & { em: EntityManager };
export type Em = EntityManager;

export const migrationsDir = (dialect: 'sqlite' | 'postgresql') =>
  fileURLToPath(new URL(`../../../migrations/${dialect}`, import.meta.url));

/** Counts SQL statements sent to the database (per ORM instance). */
export class StatementCounter {
  count = 0;
  /** The latest statements (SQL and bindings), for tests that look at their plans. */
  readonly recent: { sql: string; bindings: unknown[] }[] = [];
  add(sql: string, bindings: unknown[] | undefined): void {
    this.count += 1;
    this.recent.push({ sql, bindings: bindings ?? [] });
    if (this.recent.length > 100) this.recent.shift();
  }
}

/**
 * Statements on the scheduler's lease, background upkeep that no request causes: left out of the
 * statement count, so that measuring a request's statements does not depend on when a timer fires.
 */
const LEASE_UPKEEP = new RegExp(`^(insert into|update) [\`"]${LeaseSchema.meta.tableName}[\`"] `);

/** The database does not answer, or does not exist; the message names it, on one line. */
export class DatabaseUnavailable extends Error {}

/**
 * The driver of this kind of database, loaded when asked for: a start loads one driver, and the
 * migrator only when a migration is pending (see `migrate`), which keeps a start short.
 */
async function driverFor(kind: Config['database']['kind']): Promise<NonNullable<Options['driver']>> {
  return kind === 'postgresql' ? (await import('@mikro-orm/postgresql')).PostgreSqlDriver : (await import('@mikro-orm/sqlite')).SqliteDriver;
}

/** The migrator of `orm` (its extension registered, and the migrations' code loaded, on first use). */
export async function migratorOf(orm: Orm) {
  const { Migrator } = await import('@mikro-orm/migrations');
  const options = orm.config.get('migrations');
  if (!options.migrationsList?.length) options.migrationsList = await (isPostgres(orm.em) ? loadPostgresqlMigrations() : loadSqliteMigrations());
  if (!orm.config.get('extensions').some((e) => e === Migrator)) Migrator.register(orm);
  return orm.getMigrator();
}

export function ormOptions(database: Config['database'], driver: NonNullable<Options['driver']>): Options {
  const common = {
    entities,
    allowGlobalContext: false,
    forceUtcTimezone: true,
    discovery: { disableDynamicFileAccess: true },
    // The full-text index (search_document, the FTS5 table and its shadow tables) has no entity: its
    // migration is written by hand, and a generated one must not drop it. For the same reason the
    // migrator keeps no schema snapshot (snapshot: false below): a snapshot is the database as
    // introspected after migrating, skipTables not applied (so the next migration would drop the
    // index), and SQLite's introspection fails on FTS5's untyped columns. Without one, the next
    // migration is the difference between a migrated scratch database and the entities.
    schemaGenerator: { skipTables: [/^search_/] },
  } satisfies Partial<Options>;
  if (database.kind === 'postgresql') {
    return {
      ...common,
      driver,
      clientUrl: database.url,
      // A mistyped database name must be an error, never a new database seeded with demo accounts.
      ensureDatabase: false,
      migrations: { path: migrationsDir('postgresql'), migrationsList: [], silent: true, snapshotName: '.snapshot-council', transactional: true, allOrNothing: true, snapshot: false, emit: 'ts' },
    } as Options;
  }
  return {
    ...common,
    driver,
    dbName: database.file,
    // WAL lets readers proceed while a writer commits; busy_timeout waits instead of failing on a lock.
    // synchronous = normal (SQLite's advice for WAL): a commit no longer waits for the disk's flush;
    // the file stays consistent through any crash, and only a power loss or OS crash can take back the
    // last commits since a checkpoint. Each write's fsync was most of a short write request's time.
    // busy_timeout comes first, so that the pragmas after it (switching a new file to WAL takes an
    // exclusive lock) wait for a lock held by another instance starting on the same file.
    pool: { afterCreate: sqlitePragmas(['busy_timeout = 5000', 'journal_mode = wal', 'synchronous = normal', 'foreign_keys = on']) },
    // SQLite has one writer; reads outside a transaction go to a few read-only connections on the same
    // file (MikroORM's read replicas; each query runs on libuv's thread pool), so that a long read never
    // holds up a short one, and a write waits only for writes. Transactions, raw statements and writes
    // stay on the writer; in WAL a read sees every transaction committed before it began.
    replicas: Array.from({ length: SQLITE_READERS }, (_, i) => ({
      name: `read-${i + 1}`,
      pool: { min: 0, max: 1, afterCreate: sqlitePragmas(['busy_timeout = 5000', 'query_only = 1']) },
    })),
    preferReadReplicas: true,
    migrations: {
      path: migrationsDir('sqlite'),
      // Filled in by migratorOf when a migration is to be applied.
      migrationsList: [],
      silent: true,
      snapshotName: '.snapshot-council',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      emit: 'ts',
    },
  } as Options;
}

type KnexTransaction = { begin: (conn: unknown) => Promise<unknown>; query: (conn: unknown, sql: string) => Promise<unknown> };
type KnexClient = { transaction: (container: unknown, config: unknown, outerTx: unknown) => KnexTransaction };

/**
 * SQLite transactions begin IMMEDIATE: they take the write lock at their start, waiting for it
 * (busy_timeout) while another instance on the same file writes. A plain BEGIN reads first and asks
 * for the write lock at the first write; if another connection committed in between, SQLite cannot
 * wait and fails at once with SQLITE_BUSY (two instances closing the same due vote at start did).
 * Within one process the writer is a single connection, so nothing else changes. Savepoints (nested
 * transactions) are left as they are.
 */
function beginImmediate(connection: AbstractSqlConnection): void {
  const client = (connection.getKnex() as unknown as { client: KnexClient }).client;
  const transaction = client.transaction.bind(client);
  client.transaction = (container, config, outerTx) => {
    const trx = transaction(container, config, outerTx);
    // knex calls begin once it has the connection, after this returns.
    if (!outerTx) trx.begin = (conn) => trx.query(conn, 'BEGIN IMMEDIATE;');
    return trx;
  };
}

/** Read-only connections beside SQLite's writer (see `replicas` below). */
const SQLITE_READERS = 3;

type SqliteConn = { run: (sql: string, cb: (err: Error | null) => void) => void };

/** A pool's afterCreate that runs these pragmas on each new SQLite connection, in order. */
function sqlitePragmas(pragmas: string[]) {
  return (conn: SqliteConn, done: (err: Error | null, conn: unknown) => void) => {
    const next = (i: number) => {
      if (i === pragmas.length) return done(null, conn);
      conn.run(`pragma ${pragmas[i]}`, (err) => (err ? done(err, conn) : next(i + 1)));
    };
    next(0);
  };
}

export async function openOrm(database: Config['database']): Promise<{ orm: Orm; statements: StatementCounter }> {
  const options = ormOptions(database, await driverFor(database.kind));
  const orm = (await MikroORM.init(options)) as unknown as Orm;
  // MikroORM.init only logs a failed connection; the start has to stop here, saying why.
  const check = await orm.em.getConnection().checkConnection();
  if (!check.ok) {
    await orm.close(true);
    throw new DatabaseUnavailable(unavailable(database, check.error));
  }
  if (database.kind === 'sqlite') beginImmediate(orm.em.getConnection() as AbstractSqlConnection);
  const statements = new StatementCounter();
  const count = (query: { sql: string; bindings?: unknown[] }) => {
    if (!LEASE_UPKEEP.test(query.sql)) statements.add(query.sql, query.bindings);
  };
  const driver = orm.em.getDriver() as unknown as { replicas: AbstractSqlConnection[] };
  for (const connection of [orm.em.getConnection() as AbstractSqlConnection, ...driver.replicas]) connection.getKnex().on('query', count);
  return { orm, statements };
}

/**
 * Applies pending migrations, then runs `seed` if the database has no people yet: both under the
 * start-up lock, so of instances starting together on an empty database one migrates and seeds
 * and the others find it done. Says whether it seeded.
 */
export async function migrate(orm: Orm, seed?: (em: Em) => Promise<void>): Promise<boolean> {
  return underStartLock(orm, async () => {
    if (await pendingMigrations(orm)) await (await migratorOf(orm)).up();
    if (!seed) return false;
    const em = orm.em.fork();
    if ((await em.count(User)) > 0) return false;
    await seed(em);
    return true;
  });
}

/** Whether a committed migration has not been applied yet (read from MikroORM's own table). */
async function pendingMigrations(orm: Orm): Promise<boolean> {
  const committed = isPostgres(orm.em) ? postgresqlMigrationNames : sqliteMigrationNames;
  const applied = await orm.em
    .getConnection()
    .execute('select name from mikro_orm_migrations')
    .then((rows: { name: string }[]) => new Set(rows.map((r) => r.name.replace(/\.[jt]s$/, ''))))
    .catch(() => null);
  return applied === null || committed.some((name) => !applied.has(name));
}

function unavailable(database: Config['database'], error: unknown): string {
  if (database.kind === 'sqlite') return `Cannot open the SQLite database ${database.file}: ${(error as Error).message}`;
  const url = new URL(database.url);
  const name = decodeURIComponent(url.pathname.slice(1)) || '(the user\'s default)';
  const server = `${url.hostname}:${url.port || 5432}`;
  // 3D000: invalid_catalog_name.
  if ((error as { code?: string }).code === '3D000') {
    return `DATABASE_URL: the PostgreSQL database "${name}" does not exist on ${server}; create it first (createdb ${name}) — Council never creates a database`;
  }
  return `DATABASE_URL: cannot connect to PostgreSQL database "${name}" on ${server}: ${(error as Error).message}`;
}
