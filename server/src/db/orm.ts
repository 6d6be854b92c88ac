// MikroORM for SQLite (embedded default, WAL) and PostgreSQL, with committed migrations
// applied at start, and a statement counter that the N+1 tests and benchmarks read.
import { SqliteDriver } from '@mikro-orm/sqlite';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { MikroORM, type Options } from '@mikro-orm/core';
import type { AbstractSqlConnection, EntityManager } from '@mikro-orm/knex';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config.js';
import { entities } from './entities.js';
import { sqliteMigrations } from '../../../migrations/sqlite/index.js';
import { postgresqlMigrations } from '../../../migrations/postgresql/index.js';

export type Orm = MikroORM & { em: EntityManager };
export type Em = EntityManager;

export const migrationsDir = (dialect: 'sqlite' | 'postgresql') =>
  fileURLToPath(new URL(`../../../migrations/${dialect}`, import.meta.url));

/** Counts SQL statements sent to the database (per ORM instance). */
export class StatementCounter {
  count = 0;
}

export function ormOptions(database: Config['database']): Options {
  const common = {
    entities,
    extensions: [Migrator],
    allowGlobalContext: false,
    forceUtcTimezone: true,
    discovery: { disableDynamicFileAccess: true },
  } satisfies Partial<Options>;
  if (database.kind === 'postgresql') {
    return {
      ...common,
      driver: PostgreSqlDriver,
      clientUrl: database.url,
      migrations: { path: migrationsDir('postgresql'), migrationsList: postgresqlMigrations, silent: true, snapshotName: '.snapshot-council', transactional: true, allOrNothing: true, snapshot: true, emit: 'ts' },
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
      snapshot: true,
      emit: 'ts',
    },
  } as Options;
}

export async function openOrm(database: Config['database']): Promise<{ orm: Orm; statements: StatementCounter }> {
  const options = ormOptions(database);
  const orm = (await MikroORM.init(options)) as unknown as Orm;
  const statements = new StatementCounter();
  (orm.em.getConnection() as AbstractSqlConnection).getKnex().on('query', () => {
    statements.count += 1;
  });
  return { orm, statements };
}

export async function migrate(orm: Orm): Promise<void> {
  await orm.getMigrator().up();
}
