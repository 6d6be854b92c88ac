// The consistency check (`pnpm council check`): the seeded demo, written through the services, has
// no drift; each kind of drift, introduced with raw SQL, is found exactly, and repair fixes it in
// one audited transaction so that the next check is clean. What the rows cannot decide (a merge
// cycle, a closed vote's announced outcome) is reported and left.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { expectNoDrift } from '../support/consistency.js';
import * as f from '../support/factories.js';
import { checkConsistency, type Drift } from '../../server/src/modules/integrity/consistency.js';
import { fts5Query, searchTerms, tsQuery } from '../../server/src/modules/search/search.text.js';
import { supportIssue } from '../../server/src/modules/issues/issues.service.js';
import { refreshRanks } from '../../server/src/modules/issues/rank.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ sweepIntervalMs: 0, seed: true });
});
afterAll(() => t.close());

// Rows as the driver returns them: ids are strings, counts numbers or (PostgreSQL) numeric strings.
type Row = Record<string, any>;
async function sql(query: string, params: unknown[] = []): Promise<Row[]> {
  return t.orm.em.fork().getConnection().execute(query, params as never[]);
}
async function one(query: string, params: unknown[] = []): Promise<Row> {
  const [row] = await sql(query, params);
  if (!row) throw new Error(`no row for ${query}`);
  return row;
}

const check = () => checkConsistency(t.orm.em.fork());
const repair = () => checkConsistency(t.orm.em.fork(), { repair: true });

/** Repairs, expects the repair to report `drifts` and one audit event listing them, then a clean check. */
async function repairs(drifts: Drift[]): Promise<void> {
  const before = Number((await one(`select count(*) as n from audit_event where action = 'integrity.repaired'`)).n);
  expect(await repair()).toEqual(drifts);
  const events = await sql(`select after, actor_id from audit_event where action = 'integrity.repaired' order by id`);
  expect(events).toHaveLength(before + 1);
  const last = events.at(-1)!;
  expect(last.actor_id).toBeNull();
  expect((typeof last.after === 'string' ? JSON.parse(last.after) : last.after).drifts).toEqual(drifts);
  await expectNoDrift(t.orm.em);
}

describe('consistency check', () => {
  it('finds no drift in a workspace written through the services', async () => {
    expect(Number((await one('select count(*) as n from issue')).n)).toBeGreaterThan(40);
    expect(await check()).toEqual([]);
    expect(await repair()).toEqual([]);
    expect(Number((await one(`select count(*) as n from audit_event where action = 'integrity.repaired'`)).n)).toBe(0);
  });

  it('finds wrong support, region and comment counts and recomputes them from the rows', async () => {
    const a = await one(`select id, support_count, region_count, comment_count from issue where status <> 'MERGED' and support_count > 1 order by id limit 1`);
    const b = await one(`select id, comment_count from issue where status = 'UNDER_DISCUSSION' and comment_count > 0 and id <> ? order by id limit 1`, [a.id]);
    await sql('update issue set support_count = support_count + 5, region_count = 0 where id = ?', [a.id]);
    await sql('update issue set comment_count = comment_count - 1 where id = ?', [b.id]);
    const drifts = [
      { entity: 'Issue', id: a.id, field: 'supportCount', stored: Number(a.support_count) + 5, actual: Number(a.support_count) },
      { entity: 'Issue', id: a.id, field: 'regionCount', stored: 0, actual: Number(a.region_count) },
      { entity: 'Issue', id: b.id, field: 'commentCount', stored: Number(b.comment_count) - 1, actual: Number(b.comment_count) },
    ].sort((x, y) => String(x.id).localeCompare(String(y.id)));
    expect(await check()).toEqual(drifts);
    await repairs(drifts);
    expect(await one('select support_count, region_count from issue where id = ?', [a.id])).toEqual({ support_count: a.support_count, region_count: a.region_count });
  });

  it("finds a wrong stored rank (the feed's PRIORITY index) and recomputes it from the counters", async () => {
    const a = await one(`select id, rank_base from issue where status <> 'MERGED' and support_count > 2 order by id limit 1`);
    await sql('update issue set rank_base = rank_base + 4 where id = ?', [a.id]);
    const [drift] = await check();
    expect(drift).toMatchObject({ entity: 'Issue', id: a.id, field: 'rankBase' });
    expect(drift.stored as number).toBeCloseTo(Number(a.rank_base) + 4, 9);
    expect(drift.actual as number).toBeCloseTo(Number(a.rank_base), 9);
    expect(await repair()).toHaveLength(1);
    await expectNoDrift(t.orm.em);
    expect(Number((await one('select rank_base from issue where id = ?', [a.id])).rank_base)).toBeCloseTo(Number(a.rank_base), 9);
  });

  it('finds search documents missing, stale or left behind, and rewrites them so search finds the text again', async () => {
    const issue = await one(`select id, title from issue where status <> 'MERGED' order by id limit 1`);
    const comment = await one(`select id from comment order by id limit 1`);
    const referral = await one(`select id from referral where answer is not null order by id limit 1`);
    const pg = t.orm.em.getPlatform().constructor.name === 'PostgreSqlPlatform';
    // Damage the index behind the triggers' back: a missing document, a stale one, an orphan.
    await sql(`delete from search_document where kind = 'Issue' and subject_id = ?`, [issue.id]);
    if (pg) await sql(`update search_document set document = to_tsvector('simple', 'zzz') where kind = 'Comment' and subject_id = ?`, [comment.id]);
    else await sql(`update search_document set body = 'zzz' where kind = 'Comment' and subject_id = ?`, [comment.id]);
    await sql(`delete from search_document where kind = 'Referral' and subject_id = ?`, [referral.id]);
    if (pg) await sql(`select search_put('Proposal', '00000000-0000-4000-8000-000000000000', 'Gone', 'gone')`);
    else await sql(`insert into search_document (kind, subject_id, title, body) values ('Proposal', '00000000-0000-4000-8000-000000000000', 'Gone', 'gone')`);
    const drifts = [
      { entity: 'SearchDocument', id: issue.id, field: 'text', stored: 'missing', actual: 'Issue' },
      { entity: 'SearchDocument', id: comment.id, field: 'text', stored: 'stale', actual: 'Comment' },
      { entity: 'SearchDocument', id: '00000000-0000-4000-8000-000000000000', field: 'text', stored: 'orphan', actual: 'Proposal' },
      { entity: 'SearchDocument', id: referral.id, field: 'text', stored: 'missing', actual: 'Referral' },
    ];
    expect(await check()).toEqual(drifts);
    await repairs(drifts);
    // The title's words, prepared as the app prepares a query (modules/search/search.text.ts).
    const terms = searchTerms(String(issue.title));
    const found = pg
      ? await sql(`select subject_id from search_document where kind = 'Issue' and document @@ to_tsquery('simple', ?)`, [tsQuery(terms)])
      : await sql(`select d.subject_id from search_fts join search_document d on d.id = search_fts.rowid where search_fts match ? and d.kind = 'Issue'`, [fts5Query(terms)]);
    expect(found.map((r) => r.subject_id)).toContain(issue.id);
  });

  it('counts a region once however many of its people support, and the origin region always', async () => {
    const em = t.orm.em.fork();
    const [home, away] = [await f.region(em), await f.region(em)];
    const raiser = await f.user(em, { region: home });
    const issue = await f.issue(em, raiser);
    for (const region of [home, home, away, away]) await supportIssue(em, await f.user(em, { region }), issue.id);
    await expectNoDrift(t.orm.em);
    expect(await one('select support_count, region_count from issue where id = ?', [issue.id])).toMatchObject({ region_count: 2 });
    await sql('update issue set region_count = 5 where id = ?', [issue.id]);
    const drifts = [{ entity: 'Issue', id: issue.id, field: 'regionCount', stored: 5, actual: 2 }];
    expect(await check()).toEqual(drifts);
    await repairs(drifts);
  });

  it('derives an issue\'s status from its proposals: PROPOSED without an open proposal, and an implemented one not RESOLVED', async () => {
    const proposed = await one(
      `select i.id, i.comment_count, p.id as proposal_id, p.status as proposal_status from issue i join proposal p on p.issue_id = i.id
       where i.status = 'PROPOSED' and p.status = 'DRAFT' order by i.id limit 1`,
    );
    const resolved = await one(`select i.id from issue i where i.status = 'RESOLVED' order by i.id limit 1`);
    // The draft goes without the service (its issue stays PROPOSED); the resolved issue is reopened.
    const others = await sql(`select id, status from proposal where issue_id = ? and id <> ?`, [proposed.id, proposed.proposal_id]);
    await sql(`update proposal set status = 'WITHDRAWN' where issue_id = ?`, [proposed.id]);
    await sql(`update issue set status = 'UNDER_DISCUSSION' where id = ?`, [resolved.id]);
    const drifts = [
      { entity: 'Issue', id: proposed.id, field: 'status', stored: 'PROPOSED', actual: Number(proposed.comment_count) > 0 ? 'UNDER_DISCUSSION' : 'OPEN' },
      { entity: 'Issue', id: resolved.id, field: 'status', stored: 'UNDER_DISCUSSION', actual: 'RESOLVED' },
    ].sort((x, y) => String(x.id).localeCompare(String(y.id)));
    expect(await check()).toEqual(drifts);
    await repairs(drifts);
    // Reopening the withdrawn proposals makes the issue PROPOSED again: an open proposal decides.
    await sql(`update proposal set status = ? where id = ?`, [proposed.proposal_status, proposed.proposal_id]);
    for (const o of others) await sql(`update proposal set status = ? where id = ?`, [o.status, o.id]);
    expect(await check()).toEqual([{ entity: 'Issue', id: proposed.id, field: 'status', stored: drifts.find((d) => d.id === proposed.id)!.actual, actual: 'PROPOSED' }]);
    await repair();
    await expectNoDrift(t.orm.em);
  });

  it('finds rows left on a merged issue and moves them to the issue it was merged into', async () => {
    const merged = await one(`select id, merged_into_id from issue where status = 'MERGED' order by id limit 1`);
    const target = await one('select id, support_count, comment_count from issue where id = ?', [merged.merged_into_id]);
    // A support and a comment that landed on the merged issue (as a request racing the merge could).
    // Its region counts on the target only through this support when no other support and not the origin has it.
    const support = await one(
      `select s.id, case when s.region_id = i.origin_region_id
         or exists (select 1 from support o where o.issue_id = s.issue_id and o.region_id = s.region_id and o.id <> s.id) then 0 else 1 end as region_only
       from support s join issue i on i.id = s.issue_id where s.issue_id = ? and s.user_id <> i.raised_by_id order by s.id limit 1`,
      [target.id],
    );
    const comment = await one('select id from comment where issue_id = ? order by id limit 1', [target.id]);
    const regions = Number((await one('select region_count from issue where id = ?', [target.id])).region_count);
    await sql('update support set issue_id = ? where id = ?', [merged.id, support.id]);
    await sql('update comment set issue_id = ? where id = ?', [merged.id, comment.id]);
    const drifts = [
      { entity: 'Issue', id: merged.id, field: 'supports', stored: 1, actual: 0 },
      { entity: 'Issue', id: merged.id, field: 'comments', stored: 1, actual: 0 },
      { entity: 'Issue', id: target.id, field: 'supportCount', stored: Number(target.support_count), actual: Number(target.support_count) - 1 },
      ...(Number(support.region_only) ? [{ entity: 'Issue', id: target.id, field: 'regionCount', stored: regions, actual: regions - 1 }] : []),
      { entity: 'Issue', id: target.id, field: 'commentCount', stored: Number(target.comment_count), actual: Number(target.comment_count) - 1 },
    ];
    expect(await check()).toEqual(drifts);
    // Repair moves the rows back first; the survivor's counters then agree without being touched.
    await repairs(drifts.slice(0, 2));
    expect(await one('select issue_id from support where id = ?', [support.id])).toEqual({ issue_id: target.id });
    expect(await one('select issue_id from comment where id = ?', [comment.id])).toEqual({ issue_id: target.id });
  });

  it('puts aside, note and all, a support on a merged issue whose person is already counted on the survivor', async () => {
    const merged = await one(`select id, merged_into_id from issue where status = 'MERGED' order by id limit 1`);
    const target = await one('select id, raised_by_id, support_count, region_count from issue where id = ?', [merged.merged_into_id]);
    // The survivor's raiser supports the merged issue, with a note: a race with the merge could leave that.
    const region = await one('select region_id from "user" where id = ?', [target.raised_by_id]);
    const id = '00000000-0000-4000-8000-00000000a51d';
    await sql(`insert into support (id, issue_id, user_id, region_id, note, created_at) values (?, ?, ?, ?, 'Seen it here too', ?)`, [id, merged.id, target.raised_by_id, region.region_id, new Date().toISOString()]);
    const drifts = [{ entity: 'Issue', id: merged.id, field: 'supports', stored: 1, actual: 0 }];
    expect(await check()).toEqual(drifts);
    await repairs(drifts);
    // Not counted twice on the survivor; the note kept where an unmerge, and the survivor's page, find it.
    expect(await sql('select id from support where id = ?', [id])).toEqual([]);
    expect(await one('select issue_id, note from merged_support where id = ?', [id])).toEqual({ issue_id: merged.id, note: 'Seen it here too' });
    expect(Number((await one('select support_count from issue where id = ?', [target.id])).support_count)).toBe(Number(target.support_count));
  });

  it('reports a put-aside support left on an issue that is not merged, and leaves it for a person', async () => {
    const open = await one(`select id, raised_by_id, origin_region_id from issue where status = 'OPEN' order by id limit 1`);
    const someone = await one(`select id, region_id from "user" where region_id is not null and id <> ? order by id limit 1`, [open.raised_by_id]);
    const id = '00000000-0000-4000-8000-00000000a51e';
    await sql(`insert into merged_support (id, issue_id, user_id, region_id, note, created_at) values (?, ?, ?, ?, 'Lost note', ?)`, [id, open.id, someone.id, someone.region_id, new Date().toISOString()]);
    const drifts = [{ entity: 'MergedSupport', id, field: 'issue.status', stored: 'OPEN', actual: 'MERGED', manual: true }];
    expect(await check()).toEqual(drifts);
    expect(await repair()).toEqual(drifts);
    expect(await one('select note from merged_support where id = ?', [id])).toEqual({ note: 'Lost note' });
    await sql('delete from merged_support where id = ?', [id]);
    await expectNoDrift(t.orm.em);
  });

  it('reports two issues merged into each other and leaves them for a person', async () => {
    const merged = await one(`select id, merged_into_id from issue where status = 'MERGED' order by id limit 1`);
    const target = await one('select id, status from issue where id = ?', [merged.merged_into_id]);
    await sql(`update issue set status = 'MERGED', merged_into_id = ?, support_count = 0, region_count = 1, comment_count = 0 where id = ?`, [merged.id, target.id]);
    try {
      const found = await check();
      expect(found.filter((d) => d.field === 'mergedInto')).toEqual([
        { entity: 'Issue', id: merged.id, field: 'mergedInto', stored: [merged.id, target.id, merged.id], actual: null, manual: true },
        { entity: 'Issue', id: target.id, field: 'mergedInto', stored: [target.id, merged.id, target.id], actual: null, manual: true },
      ].sort((x, y) => x.id.localeCompare(y.id)));
      // Its supports and comments have no surviving issue to go to: reported, not moved.
      expect(found.filter((d) => d.field === 'supports' || d.field === 'comments').every((d) => d.manual)).toBe(true);
      const supportsBefore = await sql('select id, issue_id from support order by id');
      expect(await repair()).toEqual(found);
      expect(await sql('select id, issue_id from support order by id')).toEqual(supportsBefore);
      expect(await sql(`select id from issue where status = 'MERGED' and id in (?, ?)`, [merged.id, target.id])).toHaveLength(2);
    } finally {
      await sql('update issue set status = ?, merged_into_id = null where id = ?', [target.status, target.id]);
      await repair();
    }
    await expectNoDrift(t.orm.em);
  });

  it('finds gaps and repeats in agenda positions and renumbers each list in its order', async () => {
    const meeting = await one(`select meeting_id from agenda_item where scheduled = ? group by meeting_id having count(*) >= 4 order by meeting_id limit 1`, [true]);
    const items = await sql('select id, position from agenda_item where meeting_id = ? and scheduled = ? order by position', [meeting.meeting_id, true]);
    // Item 1 repeats position 0; the last leaves a gap.
    await sql('update agenda_item set position = 0 where id = ?', [items[1]!.id]);
    await sql('update agenda_item set position = ? where id = ?', [items.length + 3, items.at(-1)!.id]);
    const stored = [0, 0, ...items.slice(2, -1).map((i) => Number(i.position)), items.length + 3];
    const drifts = [{ entity: 'Meeting', id: meeting.meeting_id, field: 'agendaPositions', stored, actual: items.map((_, i) => i) }];
    expect(await check()).toEqual(drifts);
    await repairs(drifts);
    const after = await sql('select id, position from agenda_item where meeting_id = ? and scheduled = ? order by position', [meeting.meeting_id, true]);
    expect(after.map((i) => Number(i.position))).toEqual(items.map((_, i) => i));
    // Ties keep a stable order (by id); everything else keeps its order.
    expect(after.slice(2).map((i) => i.id)).toEqual(items.slice(2).map((i) => i.id));
  });

  it('reports a closed vote whose outcome its votes contradict, and leaves the announced outcome alone', async () => {
    const passed = await one(`select id from proposal where status = 'PASSED' order by id limit 1`);
    const votes = await sql('select id, choice from vote where proposal_id = ?', [passed.id]);
    expect(votes.some((v) => v.choice === 'FOR')).toBe(true);
    await sql(`update vote set choice = 'AGAINST' where proposal_id = ?`, [passed.id]);
    const audited = async () => Number((await one(`select count(*) as n from audit_event where action = 'integrity.repaired'`)).n);
    try {
      const drifts = [{ entity: 'Proposal', id: passed.id, field: 'outcome', stored: 'PASSED', actual: 'FAILED', manual: true }];
      expect(await check()).toEqual(drifts);
      const before = await audited();
      expect(await repair()).toEqual(drifts);
      expect(await one('select status from proposal where id = ?', [passed.id])).toEqual({ status: 'PASSED' });
      // Nothing was repaired, so nothing was audited.
      expect(await audited()).toBe(before);
    } finally {
      for (const v of votes) await sql('update vote set choice = ? where id = ?', [v.choice, v.id]);
    }
    await expectNoDrift(t.orm.em);
  });

  it('reports a FAILED vote that passes under every possible region count, and not one that regions added since could have failed', async () => {
    const passed = await one(`select id from proposal where status = 'PASSED' order by id limit 1`);
    const voted = Number((await one('select count(distinct region_id) as n from vote where proposal_id = ?', [passed.id])).n);
    await sql(`update proposal set status = 'FAILED' where id = ?`, [passed.id]);
    const added: string[] = [];
    try {
      // A FAILED proposal no longer holds its issue PROPOSED: the status follows the stored outcome.
      const issue = await one('select i.id, i.comment_count from issue i join proposal p on p.issue_id = i.id where p.id = ?', [passed.id]);
      const status = { entity: 'Issue', id: issue.id, field: 'status', stored: 'PROPOSED', actual: Number(issue.comment_count) ? 'UNDER_DISCUSSION' : 'OPEN' };
      expect(await check()).toEqual([{ entity: 'Proposal', id: passed.id, field: 'outcome', stored: 'FAILED', actual: 'PASSED', manual: true }, status]);
      // Regions created after the close: with all of them the quorum fails, with those of the time it
      // is reached. The region count at closing is not stored, so neither outcome is a drift.
      const em = t.orm.em.fork();
      const regions = Number((await one('select count(*) as n from region')).n);
      for (let i = 0; i < 2 * voted - regions + 1; i++) added.push((await f.region(em)).id);
      expect(await check()).toEqual([status]);
      await sql(`update proposal set status = 'PASSED' where id = ?`, [passed.id]);
      expect(await check()).toEqual([]);
    } finally {
      await sql(`update proposal set status = 'PASSED' where id = ?`, [passed.id]);
      for (const id of added) await sql('delete from region where id = ?', [id]);
      // Council never removes a region; having done it by hand, the ranks follow by hand too.
      await refreshRanks(t.orm.em.fork(), 'all');
    }
    await expectNoDrift(t.orm.em);
  });
});
