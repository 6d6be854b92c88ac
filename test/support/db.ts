// Database observations for tests: every row of every table, to prove a refusal wrote nothing.
import { expect } from 'vitest';
import type { Em } from '../../server/src/db/orm.js';
import { entities } from '../../server/src/db/entities.js';
import { LeaseSchema } from '../../server/src/jobs/lease.entity.js';

/**
 * Every row of every application table, all columns, in primary-key order. The scheduler's lease
 * is left out: whichever instance leads renews it on a timer, whatever requests do.
 */
export async function tableContents(em: Em): Promise<Record<string, unknown[]>> {
  const fork = em.fork();
  const contents: Record<string, unknown[]> = {};
  for (const schema of entities) {
    if (schema === LeaseSchema) continue;
    const meta = fork.getMetadata().get(schema.meta.className);
    const keys = meta.primaryKeys.flatMap((key) => meta.properties[key].fieldNames);
    contents[meta.tableName] = await fork.getKnex()(meta.tableName).select('*').orderBy(keys);
  }
  return contents;
}

/** Runs `act` and asserts that it changed nothing in any table (a refusal writes nothing). */
export async function writesNothing(em: Em, act: () => Promise<unknown>): Promise<void> {
  const before = await tableContents(em);
  await act();
  expect(await tableContents(em)).toEqual(before);
}
