// The consistency check behind `pnpm council check [--repair]` and the race tests: recomputes
// every denormalized value from the rows it summarizes (issue counters and status, merged issues,
// agenda positions, closed votes' outcomes, the full-text index) with aggregate SQL, so it runs on 100,000 issues
// without hydrating them, and reports each difference. Repair fixes every difference that the
// rows determine, in one transaction, and records one `integrity.repaired` audit event.
import { rankBaseSql, refreshRanks } from '../issues/rank.js';
import { checkSearchIndex } from '../search/search.check.js';
import { OPEN_PROPOSAL_STATUSES, tally, type IssueStatus, type ProposalStatus, type TallyVote, type VoteChoice } from '@council/shared';
import { isPostgres } from '../../db/platform.js';
import type { Em } from '../../db/orm.js';
import { uuid7 } from '../../db/uuid7.js';
import { WorkspaceSubject, audit } from '../audit/audit.service.js';

/** One stored value that differs from what its rows say. */
export interface Drift {
  entity: string;
  id: string;
  field: string;
  stored: unknown;
  actual: unknown;
  /** Set when the rows do not say what the value should become: a person decides; repair leaves it. */
  manual?: boolean;
}

type Row = Record<string, unknown>;

/** Rows of a raw query, inside the caller's transaction when there is one. */
async function rows(em: Em, sql: string, params: unknown[] = []): Promise<Row[]> {
  return (await em.execute(sql, params as never[], 'all')) as Row[];
}

const num = (v: unknown): number => Number(v ?? 0);
const str = (v: unknown): string => String(v);

function placeholders(values: readonly unknown[]): string {
  return values.map(() => '?').join(', ');
}

/** Ids in batches, so that a repair of many rows never builds one statement with all of them. */
function* batches<T>(values: readonly T[], size = 500): Generator<T[]> {
  for (let i = 0; i < values.length; i += size) yield values.slice(i, i + size);
}

/**
 * Takes the rows a repair rewrites before it recomputes them (PostgreSQL; the lock of db/locks.ts,
 * by raw table name and in batches): a concurrent writer commits first, and the recomputing
 * statement, started afterwards, sees its rows. SQLite runs one writer at a time.
 */
async function lockRows(em: Em, table: 'issue' | 'meeting', ids: Iterable<string>): Promise<void> {
  // Sorted across batches too: every locker takes rows in id order, so lockers queue, never deadlock.
  for (const batch of batches([...new Set(ids)].sort())) {
    await rows(em, `select id from ${table} where id in (${placeholders(batch)}) order by id for no key update`, batch);
  }
}

/** The rows a repair may rewrite: those it locked up front; null: every row (SQLite). */
type Scope = Record<'issue' | 'meeting', ReadonlySet<string> | null>;
/** The rows the checks would rewrite, collected by a read-only first pass. */
type Plan = Record<'issue' | 'meeting', Set<string>>;

const inScope = (scope: Scope, table: 'issue' | 'meeting', id: string): boolean => scope[table]?.has(id) ?? true;

// ---------------------------------------------------------------------------------------------
// Merged issues: a MERGED issue points, through its chain, at a surviving issue and holds no rows.

interface MergedIssue {
  id: string;
  mergedInto: string | null;
  supports: number;
  comments: number;
}

/** The issue a merged issue's rows belong to: the end of its `mergedInto` chain; null on a cycle. */
function survivorOf(id: string, merged: ReadonlyMap<string, MergedIssue>): { survivor: string | null; chain: string[] } {
  const chain = [id];
  let at = merged.get(id);
  while (at) {
    const next = at.mergedInto;
    if (next === null || chain.includes(next)) return { survivor: null, chain: next === null ? chain : [...chain, next] };
    chain.push(next);
    at = merged.get(next);
  }
  return { survivor: chain[chain.length - 1]!, chain };
}

async function checkMerged(em: Em, repair: Scope | null, plan?: Plan): Promise<Drift[]> {
  const found = await rows(
    em,
    `select i.id, i.merged_into_id,
       (select count(*) from support s where s.issue_id = i.id) as supports,
       (select count(*) from comment c where c.issue_id = i.id) as comments
     from issue i where i.status = 'MERGED' order by i.id`,
  );
  const merged = new Map<string, MergedIssue>(
    found.map((r) => [str(r.id), { id: str(r.id), mergedInto: r.merged_into_id == null ? null : str(r.merged_into_id), supports: num(r.supports), comments: num(r.comments) }]),
  );
  const drifts: Drift[] = [];
  const moves: { from: string; to: string }[] = [];
  for (const issue of merged.values()) {
    const { survivor, chain } = survivorOf(issue.id, merged);
    // A move into a row the repair did not lock appeared after the plan: left to the next check.
    if (repair && survivor && issue.supports + issue.comments > 0 && !(inScope(repair, 'issue', issue.id) && inScope(repair, 'issue', survivor))) continue;
    if (!survivor) drifts.push({ entity: 'Issue', id: issue.id, field: 'mergedInto', stored: chain, actual: null, manual: true });
    for (const [field, count] of [['supports', issue.supports], ['comments', issue.comments]] as const) {
      if (count > 0) drifts.push({ entity: 'Issue', id: issue.id, field, stored: count, actual: 0, ...(survivor ? {} : { manual: true }) });
    }
    if (survivor && issue.supports + issue.comments > 0) moves.push({ from: issue.id, to: survivor });
  }
  for (const m of moves) plan?.issue.add(m.from).add(m.to);
  if (repair && moves.length) {
    for (const { from, to } of moves) {
      // As a merge does: a supporter already counted on the survivor (or its raiser) is not counted
      // twice; their support is put aside with its note (merged_support), where an unmerge finds it.
      await em.execute(
        `insert into merged_support (id, issue_id, user_id, region_id, note, merged_from_id, created_at)
         select s.id, s.issue_id, s.user_id, s.region_id, s.note, s.merged_from_id, s.created_at from support s
         where s.issue_id = ? and (s.user_id = (select raised_by_id from issue where id = ?) or s.user_id in (select t.user_id from support t where t.issue_id = ?))
           and not exists (select 1 from merged_support m where m.issue_id = s.issue_id and m.user_id = s.user_id)`,
        [from, to, to],
      );
      await em.execute(
        `delete from support where issue_id = ? and (user_id = (select raised_by_id from issue where id = ?)
           or user_id in (select t.user_id from support t where t.issue_id = ?))`,
        [from, to, to],
      );
      await em.execute('update support set issue_id = ? where issue_id = ?', [to, from]);
      await em.execute('update comment set issue_id = ? where issue_id = ?', [to, from]);
    }
  }
  // Supports put aside by a merge belong to a merged issue: an unmerge gives them back. One left on
  // an issue that is not merged is a note nobody sees; a person decides (the rows do not say whether
  // the support should count again).
  const aside = await rows(em, `select m.id, i.status from merged_support m join issue i on i.id = m.issue_id where i.status <> 'MERGED' order by m.id`);
  for (const r of aside) drifts.push({ entity: 'MergedSupport', id: str(r.id), field: 'issue.status', stored: str(r.status), actual: 'MERGED', manual: true });
  return drifts;
}

// ---------------------------------------------------------------------------------------------
// Issue counters: supports, regions affected (origin + supporters' regions), comments.
// A merged issue counts nothing: its rows moved to the issue it was merged into.

const COUNTERS = [
  ['supportCount', 'support_count', 'supports'],
  ['regionCount', 'region_count', 'regions'],
  ['commentCount', 'comment_count', 'comments'],
] as const;

const ACTUAL_COUNTERS = `
  select i.id, i.support_count, i.region_count, i.comment_count,
    case when i.status = 'MERGED' then 0 else coalesce(s.n, 0) end as supports,
    case when i.status = 'MERGED' then 1 else 1 + coalesce(r.n, 0) end as regions,
    case when i.status = 'MERGED' then 0 else coalesce(c.n, 0) end as comments
  from issue i
  left join (select issue_id, count(*) as n from support group by issue_id) s on s.issue_id = i.id
  left join (
    select s.issue_id, count(distinct s.region_id) as n
    from support s join issue o on o.id = s.issue_id
    where s.region_id <> o.origin_region_id group by s.issue_id
  ) r on r.issue_id = i.id
  left join (select issue_id, count(*) as n from comment where issue_id is not null group by issue_id) c on c.issue_id = i.id`;

async function checkCounters(em: Em, repair: Scope | null, plan?: Plan): Promise<Drift[]> {
  const read = await rows(
    em,
    `select * from (${ACTUAL_COUNTERS}) x
     where support_count <> supports or region_count <> regions or comment_count <> comments order by id`,
  );
  const found = repair ? read.filter((r) => inScope(repair, 'issue', str(r.id))) : read;
  const drifts: Drift[] = [];
  for (const r of found) {
    plan?.issue.add(str(r.id));
    for (const [field, column, actual] of COUNTERS) {
      if (num(r[column]) !== num(r[actual])) drifts.push({ entity: 'Issue', id: str(r.id), field, stored: num(r[column]), actual: num(r[actual]) });
    }
  }
  if (repair && found.length) {
    const ids = found.map((r) => str(r.id));
    // One statement per batch recomputes and writes, after the locks: no value read here is written back.
    for (const batch of batches(ids)) await em.execute(
      `update issue set
         support_count = case when status = 'MERGED' then 0 else (select count(*) from support s where s.issue_id = issue.id) end,
         region_count = case when status = 'MERGED' then 1 else 1 + (
           select count(distinct s.region_id) from support s where s.issue_id = issue.id and s.region_id <> issue.origin_region_id) end,
         comment_count = case when status = 'MERGED' then 0 else (select count(*) from comment c where c.issue_id = issue.id) end
       where id in (${placeholders(batch)})`,
      batch,
    );
    for (const batch of batches(ids)) await refreshRanks(em, batch);
  }
  return drifts;
}

// ---------------------------------------------------------------------------------------------
// The stored part of the priority score (issues/rank.ts) against the counters it is made of. After
// the counters: a repair recomputes it from the repaired counts. Merged issues are never ranked.

async function checkRanks(em: Em, repair: Scope | null, plan?: Plan): Promise<Drift[]> {
  const read = await rows(
    em,
    // Wrong for the stored counters and for the counts the rows give alike: a wrong counter (or a row
    // left on a merged issue) is one drift, not two. A counter repair rewrites the rank with it.
    `select y.id, y.rank_base, y.actual from (
       select x.id, i.rank_base, ${rankBaseSql(em, 'i')} as stored_counts, ${rankBaseSql(em, 'x', { regions: 'x.regions', supports: 'x.supports' })} as actual
       from (${ACTUAL_COUNTERS}) x join issue i on i.id = x.id where i.status <> 'MERGED') y
     where abs(y.rank_base - y.stored_counts) > 1e-9 and abs(y.rank_base - y.actual) > 1e-9 order by y.id`,
  );
  const found = repair ? read.filter((r) => inScope(repair, 'issue', str(r.id))) : read;
  for (const r of found) plan?.issue.add(str(r.id));
  if (repair && found.length) for (const batch of batches(found.map((r) => str(r.id)))) await refreshRanks(em, batch);
  return found.map((r) => ({ entity: 'Issue', id: str(r.id), field: 'rankBase', stored: num(r.rank_base), actual: num(r.actual) }));
}

// Closed votes: a PASSED or FAILED proposal's outcome against its votes under its stored rule.
// The number of regions at closing is not stored; regions are only ever added, so it lies between
// those created by the close and all regions now. Drift is reported only when the outcome is wrong
// for every count in that range. Not repaired: people have acted on an announced outcome.

const CLOSED_VOTES = `select id from proposal
  where status in ('PASSED', 'FAILED') and voting_closed_at is not null and quorum is not null and threshold is not null`;

async function checkOutcomes(em: Em): Promise<Drift[]> {
  const closed = await rows(em, `select id, status, quorum, threshold from proposal where id in (${CLOSED_VOTES}) order by id`);
  if (!closed.length) return [];
  // Sequential: the check may run inside one transaction (one connection).
  const votes = await rows(em, `select proposal_id, choice, region_id from vote where proposal_id in (${CLOSED_VOTES})`);
  const regionsThen = await rows(em, `select p.id as proposal_id, r.id as region_id from proposal p join region r on r.created_at <= p.voting_closed_at where p.id in (${CLOSED_VOTES})`);
  const allRegions = await rows(em, 'select id from region');
  const group = <T>(list: Row[], value: (r: Row) => T) => {
    const map = new Map<string, T[]>();
    for (const r of list) map.set(str(r.proposal_id), [...(map.get(str(r.proposal_id)) ?? []), value(r)]);
    return map;
  };
  const votesOf = group<TallyVote>(votes, (r) => ({ choice: str(r.choice) as VoteChoice, regionId: str(r.region_id) }));
  const regionsOf = group(regionsThen, (r) => str(r.region_id));
  const everyRegion = allRegions.map((r) => str(r.id));
  const drifts: Drift[] = [];
  for (const p of closed) {
    const id = str(p.id);
    const rule = { quorum: num(p.quorum), threshold: num(p.threshold) };
    const cast = votesOf.get(id) ?? [];
    // The fewest regions make the quorum easiest to reach, all regions hardest.
    const canPass = tally(cast, regionsOf.get(id) ?? [], 0, rule).passing;
    const mustPass = tally(cast, everyRegion, 0, rule).passing;
    const stored = str(p.status) as ProposalStatus;
    if (stored === 'PASSED' && !canPass) drifts.push({ entity: 'Proposal', id, field: 'outcome', stored, actual: 'FAILED', manual: true });
    if (stored === 'FAILED' && mustPass) drifts.push({ entity: 'Proposal', id, field: 'outcome', stored, actual: 'PASSED', manual: true });
  }
  return drifts;
}

// ---------------------------------------------------------------------------------------------
// Issue status from its proposals: an implemented one resolves it, an open one keeps it PROPOSED.
// Whether an issue without proposals is OPEN or UNDER_DISCUSSION depends on who commented first,
// which is not derivable from counts, so only PROPOSED and RESOLVED without their reason drift
// (repair: UNDER_DISCUSSION when it has comments, else OPEN, as withdrawing the last proposal does).

async function checkStatuses(em: Em, repair: Scope | null, plan?: Plan): Promise<Drift[]> {
  const open = OPEN_PROPOSAL_STATUSES;
  const found = await rows(
    em,
    `select i.id, i.status,
       (select count(*) from proposal p where p.issue_id = i.id and p.status = 'IMPLEMENTED') as implemented,
       (select count(*) from proposal p where p.issue_id = i.id and p.status in (${placeholders(open)})) as open,
       (select count(*) from comment c where c.issue_id = i.id) as comments
     from issue i
     where i.status not in ('MERGED', 'CLOSED') and (
       i.status in ('PROPOSED', 'RESOLVED')
       or exists (select 1 from proposal p where p.issue_id = i.id and (p.status = 'IMPLEMENTED' or p.status in (${placeholders(open)}))))
     order by i.id`,
    [...open, ...open],
  );
  const drifts: Drift[] = [];
  for (const r of found) {
    const stored = str(r.status) as IssueStatus;
    const actual: IssueStatus = num(r.implemented) > 0 ? 'RESOLVED' : num(r.open) > 0 ? 'PROPOSED' : num(r.comments) > 0 ? 'UNDER_DISCUSSION' : 'OPEN';
    if (actual !== stored && (!repair || inScope(repair, 'issue', str(r.id)))) drifts.push({ entity: 'Issue', id: str(r.id), field: 'status', stored, actual });
  }
  for (const d of drifts) plan?.issue.add(d.id);
  if (repair && drifts.length) {
    // Read after the locks, so the guard only restates it.
    for (const d of drifts) await em.execute('update issue set status = ? where id = ? and status = ?', [d.actual, d.id, d.stored]);
  }
  return drifts;
}

// ---------------------------------------------------------------------------------------------
// Agenda positions: each meeting's scheduled list and its unscheduled list are numbered 0..n-1.

async function checkPositions(em: Em, repair: Scope | null, plan?: Plan): Promise<Drift[]> {
  const found = await rows(
    em,
    `select meeting_id, scheduled, id, position,
       row_number() over (partition by meeting_id, scheduled order by position, id) - 1 as expected
     from agenda_item
     where meeting_id in (
       select meeting_id from agenda_item group by meeting_id, scheduled
       having min(position) <> 0 or max(position) <> count(*) - 1 or count(distinct position) <> count(*))
     order by meeting_id, scheduled, position, id`,
  );
  const lists = new Map<string, { meeting: string; scheduled: boolean; items: { id: string; stored: number; actual: number }[] }>();
  for (const r of found) {
    const scheduled = r.scheduled === true || num(r.scheduled) === 1;
    const key = `${str(r.meeting_id)}:${scheduled}`;
    const list = lists.get(key) ?? { meeting: str(r.meeting_id), scheduled, items: [] };
    list.items.push({ id: str(r.id), stored: num(r.position), actual: num(r.expected) });
    lists.set(key, list);
  }
  const drifts: Drift[] = [];
  const fixes: { meeting: string; id: string; position: number }[] = [];
  for (const list of lists.values()) {
    if (list.items.every((i) => i.stored === i.actual) || (repair && !inScope(repair, 'meeting', list.meeting))) continue;
    plan?.meeting.add(list.meeting);
    drifts.push({
      entity: 'Meeting',
      id: list.meeting,
      field: list.scheduled ? 'agendaPositions' : 'unscheduledPositions',
      stored: list.items.map((i) => i.stored),
      actual: list.items.map((i) => i.actual),
    });
    for (const i of list.items) if (i.stored !== i.actual) fixes.push({ meeting: list.meeting, id: i.id, position: i.actual });
  }
  if (repair && fixes.length) {
    for (const f of fixes) await em.execute('update agenda_item set position = ? where id = ?', [f.position, f.id]);
  }
  return drifts;
}

/**
 * Recomputes every denormalized value and returns each difference. With `repair`, fixes them in
 * one transaction (moves first, so the counters then include what moved; statuses last, from the
 * repaired counts) and audits the repair; drifts marked `manual` are reported and left.
 */
export async function checkConsistency(em: Em, options: { repair?: boolean } = {}): Promise<Drift[]> {
  const repair = options.repair ?? false;
  const checks = async (tx: Em, scope: Scope | null, plan?: Plan): Promise<Drift[]> => [
    ...(await checkMerged(tx, scope, plan)),
    ...(await checkCounters(tx, scope, plan)),
    ...(await checkRanks(tx, scope, plan)),
    ...(await checkOutcomes(tx)),
    ...(await checkStatuses(tx, scope, plan)),
    ...(await checkPositions(tx, scope, plan)),
    // The full-text index last: a repair rewrites documents from the repaired rows.
    ...(await checkSearchIndex(tx, scope !== null)),
  ];
  const run = async (tx: Em): Promise<Drift[]> => {
    let scope: Scope | null = null;
    if (repair && !isPostgres(tx)) scope = { issue: null, meeting: null };
    else if (repair) {
      // PostgreSQL: a read-only pass finds every row any step rewrites; they are all locked here,
      // once, in one order (issues, then meetings, each by id), and every step then re-reads them.
      // Rows that drift only after this pass are left to the next check.
      const plan: Plan = { issue: new Set(), meeting: new Set() };
      await checks(tx, null, plan);
      await lockRows(tx, 'issue', plan.issue);
      await lockRows(tx, 'meeting', plan.meeting);
      scope = plan;
    }
    const drifts = await checks(tx, scope);
    const fixed = drifts.filter((d) => !d.manual);
    if (repair && fixed.length) {
      audit(tx, { actor: null, action: 'integrity.repaired', subject: new WorkspaceSubject(uuid7()), after: { drifts: fixed }, at: new Date() });
    }
    return drifts;
  };
  return repair ? em.transactional(run) : run(em);
}
