// Global ids at the edge of the API: decoding with a type check, so a wrong or foreign id is NOT_FOUND.
import { decodeGlobalID } from '@pothos/plugin-relay';
import { NotFound } from '../errors.js';

/** Every node's id is a UUID; anything else (NUL bytes, broken surrogates, SQL) never reaches a query. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A decoded global id, or null when it is malformed or its local part is not one of ours. */
export function decodeId(globalId: string): { typename: string; id: string } | null {
  try {
    const decoded = decodeGlobalID(globalId);
    return UUID.test(decoded.id) ? decoded : null;
  } catch {
    return null;
  }
}

export function idOf(globalId: string, ...typenames: string[]): string {
  try {
    const { typename, id } = decodeGlobalID(globalId);
    if (typenames.includes(typename) && UUID.test(id)) return id;
  } catch {
    // fall through: malformed ids are simply not found
  }
  throw new NotFound();
}

export function optionalIdOf(globalId: string | null | undefined, ...typenames: string[]): string | null {
  return globalId ? idOf(globalId, ...typenames) : null;
}
