// The full-text index in `pnpm council check [--repair]`: every issue, proposal, comment, policy and
// referral has exactly one search document, holding its current text as the triggers of the search migration
// write it, and (SQLite) FTS5's own index agrees with the documents. Repair rewrites the documents
// that differ or are missing, deletes those of vanished subjects, and rebuilds a damaged FTS5 index.
import { isPostgres } from '../../db/platform.js';
import type { Em } from '../../db/orm.js';
import { FOLDED_LETTERS } from './search.text.js';

/** One search document that differs from its subject (a Drift of the consistency check). */
export interface SearchDrift {
  entity: 'SearchDocument';
  id: string;
  field: 'text';
  stored: 'missing' | 'stale' | 'orphan' | 'index';
  actual: string;
}

type Kind = 'Issue' | 'Comment' | 'Proposal' | 'Policy' | 'Referral';

/** Each kind's subjects as (id, title, body), as the migration's triggers read them. */
function subjects(pg: boolean): Record<Kind, string> {
  const nl = pg ? 'chr(10)' : 'char(10)';
  return {
    Issue: `select id, title, description as body from issue`,
    Comment: `select id, '' as title, body from comment`,
    Proposal: pg
      ? `select id, title, concat_ws(chr(10), current_policy, proposed_policy, rationale, expected_impact) as body from proposal`
      : `select id, title, current_policy || ${nl} || proposed_policy || ${nl} || rationale || ${nl} || coalesce(expected_impact, '') as body from proposal`,
    Policy: `select p.id, p.title, v.text as body from policy p left join policy_version v on v.policy_id = p.id and v.version = p.current_version`,
    Referral: pg
      ? `select id, '' as title, concat_ws(chr(10), question, answer) as body from referral`
      : `select id, '' as title, question || ${nl} || coalesce(answer, '') as body from referral`,
  };
}

/** SQLite's folding of a text column, as the triggers write it (search migration, FOLDED_LETTERS). */
const folded = (sql: string) => Object.entries(FOLDED_LETTERS).reduce((inner, [from, to]) => `replace(${inner}, '${from}', '${to}')`, `coalesce(${sql}, '')`);

async function rows(em: Em, sql: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
  return (await em.execute(sql, params as never[], 'all')) as Record<string, unknown>[];
}

export async function checkSearchIndex(em: Em, repair: boolean): Promise<SearchDrift[]> {
  const pg = isPostgres(em);
  const drifts: SearchDrift[] = [];
  for (const [kind, source] of Object.entries(subjects(pg)) as [Kind, string][]) {
    const same = pg ? `d.document = search_vector(s.title, s.body)` : `d.title = ${folded('s.title')} and d.body = ${folded('s.body')}`;
    const wrong = await rows(
      em,
      `select s.id, case when d.subject_id is null then 'missing' else 'stale' end as state
       from (${source}) s left join search_document d on d.kind = ? and d.subject_id = s.id
       where d.subject_id is null or not (${same}) order by s.id`,
      [kind],
    );
    const table = { Issue: 'issue', Comment: 'comment', Proposal: 'proposal', Policy: 'policy', Referral: 'referral' }[kind];
    const orphans = await rows(em, `select d.subject_id as id from search_document d where d.kind = ? and not exists (select 1 from ${table} t where t.id = d.subject_id) order by d.subject_id`, [kind]);
    for (const r of wrong) drifts.push({ entity: 'SearchDocument', id: String(r.id), field: 'text', stored: r.state as 'missing' | 'stale', actual: kind });
    for (const r of orphans) drifts.push({ entity: 'SearchDocument', id: String(r.id), field: 'text', stored: 'orphan', actual: kind });
    if (!repair) continue;
    const ids = [...wrong, ...orphans].map((r) => String(r.id));
    for (let i = 0; i < ids.length; i += 500) {
      const batch = ids.slice(i, i + 500);
      const marks = batch.map(() => '?').join(', ');
      await em.execute(`delete from search_document where kind = ? and subject_id in (${marks})`, [kind, ...batch]);
      await em.execute(
        pg
          ? `select search_put(?, s.id, s.title, s.body) from (${source}) s where s.id in (${marks})`
          : `insert into search_document (kind, subject_id, title, body) select ?, s.id, ${folded('s.title')}, ${folded('s.body')} from (${source}) s where s.id in (${marks})`,
        [kind, ...batch],
      );
    }
  }
  if (!pg) {
    // FTS5's index against its content table: an error names a damaged index.
    const damaged = await em.execute(`insert into search_fts (search_fts) values ('integrity-check')`).then(
      () => false,
      () => true,
    );
    if (damaged) {
      drifts.push({ entity: 'SearchDocument', id: 'search_fts', field: 'text', stored: 'index', actual: 'rebuild' });
      if (repair) await em.execute(`insert into search_fts (search_fts) values ('rebuild')`);
    }
  }
  return drifts;
}
