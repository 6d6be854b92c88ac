// The server schema holds ../shared/CONTRACT.graphql: graphql-js findBreakingChanges(contract, server)
// may only report what later issues still have to add (listed below, printed on every run).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSchema, findBreakingChanges } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../server/src/graphql/schema.js';
import { printedSchema, schemaFile } from '../../server/src/graphql/print-schema.js';

const shared = fileURLToPath(new URL('../../../shared/CONTRACT.graphql', import.meta.url));
const copy = fileURLToPath(new URL('./contract.graphql', import.meta.url));

/** Parts of the contract that belong to issues not yet landed (#4 meetings). */
const PENDING = [
  /^(MeetingStatus|AgendaItemKind|AgendaItem|Meeting|ScheduleMeetingInput) was removed\.$/,
  /^Query\.meetings was removed\.$/,
  /^Mutation\.(scheduleMeeting|generateAgenda|publishAgenda) was removed\.$/,
];

describe('contract', () => {
  const contractSdl = readFileSync(existsSync(shared) ? shared : copy, 'utf8');

  it('keeps a current copy of the contract for checkouts without ../shared', () => {
    if (existsSync(shared)) expect(readFileSync(copy, 'utf8')).toBe(readFileSync(shared, 'utf8'));
  });

  it('holds every type, field and argument of the contract, but for what later issues add', () => {
    const changes = findBreakingChanges(buildSchema(contractSdl), schema).map((c) => c.description);
    const pending = changes.filter((d) => PENDING.some((p) => p.test(d)));
    const broken = changes.filter((d) => !PENDING.some((p) => p.test(d)));
    console.log(`contract: ${pending.length} item(s) still missing (later issues):\n  ${pending.join('\n  ') || 'none'}`);
    expect(broken).toEqual([]);
  });

  it('web/schema.graphql is the printed server schema (run `pnpm schema`)', () => {
    expect(readFileSync(schemaFile, 'utf8')).toBe(printedSchema());
  });
});
