// Concurrent writes through the API, on SQLite and PostgreSQL: distinct signed-in people fire at
// once (Promise.all); afterwards every counter equals what the rows say (COUNT(*) queries here)
// and the consistency check finds no drift. On PostgreSQL each scenario lost updates, corrupted
// merges or duplicated audit events before the service took its rows first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { People, type GqlResult } from '../support/client.js';
import { expectNoDrift } from '../support/consistency.js';
import * as f from '../support/factories.js';
import { AuditEvent } from '../../server/src/modules/audit/audit.entity.js';
import { Comment, Issue, Support } from '../../server/src/modules/issues/issues.entity.js';
import { Proposal } from '../../server/src/modules/proposals/proposals.entity.js';
import type { Region, User } from '../../server/src/modules/people/people.entity.js';

let t: TestApp;
let people: People;
let regions: Region[];
let raiser: User; // coordinator in regions[0]; raises the issues
let coords: User[]; // coords[i] in regions[i % 8]
let facs: User[]; // two facilitators, for the two sides of opposite merges

beforeAll(async () => {
  t = await startTestApp({ sweepIntervalMs: 0 });
  people = new People(t.app);
  const em = t.orm.em.fork();
  regions = [];
  for (let i = 0; i < 8; i++) regions.push(await f.region(em, { name: `Race region ${i}` }));
  raiser = await f.user(em, { region: regions[0] });
  coords = [];
  for (let i = 0; i < 10; i++) coords.push(await f.user(em, { region: regions[i % 8] }));
  facs = [await f.user(em, { region: regions[2], roles: ['FACILITATOR', 'COORDINATOR'] }), await f.user(em, { region: regions[3], roles: ['FACILITATOR', 'COORDINATOR'] })];
  // Sign everyone in up front, so the races below are between the mutations alone.
  await Promise.all([raiser, ...coords, ...facs].map((u) => people.as(u)));
});
afterAll(() => t?.close());

const as = (u: User) => people.as(u);
const localId = (globalId: string) => Buffer.from(globalId, 'base64').toString().split(':')[1];
const codes = (results: GqlResult[]) => results.map((r) => r.errors?.[0]?.extensions?.code ?? 'OK');

const ISSUE = `id status supportCount regionCount commentCount mergedInto { id }`;
const RAISE = `mutation($t: String!) { raiseIssue(input: { title: $t, description: "Customers and staff both suffer from it." }) { ${ISSUE} } }`;
const SUPPORT = `mutation($id: ID!) { supportIssue(issueId: $id) { ${ISSUE} } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawSupport(issueId: $id) { ${ISSUE} } }`;
const COMMENT = `mutation($id: ID!, $body: String!) { addComment(subjectId: $id, body: $body) { id } }`;
const MERGE = `mutation($a: ID!, $b: ID!) { mergeIssue(issueId: $a, intoIssueId: $b) { ${ISSUE} } }`;
const GET = `query($id: ID!) { node(id: $id) { ... on Issue { ${ISSUE} } } }`;
const DRAFT = `mutation($input: DraftProposalInput!) { draftProposal(input: $input) { id status } }`;
const WITHDRAW_PROPOSAL = `mutation($id: ID!) { withdrawProposal(proposalId: $id) { id status issue { id status } } }`;

let titles = 0;
async function raise(by: User = raiser): Promise<string> {
  return (await (await as(by)).ok(RAISE, { t: `Shared problem under load ${++titles}` })).raiseIssue.id;
}

async function read(issueId: string) {
  return (await (await as(raiser)).ok(GET, { id: issueId })).node;
}

/** The truth about an issue, counted from the rows with SQL, next to the issue's own counters. */
async function rows(issueId: string) {
  const id = localId(issueId);
  const em = t.orm.em.fork();
  const [{ supports, regions: regionCount, comments }] = await em.execute<{ supports: string | number; regions: string | number; comments: string | number }[]>(
    `select (select count(*) from support where issue_id = ?) as supports,
            (select count(distinct r.region_id) from (select region_id from support where issue_id = ? union all select origin_region_id from issue where id = ?) r) as regions,
            (select count(*) from comment where issue_id = ?) as comments`,
    [id, id, id, id],
  );
  const issue = await em.findOneOrFail(Issue, id);
  return {
    counters: { supportCount: issue.supportCount, regionCount: issue.regionCount, commentCount: issue.commentCount },
    counted: { supportCount: Number(supports), regionCount: Number(regionCount), commentCount: Number(comments) },
  };
}

async function expectCountersMatchRows(issueId: string) {
  const { counters, counted } = await rows(issueId);
  expect(counters).toEqual(counted);
  return counted;
}

const auditCount = (action: string, subjectId: string) => t.orm.em.fork().count(AuditEvent, { action, subjectId });

describe('supports racing each other', () => {
  it('counts 8 coordinators of 8 regions supporting at once, then 6 withdrawing at once', async () => {
    const issueId = await raise();
    const supporters = coords.slice(0, 8);
    const supported = await Promise.all(supporters.map(async (u) => (await as(u)).gql(SUPPORT, { id: issueId })));
    expect(codes(supported)).toEqual(Array(8).fill('OK'));
    expect(await expectCountersMatchRows(issueId)).toEqual({ supportCount: 8, regionCount: 8, commentCount: 0 });
    expect(await auditCount('issue.supported', localId(issueId))).toBe(8);

    const withdrawn = await Promise.all(supporters.slice(0, 6).map(async (u) => (await as(u)).gql(WITHDRAW, { id: issueId })));
    expect(codes(withdrawn)).toEqual(Array(6).fill('OK'));
    // Left: supporters in regions 6 and 7, plus the raiser's region 0.
    expect(await expectCountersMatchRows(issueId)).toEqual({ supportCount: 2, regionCount: 3, commentCount: 0 });
    expect(await read(issueId)).toMatchObject({ supportCount: 2, regionCount: 3 });
    await expectNoDrift(t.orm.em);
  });
});

describe('comments racing each other', () => {
  it('counts 100 comments by 10 people at once and opens the discussion exactly once', async () => {
    const issueId = await raise();
    const results = await Promise.all(
      Array.from({ length: 100 }, async (_, i) => (await as(coords[i % 10])).gql(COMMENT, { id: issueId, body: `Seen here too (${i}).` })),
    );
    expect(codes(results)).toEqual(Array(100).fill('OK'));
    expect(await expectCountersMatchRows(issueId)).toMatchObject({ commentCount: 100 });
    expect(await read(issueId)).toMatchObject({ status: 'UNDER_DISCUSSION', commentCount: 100 });
    expect(await auditCount('issue.statusChanged', localId(issueId))).toBe(1);
    await expectNoDrift(t.orm.em);
  });
});

describe('merges racing', () => {
  it('lets exactly one of two opposite merges succeed, the other is CONFLICT (3 rounds)', async () => {
    for (let round = 0; round < 3; round++) {
      const a = await raise(coords[0]);
      const b = await raise(coords[1]);
      await (await as(coords[2])).ok(SUPPORT, { id: a });
      await (await as(coords[3])).ok(SUPPORT, { id: b });
      await (await as(coords[4])).ok(COMMENT, { id: a, body: 'Same in our region.' });
      await (await as(coords[5])).ok(COMMENT, { id: b, body: 'Here as well.' });

      const results = await Promise.all([(await as(facs[0])).gql(MERGE, { a, b }), (await as(facs[1])).gql(MERGE, { a: b, b: a })]);
      expect(codes(results).sort()).toEqual(['CONFLICT', 'OK']);
      const winner = results.find((r) => !r.errors)!.data.mergeIssue;
      const [source, target] = winner.id === a ? [a, b] : [b, a];
      expect(await read(source)).toMatchObject({ status: 'MERGED', mergedInto: { id: target } });
      expect(await read(target)).toMatchObject({ status: 'UNDER_DISCUSSION', mergedInto: null });
      // Both raisers and both supporters now support the survivor (its own raiser aside).
      expect(await expectCountersMatchRows(target)).toEqual({ supportCount: 3, regionCount: 4, commentCount: 2 });
      expect(await expectCountersMatchRows(source)).toEqual({ supportCount: 0, regionCount: 1, commentCount: 0 });
      expect(await auditCount('issue.merged', localId(source))).toBe(1);
      expect(await auditCount('issue.merged', localId(target))).toBe(0);
    }
    await expectNoDrift(t.orm.em);
  });

  it('lands supports and comments racing a merge on the surviving issue, or refuses them', async () => {
    const source = await raise(coords[0]);
    const target = await raise(coords[1]);
    const supporters = coords.slice(2, 8);
    const commenters = coords.slice(4, 10);
    const [merged, ...others] = await Promise.all([
      (await as(facs[0])).gql(MERGE, { a: source, b: target }),
      ...supporters.map(async (u) => (await as(u)).gql(SUPPORT, { id: source })),
      ...commenters.map(async (u) => (await as(u)).gql(COMMENT, { id: source, body: 'Happens to us every week.' })),
    ]);
    expect(merged.errors).toBeUndefined();
    expect(codes(others).every((c) => c === 'OK' || c === 'CONFLICT')).toBe(true);

    const em = t.orm.em.fork();
    expect(await em.count(Support, { issue: localId(source) })).toBe(0);
    expect(await em.count(Comment, { issue: localId(source) })).toBe(0);
    const supportedOk = supporters.filter((_, i) => !others[i].errors).map((u) => u.id);
    const onTarget = (await em.find(Support, { issue: localId(target) })).map((s) => s.user.id);
    // The source's raiser joins the target; every accepted supporter is there too.
    expect(onTarget.sort()).toEqual([coords[0].id, ...supportedOk].sort());
    const commentedOk = others.slice(supporters.length).filter((r) => !r.errors).length;
    expect(await expectCountersMatchRows(target)).toMatchObject({ supportCount: 1 + supportedOk.length, commentCount: commentedOk });
    expect(await expectCountersMatchRows(source)).toEqual({ supportCount: 0, regionCount: 1, commentCount: 0 });
    await expectNoDrift(t.orm.em);
  });
});

describe('proposals withdrawn at once', () => {
  it('leaves PROPOSED when the last open proposal of an issue goes, whatever the order', async () => {
    const issueId = await raise();
    const authors = coords.slice(0, 6);
    const drafted: string[] = [];
    for (const [i, u] of authors.entries()) {
      const input = {
        issueId,
        title: `Option ${i}: extend the return window`,
        currentPolicy: 'Returns are accepted within 30 days of delivery.',
        proposedPolicy: `Returns are accepted within ${40 + i} days of delivery.`,
        rationale: 'Customers abroad wait long for deliveries; the window closes before they can try the goods.',
        requiresApproval: true,
      };
      drafted.push((await (await as(u)).ok(DRAFT, { input })).draftProposal.id);
    }
    expect(await read(issueId)).toMatchObject({ status: 'PROPOSED' });

    const results = await Promise.all(authors.map(async (u, i) => (await as(u)).gql(WITHDRAW_PROPOSAL, { id: drafted[i] })));
    expect(codes(results)).toEqual(Array(authors.length).fill('OK'));
    expect(await t.orm.em.fork().count(Proposal, { issue: localId(issueId), status: 'WITHDRAWN' })).toBe(authors.length);
    expect(await read(issueId)).toMatchObject({ status: 'OPEN' });
    // PROPOSED once (the first draft), back to OPEN once (the last withdrawal).
    const changes = await t.orm.em.fork().find(AuditEvent, { action: 'issue.statusChanged', subjectId: localId(issueId) }, { orderBy: { id: 'asc' } });
    expect(changes.map((e) => e.after?.status)).toEqual(['PROPOSED', 'OPEN']);
    await expectNoDrift(t.orm.em);
  });

  it('refuses a second withdrawal of the same proposal racing the first', async () => {
    const issueId = await raise();
    const input = {
      issueId,
      title: 'Refund shipping costs on faulty goods',
      currentPolicy: 'Customers pay return shipping.',
      proposedPolicy: 'Return shipping is free when the goods are faulty.',
      rationale: 'Customers are charged for our own mistakes.',
      requiresApproval: true,
    };
    const id = (await (await as(coords[0])).ok(DRAFT, { input })).draftProposal.id;
    const results = await Promise.all([(await as(coords[0])).gql(WITHDRAW_PROPOSAL, { id }), (await as(facs[0])).gql(WITHDRAW_PROPOSAL, { id })]);
    expect(codes(results).sort()).toEqual(['CONFLICT', 'OK']);
    expect(await t.orm.em.fork().count(AuditEvent, { action: 'proposal.withdrawn', subjectId: localId(id) })).toBe(1);
    await expectNoDrift(t.orm.em);
  });
});

describe('installation settings changed at once', () => {
  it('keeps both changes of the voting rule by two admins, each audited with what it replaced', async () => {
    const em = t.orm.em.fork();
    const admins = [await f.user(em, { region: null, roles: ['ADMIN'] }), await f.user(em, { region: null, roles: ['ADMIN'] })];
    const SET = `mutation($q: Float!, $th: Float!) { setVotingRule(quorum: $q, threshold: $th) { quorum threshold } }`;
    // The first change of all: the setting's row does not exist yet.
    const results = await Promise.all([(await as(admins[0])).gql(SET, { q: 0.6, th: 0.5 }), (await as(admins[1])).gql(SET, { q: 0.7, th: 0.6 })]);
    expect(codes(results)).toEqual(['OK', 'OK']);
    const events = await t.orm.em.fork().find(AuditEvent, { action: 'votingRule.changed' }, { orderBy: { id: 'asc' } });
    expect(events).toHaveLength(2);
    // The second change replaced the first, not the defaults both started from.
    expect(events[1].before).toEqual(events[0].after);
  });
});
