// Signing in again in place. When the session ends while a page is open (expired, or signed out
// from another browser), a send must not throw away what the person typed: the client asks for a
// sign-in here, a dialog on the page answers, and the send goes on once signed in. Every request
// that failed meanwhile waits for the same answer. Without a page to ask on (the pages before
// sign-in), there is no asking: `signInAgain` returns null and the caller sends to /signin.
import { useSyncExternalStore } from 'react';

let hosts = 0;
let pending: { promise: Promise<boolean>; resolve: (signedIn: boolean) => void } | null = null;
const listeners = new Set<() => void>();

function notify() {
  for (const listener of listeners) listener();
}

/** A dialog that can ask is mounted; the returned function unmounts it (a question still open is answered "no"). */
export function hostSignInAgain(): () => void {
  hosts += 1;
  return () => {
    hosts -= 1;
    if (hosts === 0) answerSignInAgain(false);
  };
}

/** Ask the person to sign in again: resolves true once they did, false if they declined; null if nobody can ask. */
export function signInAgain(): Promise<boolean> | null {
  if (hosts === 0) return null;
  if (!pending) {
    let resolve!: (signedIn: boolean) => void;
    const promise = new Promise<boolean>((r) => (resolve = r));
    pending = { promise, resolve };
    notify();
  }
  return pending.promise;
}

/** The dialog's answer: signed in (the waiting requests are sent again) or not now (they fail as they did). */
export function answerSignInAgain(signedIn: boolean): void {
  const current = pending;
  if (!current) return;
  pending = null;
  notify();
  current.resolve(signedIn);
}

export function isAskingToSignIn(): boolean {
  return pending !== null;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whether the sign-in dialog should be open. */
export function useSignInAgainAsked(): boolean {
  return useSyncExternalStore(subscribe, isAskingToSignIn, isAskingToSignIn);
}
