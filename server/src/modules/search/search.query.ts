// The full-text index in SQL (see the search migrations): ranked documents for a query, and the
// issues matching one for the feed's filter. SQLite: FTS5 MATCH ranked by bm25; PostgreSQL: the
// GIN-indexed tsvector with @@, ranked by ts_rank. Titles weigh more than texts on both. On SQLite
// the index leads the join (CROSS JOIN fixes the order): otherwise the planner may walk every
// document of a kind and probe the index once for each.
import { isPostgres } from '../../db/platform.js';
import type { Knex } from '@mikro-orm/knex';
import type { Em } from '../../db/orm.js';
import { fts5Query, tsQuery, type SearchTerms } from './search.text.js';

/** What the index holds: the GraphQL type of each document's subject. */
export const SEARCH_KINDS = ['Issue', 'Proposal', 'Comment', 'Policy', 'Referral'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export interface SearchRow {
  kind: SearchKind;
  subjectId: string;
}

const onPostgres = (em: Em) => isPostgres(em);

/**
 * What search shows of the index. Everyone who reads the workspace reads every issue, proposal,
 * comment, register entry and referral; merged duplicates are left out as the feed leaves them out
 * (their supports and comments have joined the issue they were merged into), and so are register
 * entries without an adopted version. A merged duplicate's questions to departments stay with it
 * and are still found: the answer is worth having, and its page says where the issue went.
 */
const SHOWN = `not exists (select 1 from issue i where d.kind = 'Issue' and i.id = d.subject_id and i.status = 'MERGED')
  and not exists (select 1 from comment c join issue i on i.id = c.issue_id where d.kind = 'Comment' and c.id = d.subject_id and i.status = 'MERGED')
  and not exists (select 1 from policy p where d.kind = 'Policy' and p.id = d.subject_id and p.current_version = 0)`;

/** The statement of `searchDocuments` (also what the query-plan tests explain). */
export function searchStatement(em: Em, terms: SearchTerms, limit: number): { sql: string; params: unknown[] } {
  if (onPostgres(em)) {
    return {
      sql: `select d.kind, d.subject_id from search_document d
        where d.document @@ to_tsquery('simple', ?) and ${SHOWN}
        order by ts_rank(d.document, to_tsquery('simple', ?)) desc, d.subject_id
        limit ?`,
      params: [tsQuery(terms), tsQuery(terms), limit],
    };
  }
  return {
    sql: `select d.kind, d.subject_id from search_fts cross join search_document d on d.id = search_fts.rowid
      where search_fts match ? and ${SHOWN}
      order by bm25(search_fts, 4.0, 1.0), d.subject_id
      limit ?`,
    params: [fts5Query(terms), limit],
  };
}

/** The best `limit` documents for the terms, best first (ties by id, so the order is stable). */
export async function searchDocuments(em: Em, terms: SearchTerms, limit: number): Promise<SearchRow[]> {
  if (!terms.words.length) return [];
  const { sql, params } = searchStatement(em, terms, limit);
  const rows = await em.execute<{ kind: SearchKind; subject_id: string }[]>(sql, params);
  return rows.map((r) => ({ kind: r.kind, subjectId: r.subject_id }));
}

/** The ids of the issues whose title or description match the terms, as a subquery (the feed's filter). */
export function matchingIssueIds(em: Em, terms: SearchTerms): Knex.QueryBuilder {
  const knex = em.getKnex();
  if (onPostgres(em)) {
    return knex
      .select('subject_id')
      .from('search_document')
      .where('kind', 'Issue')
      .whereRaw(`document @@ to_tsquery('simple', ?)`, [tsQuery(terms)]);
  }
  return knex
    .select('d.subject_id')
    .from('search_fts')
    .joinRaw('cross join search_document as d on d.id = search_fts.rowid')
    .whereRaw('search_fts match ?', [fts5Query(terms)])
    .andWhere('d.kind', 'Issue');
}
