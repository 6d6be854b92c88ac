// The server schema holds ../shared/CONTRACT.graphql plus the additions of the issues resolved so
// far (../shared/contract/, see its README): graphql-js findBreakingChanges(contract, server) finds
// nothing (what it would find is printed on every run).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSchema, findBreakingChanges } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../server/src/graphql/schema.js';
import { printedSchema, schemaFile } from '../../server/src/graphql/print-schema.js';

/** Each part of the contract in ../shared, and its checked-in copy for checkouts without ../shared. */
const PARTS = [
  { shared: 'CONTRACT.graphql', copy: './contract.graphql' },
  // issue 7: live updates (subscriptions)
  { shared: 'contract/integrity.graphql', copy: './contract/integrity.graphql' },
  // issue 9: notifications, preferences, triage
  { shared: 'contract/reach.graphql', copy: './contract/reach.graphql' },
  // issue 10: invitations, password reset, people and reference data, the audit log
  { shared: 'contract/installation.graphql', copy: './contract/installation.graphql' },
  // issue 11: full-text search
  { shared: 'contract/search.graphql', copy: './contract/search.graphql' },
  // issue 13: other departments in the loop, duplicates caught while typing, outcomes checked, everyone up to date
  { shared: 'contract/beyond.graphql', copy: './contract/beyond.graphql' },
].map((part) => ({
  shared: fileURLToPath(new URL(`../../../shared/${part.shared}`, import.meta.url)),
  copy: fileURLToPath(new URL(part.copy, import.meta.url)),
}));

describe('contract', () => {
  // One document: the additions extend the core types (`extend type`) in the same SDL.
  const contractSdl = PARTS.map((part) => readFileSync(existsSync(part.shared) ? part.shared : part.copy, 'utf8')).join('\n');

  it('keeps a current copy of the contract for checkouts without ../shared', () => {
    for (const part of PARTS) {
      if (existsSync(part.shared)) expect(readFileSync(part.copy, 'utf8'), part.copy).toBe(readFileSync(part.shared, 'utf8'));
    }
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
