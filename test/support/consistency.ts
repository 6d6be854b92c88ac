// Asserts that every denormalized value agrees with its rows (`pnpm council check` reports nothing);
// the race tests call it after each race.
import { expect } from 'vitest';
import type { Em } from '../../server/src/db/orm.js';
import { checkConsistency } from '../../server/src/modules/integrity/consistency.js';

export async function expectNoDrift(em: Em): Promise<void> {
  const drifts = await checkConsistency(em.fork());
  expect(drifts).toEqual([]);
}
