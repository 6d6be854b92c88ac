// The open issues that can still make a meeting's agenda, read through the rank index: a threshold
// walk as the feed's PRIORITY, and the candidates that cannot make the top AGENDA_MAX_ISSUES
// dropped by the database, so that only a few dozen rows reach the server whatever the workspace's
// size. The scores are then computed here exactly (shared/agenda.ts `agendaIssueScore`).
import { ACTIVITY_MAX, AGENDA_MAX_ISSUES, ISSUE_STATUSES, PRIORITY_WEIGHTS, agendaIssueScore, type AgendaInput, type IssueStatus } from '@council/shared';
import type { QBFilterQuery } from '@mikro-orm/knex';
import type { Em } from '../../db/orm.js';
import { dateOf, isPostgres } from '../../db/platform.js';
import { Issue } from '../issues/issues.entity.js';
import { daysSinceSql, priorityScoreSql, sqlTime } from '../issues/rank.js';
import { AgendaItem } from './meetings.entity.js';

const DAY = 86_400_000;

/**
 * Issues the agenda may propose: open, or being discussed. Said as "none of the other statuses": an
 * IN list would lead SQLite's planner to the (status, created_at) index and a sort of every open
 * issue; NOT IN leaves it the rank index, walked from the top.
 */
const AGENDA_STATUSES: readonly IssueStatus[] = ['OPEN', 'UNDER_DISCUSSION'];
const ACTIVE_ISSUE = { status: { $nin: ISSUE_STATUSES.filter((s) => !AGENDA_STATUSES.includes(s)) } };
/** Slack for the stored rank (SQL arithmetic) against the score computed here. */
const EPSILON = 1e-6;
/** Slack of the database's pruning: wider, so that it keeps every issue the exact scores would. */
const SQL_SLACK = 1e-4;

type IssueScoreInput = Omit<AgendaInput['issues'][number], 'title'>;

/** Where the candidate bands begin, in days since the last activity (a band ends where the next begins). */
const QUIET_DAYS = [0, 14, 28, 56, 112];

/**
 * The least rankBase r an issue needs to reach `score` when activity adds at most `activity`:
 * r + activity + min(4, 2r/3) ≥ score (the age term is 4 · share at most, and share ≤ r / 6).
 */
function rankFloor(score: number, activity: number): number {
  const bonus = 4;
  return score - activity - bonus >= 6 ? score - activity - bonus : ((score - activity) * 6) / (6 + bonus);
}

/**
 * An issue's agenda score as SQL over a candidate row `b` (agendaIssueScore): `low`, as if it had
 * been discussed in a meeting, from the stored rank_base (binding: now); `age`, what it adds if not
 * (bindings: total regions twice, then now), in fractional days where the exact score counts whole
 * ones, so that low + age is never below the exact score. The pruning allows SQL_SLACK besides.
 */
function scoreBoundsSql(em: Em): { low: string; age: string } {
  const pg = isPostgres(em);
  const share = pg ? `case when ? = 0 then 0 else least(1.0, b.region_count::float8 / ?) end` : `case when ? = 0 then 0 else min(1.0, b.region_count * 1.0 / ?) end`;
  const age = `${pg ? 'least' : 'min'}(1.0, ${daysSinceSql(em, 'b', 'created_at')} / 60.0)`;
  return { low: priorityScoreSql(em, 'b'), age: `(${share}) * 4.0 * ${age}` };
}

/**
 * The open issues that can still make the agenda's top AGENDA_MAX_ISSUES, with the light columns
 * the score needs, read through the rank index (a threshold walk, as the feed's PRIORITY).
 * An issue's agenda score lies in [rankBase, rankBase + ACTIVITY_MAX + 4 · share], and share ≤
 * rankBase / 6 (the breadth term is part of rankBase), so at most f(r) = r + a + min(4, 2r/3), with
 * a = 3 · 2^(−quiet days / 14) the activity term. The AGENDA_MAX_ISSUES issues of highest rankBase
 * score at least L each (L: the least of their scores without the age term), so the
 * AGENDA_MAX_ISSUES-th best score is ≥ L and an issue with f(r) < L cannot make it: only
 * rankBase ≥ f⁻¹(L) is read, a higher floor for issues quiet longer (rankFloor, QUIET_DAYS). Of
 * those, the ones whose score even undiscussed stays below the AGENDA_MAX_ISSUES-th best score as
 * if discussed cannot make it either: the database drops them (one statement: the bands, each
 * candidate's two scores, the bar), and the exact scores here drop the last ones before asking
 * which were discussed.
 */
export async function issueCandidates(em: Em, totalRegions: number, now: Date): Promise<IssueScoreInput[]> {
  const fields = ['id', 'supportCount', 'regionCount', 'lastActivityAt', 'createdAt'] as const;
  const top = await em.find(Issue, ACTIVE_ISSUE, { fields: [...fields], orderBy: { rankBase: 'desc', id: 'desc' }, limit: AGENDA_MAX_ISSUES, disableIdentityMap: true });
  const least = top.length < AGENDA_MAX_ISSUES ? null : Math.min(...top.map((r) => agendaIssueScore({ ...r, discussedInMeeting: true }, totalRegions, now)));
  // Quiet issues have less activity to add: one band per quiet span, each with its own floor.
  const bands =
    least === null
      ? []
      : QUIET_DAYS.map((days, j) => {
          const next = QUIET_DAYS[j + 1];
          const quiet = { ...(j > 0 && { $lte: new Date(now.getTime() - days * DAY) }), ...(next !== undefined && { $gt: new Date(now.getTime() - next * DAY) }) };
          return { lastActivityAt: quiet, rankBase: { $gte: rankFloor(least, ACTIVITY_MAX * 2 ** (-days / PRIORITY_WEIGHTS.activityHalfLifeDays)) - EPSILON } };
        });
  // The first band's floor is the lowest: stated alone too, so the plan walks the rank index.
  const banded = em
    .createQueryBuilder(Issue, 'i')
    .select([...fields, 'rankBase'].map((f) => `i.${f}`))
    .where((bands.length ? { ...ACTIVE_ISSUE, rankBase: bands[0].rankBase, $or: bands } : ACTIVE_ISSUE) as QBFilterQuery<Issue>)
    .getKnexQuery()
    .toSQL();
  const { low, age } = scoreBoundsSql(em);
  const at = sqlTime(em, now);
  // Each candidate with its two scores; kept if its score undiscussed can reach the
  // AGENDA_MAX_ISSUES-th best score discussed. As plain rows: none of them is changed here.
  const sql = `with c as materialized (select b.*, ${low} as low, ${low} + ${age} as high from (${banded.sql}) b)
    select id, support_count, region_count, last_activity_at, created_at from c
    where c.high >= coalesce((select c2.low from c c2 order by c2.low desc limit 1 offset ${AGENDA_MAX_ISSUES - 1}), c.high) - ${SQL_SLACK}`;
  const rows = (await em.getConnection(em.isInTransaction() ? 'write' : 'read').execute(sql, [at, at, totalRegions, totalRegions, at, ...banded.bindings], 'all', em.getTransactionContext())) as {
    id: string;
    support_count: number | string;
    region_count: number | string;
    last_activity_at: Date | number | string;
    created_at: Date | number | string;
  }[];
  const scored = rows.map((r) => {
    const light = { id: r.id, supportCount: Number(r.support_count), regionCount: Number(r.region_count), lastActivityAt: dateOf(r.last_activity_at), createdAt: dateOf(r.created_at) };
    return { light, low: agendaIssueScore({ ...light, discussedInMeeting: true }, totalRegions, now), high: agendaIssueScore({ ...light, discussedInMeeting: false }, totalRegions, now) };
  });
  // Every issue whose exact score discussed is among the AGENDA_MAX_ISSUES best is among these rows
  // (its high ≥ its low ≥ the bar), so the bar computed over them is the bar over all candidates.
  const lows = scored.map((s) => s.low).sort((a, b) => b - a);
  const bar = lows.length >= AGENDA_MAX_ISSUES ? lows[AGENDA_MAX_ISSUES - 1] - EPSILON : -Infinity;
  const kept = scored.filter((s) => s.high >= bar).map((s) => s.light);
  const discussed = kept.length
    ? await em.find(AgendaItem, { subjectType: 'Issue', subjectId: { $in: kept.map((i) => i.id) }, meeting: { status: 'CLOSED' } }, { fields: ['subjectId'], disableIdentityMap: true })
    : [];
  const discussedIds = new Set(discussed.map((d) => d.subjectId));
  return kept.map((i) => ({ ...i, discussedInMeeting: discussedIds.has(i.id) }));
}
