// Pages of comments for many subjects at once: a list of issues or proposals, each with its
// `comments(first:, after:)`, costs the same statements whatever its length — the page of every
// subject through one window-function query, their totals through one grouped count.
import { raw } from '@mikro-orm/core';
import type { Em } from '../../db/orm.js';
import { Comment } from './issues.entity.js';

export type CommentSubject = 'issue' | 'proposal';

export interface CommentPageKey {
  subject: CommentSubject;
  id: string;
  offset: number;
  limit: number;
}

export interface CommentPage {
  rows: Comment[];
  total: number;
}

export const commentPageCacheKey = (k: CommentPageKey) => `${k.subject}:${k.id}:${k.offset}:${k.limit}`;

/** The pages asked for, in the keys' order (oldest comment first within each). */
export async function commentPages(em: Em, keys: readonly CommentPageKey[]): Promise<CommentPage[]> {
  const groups = new Map<string, CommentPageKey[]>();
  for (const key of keys) {
    const group = `${key.subject}:${key.offset}:${key.limit}`;
    groups.set(group, [...(groups.get(group) ?? []), key]);
  }
  const pages = new Map<string, CommentPage>();
  for (const group of groups.values()) {
    const { subject, offset, limit } = group[0];
    const ids = [...new Set(group.map((k) => k.id))];
    const column = `c.${subject}_id`;
    const ranked = em
      .createQueryBuilder(Comment, 'c')
      .select(['c.id', raw(`row_number() over (partition by ${column} order by c.created_at asc, c.id asc) as rn`)])
      .where({ [subject]: { $in: ids } })
      .getKnexQuery();
    const [picked, counts] = await Promise.all([
      em.getKnex().select('id').from(ranked.as('ranked')).where('rn', '>', offset).andWhere('rn', '<=', offset + limit) as Promise<{ id: string }[]>,
      em
        .createQueryBuilder(Comment, 'c')
        .select([raw(`${column} as subject_id`), raw('count(*) as n')])
        .where({ [subject]: { $in: ids } })
        .groupBy(column)
        .execute('all', false) as Promise<{ subject_id: string; n: number | string }[]>,
    ]);
    const rows = picked.length ? await em.find(Comment, { id: { $in: picked.map((r) => r.id) } }, { orderBy: { createdAt: 'asc', id: 'asc' } }) : [];
    const totals = new Map(counts.map((c) => [c.subject_id, Number(c.n)]));
    for (const key of group) {
      const own = rows.filter((c) => (subject === 'issue' ? c.issue?.id : c.proposal?.id) === key.id);
      pages.set(commentPageCacheKey(key), { rows: own, total: totals.get(key.id) ?? 0 });
    }
  }
  return keys.map((k) => pages.get(commentPageCacheKey(k)) ?? { rows: [], total: 0 });
}
