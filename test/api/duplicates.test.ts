// Duplicates (issue 13, part 2), on SQLite and PostgreSQL: similarIssues in German, Danish, Spanish
// and Vietnamese with and without diacritics (any word may match, best first, open issues only),
// the facilitators' possible duplicates, and a merge that an unmerge undoes exactly (supports with
// their notes, comments, counters, rank) with the consistency check clean after both; unmerge
// racing a support and another unmerge; statement counts independent of `first`.
import { Notification } from '../../server/src/modules/notifications/notifications.entity.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { Client, People } from '../support/client.js';
import { expectNoDrift } from '../support/consistency.js';
import * as f from '../support/factories.js';
import { gid } from '../support/ids.js';
import { addComment, mergeIssue, supportIssue } from '../../server/src/modules/issues/issues.service.js';
import { AuditEvent } from '../../server/src/modules/audit/audit.entity.js';
import { Issue } from '../../server/src/modules/issues/issues.entity.js';
import type { Region, User } from '../../server/src/modules/people/people.entity.js';

let t: TestApp;
let people: People;
let regions: Region[];
let raiser: User;
let coords: User[];
let facs: User[];
const ids: Record<string, string> = {};

const em = () => t.orm.em.fork();
const as = (u: User) => people.as(u);

async function issue(key: string, title: string, description: string, by: User = raiser): Promise<string> {
  const created = await f.issue(em(), by, { title, description });
  ids[key] = created.id;
  return created.id;
}

const SIMILAR = `query($title: String!, $description: String, $first: Int) {
  similarIssues(title: $title, description: $description, first: $first) { id title status supportCount affectedRegions { id name } viewerCanSupport }
}`;

async function similar(title: string, description?: string, first?: number): Promise<string[]> {
  const data = await (await as(coords[0])).ok(SIMILAR, { title, description, first });
  return data.similarIssues.map((i: { id: string }) => i.id);
}

beforeAll(async () => {
  t = await startTestApp({ sweepIntervalMs: 0 });
  people = new People(t.app);
  const e = em();
  regions = [];
  for (let i = 0; i < 6; i++) regions.push(await f.region(e, { name: `Dup region ${i}` }));
  raiser = await f.user(e, { region: regions[0] });
  coords = [];
  for (let i = 0; i < 8; i++) coords.push(await f.user(e, { region: regions[(i % 5) + 1] }));
  facs = [
    await f.user(e, { region: regions[1], roles: ['FACILITATOR', 'COORDINATOR'] }),
    await f.user(e, { region: regions[2], roles: ['FACILITATOR', 'COORDINATOR'] }),
  ];

  // German
  await issue('rueckgabe', 'Rückgabe ohne Kassenbon nicht möglich', 'Kunden möchten Ware ohne Beleg zurückgeben; jede Filiale entscheidet anders.');
  await issue('strasse', 'Lieferung in der Fußgängerzone verspätet', 'Die Straßenbahn blockiert die Zufahrt der Fahrer.');
  // Danish
  await issue('tilbage', 'Kunder venter længe på tilbagebetaling', 'Tilbagebetalinger til kort tager over to uger i Århus og Ålborg.');
  // Spanish
  await issue('devolucion', 'Devolución sin tique en tiendas pequeñas', 'Los clientes no pueden devolver artículos sin tique; cada tienda decide.');
  // Vietnamese
  await issue('hoanTien', 'Hoàn tiền chậm cho khách hàng', 'Đơn hàng bị hủy nhưng tiền chưa được hoàn lại sau mười ngày.');
  // Not open: a closed one and a merged one are never proposed.
  const closed = await issue('closed', 'Rückgabe von Geschenkkarten', 'Geschenkkarten können nicht zurückgegeben werden.');
  await e.nativeUpdate(Issue, { id: closed }, { status: 'CLOSED' });
  const dupe = await issue('mergedAway', 'Kassenbon fehlt bei Rückgabe', 'Ohne Kassenbon keine Rückgabe.');
  const into = await issue('mergeTarget', 'Paketshop schließt zu früh', 'Der Paketshop am Bahnhof schließt um 16 Uhr.');
  await mergeIssue(em(), facs[0], dupe, into);

  await Promise.all([raiser, ...coords, ...facs].map((u) => as(u)));
});
afterAll(() => t?.close());

describe('similarIssues', () => {
  it('German: with and without umlauts, any shared word, best first', async () => {
    for (const title of ['Rückgabe ohne Kassenbon', 'ruckgabe ohne kassenbon', 'RUECKGABE? nein: Rückgabe ohne KASSENBON']) {
      expect((await similar(title))[0], title).toBe(gid('Issue', ids.rueckgabe));
    }
    // A title shares some words, not all: still found.
    expect(await similar('Kassenbon verloren, Kunde verärgert')).toContain(gid('Issue', ids.rueckgabe));
    // ß and ss are one; the description counts too.
    expect((await similar('Zufahrt blockiert', 'Die Strassenbahn steht in der Fussgangerzone'))[0]).toBe(gid('Issue', ids.strasse));
    // The last word while it is typed is a prefix.
    expect((await similar('Kassenb'))[0]).toBe(gid('Issue', ids.rueckgabe));
  });

  it('Danish: æ, ø and å with and without', async () => {
    for (const title of ['Tilbagebetaling tager længe', 'tilbagebetaling tager laenge', 'Langsom tilbagebetaling i Arhus']) {
      expect((await similar(title))[0], title).toBe(gid('Issue', ids.tilbage));
    }
  });

  it('Spanish: accents and ñ with and without', async () => {
    for (const title of ['Devolución sin tique', 'devolucion sin tique', 'Tiendas pequenas rechazan devoluciones sin tique']) {
      expect((await similar(title))[0], title).toBe(gid('Issue', ids.devolucion));
    }
  });

  it('Vietnamese: tones and đ with and without', async () => {
    for (const title of ['Hoàn tiền chậm', 'hoan tien cham', 'Khach hang cho hoan tien qua lau', 'Đơn hàng hủy chưa hoàn tiền']) {
      expect((await similar(title))[0], title).toBe(gid('Issue', ids.hoanTien));
    }
  });

  it('proposes open issues only: never a closed or merged one', async () => {
    const found = await similar('Rückgabe Kassenbon Geschenkkarten');
    expect(found).toContain(gid('Issue', ids.rueckgabe));
    expect(found).not.toContain(gid('Issue', ids.closed));
    expect(found).not.toContain(gid('Issue', ids.mergedAway));
  });

  it('ignores short and common words, caps `first`, refuses a bad `first` and strangers', async () => {
    expect(await similar('die und der an of')).toEqual([]);
    expect(await similar('"*" OR NEAR(')).toEqual([]);
    expect(await similar('ab')).toEqual([]);
    const c = await as(coords[0]);
    expect(await c.code(SIMILAR, { title: 'Rückgabe', first: 0 })).toBe('BAD_USER_INPUT');
    const many = await c.ok(SIMILAR, { title: 'Rückgabe Kassenbon Tilbagebetaling Devolución Hoàn tiền Lieferung', first: 500 });
    expect(many.similarIssues.length).toBeLessThanOrEqual(20);
    expect(many.similarIssues.length).toBeGreaterThanOrEqual(5);
    expect(await new Client(t.app).code(SIMILAR, { title: 'Rückgabe' })).toBe('UNAUTHENTICATED');
  });

  it('costs the same statements for 1 and 8 issues with their regions (no N+1)', async () => {
    for (let i = 0; i < 8; i++) {
      const id = await issue(`kuehl${i}`, `Kühlkette unterbrochen Lager ${i}`, `Die Kühlkette reißt im Lager ${i}.`, coords[i % 4]);
      await supportIssue(em(), coords[(i % 4) + 4], id, null);
    }
    const c = await as(coords[0]);
    const statementsFor = async (first: number) => {
      const before = t.statements.count;
      const data = await c.ok(SIMILAR, { title: 'Kühlkette unterbrochen', first });
      expect(data.similarIssues).toHaveLength(first);
      return t.statements.count - before;
    };
    const one = await statementsFor(1);
    expect(await statementsFor(8)).toBe(one);
    expect(one).toBeLessThanOrEqual(6);
  });
});

describe('possible duplicates', () => {
  const DUPLICATES = `{ possibleDuplicates(first: 50) { similarity issue { id title } duplicate { id title viewerCanMerge } } }`;

  it('lists open pairs that look alike for the people who merge, in bounded statements', async () => {
    const a = await issue('pairA', 'Rechnungen doppelt verschickt an Firmenkunden', 'Firmenkunden erhalten jede Rechnung zweimal per Post.');
    const b = await issue('pairB', 'Firmenkunden bekommen Rechnungen doppelt', 'Seit Oktober kommt jede Rechnung doppelt.', coords[1]);
    await supportIssue(em(), coords[2], a, 'Bei uns auch.');
    for (let i = 0; i < 5; i++) await issue(`terminal${i}`, `Kassenterminal stürzt ab Filiale ${i + 10}`, `Das Kassenterminal startet neu, Filiale ${i + 10}.`, coords[i]);
    const fac = await as(facs[0]);
    const before = t.statements.count;
    const pairs = (await fac.ok(DUPLICATES)).possibleDuplicates;
    const statements = t.statements.count - before;
    const pair = pairs.find((p: { issue: { id: string } }) => p.issue.id === gid('Issue', a));
    expect(pair).toMatchObject({ issue: { id: gid('Issue', a) }, duplicate: { id: gid('Issue', b), viewerCanMerge: true } });
    expect(pair.similarity).toBeGreaterThanOrEqual(0.5);
    // Kept issues are open; a merged or closed one never shows.
    for (const p of pairs) {
      for (const id of [p.issue.id, p.duplicate.id]) expect([gid('Issue', ids.closed), gid('Issue', ids.mergedAway)]).not.toContain(id);
    }
    // The terminal issues are alike among themselves: many pairs, still a handful of statements.
    expect(pairs.length).toBeGreaterThan(3);
    expect(statements).toBeLessThanOrEqual(8);
    expect(await (await as(coords[0])).code(DUPLICATES)).toBe('FORBIDDEN');
    const viewer = await fac.ok(`{ viewer { can(action: mergeDuplicates) { allowed } } }`);
    expect(viewer.viewer.can.allowed).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// Merge and unmerge

const ISSUE = `id status supportCount regionCount commentCount mergedInto { id } viewerCanUnmerge`;
const MERGE = `mutation($a: ID!, $b: ID!) { mergeIssue(issueId: $a, intoIssueId: $b) { ${ISSUE} } }`;
const UNMERGE = `mutation($id: ID!) { unmergeIssue(issueId: $id) { ${ISSUE} } }`;
const SUPPORT = `mutation($id: ID!, $note: String) { supportIssue(issueId: $id, note: $note) { ${ISSUE} } }`;

type Row = Record<string, unknown>;
const rows = async (sql: string, params: unknown[]): Promise<Row[]> =>
  ((await em().getConnection().execute(sql, params, 'all')) as Row[]).map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v])));

/** Everything an unmerge must give back: the issue's row, its supports with notes, its comments. */
async function state(issueId: string) {
  const [issue] = await rows(
    'select status, support_count, region_count, comment_count, rank_base, merged_into_id, status_before_merge from issue where id = ?',
    [issueId],
  );
  return {
    issue: { ...issue, rank_base: Number(issue.rank_base).toFixed(9) } as Row,
    supports: await rows('select id, user_id, region_id, note, created_at, merged_from_id from support where issue_id = ? order by user_id', [issueId]),
    comments: await rows('select id, author_id, body, created_at, merged_from_id from comment where issue_id = ? order by id', [issueId]),
  };
}

const auditCount = async (action: string, subjectId: string) => em().count(AuditEvent, { action, subjectId });

describe('merge, then unmerge', () => {
  it('gives both issues back exactly: supports with their notes, comments, counters and rank', async () => {
    const [c1, c2, c3, c4, c5] = coords;
    const target = await issue('target', 'Retourenlabel fehlt im Paket', 'Kunden finden kein Retourenlabel im Paket.');
    const source = await issue('source', 'Kein Retourenlabel beigelegt', 'Das Retourenlabel liegt nicht bei.', c1);
    // c2 supports both (a note on each), c3 only the duplicate, c4 only the target; the raiser of the
    // target supports the duplicate; comments on both.
    await supportIssue(em(), c2, target, 'Target note of c2');
    await supportIssue(em(), c2, source, 'Source note of c2');
    await supportIssue(em(), c3, source, 'Only on the duplicate');
    await supportIssue(em(), raiser, source, 'The raiser of the target was here too');
    await supportIssue(em(), c4, target, null);
    await addComment(em(), c3, { type: 'Issue', id: source }, 'Comment on the duplicate.');
    await addComment(em(), c4, { type: 'Issue', id: target }, 'Comment on the target.');
    const before = { target: await state(target), source: await state(source) };
    expect(before.source.issue.status).toBe('UNDER_DISCUSSION');

    const fac = await as(facs[0]);
    const merged = (await fac.ok(MERGE, { a: gid('Issue', source), b: gid('Issue', target) })).mergeIssue;
    expect(merged).toMatchObject({ status: 'MERGED', mergedInto: { id: gid('Issue', target) }, viewerCanUnmerge: true });
    const afterMerge = await state(target);
    // c2 and the target's raiser counted once; c3's note and the duplicate's raiser joined.
    expect(afterMerge.supports.map((s) => [s.user_id, s.note])).toEqual(
      expect.arrayContaining([
        [c2.id, 'Target note of c2'],
        [c3.id, 'Only on the duplicate'],
        [c1.id, null],
        [c4.id, null],
      ]),
    );
    expect(afterMerge.supports).toHaveLength(4);
    expect(afterMerge.comments).toHaveLength(2);
    // The duplicate's people (its raiser, supporters, commenters) are told where their support went.
    const told = async (messageKey: string) =>
      (await em().find(Notification, { kind: 'ISSUE_MERGED', messageKey }, { populate: ['user'] })).filter((n) => n.params.title === 'Kein Retourenlabel beigelegt').map((n) => [n.user.id, n.subjectId]);
    // c2's note on the duplicate is put aside (c2 counts once, with the target's note) and shown on the target.
    const notes = (await fac.ok(`query($id: ID!) { node(id: $id) { ... on Issue { mergedNotes { note fromIssueTitle user { id } region { id } } } } }`, { id: gid('Issue', target) })).node.mergedNotes;
    expect(notes).toEqual(
      expect.arrayContaining([
        { note: 'Source note of c2', fromIssueTitle: 'Kein Retourenlabel beigelegt', user: { id: gid('User', c2.id) }, region: { id: gid('Region', c2.region!.id) } },
        { note: 'The raiser of the target was here too', fromIssueTitle: 'Kein Retourenlabel beigelegt', user: { id: gid('User', raiser.id) }, region: { id: gid('Region', raiser.region!.id) } },
      ]),
    );
    expect(notes).toHaveLength(2);
    expect((await told('duplicates.message.merged')).sort()).toEqual([c1.id, c2.id, c3.id, raiser.id].sort().map((id) => [id, target]));
    expect((await state(source)).supports).toEqual([]);
    await expectNoDrift(t.orm.em);

    // Life goes on at the target: c5 supports it and comments.
    await (await as(c5)).ok(SUPPORT, { id: gid('Issue', target), note: 'New after the merge' });
    await addComment(em(), c5, { type: 'Issue', id: target }, 'Comment after the merge.');

    // Not everyone may undo it, and the target cannot be "unmerged".
    expect(await (await as(c1)).code(UNMERGE, { id: gid('Issue', source) })).toBe('FORBIDDEN');
    expect(await fac.code(UNMERGE, { id: gid('Issue', target) })).toBe('CONFLICT');

    const unmerged = (await (await as(facs[1])).ok(UNMERGE, { id: gid('Issue', source) })).unmergeIssue;
    expect(unmerged).toMatchObject({ status: 'UNDER_DISCUSSION', mergedInto: null, viewerCanUnmerge: false });
    expect(await state(source)).toEqual(before.source);
    const afterUnmerge = await state(target);
    const c5Support = afterUnmerge.supports.find((s) => s.user_id === c5.id)!;
    expect(c5Support.note).toBe('New after the merge');
    const c5Comment = afterUnmerge.comments.find((c) => c.author_id === c5.id)!;
    expect(afterUnmerge.supports.filter((s) => s !== c5Support)).toEqual(before.target.supports);
    expect(afterUnmerge.comments.filter((c) => c !== c5Comment)).toEqual(before.target.comments);
    expect(Number(afterUnmerge.issue.support_count)).toBe(Number(before.target.issue.support_count) + 1);
    expect(Number(afterUnmerge.issue.comment_count)).toBe(Number(before.target.issue.comment_count) + 1);
    await expectNoDrift(t.orm.em);
    expect(await auditCount('issue.unmerged', source)).toBe(1);
    expect((await fac.ok(`query($id: ID!) { node(id: $id) { ... on Issue { mergedNotes { note } } } }`, { id: gid('Issue', target) })).node.mergedNotes).toEqual([]);
    expect((await told('duplicates.message.unmerged')).sort()).toEqual([c1.id, c2.id, c3.id, raiser.id].sort().map((id) => [id, source]));

    // Once is enough.
    expect(await fac.code(UNMERGE, { id: gid('Issue', source) })).toBe('CONFLICT');
    // And it can be merged again (and undone again) as if nothing had happened.
    await fac.ok(MERGE, { a: gid('Issue', source), b: gid('Issue', target) });
    await fac.ok(UNMERGE, { id: gid('Issue', source) });
    expect(await state(source)).toEqual(before.source);
    await expectNoDrift(t.orm.em);
  });

  it('undoes merges of merges in the order they happened', async () => {
    const [c1, c2, c3, c4] = coords;
    const a = await issue('chainA', 'Hotline Warteschleife zu lang', 'Kunden warten 40 Minuten in der Hotline.');
    const b = await issue('chainB', 'Warteschleife der Hotline', 'Die Hotline ist mittags überlastet.', c1);
    const x = await issue('chainX', 'Hotline überlastet', 'Zu wenige Leute am Telefon.', c2);
    await supportIssue(em(), c3, a, 'a by c3');
    await supportIssue(em(), c3, b, 'b by c3');
    await supportIssue(em(), c4, a, 'a by c4');
    await supportIssue(em(), c4, x, 'x by c4');
    await addComment(em(), c3, { type: 'Issue', id: a }, 'On a.');
    await addComment(em(), c4, { type: 'Issue', id: b }, 'On b.');
    const before = { a: await state(a), b: await state(b), x: await state(x) };
    const fac = await as(facs[0]);
    await fac.ok(MERGE, { a: gid('Issue', a), b: gid('Issue', b) }); // a → b
    await fac.ok(MERGE, { a: gid('Issue', b), b: gid('Issue', x) }); // b (with a's rows) → x
    await expectNoDrift(t.orm.em);
    // a went into b, which went on into x: b's merge is undone first.
    expect(await fac.code(UNMERGE, { id: gid('Issue', a) })).toBe('CONFLICT');
    await fac.ok(UNMERGE, { id: gid('Issue', b) });
    await expectNoDrift(t.orm.em);
    // b is back (holding a's rows again, a being merged into it); x is as it was.
    expect((await state(b)).issue.status).toBe(before.b.issue.status);
    expect((await state(a)).issue).toMatchObject({ status: 'MERGED', merged_into_id: b });
    expect(await state(x)).toEqual(before.x);
    await fac.ok(UNMERGE, { id: gid('Issue', a) });
    expect(await state(a)).toEqual(before.a);
    expect(await state(b)).toEqual(before.b);
    expect(await state(x)).toEqual(before.x);
    await expectNoDrift(t.orm.em);
  });
});

describe('unmerge racing', () => {
  it('an unmerge and a new support of the surviving issue both land; counts agree with the rows', async () => {
    for (let round = 0; round < 3; round++) {
      const target = await issue(`raceT${round}`, `Lieferschein fehlt Runde ${round}`, 'Kein Lieferschein im Karton.');
      const source = await issue(`raceS${round}`, `Lieferschein nicht beigelegt Runde ${round}`, 'Der Lieferschein fehlt.', coords[0]);
      await supportIssue(em(), coords[1], source, 'from the duplicate');
      await supportIssue(em(), coords[2], target, null);
      const before = await state(source);
      await mergeIssue(em(), facs[0], source, target);
      const newcomer = coords[3 + round];
      const [unmerge, support] = await Promise.all([
        (await as(facs[round % 2])).gql(UNMERGE, { id: gid('Issue', source) }),
        (await as(newcomer)).gql(SUPPORT, { id: gid('Issue', target), note: 'racing' }),
      ]);
      expect(unmerge.errors).toBeUndefined();
      expect(support.errors).toBeUndefined();
      expect(await state(source)).toEqual(before);
      const t1 = await state(target);
      expect(t1.supports.map((s) => s.user_id).sort()).toEqual([coords[2].id, newcomer.id].sort());
      expect(t1.issue.support_count).toBe(2);
      await expectNoDrift(t.orm.em);
    }
  });

  it('of two unmerges by two facilitators exactly one succeeds, the other is CONFLICT', async () => {
    for (let round = 0; round < 3; round++) {
      const target = await issue(`twoT${round}`, `Preisschild falsch Runde ${round}`, 'Preise am Regal stimmen nicht.');
      const source = await issue(`twoS${round}`, `Falsches Preisschild Runde ${round}`, 'Regalpreis falsch.', coords[0]);
      await supportIssue(em(), coords[1], source, 'note');
      const before = await state(source);
      await mergeIssue(em(), facs[0], source, target);
      const results = await Promise.all(facs.map(async (fac) => (await as(fac)).gql(UNMERGE, { id: gid('Issue', source) })));
      const codes = results.map((r) => r.errors?.[0]?.extensions?.code ?? 'OK').sort();
      expect(codes).toEqual(['CONFLICT', 'OK']);
      expect(await state(source)).toEqual(before);
      expect(await auditCount('issue.unmerged', source)).toBe(1);
      await expectNoDrift(t.orm.em);
    }
  });
});
