// Duplicates, on the full-text index (search.query.ts): the open issues most like a text being
// typed (`similarIssues`: any word of the title or description may match, best first by bm25 /
// ts_rank, titles weigh more), and for facilitators the pairs of open issues that look alike
// (`possibleDuplicates`: the most active open issues, each one's title asked of the index in a few
// batched statements, the pairs found scored by the words they share).
import { ISSUE_ACTIVE_STATUSES, ISSUE_MERGEABLE_STATUSES, LIMITS } from '@council/shared';
import { isPostgres } from '../../db/platform.js';
import type { Em } from '../../db/orm.js';
import { InvalidInput } from '../../errors.js';
import type { Loaders } from '../../graphql/loaders.js';
import { Issue } from '../issues/issues.entity.js';
import { words } from './search.text.js';

/**
 * Words too common to tell issues apart, in the five languages (folded, as the index holds them).
 * Words shorter than three letters are left out anyway.
 */
const STOP_WORDS = new Set(
  [
    // English
    'the and for are was were with without from that this these those not but has have had our their its into onto than then when what which who will can cannot does did all any some more most very also only just about after before over under out per too',
    // German
    'der die das den dem des ein eine einer eines einem einen und oder aber mit ohne von vom zum zur bei aus auf fur ist sind war waren wird werden nicht kein keine auch nur noch wie was wer wir ihr sie uns ich man sich dass als bis nach vor uber unter',
    // Danish
    'og eller men med uden fra til ved hos paa pa som det den der der har har var bliver blev ikke kun ogsa hvad hvem vi jeg man sig at end efter for over under alle nogle mere meget kan skal vil',
    // Spanish
    'los las una unos unas del por para con sin que como pero mas muy ser son esta estan fue era hay no ya sus nos les todo todos tambien cuando donde entre sobre desde hasta',
    // Vietnamese (syllables of three letters or more)
    'cua va cac nhung duoc khong trong voi cho mot nay khi thi hay nhu tai theo den tu cung rat lai dang roi sau truoc',
  ]
    .join(' ')
    .split(' '),
);

/** The words of a text that say something: folded, three letters or more, no stop words, each once. */
export function contentWords(text: string): string[] {
  return [...new Set(words(text).filter((w) => w.length >= 3 && !STOP_WORDS.has(w)))];
}

/** What the index is asked for a typed title and description: any of their words. */
export interface SimilarTerms {
  /** Title words first (they also weigh more in the index), then the description's. */
  words: string[];
  /** The title's last word, still being typed, matches any word it begins. */
  prefix: string | null;
}

const MAX_TERMS = 24;

export function similarTerms(title: string, description?: string | null, typing = true): SimilarTerms {
  const titleWords = contentWords(title);
  // The last word is a prefix only while it is being typed: nothing follows it in the title.
  const last = typing && /[\p{L}\p{N}]$/u.test(title) ? (words(title).at(-1) ?? null) : null;
  const prefix = last && titleWords.includes(last) ? last : null;
  const all = [...new Set([...titleWords, ...contentWords(description ?? '')])].slice(0, MAX_TERMS);
  return { words: all, prefix: prefix && all.includes(prefix) ? prefix : null };
}

/** FTS5: "a" OR "b"* OR "c". */
export function fts5AnyQuery(terms: SimilarTerms): string {
  return terms.words.map((w) => `"${w.replaceAll('"', '""')}"${w === terms.prefix ? '*' : ''}`).join(' OR ');
}

/** PostgreSQL tsquery: 'a' | 'b':* | 'c'. */
export function tsAnyQuery(terms: SimilarTerms): string {
  return terms.words.map((w) => `'${w.replaceAll("'", "''").replaceAll('\\', '\\\\')}'${w === terms.prefix ? ':*' : ''}`).join(' | ');
}

const onPostgres = (em: Em) => isPostgres(em);
const ACTIVE = ISSUE_ACTIVE_STATUSES.map((s) => `'${s}'`).join(', ');

/** The statement of `similarIssueIds` (one, whatever `limit` is). */
export function similarStatement(em: Em, terms: SimilarTerms, limit: number, excludeId: string | null): { sql: string; params: unknown[] } {
  const exclude = excludeId ? ' and i.id <> ?' : '';
  if (onPostgres(em)) {
    const q = tsAnyQuery(terms);
    return {
      sql: `select i.id from search_document d join issue i on i.id = d.subject_id
        where d.kind = 'Issue' and d.document @@ to_tsquery('simple', ?) and i.status in (${ACTIVE})${exclude}
        order by ts_rank(d.document, to_tsquery('simple', ?)) desc, i.id
        limit ?`,
      params: [q, ...(excludeId ? [excludeId] : []), q, limit],
    };
  }
  return {
    sql: `select i.id from search_fts cross join search_document d on d.id = search_fts.rowid join issue i on i.id = d.subject_id
      where search_fts match ? and d.kind = 'Issue' and i.status in (${ACTIVE})${exclude}
      order by bm25(search_fts, 4.0, 1.0), i.id
      limit ?`,
    params: [fts5AnyQuery(terms), ...(excludeId ? [excludeId] : []), limit],
  };
}

export const SIMILAR_LIMIT = { default: 5, max: 20 } as const;

export interface SimilarInput {
  title: string;
  description?: string | null;
  first?: number | null;
}

/**
 * The open issues most like a title (and description) being typed, best first: at most `first`
 * (default 5, at most 20). Two statements: the index's ids, then the issues through the loader.
 */
export async function similarIssues(em: Em, loaders: Loaders, input: SimilarInput): Promise<Issue[]> {
  const first = input.first ?? SIMILAR_LIMIT.default;
  if (!Number.isInteger(first) || first < 1) throw new InvalidInput({ first: 'validation.first.range' });
  // Long texts are cut, not refused: the form asks while the person types.
  const title = input.title.slice(0, LIMITS.issueTitle.max * 2);
  const description = (input.description ?? '').slice(0, 2000);
  const terms = similarTerms(title, description);
  if (!terms.words.length) return [];
  const { sql, params } = similarStatement(em, terms, Math.min(first, SIMILAR_LIMIT.max), null);
  const rows = await em.execute<{ id: string }[]>(sql, params);
  const issues = await loaders.issue.loadMany(rows.map((r) => r.id));
  return issues.filter((i): i is Issue => i instanceof Issue);
}

// ---------------------------------------------------------------------------------------------
// Possible duplicates

/** How many of the most recently active open issues are compared, and per statement. */
export const DUPLICATE_SCAN = { issues: 60, batch: 30, perIssue: 5 } as const;
export const DUPLICATES_LIMIT = { default: 20, max: 50 } as const;
/** Pairs at least this alike (0…1, see `similarity`) are listed. */
export const DUPLICATE_THRESHOLD = 0.5;

/** Two sets of words alike: twice what they share over both sizes (Dice); 0 when either is empty. */
function dice(a: readonly string[], b: readonly string[]): number {
  if (!a.length || !b.length) return 0;
  const other = new Set(b);
  return (2 * a.filter((w) => other.has(w)).length) / (a.length + b.length);
}

/** How alike two issues are, 0…1: their titles' words count most, their descriptions' some. */
export function similarity(a: { title: string; description: string }, b: { title: string; description: string }): number {
  const titles = dice(contentWords(a.title), contentWords(b.title));
  const texts = dice(contentWords(a.description), contentWords(b.description));
  return Math.round((0.7 * titles + 0.3 * texts) * 1000) / 1000;
}

export interface DuplicatePair {
  /** The issue to keep (more supporters; on a tie the older one). */
  issue: Issue;
  /** The one to merge into it. */
  duplicate: Issue;
  similarity: number;
}

interface Match {
  a: string;
  b: string;
  title: string;
  description: string;
}

/** For each issue of a batch, the open issues its title finds in the index (the best few): one statement. */
async function matchBatch(em: Em, batch: readonly Issue[]): Promise<Match[]> {
  const asked = batch.map((i) => ({ id: i.id, terms: similarTerms(i.title, null, false) })).filter((q) => q.terms.words.length);
  if (!asked.length) return [];
  const postgres = onPostgres(em);
  const values = asked.map(() => (postgres ? '(cast(? as varchar(36)), cast(? as text))' : '(?, ?)')).join(', ');
  const params = asked.flatMap((q) => [q.id, postgres ? tsAnyQuery(q.terms) : fts5AnyQuery(q.terms)]);
  const found = postgres
    ? `select q.id as a, i.id as b, i.title, substr(i.description, 1, 600) as description,
         ts_rank(d.document, to_tsquery('simple', q.expr)) as score
       from q join search_document d on d.kind = 'Issue' and d.document @@ to_tsquery('simple', q.expr)
       join issue i on i.id = d.subject_id
       where i.status in (${ACTIVE}) and i.id <> q.id`
    : `select q.id as a, i.id as b, i.title, substr(i.description, 1, 600) as description,
         -bm25(search_fts, 4.0, 1.0) as score
       from q join search_fts on search_fts match q.expr cross join search_document d on d.id = search_fts.rowid
       join issue i on i.id = d.subject_id
       where d.kind = 'Issue' and i.status in (${ACTIVE}) and i.id <> q.id`;
  const sql = `with q(id, expr) as (values ${values})
    select a, b, title, description from (
      select f.*, row_number() over (partition by f.a order by f.score desc, f.b) as n from (${found}) f
    ) ranked where n <= ${DUPLICATE_SCAN.perIssue}`;
  return em.execute<Match[]>(sql, params);
}

/**
 * Pairs of open issues that look like duplicates, most alike first: at most `first` (default 20,
 * at most 50). Bounded whatever the workspace's size: the most active open issues
 * (DUPLICATE_SCAN.issues), a fixed number of batched index statements, one loader statement.
 */
export async function possibleDuplicates(em: Em, loaders: Loaders, first?: number | null): Promise<DuplicatePair[]> {
  const limit = first ?? DUPLICATES_LIMIT.default;
  if (!Number.isInteger(limit) || limit < 1) throw new InvalidInput({ first: 'validation.first.range' });
  const scanned = await em.find(
    Issue,
    { status: { $in: [...ISSUE_ACTIVE_STATUSES] } },
    { orderBy: { lastActivityAt: 'desc', id: 'asc' }, limit: DUPLICATE_SCAN.issues },
  );
  for (const issue of scanned) loaders.issue.prime(issue.id, issue);
  const byId = new Map(scanned.map((i) => [i.id, i]));
  const matches: Match[] = [];
  for (let i = 0; i < scanned.length; i += DUPLICATE_SCAN.batch) matches.push(...(await matchBatch(em, scanned.slice(i, i + DUPLICATE_SCAN.batch))));

  const scored = new Map<string, { a: string; b: string; similarity: number }>();
  for (const m of matches) {
    const a = byId.get(m.a)!;
    const key = [m.a, m.b].sort().join(' ');
    if (scored.has(key)) continue;
    const score = similarity({ title: a.title, description: a.description.slice(0, 600) }, { title: m.title, description: m.description });
    if (score >= DUPLICATE_THRESHOLD) scored.set(key, { a: m.a, b: m.b, similarity: score });
  }
  const loaded = await loaders.issue.loadMany([...new Set([...scored.values()].map((p) => p.b))]);
  for (const issue of loaded) if (issue instanceof Issue) byId.set(issue.id, issue);

  const pairs: DuplicatePair[] = [];
  for (const p of scored.values()) {
    const a = byId.get(p.a);
    const b = byId.get(p.b);
    if (!a || !b) continue;
    const [keep, dup] = keepFirst(a, b);
    // Listed only when one of the two may be merged into the other.
    if (ISSUE_MERGEABLE_STATUSES.includes(dup.status)) pairs.push({ issue: keep, duplicate: dup, similarity: p.similarity });
    else if (ISSUE_MERGEABLE_STATUSES.includes(keep.status)) pairs.push({ issue: dup, duplicate: keep, similarity: p.similarity });
  }
  pairs.sort((x, y) => y.similarity - x.similarity || x.duplicate.id.localeCompare(y.duplicate.id));
  return pairs.slice(0, Math.min(limit, DUPLICATES_LIMIT.max));
}

/** The issue to keep first: more supporters, then older, then by id. */
function keepFirst(a: Issue, b: Issue): [Issue, Issue] {
  const order = b.supportCount - a.supportCount || a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id);
  return order <= 0 ? [a, b] : [b, a];
}
