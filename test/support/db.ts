// Database observations for tests: row counts of every table, to prove a refusal wrote nothing.
import { expect } from 'vitest';
import type { Em } from '../../server/src/db/orm.js';
import { entities } from '../../server/src/db/entities.js';

export async function rowCounts(em: Em): Promise<Record<string, number>> {
  const fork = em.fork();
  const counts: Record<string, number> = {};
  for (const schema of entities) {
    const name = schema.meta.className;
    counts[name] = await fork.count(name, {});
  }
  return counts;
}

/** Runs `act` and asserts that it wrote nothing to any table (a refusal writes nothing). */
export async function writesNothing(em: Em, act: () => Promise<unknown>): Promise<void> {
  const before = await rowCounts(em);
  await act();
  expect(await rowCounts(em)).toEqual(before);
}
