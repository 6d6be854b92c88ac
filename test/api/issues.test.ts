// Issues over HTTP: raise, support, withdraw, comment, edit, merge; each refusal's code and
// that a refusal writes nothing (every table's row count unchanged).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { Client } from '../support/client.js';
import { writesNothing as writesNothingIn } from '../support/db.js';
import * as f from '../support/factories.js';
import { gid } from '../support/ids.js';
import { AuditEvent } from '../../server/src/modules/audit/audit.entity.js';
import type { Category, Region, User } from '../../server/src/modules/people/people.entity.js';

let t: TestApp;
let regions: Region[];
let cat: Category;
let alice: User; // coordinator, region 0
let bob: User; // coordinator, region 1
let carol: User; // coordinator, region 1
let fiona: User; // facilitator, region 2
let erin: User; // executive, no region

beforeAll(async () => {
  t = await startTestApp();
  const em = t.orm.em.fork();
  regions = [await f.region(em), await f.region(em), await f.region(em), await f.region(em)];
  cat = await f.category(em, 'Returns');
  alice = await f.user(em, { region: regions[0] });
  bob = await f.user(em, { region: regions[1] });
  carol = await f.user(em, { region: regions[1] });
  fiona = await f.user(em, { region: regions[2], roles: ['FACILITATOR', 'COORDINATOR'] });
  erin = await f.user(em, { region: null, roles: ['EXECUTIVE'] });
});
afterAll(() => t.close());

const as = (u: User) => new Client(t.app).signIn(u.email);

const writesNothing = (act: () => Promise<unknown>) => writesNothingIn(t.orm.em, act);

const RAISE = `mutation($input: RaiseIssueInput!) { raiseIssue(input: $input) { id title status category { name } originRegion { id } affectedRegions { id } supportCount regionCount commentCount raisedBy { id } } }`;
const SUPPORT = `mutation($id: ID!, $note: String) { supportIssue(issueId: $id, note: $note) { id supportCount regionCount viewerHasSupported viewerCanSupport affectedRegions { id } supports { note user { id } region { id } } } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawSupport(issueId: $id) { id supportCount regionCount viewerHasSupported } }`;
const COMMENT = `mutation($id: ID!, $body: String!) { addComment(subjectId: $id, body: $body) { id body author { id } createdAt editedAt viewerCanEdit } }`;
const MERGE = `mutation($a: ID!, $b: ID!) { mergeIssue(issueId: $a, intoIssueId: $b) { id status mergedInto { id supportCount commentCount regionCount } } }`;

async function raise(c: Client, title = 'Return window too short for gifts') {
  return (await c.ok(RAISE, { input: { title, description: 'Customers ask for **30 days** after the holidays.', categoryId: gid('Category', cat.id) } })).raiseIssue;
}

describe('raiseIssue', () => {
  it('raises an issue in the raiser\'s region, audited', async () => {
    const issue = await raise(await as(alice));
    expect(issue).toMatchObject({ status: 'OPEN', category: { name: 'Returns' }, supportCount: 0, regionCount: 1, commentCount: 0 });
    expect(issue.originRegion.id).toBe(gid('Region', regions[0].id));
    expect(issue.affectedRegions).toEqual([{ id: gid('Region', regions[0].id) }]);
    const events = await t.orm.em.fork().find(AuditEvent, { action: 'issue.raised', actor: alice.id });
    expect(events).toHaveLength(1);
  });

  it.each([
    ['empty title', { title: '', description: 'A long enough description.' }, 'title'],
    ['blank title', { title: '    ', description: 'A long enough description.' }, 'title'],
    ['oversized title', { title: 'x'.repeat(141), description: 'A long enough description.' }, 'title'],
    ['empty description', { title: 'A valid title', description: '' }, 'description'],
    ['oversized description', { title: 'A valid title', description: 'x'.repeat(20_001) }, 'description'],
    ['oversized evidence', { title: 'A valid title', description: 'A long enough description.', evidence: 'x'.repeat(2001) }, 'evidence'],
  ])('refuses %s as BAD_USER_INPUT with a field message, writing nothing', async (_name, input, field) => {
    const c = await as(alice);
    await writesNothing(async () => {
      const r = await c.gql(RAISE, { input });
      expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0].extensions?.fields?.[field]).toMatch(/\w+/);
    });
  });

  it('refuses an unknown category', async () => {
    const c = await as(alice);
    await writesNothing(async () => {
      expect(await c.code(RAISE, { input: { title: 'A valid title', description: 'A long enough description.', categoryId: gid('Category', '00000000-0000-4000-8000-000000000000') } })).toBe('BAD_USER_INPUT');
      expect(await c.code(RAISE, { input: { title: 'A valid title', description: 'A long enough description.', categoryId: gid('Region', regions[0].id) } })).toBe('NOT_FOUND');
    });
  });

  it('refuses executives (no part in raising issues)', async () => {
    const c = await as(erin);
    await writesNothing(async () => {
      expect(await c.code(RAISE, { input: { title: 'A valid title', description: 'A long enough description.' } })).toBe('FORBIDDEN');
    });
  });

  it('answers in the viewer\'s language once they choose it', async () => {
    const c = await as(bob);
    expect((await c.ok(`mutation { setLocale(locale: "de") { locale } }`)).setLocale.locale).toBe('de');
    const r = await c.gql(RAISE, { input: { title: 'x', description: 'A long enough description.' } });
    expect(r.errors?.[0].extensions?.fields?.title).toBe('Der Titel braucht mindestens 5 Zeichen.');
    expect(await c.code(`mutation { setLocale(locale: "fr") { locale } }`)).toBe('BAD_USER_INPUT');
    await c.ok(`mutation { setLocale(locale: "en") { locale } }`);
  });
});

describe('supportIssue and withdrawSupport', () => {
  it('counts supporters and regions, and withdraws', async () => {
    const issue = await raise(await as(alice), 'Refunds wait for the weekly finance batch');
    const b = await as(bob);
    const s1 = (await b.ok(SUPPORT, { id: issue.id, note: 'Same here: ~15 cases a week' })).supportIssue;
    expect(s1).toMatchObject({ supportCount: 1, regionCount: 2, viewerHasSupported: true, viewerCanSupport: false });
    expect(s1.supports[0]).toMatchObject({ note: 'Same here: ~15 cases a week', user: { id: gid('User', bob.id) } });
    const s2 = (await (await as(carol)).ok(SUPPORT, { id: issue.id })).supportIssue;
    expect(s2).toMatchObject({ supportCount: 2, regionCount: 2 }); // same region as bob
    const s3 = (await (await as(fiona)).ok(SUPPORT, { id: issue.id })).supportIssue;
    expect(s3).toMatchObject({ supportCount: 3, regionCount: 3 });
    expect(s3.affectedRegions[0].id).toBe(gid('Region', regions[0].id)); // origin first
    const w = (await b.ok(WITHDRAW, { id: issue.id })).withdrawSupport;
    expect(w).toMatchObject({ supportCount: 2, regionCount: 3, viewerHasSupported: false });
  });

  it('refuses supporting twice, supporting one\'s own issue, and withdrawing without support — writing nothing', async () => {
    const a = await as(alice);
    const issue = await raise(a, 'Carrier misses evening delivery slots');
    const b = await as(bob);
    await b.ok(SUPPORT, { id: issue.id });
    const [c, e] = [await as(carol), await as(erin)];
    await writesNothing(async () => {
      expect(await b.code(SUPPORT, { id: issue.id })).toBe('CONFLICT');
      expect(await a.code(SUPPORT, { id: issue.id })).toBe('CONFLICT');
      expect(await c.code(WITHDRAW, { id: issue.id })).toBe('CONFLICT');
      expect(await e.code(SUPPORT, { id: issue.id })).toBe('FORBIDDEN');
    });
  });

  it('holds one support per person in the database, even when requests race', async () => {
    const issue = await raise(await as(alice), 'Promo codes fail at checkout');
    const c = await as(carol);
    const results = await Promise.all(Array.from({ length: 10 }, () => c.gql(SUPPORT, { id: issue.id })));
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(results.filter((r) => r.errors).every((r) => r.errors![0].extensions?.code === 'CONFLICT')).toBe(true);
    const after = await c.ok(`query($id: ID!) { node(id: $id) { ... on Issue { supportCount supports { user { id } } } } }`, { id: issue.id });
    expect(after.node.supportCount).toBe(1);
    expect(after.node.supports).toHaveLength(1);
  });

  it('refuses unknown ids and oversized notes', async () => {
    const b = await as(bob);
    const issue = await raise(await as(alice), 'Invoice VAT wrong for business customers');
    await writesNothing(async () => {
      expect(await b.code(SUPPORT, { id: gid('Issue', 'no-such-issue') })).toBe('NOT_FOUND');
      expect(await b.code(SUPPORT, { id: 'garbage' })).toBe('NOT_FOUND');
      expect(await b.code(SUPPORT, { id: gid('User', bob.id) })).toBe('NOT_FOUND');
      expect(await b.code(SUPPORT, { id: issue.id, note: 'x'.repeat(501) })).toBe('BAD_USER_INPUT');
    });
  });
});

describe('comments', () => {
  it('adds comments, opens the discussion, pages the thread and lets authors edit', async () => {
    const a = await as(alice);
    const issue = await raise(a, 'Knowledge base articles are outdated');
    await a.ok(COMMENT, { id: issue.id, body: 'Adding context: three articles still show last year\'s rules.' });
    let status = (await a.ok(`query($id: ID!) { node(id: $id) { ... on Issue { status commentCount } } }`, { id: issue.id })).node;
    expect(status).toEqual({ status: 'OPEN', commentCount: 1 }); // the raiser's own word does not open a discussion
    const b = await as(bob);
    const comment = (await b.ok(COMMENT, { id: issue.id, body: 'Same in our region; we keep a **local** copy.' })).addComment;
    expect(comment).toMatchObject({ author: { id: gid('User', bob.id) }, editedAt: null, viewerCanEdit: true });
    status = (await a.ok(`query($id: ID!) { node(id: $id) { ... on Issue { status commentCount } } }`, { id: issue.id })).node;
    expect(status).toEqual({ status: 'UNDER_DISCUSSION', commentCount: 2 });
    for (let i = 0; i < 3; i++) await b.ok(COMMENT, { id: issue.id, body: `Follow-up ${i}` });

    const PAGE = `query($id: ID!, $after: String) { node(id: $id) { ... on Issue { comments(first: 2, after: $after) { totalCount edges { node { body viewerCanEdit } } pageInfo { hasNextPage endCursor } } } } }`;
    const p1 = (await a.ok(PAGE, { id: issue.id })).node.comments;
    expect(p1.totalCount).toBe(5);
    expect(p1.edges.map((e: any) => e.node.body)).toEqual(['Adding context: three articles still show last year\'s rules.', 'Same in our region; we keep a **local** copy.']);
    expect(p1.edges.map((e: any) => e.node.viewerCanEdit)).toEqual([true, false]);
    const p2 = (await a.ok(PAGE, { id: issue.id, after: p1.pageInfo.endCursor })).node.comments;
    const p3 = (await a.ok(PAGE, { id: issue.id, after: p2.pageInfo.endCursor })).node.comments;
    expect(p2.pageInfo.hasNextPage).toBe(true);
    expect(p3.edges.map((e: any) => e.node.body)).toEqual(['Follow-up 2']);
    expect(p3.pageInfo.hasNextPage).toBe(false);

    const EDIT = `mutation($id: ID!, $body: String!) { editComment(commentId: $id, body: $body) { body editedAt } }`;
    const edited = (await b.ok(EDIT, { id: comment.id, body: 'Same in our region.' })).editComment;
    expect(edited.body).toBe('Same in our region.');
    expect(edited.editedAt).not.toBeNull();
    await writesNothing(async () => {
      expect(await a.code(EDIT, { id: comment.id, body: 'Hijacked' })).toBe('FORBIDDEN');
      expect(await b.code(EDIT, { id: comment.id, body: '' })).toBe('BAD_USER_INPUT');
    });
  });

  it('refuses empty, oversized and misplaced comments, writing nothing', async () => {
    const a = await as(alice);
    const issue = await raise(a, 'Weekend chat backlog grows');
    await writesNothing(async () => {
      expect(await a.code(COMMENT, { id: issue.id, body: '' })).toBe('BAD_USER_INPUT');
      expect(await a.code(COMMENT, { id: issue.id, body: '   ' })).toBe('BAD_USER_INPUT');
      expect(await a.code(COMMENT, { id: issue.id, body: 'x'.repeat(10_001) })).toBe('BAD_USER_INPUT');
      expect(await a.code(COMMENT, { id: gid('Issue', 'missing'), body: 'Hello' })).toBe('NOT_FOUND');
      expect(await a.code(COMMENT, { id: gid('Region', regions[0].id), body: 'Hello' })).toBe('NOT_FOUND');
    });
  });
});

describe('mergeIssue', () => {
  it('lets a facilitator merge a duplicate: supports and comments join the target', async () => {
    const a = await as(alice);
    const b = await as(bob);
    const target = await raise(a, 'Loyalty points are not credited after purchase');
    const dup = await raise(b, 'Points missing from loyalty accounts');
    await (await as(carol)).ok(SUPPORT, { id: dup.id });
    await a.ok(SUPPORT, { id: dup.id }); // alice raised the target: her support is already counted there
    await b.ok(COMMENT, { id: dup.id, body: 'About 20 tickets a week.' });
    await a.ok(COMMENT, { id: target.id, body: 'Started after the app update.' });

    const merged = (await (await as(fiona)).ok(MERGE, { a: dup.id, b: target.id })).mergeIssue;
    expect(merged.status).toBe('MERGED');
    expect(merged.mergedInto.id).toBe(target.id);
    // bob (raiser of the duplicate, region 1) and carol (region 1) now support the target; alice's duplicate support is dropped.
    expect(merged.mergedInto).toMatchObject({ supportCount: 2, commentCount: 2, regionCount: 2 });
    const feed = await a.ok(`{ issues(first: 100) { edges { node { id } } } }`);
    expect(feed.issues.edges.map((e: any) => e.node.id)).not.toContain(dup.id); // MERGED is hidden by default
    const history = await t.orm.em.fork().find(AuditEvent, { action: { $in: ['issue.merged', 'issue.mergeReceived'] } });
    expect(history).toHaveLength(2);
  });

  it('refuses coordinators, self-merges and merges into closed or merged issues — writing nothing', async () => {
    const a = await as(alice);
    const one = await raise(a, 'Damaged parcels: claim form too long');
    const two = await raise(a, 'Claim form for damaged parcels is too long');
    const three = await raise(a, 'Damaged parcel claims take weeks');
    const fi = await as(fiona);
    await fi.ok(MERGE, { a: three.id, b: two.id });
    const e = await as(erin);
    await writesNothing(async () => {
      expect(await a.code(MERGE, { a: one.id, b: two.id })).toBe('FORBIDDEN');
      expect(await e.code(MERGE, { a: one.id, b: two.id })).toBe('FORBIDDEN');
      expect(await fi.code(MERGE, { a: one.id, b: one.id })).toBe('BAD_USER_INPUT');
      expect(await fi.code(MERGE, { a: one.id, b: three.id })).toBe('CONFLICT');
      expect(await fi.code(MERGE, { a: three.id, b: one.id })).toBe('CONFLICT');
      expect(await fi.code(MERGE, { a: one.id, b: gid('Issue', 'missing') })).toBe('NOT_FOUND');
    });
  });
});
