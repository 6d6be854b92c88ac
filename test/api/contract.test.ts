// The server schema holds ../shared/CONTRACT.graphql: graphql-js findBreakingChanges(contract, server)
// finds nothing (what it would find is printed on every run).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSchema, findBreakingChanges } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../server/src/graphql/schema.js';
import { printedSchema, schemaFile } from '../../server/src/graphql/print-schema.js';

const shared = fileURLToPath(new URL('../../../shared/CONTRACT.graphql', import.meta.url));
const copy = fileURLToPath(new URL('./contract.graphql', import.meta.url));


describe('contract', () => {
  const contractSdl = readFileSync(existsSync(shared) ? shared : copy, 'utf8');

  it('keeps a current copy of the contract for checkouts without ../shared', () => {
    if (existsSync(shared)) expect(readFileSync(copy, 'utf8')).toBe(readFileSync(shared, 'utf8'));
  });

  it('holds every type, field and argument of the contract', () => {
    const missing = findBreakingChanges(buildSchema(contractSdl), schema).map((c) => c.description);
    console.log(`contract: ${missing.length} item(s) missing${missing.length ? `:\n  ${missing.join('\n  ')}` : ''}`);
    expect(missing).toEqual([]);
  });

  it('web/schema.graphql is the printed server schema (run `pnpm schema`)', () => {
    expect(readFileSync(schemaFile, 'utf8')).toBe(printedSchema());
  });
});
