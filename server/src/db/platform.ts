// Which database an EntityManager (or ORM, or connection) talks to, without loading the
// PostgreSQL driver on SQLite (a start loads only its own driver; see orm.ts).

/** Whether the database is PostgreSQL (else SQLite). */
export function isPostgres(source: { getPlatform(): object }): boolean {
  return source.getPlatform().constructor.name === 'PostgreSqlPlatform';
}

/** A date column of a raw row (SQLite: milliseconds, as a number or text; PostgreSQL: a Date). */
export function dateOf(value: Date | number | string): Date {
  return value instanceof Date ? value : new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);
}
