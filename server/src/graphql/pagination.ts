// Offset cursors for connections: opaque to clients, checked on the way in.
import { InvalidInput } from '../errors.js';
import { LIMITS } from '@council/shared';

const PREFIX = 'offset:';

export function offsetCursor(offset: number): string {
  return Buffer.from(PREFIX + offset).toString('base64url');
}

export function pageArgs(args: { first?: number | null; after?: string | null }): { offset: number; limit: number } {
  const limit = args.first ?? LIMITS.pageSize.default;
  if (!Number.isInteger(limit) || limit < 1 || limit > LIMITS.pageSize.max) throw new InvalidInput({ first: 'validation.first.range' });
  if (!args.after) return { offset: 0, limit };
  const raw = Buffer.from(args.after, 'base64url').toString();
  const offset = raw.startsWith(PREFIX) ? Number(raw.slice(PREFIX.length)) : NaN;
  if (!Number.isInteger(offset) || offset < 0) throw new InvalidInput({ after: 'validation.required' });
  return { offset: offset + 1, limit };
}

/** A connection result from a page of nodes starting at `offset`. */
export function connection<T>(nodes: T[], offset: number, hasNextPage: boolean, totalCount: number) {
  const edges = nodes.map((node, i) => ({ node, cursor: offsetCursor(offset + i) }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage,
      hasPreviousPage: offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
