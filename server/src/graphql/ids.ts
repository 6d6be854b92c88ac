// Global ids at the edge of the API: decoding with a type check, so a wrong or foreign id is NOT_FOUND.
import { decodeGlobalID } from '@pothos/plugin-relay';
import { NotFound } from '../errors.js';

export function idOf(globalId: string, ...typenames: string[]): string {
  try {
    const { typename, id } = decodeGlobalID(globalId);
    if (typenames.includes(typename) && id) return id;
  } catch {
    // fall through: malformed ids are simply not found
  }
  throw new NotFound();
}

export function optionalIdOf(globalId: string | null | undefined, ...typenames: string[]): string | null {
  return globalId ? idOf(globalId, ...typenames) : null;
}
