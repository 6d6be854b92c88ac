// MikroORM for SQLite (embedded default, WAL) and PostgreSQL, with committed migrations
// applied at start under the start-up lock, and a statement counter that the N+1 tests and
// benchmarks read.
import { SqliteDriver } from '@mikro-orm/sqlite';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { MikroORM, type Options } from '@mikro-orm/core';
import type { AbstractSqlConnection, EntityManager } from '@mikro-orm/knex';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config.js';
import { entities } from './entities.js';
import { underStartLock } from './start-lock.js';
import { User } from '../modules/people/people.entity.js';
import { LeaseSchema } from '../jobs/lease.entity.js';
import { sqliteMigrations } from '../../../migrations/sqlite/index.js';
import { postgresqlMigrations } from '../../../migrations/postgresql/index.js';

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

export function ormOptions(database: Config['database']): Options {
  const common = {
    entities,
    extensions: [Migrator],
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
      driver: PostgreSqlDriver,
      clientUrl: database.url,
      // A mistyped database name must be an error, never a new database seeded with demo accounts.
      ensureDatabase: false,
      migrations: { path: migrationsDir('postgresql'), migrationsList: postgresqlMigrations, silent: true, snapshotName: '.snapshot-council', transactional: true, allOrNothing: true, snapshot: false, emit: 'ts' },
    } as Options;
  }
  return {
    ...common,
    driver: SqliteDriver,
    dbName: database.file,
    pool: {
      afterCreate: (conn: { run: (sql: string, cb: (err: Error | null) => void) => void }, done: (err: Error | null, conn: unknown) => void) => {
        // WAL lets readers proceed while a writer commits; busy_timeout waits instead of failing on a lock.
        conn.run('pragma journal_mode = wal', (err) => {
          if (err) return done(err, conn);
          conn.run('pragma foreign_keys = on', (err2) => {
            if (err2) return done(err2, conn);
            conn.run('pragma busy_timeout = 5000', (err3) => done(err3, conn));
          });
        });
      },
    },
    migrations: {
      path: migrationsDir('sqlite'),
      migrationsList: sqliteMigrations,
      silent: true,
      snapshotName: '.snapshot-council',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      emit: 'ts',
    },
  } as Options;
}

export async function openOrm(database: Config['database']): Promise<{ orm: Orm; statements: StatementCounter }> {
  const options = ormOptions(database);
  const orm = (await MikroORM.init(options)) as unknown as Orm;
  // MikroORM.init only logs a failed connection; the start has to stop here, saying why.
  const check = await orm.em.getConnection().checkConnection();
  if (!check.ok) {
    await orm.close(true);
    throw new DatabaseUnavailable(unavailable(database, check.error));
  }
  const statements = new StatementCounter();
  (orm.em.getConnection() as AbstractSqlConnection).getKnex().on('query', (query: { sql: string; bindings?: unknown[] }) => {
    if (!LEASE_UPKEEP.test(query.sql)) statements.add(query.sql, query.bindings);
  });
  return { orm, statements };
}

/**
 * Applies pending migrations, then runs `seed` if the database has no people yet: both under the
 * start-up lock, so of instances starting together on an empty database one migrates and seeds
 * and the others find it done. Says whether it seeded.
 */
export async function migrate(orm: Orm, seed?: (em: Em) => Promise<void>): Promise<boolean> {
  return underStartLock(orm, async () => {
    await orm.getMigrator().up();
    if (!seed) return false;
    const em = orm.em.fork();
    if ((await em.count(User)) > 0) return false;
    await seed(em);
    return true;
  });
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
