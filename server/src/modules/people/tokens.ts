// The tokens of invitation and password-reset links: 32 random bytes (base64url, 43 characters)
// in the mail, only their sha256 in the database. A link is looked up by its hash (the database
// compares digests, never the secret itself) and the found row's hash is compared once more in
// constant time.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: tokenHash(token) };
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A token as the links carry it; anything else is looked up as nothing. */
export const TOKEN_SHAPE = /^[A-Za-z0-9_-]{32,128}$/;

export function sameHash(stored: string, computed: string): boolean {
  const a = Buffer.from(stored, 'hex');
  const b = Buffer.from(computed, 'hex');
  return a.length === b.length && a.length > 0 && timingSafeEqual(a, b);
}
