// Proposal.history in pages: the latest 100 events by default (oldest first), `first` for fewer,
// `after` = an event's cursor to page back with no event lost or repeated (also across events
// sharing one instant), `historyCount` for the total; bad arguments are BAD_USER_INPUT; a list
// of proposals costs the same statements whatever its length.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { People } from '../support/client.js';
import * as f from '../support/factories.js';
import { AuditEvent } from '../../server/src/modules/audit/audit.entity.js';
import { historyCursor } from '../../server/src/modules/proposals/history.query.js';
import type { User } from '../../server/src/modules/people/people.entity.js';

let t: TestApp;
let people: People;
let author: User;
let proposalId: string;
let expected: { action: string; cursor: string }[];

const localId = (globalId: string) => Buffer.from(globalId, 'base64').toString().split(':')[1];
const HISTORY = `query($id: ID!, $first: Int, $after: String) {
  node(id: $id) { ... on Proposal { historyCount history(first: $first, after: $after) { action at cursor actor { name } } } }
}`;

async function draft(by: User): Promise<string> {
  const c = await people.as(by);
  const issue = (await c.ok(`mutation { raiseIssue(input: { title: "Refund delays ${Math.random()}", description: "Customers wait a week." }) { id } }`)).raiseIssue.id;
  return (
    await c.ok(`mutation($input: DraftProposalInput!) { draftProposal(input: $input) { id } }`, {
      input: { issueId: issue, title: 'Daily refunds', currentPolicy: 'Weekly.', proposedPolicy: 'Daily.', rationale: 'Customers wait too long.', requiresApproval: false },
    })
  ).draftProposal.id;
}

beforeAll(async () => {
  t = await startTestApp({ sweepIntervalMs: 0 });
  people = new People(t.app);
  const em = t.orm.em.fork();
  author = await f.user(em, { region: await f.region(em) });
  proposalId = await draft(author);
  // 250 more events, two at each instant, so pages also end between events of one instant.
  const start = Date.now() - 86_400_000;
  for (let i = 0; i < 250; i++) {
    em.create(AuditEvent, { actor: author, action: `vote.${i % 2 ? 'changed' : 'cast'}`, subjectType: 'Proposal', subjectId: localId(proposalId), after: { choice: 'FOR' }, at: new Date(start + Math.floor(i / 2) * 1000) });
  }
  await em.flush();
  const all = await em.fork().find(AuditEvent, { subjectType: 'Proposal', subjectId: localId(proposalId) }, { orderBy: { at: 'asc', id: 'asc' } });
  expected = all.map((e) => ({ action: e.action, cursor: historyCursor(e) }));
});
afterAll(() => t.close());

const page = async (vars: { first?: number; after?: string } = {}) => (await (await people.as(author)).ok(HISTORY, { id: proposalId, ...vars })).node;
const shape = (events: { action: string; cursor: string }[]) => events.map((e) => ({ action: e.action, cursor: e.cursor }));

describe('Proposal.history', () => {
  it('shows the latest 100 events oldest first, pages back without loss or repeat, and counts them all', async () => {
    expect(expected).toHaveLength(251);
    const latest = await page();
    expect(latest.historyCount).toBe(251);
    expect(shape(latest.history)).toEqual(expected.slice(-100));
    expect(latest.history[0].actor.name).toBe(author.name);

    const seen = [...latest.history];
    let oldest = latest.history[0].cursor;
    for (const size of [100, 51]) {
      const earlier = (await page({ after: oldest })).history;
      expect(earlier).toHaveLength(size);
      seen.unshift(...earlier);
      oldest = earlier[0].cursor;
    }
    expect(shape(seen)).toEqual(expected);
    expect((await page({ after: oldest })).history).toEqual([]);
  });

  it('takes `first` for a shorter page, also paging back', async () => {
    const last = (await page({ first: 3 })).history;
    expect(shape(last)).toEqual(expected.slice(-3));
    expect(shape((await page({ first: 3, after: last[0].cursor })).history)).toEqual(expected.slice(-6, -3));
  });

  it('refuses a page size out of range and a cursor it did not make', async () => {
    const c = await people.as(author);
    const refusal = async (vars: Record<string, unknown>) => (await c.gql(HISTORY, { id: proposalId, ...vars })).errors?.[0].extensions;
    for (const first of [0, -1, 101]) expect(await refusal({ first })).toMatchObject({ code: 'BAD_USER_INPUT', fields: { first: expect.any(String) } });
    const forged = [
      'garbage',
      Buffer.from('history:abc:def').toString('base64url'),
      Buffer.from('history:99999999999999999999:00000000-0000-4000-8000-000000000000').toString('base64url'),
      Buffer.from(`history:${Date.now()}:x' or 1=1 --`).toString('base64url'),
      Buffer.from('offset:3').toString('base64url'),
      Buffer.from('history:1\u0000:\ud800').toString('base64url'),
    ];
    for (const after of forged) expect(await refusal({ after }), after).toMatchObject({ code: 'BAD_USER_INPUT', fields: { after: expect.any(String) } });
  });

  it('costs the same statements for a list of 2 or 6 proposals', async () => {
    const c = await people.as(author);
    const LIST = `{ proposals { id historyCount history(first: 5) { action cursor actor { name } } } }`;
    const count = async () => {
      const before = t.statements.count;
      const list = (await c.ok(LIST)).proposals;
      return { n: list.length, statements: t.statements.count - before };
    };
    await draft(author);
    const small = await count();
    for (let i = 0; i < 4; i++) await draft(author);
    const large = await count();
    expect([small.n, large.n]).toEqual([2, 6]);
    // As for the other lists: bounded, not identical (several connections answer in any order, which splits batches).
    expect(large.statements - small.statements).toBeLessThanOrEqual(2);
  });
});
