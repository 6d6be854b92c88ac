// Passwords: the rule for a new one (how guessable it may be) and hashing with argon2id
// (OWASP's recommended parameters for argon2id).
import { hash, verify } from '@node-rs/argon2';
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { InvalidInput } from '../../errors.js';

const ARGON2ID = 2; // Algorithm.Argon2id (a const enum, which isolated modules cannot import)

const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash of nothing, verified against when the account does not exist, so timing tells nothing. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword('decoy-password-that-matches-nothing');
  return decoy;
}

/**
 * zxcvbn's score 3 ("safely unguessable": about 10^8 guesses or more) or better. The shared schema
 * already asks for 12 characters; this refuses what is long but common or patterned
 * (`password1234`, `aaaaaaaaaaaa`, `qwertyuiop12`, the person's own email or name). Score 3 rather
 * than 4: with argon2id every offline guess is expensive, and 4 refuses memorable passphrases
 * that NIST 800-63B asks us to accept. The dictionaries load on first use, not at start.
 */
const MIN_SCORE = 3;
let estimator: Promise<ZxcvbnFactory> | undefined;

function strengthEstimator(): Promise<ZxcvbnFactory> {
  estimator ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common')]).then(
    ([{ ZxcvbnFactory }, common]) => new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs }),
  );
  return estimator;
}

/**
 * Refuses a new password that is easy to guess, also from what is known about its owner. Every
 * place that sets a password (account creation, the CLI, invitations, resets) calls this.
 */
export async function checkNewPassword(password: string, owner: { email: string; name: string }): Promise<void> {
  const zxcvbn = await strengthEstimator();
  const userInputs = [owner.email, owner.email.split('@')[0], owner.name].filter((s) => s.length > 0);
  if (zxcvbn.check(password, userInputs).score < MIN_SCORE) throw new InvalidInput({ password: 'validation.password.weak' });
}
