// Offset cursors for connections: opaque to clients, checked on the way in.
import { InvalidCursor, InvalidInput } from '../errors.js';
import { LIMITS } from '@council/shared';

const PREFIX = 'offset:';
/**
 * The positions a cursor may name: digits only (no sign, exponent or leading zero), and small
 * enough that the next page's OFFSET stays within 2^31 − 1, which every database takes (a number
 * past 2^53 would not even survive the trip through a JS number; PostgreSQL refuses one past 2^63).
 */
const OFFSET = /^(0|[1-9][0-9]{0,9})$/;
const MAX_OFFSET = 2_147_483_646;

export function offsetCursor(offset: number): string {
  return Buffer.from(PREFIX + offset).toString('base64url');
}

export function pageArgs(args: { first?: number | null; after?: string | null }): { offset: number; limit: number } {
  const limit = args.first ?? LIMITS.pageSize.default;
  if (!Number.isInteger(limit) || limit < 1 || limit > LIMITS.pageSize.max) throw new InvalidInput({ first: 'validation.first.range' });
  if (args.after == null || args.after === '') return { offset: 0, limit };
  const raw = Buffer.from(args.after, 'base64url').toString();
  const digits = raw.startsWith(PREFIX) ? raw.slice(PREFIX.length) : '';
  // base64url decoding skips characters it does not know: only a cursor we made re-encodes to itself.
  if (!OFFSET.test(digits) || offsetCursor(Number(digits)) !== args.after || Number(digits) > MAX_OFFSET) throw new InvalidCursor();
  return { offset: Number(digits) + 1, limit };
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
