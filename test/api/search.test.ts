// Full-text search (issue 11): the five languages with and without diacritics, ranking, snippets
// and highlights, prefixes, hostile input, what is shown, the feed's search filter, the index kept
// in the writing transaction, a statement count independent of `first`, and the index in the plan.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postgresDatabase, startTestApp, type TestApp } from '../support/app.js';
import { Client } from '../support/client.js';
import * as f from '../support/factories.js';
import { gid } from '../support/ids.js';
import { ON_POSTGRES } from '../support/services.js';
import { addComment, editComment, mergeIssue } from '../../server/src/modules/issues/issues.service.js';
import { draftProposal, reviseProposal } from '../../server/src/modules/proposals/proposals.service.js';
import { adoptIntoRegister } from '../../server/src/modules/policies/policies.service.js';
import { answerReferral, createDepartment, referIssue } from '../../server/src/modules/departments/departments.service.js';
import { Issue } from '../../server/src/modules/issues/issues.entity.js';
import { Proposal } from '../../server/src/modules/proposals/proposals.entity.js';
import { matchingIssueIds, searchDocuments, searchStatement } from '../../server/src/modules/search/search.query.js';
import { searchTerms } from '../../server/src/modules/search/search.text.js';
import { migratorOf, openOrm, type Em } from '../../server/src/db/orm.js';
import { sqliteMigrationNames } from '../../migrations/sqlite/index.js';
import { postgresqlMigrationNames } from '../../migrations/postgresql/index.js';
import type { User } from '../../server/src/modules/people/people.entity.js';

/** The migrations that add the index, and the one that adds the questions to departments to it. */
const SEARCH_MIGRATION = { sqlite: 'Migration20261130154100', postgresql: 'Migration20261130154103' };
const REFERRAL_SEARCH_MIGRATION = { sqlite: 'Migration20261201050000', postgresql: 'Migration20261201050003' };

let t: TestApp;
let coordinator: User;
let facilitator: User;
let c: Client;
const ids: Record<string, string> = {};

const SEARCH = `query($q: String!, $first: Int) {
  search(query: $q, first: $first) {
    title snippet highlights { start end }
    subject { __typename id ... on Comment { body } ... on Issue { title } }
    parent { __typename id }
  }
}`;

interface Hit {
  title: string;
  snippet: string;
  highlights: { start: number; end: number }[];
  subject: { __typename: string; id: string };
  parent: { __typename: string; id: string } | null;
}

const search = async (q: string, first?: number): Promise<Hit[]> => (await c.ok(SEARCH, { q, first })).search;
const found = async (q: string) => (await search(q)).map((h) => h.subject.id);
const marked = (h: Hit) => h.highlights.map((r) => h.snippet.slice(r.start, r.end));
const hitFor = async (q: string, type: string, id: string) => (await search(q)).find((h) => h.subject.id === gid(type, id));

async function issue(key: string, title: string, description: string): Promise<Issue> {
  const created = await f.issue(t.orm.em.fork(), coordinator, { title, description });
  ids[key] = created.id;
  return created;
}

async function proposal(em: Em, issueId: string, title: string, proposedPolicy: string, policyId?: string): Promise<Proposal> {
  return draftProposal(em, coordinator, {
    issueId,
    title,
    currentPolicy: 'Whatever the region decides.',
    proposedPolicy,
    rationale: 'Customers should be treated alike everywhere.',
    requiresApproval: false,
    policyId: policyId ?? null,
  });
}

/** Adopts a drafted proposal into the register, as implementing it does. */
async function adopt(em: Em, proposalId: string): Promise<string> {
  return em.fork().transactional(async (tx) => {
    const version = await adoptIntoRegister(tx, null, await tx.findOneOrFail(Proposal, proposalId), new Date());
    return version.policy.id;
  });
}

beforeAll(async () => {
  t = await startTestApp();
  const em = t.orm.em.fork();
  const region = await f.region(em);
  coordinator = await f.user(em, { region });
  facilitator = await f.user(em, { region, roles: ['FACILITATOR'] });
  // German
  await issue('rueckgabe', 'Rückgabe ohne Kassenbon', 'Kunden möchten Ware ohne Beleg zurückgeben; die Filialen entscheiden unterschiedlich.');
  await issue('ruckgabe', 'Ruckgabe im Versandlager', 'Das Lager an der Hauptstrasse nimmt Pakete nur vormittags an.');
  await issue('strasse', 'Lieferung in der Fußgängerzone', 'Die Straßenbahn blockiert die Zufahrt, die Fahrer müssen große Umwege fahren.');
  // Danish
  await issue('aeble', 'Æbleskiver i kantinen', 'Kunderne i Århus spørger efter æbleskiver; vi runder beløb til nærmeste øre.');
  // Spanish
  await issue('senal', 'Sin señal de seguimiento', 'La devolución del envío no muestra señal; el niño del cliente espera la campaña.');
  // Vietnamese
  await issue('hoanTien', 'Khách hàng chờ hoàn tiền quá lâu', 'Đơn hàng bị hủy nhưng tiền chưa được hoàn lại sau mười ngày.');
  await issue('hoanTienAscii', 'Hoan tien cho don hang loi', 'Viet khong dau: khach hang can hoan tien nhanh hon.');
  // Ranking: a title match before a match in the text only.
  await issue('voucherText', 'Store credit handling', 'Some stores hand out a voucher instead of cash, others refuse.');
  await issue('voucherTitle', 'Voucher expiry rules differ', 'Expiry dates are printed differently in every region.');
  // Hostile words as text: "near" and "or" are words like any other.
  await issue('near', 'Parcel lockers near stations', 'Lockers near the station fill up by noon, or earlier.');

  const onIssue = await issue('commented', 'Damaged goods on arrival', 'Parcels arrive damaged after the hub move.');
  await addComment(t.orm.em.fork(), coordinator, { type: 'Issue', id: onIssue.id }, 'The **courier** from Kolding drops parcels near the gate.');

  const forProposal = await issue('proposed', 'Refund timing differs', 'Refunds take twelve days in some regions.');
  const p = await proposal(t.orm.em.fork(), forProposal.id, 'Refunds within five working days', 'Every region pays refunds within five working days, by bank transfer.');
  ids.proposal = p.id;
  const forPolicy = await issue('policyIssue', 'Opening hours policy missing', 'Nobody knows the hotline hours.');
  const policyProposal = await proposal(t.orm.em.fork(), forPolicy.id, 'Hotline opening hours', 'The hotline answers from eight to eighteen on weekdays.');
  ids.policy = await adopt(t.orm.em, policyProposal.id);

  // A duplicate merged into another issue is not shown (the feed does not show it either).
  const duplicate = await issue('duplicate', 'Zebra crossing duplicate', 'Zebra crossing at the depot is unsafe.');
  const original = await issue('original', 'Unsafe crossing at the depot', 'The crossing at the depot has no lights.');
  await mergeIssue(t.orm.em.fork(), facilitator, duplicate.id, original.id);

  c = await new Client(t.app).signIn(coordinator.email);
});
afterAll(() => t.close());

describe('search in five languages', () => {
  it('German: "ruckgabe" and "Rückgabe" find both spellings; ß and ss are one', async () => {
    for (const q of ['ruckgabe', 'Rückgabe', 'RÜCKGABE']) {
      expect(await found(q), q).toEqual(expect.arrayContaining([gid('Issue', ids.rueckgabe), gid('Issue', ids.ruckgabe)]));
    }
    expect(await found('strassenbahn')).toEqual([gid('Issue', ids.strasse)]);
    expect(await found('Straßenbahn')).toEqual([gid('Issue', ids.strasse)]);
    expect(await found('grosse umwege')).toEqual([gid('Issue', ids.strasse)]);
    expect(await found('hauptstraße')).toEqual([gid('Issue', ids.ruckgabe)]);
    const hit = (await hitFor('ruckgabe', 'Issue', ids.rueckgabe))!;
    expect(hit.title).toBe('Rückgabe ohne Kassenbon');
  });

  it('Danish: æ, ø and å with and without', async () => {
    expect(await found('aebleskiver')).toEqual([gid('Issue', ids.aeble)]);
    expect(await found('Æbleskiver')).toEqual([gid('Issue', ids.aeble)]);
    expect(await found('arhus')).toEqual([gid('Issue', ids.aeble)]);
    expect(await found('nærmeste ore')).toEqual([gid('Issue', ids.aeble)]);
    const hit = (await hitFor('aebleskiver ore', 'Issue', ids.aeble))!;
    expect(marked(hit)).toEqual(['æbleskiver', 'øre']);
  });

  it('Spanish: ñ and accents with and without', async () => {
    expect(await found('senal')).toEqual([gid('Issue', ids.senal)]);
    expect(await found('SEÑAL devolución')).toEqual([gid('Issue', ids.senal)]);
    expect(await found('nino campana')).toEqual([gid('Issue', ids.senal)]);
    const hit = (await hitFor('devolucion nino', 'Issue', ids.senal))!;
    expect(marked(hit)).toEqual(['devolución', 'niño']);
  });

  it('Vietnamese: "hoan tien" finds "hoàn tiền" and the other way round; đ is d', async () => {
    const both = [gid('Issue', ids.hoanTien), gid('Issue', ids.hoanTienAscii)];
    expect(await found('hoan tien')).toEqual(expect.arrayContaining(both));
    expect(await found('hoàn tiền')).toEqual(expect.arrayContaining(both));
    expect(await found('đơn hàng')).toEqual(expect.arrayContaining(both));
    expect(await found('don hang')).toEqual(expect.arrayContaining(both));
    const hit = (await hitFor('hoan tien', 'Issue', ids.hoanTien))!;
    expect(hit.snippet).toBe('Đơn hàng bị hủy nhưng tiền chưa được hoàn lại sau mười ngày.');
    expect(marked(hit)).toEqual(['tiền', 'hoàn']);
    const ascii = (await hitFor('Đơn', 'Issue', ids.hoanTienAscii))!;
    expect(marked(ascii)).toEqual([]); // "don" stands in the title only; the snippet is the text
  });

  it('English, and the last word as a prefix', async () => {
    expect(await found('courier kold')).toHaveLength(1);
    expect(await found('damaged goods arriv')).toEqual([gid('Issue', ids.commented)]);
    // Only the last word is a prefix.
    expect(await found('damag goods')).toEqual([]);
  });
});

describe('ranking, snippets, subjects', () => {
  it('ranks a title match before a match in the text only', async () => {
    const hits = await search('voucher');
    expect(hits.map((h) => h.subject.id)).toEqual([gid('Issue', ids.voucherTitle), gid('Issue', ids.voucherText)]);
    expect(marked(hits[1])).toEqual(['voucher']);
    expect(hits[1].snippet).toBe('Some stores hand out a voucher instead of cash, others refuse.');
    expect(hits[1].highlights).toEqual([{ start: 23, end: 30 }]);
  });

  it('finds comments (under the title of their issue, as plain text), proposals and policies', async () => {
    const [comment] = await search('kolding courier');
    expect(comment.subject.__typename).toBe('Comment');
    expect(comment.title).toBe('Damaged goods on arrival');
    expect(comment.parent).toEqual({ __typename: 'Issue', id: gid('Issue', ids.commented) });
    expect(comment.snippet).toBe('The courier from Kolding drops parcels near the gate.');
    expect(marked(comment)).toEqual(['courier', 'Kolding']);

    const proposals = await search('bank transfer');
    expect(proposals.map((h) => h.subject.id)).toEqual([gid('Proposal', ids.proposal)]);
    expect(proposals[0].title).toBe('Refunds within five working days');
    expect(proposals[0].parent).toBeNull();

    // The adopted text stands in the proposal that adopted it, too.
    const hotline = await search('hotline weekdays');
    expect(hotline.map((h) => h.subject.__typename).sort()).toEqual(['Policy', 'Proposal']);
    const policies = hotline.filter((h) => h.subject.__typename === 'Policy');
    expect(policies.map((h) => h.subject.id)).toEqual([gid('Policy', ids.policy)]);
    expect(policies[0].title).toBe('Hotline opening hours');
    expect(marked(policies[0])).toEqual(['hotline', 'weekdays']);
  });

  it("finds the questions put to departments and their answers, under the issue's title", async () => {
    const em = t.orm.em.fork();
    const admin = await f.user(em, { roles: ['ADMIN'] });
    const contact = await f.user(em, { roles: ['DEPARTMENT_CONTACT'] });
    const legal = await createDepartment(t.orm.em.fork(), admin, { name: 'Rechtsabteilung', contactIds: [contact.id] });
    const on = await issue('referred', 'Kulanz bei Rücksendungen', 'Die Regionen erstatten unterschiedlich.');
    const referral = await referIssue(t.orm.em.fork(), coordinator, { issueId: on.id, departmentId: legal.id, question: 'Dürfen wir Gutscheine statt **Geld** zurückzahlen?' });
    const [asked] = await search('durfen gutscheine');
    expect(asked.subject).toMatchObject({ __typename: 'Referral', id: gid('Referral', referral.id) });
    expect(asked.parent).toEqual({ __typename: 'Issue', id: gid('Issue', on.id) });
    expect(asked.title).toBe('Kulanz bei Rücksendungen');
    expect(asked.snippet).toBe('Dürfen wir Gutscheine statt Geld zurückzahlen?');
    expect(marked(asked)).toEqual(['Dürfen', 'Gutscheine']);

    // The answer is found at once, and a corrected answer replaces its words.
    await answerReferral(t.orm.em.fork(), contact, referral.id, 'Nur mit schriftlicher Zustimmung der Kundin.');
    expect(await found('schriftlicher zustimmung')).toEqual([gid('Referral', referral.id)]);
    await answerReferral(t.orm.em.fork(), contact, referral.id, 'Nur mit Einverständnis, per E-Mail bestätigt.');
    expect(await found('schriftlicher zustimmung')).toEqual([]);
    expect(await found('einverstandnis')).toEqual([gid('Referral', referral.id)]);

    // Merged into another issue, the issue leaves the results; its question is still found, on it.
    const target = await issue('referredTarget', 'Erstattung in Gutscheinen', 'Sammelthema.');
    await mergeIssue(t.orm.em.fork(), facilitator, on.id, target.id);
    expect(await found('kulanz')).toEqual([]);
    const [kept] = await search('einverstandnis');
    expect(kept.parent).toEqual({ __typename: 'Issue', id: gid('Issue', on.id) });
  });

  it('leaves out merged duplicates', async () => {
    expect(await found('zebra')).toEqual([]);
    expect(await found('crossing depot')).toEqual([gid('Issue', ids.original)]);
  });

  it('cuts a long text around the first match', async () => {
    const long = `${'Lange Einleitung ohne Bezug. '.repeat(30)}Hier steht endlich das Stichwort Kassenzettel. ${'Und danach noch viel mehr Text. '.repeat(30)}`;
    const created = await issue('long', 'Belege in der Filiale', long);
    const hit = (await hitFor('kassenzettel', 'Issue', created.id))!;
    expect(hit.snippet.startsWith('…')).toBe(true);
    expect(hit.snippet.endsWith('…')).toBe(true);
    expect(hit.snippet.length).toBeLessThanOrEqual(202);
    expect(marked(hit)).toEqual(['Kassenzettel']);
  });
});

describe('input', () => {
  it('treats query syntax and SQL as text', async () => {
    for (const q of ['"', '*', 'NEAR(', 'OR', 'AND', 'NOT', '(', ')', '^', ':', '-x', '"a" OR "b"', 'title:near', "'; drop table issue; --", '%_\\', 'near*', "can't", '\u00a0x\u00a0']) {
      const result = await c.gql(SEARCH, { q });
      expect(result.errors, q).toBeUndefined();
    }
    // "near" stands in the lockers issue and in the comment on the damaged goods.
    expect((await search('NEAR(')).map((h) => (h.subject.__typename === 'Issue' ? h.subject.id : h.title)).sort()).toEqual(
      [gid('Issue', ids.near), 'Damaged goods on arrival'].sort(),
    );
    expect(await found('"lockers" OR')).toEqual([gid('Issue', ids.near)]);
    expect(await found('"*"')).toEqual([]);
    expect(await found("'; drop table issue; --")).toEqual([]);
    expect((await c.ok(`{ issues(first: 1) { totalCount } }`)).issues.totalCount).toBeGreaterThan(10);
  });

  it('refuses an empty, blank or too long query and a bad page size, with fields', async () => {
    for (const [q, field] of [['', 'query'], ['   ', 'query'], ['x'.repeat(201), 'query'], ['a\u0000b', 'query']] as const) {
      const result = await c.gql(SEARCH, { q });
      expect(result.errors?.[0].extensions?.code, JSON.stringify(q)).toBe('BAD_USER_INPUT');
      expect(Object.keys(result.errors?.[0].extensions?.fields ?? {})).toEqual([field]);
    }
    for (const first of [0, 101]) {
      const result = await c.gql(SEARCH, { q: 'refund', first });
      expect(result.errors?.[0].extensions?.fields).toEqual({ first: expect.any(String) });
    }
  });

  it('needs sign-in', async () => {
    expect(await new Client(t.app).code(SEARCH, { q: 'refund' })).toBe('UNAUTHENTICATED');
  });
});

describe("the feed's search filter", () => {
  const FEED = `query($filter: IssueFilter, $orderBy: IssueOrder) { issues(first: 50, filter: $filter, orderBy: $orderBy) { totalCount edges { node { id createdAt } } } }`;

  it('uses the index: words in any spelling, other filters and orders kept', async () => {
    const feed = async (filter: object, orderBy = 'NEWEST') => (await c.ok(FEED, { filter, orderBy })).issues;
    const hoan = await feed({ search: 'hoan tien' });
    expect(hoan.totalCount).toBe(2);
    expect(hoan.edges.map((e: any) => e.node.id).sort()).toEqual([gid('Issue', ids.hoanTienAscii), gid('Issue', ids.hoanTien)].sort());
    const times = hoan.edges.map((e: any) => e.node.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect((await feed({ search: 'Rückgabe' }, 'PRIORITY')).totalCount).toBe(2);
    expect((await feed({ search: 'ruckgabe', status: ['CLOSED'] })).totalCount).toBe(0);
    // Issues only: the proposal's and the comment's words do not bring their issue into the feed.
    expect((await feed({ search: 'bank transfer' })).totalCount).toBe(0);
    expect((await feed({ search: 'kolding' })).totalCount).toBe(0);
    expect((await feed({ search: 'zebra' })).totalCount).toBe(0); // merged
    expect((await feed({ search: 'zebra', status: ['MERGED'] })).totalCount).toBe(1);
    expect((await feed({ search: '"*"' })).totalCount).toBe(0);
  });
});

describe('the index follows the texts in their transaction', () => {
  it('an edited comment is found by its new words at once, no longer by its old ones', async () => {
    const [before] = await search('kolding');
    const commentId = Buffer.from(before.subject.id, 'base64').toString().split(':')[1];
    await editComment(t.orm.em.fork(), coordinator, commentId, 'The courier from Vejle leaves parcels at the fence.');
    expect(await found('kolding')).toEqual([]);
    expect(await found('vejle fence')).toEqual([before.subject.id]);
  });

  it('an issue text changed in a transaction is searchable inside it, and gone again when it rolls back', async () => {
    const em = t.orm.em.fork();
    await expect(
      em.transactional(async (tx) => {
        await tx.nativeUpdate(Issue, { id: ids.voucherText }, { title: 'Gavekort og tilgodebeviser' });
        expect((await searchDocuments(tx, searchTerms('tilgodebeviser'), 5)).map((r) => r.subjectId)).toEqual([ids.voucherText]);
        expect((await searchDocuments(tx, searchTerms('store credit'), 5)).map((r) => r.subjectId)).toEqual([]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await found('tilgodebeviser')).toEqual([]);
    expect(await found('store credit')).toEqual([gid('Issue', ids.voucherText)]);
  });

  it('a revised proposal and a new policy version replace their old words', async () => {
    const em = t.orm.em.fork();
    const p = await em.findOneOrFail(Proposal, ids.proposal);
    await reviseProposal(em, coordinator, { proposalId: p.id, version: p.version, proposedPolicy: 'Every region pays refunds within five working days, by PayPal.' });
    expect(await found('bank transfer')).toEqual([]);
    expect(await found('paypal')).toEqual([gid('Proposal', ids.proposal)]);

    const next = await proposal(t.orm.em.fork(), ids.policyIssue, 'Longer hotline hours', 'The hotline answers from seven to twenty, Saturdays included.', ids.policy);
    expect(await adopt(t.orm.em, next.id)).toBe(ids.policy);
    expect((await search('hotline weekdays')).map((h) => h.subject.__typename)).toEqual(['Proposal']);
    const hits = await search('hotline saturdays');
    expect(hits.filter((h) => h.subject.__typename === 'Policy').map((h) => [h.subject.id, h.title])).toEqual([[gid('Policy', ids.policy), 'Hotline opening hours']]);
  });

  it('a new comment and a new issue are found at once', async () => {
    await addComment(t.orm.em.fork(), coordinator, { type: 'Issue', id: ids.original }, 'Reflective vests for the yard staff would help.');
    expect((await search('reflective vests')).map((h) => h.subject.__typename)).toEqual(['Comment']);
    const created = await issue('fresh', 'Quittungsdrucker defekt', 'Der Drucker in Flensburg druckt keine Quittungen.');
    expect(await found('quittungsdrucker')).toEqual([gid('Issue', created.id)]);
  });
});

describe('cost', () => {
  it('costs the same number of statements for 4 and 23 hits of every kind (no N+1)', async () => {
    // Comments on an issue that is no hit itself: its title is loaded for them in both searches.
    const carrier = await issue('carrier', 'Lagerhalle Nord', 'Sammelthema der Lagerhalle.');
    const admin = await f.user(t.orm.em.fork(), { roles: ['ADMIN'] });
    const logistics = await createDepartment(t.orm.em.fork(), admin, { name: 'Logistik', contactIds: [] });
    const make = async (word: string, n: number) => {
      for (let i = 0; i < n; i++) {
        const made = await issue(`${word}${i}`, `${word} unterbrochen ${i}`, `Die ${word} reißt im Lager ${i}.`);
        await addComment(t.orm.em.fork(), coordinator, { type: 'Issue', id: carrier.id }, `${word} auch bei uns, Fall ${i}.`);
        if (i % 2 === 0) await proposal(t.orm.em.fork(), made.id, `${word} sichern ${i}`, `${word} mit Datenlogger ${i}.`);
        if (i % 3 === 0) await referIssue(t.orm.em.fork(), coordinator, { issueId: carrier.id, departmentId: logistics.id, question: `Wer prüft die ${word}, Fall ${i}?` });
      }
    };
    await make('Frostschutzkette', 1);
    await make('Kühlkette', 8);
    const statementsFor = async (q: string, first: number, total = first) => {
      const before = t.statements.count;
      const hits: Hit[] = (
        await c.ok(`query($q: String!, $first: Int) { search(query: $q, first: $first) { title snippet subject { __typename id ... on Referral { department { name } } } } }`, { q, first })
      ).search;
      expect(hits).toHaveLength(total);
      expect(new Set(hits.map((h) => h.subject.__typename)).size).toBe(4);
      return t.statements.count - before;
    };
    const few = await statementsFor('frostschutzkette', 4);
    // 8 issues, 8 comments, 4 proposals, 3 referrals: every one of them on the page.
    expect(await statementsFor('kuhlkette', 30, 23)).toBe(few);
    expect(few).toBeLessThanOrEqual(8);
  });

  it('reads the full-text index (the query plan)', async () => {
    const terms = searchTerms('hoan tien');
    const em = t.orm.em.fork();
    const { sql, params } = searchStatement(em, terms, 20);
    const feedSubquery = matchingIssueIds(em, terms).toSQL();
    if (ON_POSTGRES) {
      // With a few dozen rows PostgreSQL would rightly read everything; with thousands of documents
      // (added in this transaction only, then rolled back) and no sequential scans it must use the index.
      await expect(
        em.transactional(async (tx) => {
          await tx.execute(
            `insert into search_document (kind, subject_id, document) select 'Filler', 'filler-' || g, to_tsvector('simple', 'filler words ' || g) from generate_series(1, 5000) g`,
          );
          await tx.execute('set local enable_seqscan = off');
          for (const [q, p] of [[sql, params], [feedSubquery.sql, feedSubquery.bindings]] as const) {
            const plan = (await tx.execute<{ 'QUERY PLAN': string }[]>(`explain ${q}`, p as unknown[])).map((r) => r['QUERY PLAN']).join('\n');
            expect(plan).toMatch(/Bitmap Index Scan on search_document_document_index/);
          }
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
    } else {
      for (const [q, p] of [[sql, params], [feedSubquery.sql, feedSubquery.bindings]] as const) {
        const plan = (await em.execute<{ detail: string }[]>(`explain query plan ${q}`, p as unknown[])).map((r) => r.detail).join('\n');
        expect(plan).toMatch(/SCAN search_fts VIRTUAL TABLE INDEX \d+:M/);
        expect(plan).toMatch(/SEARCH d USING INTEGER PRIMARY KEY/);
      }
    }
  });
});

describe('the migrations', () => {
  /** A database migrated to just before `migration`, given `before`'s rows, then migrated to the end. */
  async function across(migration: { sqlite: string; postgresql: string }, before: (sql: (q: string) => Promise<unknown>) => Promise<unknown>, after: (em: Em) => Promise<void>) {
    const pg = ON_POSTGRES ? await postgresDatabase() : null;
    const dir = mkdtempSync(join(tmpdir(), 'council-search-'));
    const { orm } = await openOrm(pg ? { kind: 'postgresql', url: pg.url } : { kind: 'sqlite', file: join(dir, 'db.sqlite') });
    try {
      const list = pg ? postgresqlMigrationNames : sqliteMigrationNames;
      const mine = list.indexOf(pg ? migration.postgresql : migration.sqlite);
      expect(mine).toBeGreaterThan(0);
      await (await migratorOf(orm)).up({ to: list[mine - 1] });
      const now = new Date().toISOString();
      const sql = (q: string) => orm.em.getConnection().execute(q.replaceAll(':now', `'${now}'`));
      await sql(`insert into region (id, code, name, created_at) values ('r1', 'VN', 'Việt Nam', :now)`);
      await sql(`insert into "user" (id, email, name, password_hash, roles, region_id, created_at) values ('u1', 'a@b.test', 'An', 'x', '[]', 'r1', :now)`);
      await sql(`insert into issue (id, title, description, raised_by_id, origin_region_id, created_at, last_activity_at) values ('i1', 'Hoàn tiền chậm', 'Khách hàng chờ lâu.', 'u1', 'r1', :now, :now)`);
      await before(sql);
      await (await migratorOf(orm)).up();
      await after(orm.em.fork());
    } finally {
      await orm.close();
      await pg?.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('index the texts that were there before the search migration', async () => {
    await across(
      SEARCH_MIGRATION,
      (sql) => sql(`insert into comment (id, issue_id, author_id, body, created_at) values ('c1', 'i1', 'u1', 'Đơn hàng bị hủy.', :now)`),
      async (em) => {
        expect(await searchDocuments(em, searchTerms('hoan tien'), 5)).toEqual([{ kind: 'Issue', subjectId: 'i1' }]);
        expect(await searchDocuments(em, searchTerms('don hang'), 5)).toEqual([{ kind: 'Comment', subjectId: 'c1' }]);
      },
    );
  });

  it('index the questions to departments, and their answers, asked before questions were searchable', async () => {
    await across(
      REFERRAL_SEARCH_MIGRATION,
      async (sql) => {
        await sql(`insert into department (id, name, created_at) values ('d1', 'Kế toán', :now)`);
        await sql(
          `insert into referral (id, issue_id, department_id, question, answer, status, referred_by_id, created_at) values ('q1', 'i1', 'd1', 'Khi nào hoàn lại phí vận chuyển?', 'Trong vòng năm ngày làm việc.', 'ANSWERED', 'u1', :now)`,
        );
      },
      async (em) => {
        expect(await searchDocuments(em, searchTerms('phi van chuyen'), 5)).toEqual([{ kind: 'Referral', subjectId: 'q1' }]);
        expect(await searchDocuments(em, searchTerms('nam ngay lam viec'), 5)).toEqual([{ kind: 'Referral', subjectId: 'q1' }]);
      },
    );
  });
});
