// Comments and revisions in lists, on SQLite and PostgreSQL: a page of issues or proposals, each
// with its own page of comments (and a proposal's revisions), costs the same statements for 5 and
// 30 subjects, and every subject gets exactly its own comments, in order, with its total.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addComment } from '../../server/src/modules/issues/issues.service.js';
import type { Issue } from '../../server/src/modules/issues/issues.entity.js';
import type { Proposal } from '../../server/src/modules/proposals/proposals.entity.js';
import type { User } from '../../server/src/modules/people/people.entity.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { Client } from '../support/client.js';
import * as f from '../support/factories.js';
import { gid } from '../support/ids.js';

let t: TestApp;
let reader: Client;
let issues: Issue[];
let proposals: Proposal[];

beforeAll(async () => {
  t = await startTestApp({ sweepIntervalMs: 0, mailIntervalMs: 0, reminderIntervalMs: 0 });
  const em = t.orm.em.fork();
  const region = await f.region(em);
  const author: User = await f.user(em, { region, roles: ['COORDINATOR', 'FACILITATOR'] });
  issues = [];
  proposals = [];
  for (let i = 0; i < 30; i++) {
    const issue = await f.issue(em, author, { title: `Comments in lists ${i}` });
    issues.push(issue);
    // i % 4 comments each: some subjects have none, some more than a page.
    for (let c = 0; c < i % 4; c++) await addComment(em, author, { type: 'Issue', id: issue.id }, `Issue ${i} comment ${c}`);
  }
  for (let i = 0; i < 30; i++) {
    const proposal = await f.proposalInVoting(em, author, author);
    proposals.push(proposal);
    for (let c = 0; c < i % 3; c++) await addComment(em, author, { type: 'Proposal', id: proposal.id }, `Proposal ${i} comment ${c}`);
  }
  reader = await new Client(t.app).signIn(author.email);
});
afterAll(() => t?.close());

const COMMENTS = `comments(first: 2, after: $after) { totalCount edges { node { body } } pageInfo { hasNextPage } }`;
/** One request for the issues of `ids`, each through `node` (the schema has no `nodes`). */
const issuesQuery = (ids: string[]) => `query($after: String) { ${ids.map((id, i) => `i${i}: node(id: "${id}") { ... on Issue { id ${COMMENTS} } }`).join(' ')} }`;
const nodesOf = (data: Record<string, unknown>) => Object.keys(data).sort((a, b) => Number(a.slice(1)) - Number(b.slice(1))).map((k) => data[k]);
const PROPOSALS = `query($first: Int, $after: String) { proposals(first: $first) { id revisions { version } ${COMMENTS} } }`;

describe('comments in lists', () => {
  it("gives each issue its own page of comments, for the same statements whatever the list's length", async () => {
    const statementsFor = async (n: number, after?: string) => {
      const before = t.statements.count;
      const nodes = nodesOf(await reader.ok(issuesQuery(issues.slice(0, n).map((i) => gid('Issue', i.id))), { after })) as never[];
      const used = t.statements.count - before;
      nodes.forEach((node: { id: string; comments: { totalCount: number; edges: { node: { body: string } }[]; pageInfo: { hasNextPage: boolean } } }, i: number) => {
        const count = i % 4;
        const from = after ? 2 : 0;
        expect(node.comments.totalCount, `issue ${i}`).toBe(count);
        expect(node.comments.edges.map((e) => e.node.body)).toEqual(
          Array.from({ length: Math.max(0, Math.min(2, count - from)) }, (_v, c) => `Issue ${i} comment ${from + c}`),
        );
        expect(node.comments.pageInfo.hasNextPage).toBe(count > from + 2);
      });
      return used;
    };
    expect(await statementsFor(30)).toBe(await statementsFor(5));
    // The second page of every issue's comments at once.
    const afterTwo = Buffer.from('offset:1').toString('base64url');
    expect(await statementsFor(30, afterTwo)).toBe(await statementsFor(5, afterTwo));
  });

  it("gives each proposal its own comments and revisions, for the same statements whatever the list's length", async () => {
    const statementsFor = async (first: number) => {
      const before = t.statements.count;
      const { proposals: page } = await reader.ok(PROPOSALS, { first });
      expect(page).toHaveLength(first);
      for (const p of page) {
        const index = proposals.findIndex((x) => gid('Proposal', x.id) === p.id);
        expect(p.revisions).toEqual([{ version: 1 }]);
        expect(p.comments.totalCount).toBe(index % 3);
        expect(p.comments.edges.map((e: { node: { body: string } }) => e.node.body)).toEqual(
          Array.from({ length: index % 3 }, (_v, c) => `Proposal ${index} comment ${c}`),
        );
      }
      return t.statements.count - before;
    };
    expect(await statementsFor(30)).toBe(await statementsFor(5));
  });
});
