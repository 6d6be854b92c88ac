// Drafts that survive: what a person types into a form is kept in this browser's localStorage,
// under a key per signed-in person, subject and field, a moment after they stop typing (and at
// once when the page is left), and comes back when the form opens again. A successful send clears
// it. One place for every form (comments, proposals, new issues, meeting notes).
import { useCallback, useEffect, useRef, useState } from 'react';

const PREFIX = 'council.draft:';
/** A draft nobody came back to for a month is dropped when next read. */
export const DRAFT_MAX_AGE_MS = 30 * 86_400_000;

/** The storage key of one field's draft: whose it is, what it is about, which field. */
export function draftKey(personId: string, subject: string, field: string): string {
  return `${PREFIX}${personId}:${subject}:${field}`;
}

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/** The saved draft under `key`, or null (none, unreadable, or too old: then it is removed). */
export function readDraft<T>(store: Store, key: string, now = Date.now()): T | null {
  try {
    const raw = store.getItem(key);
    if (raw === null) return null;
    const saved = JSON.parse(raw) as { value?: T; at?: number };
    if (typeof saved.at !== 'number' || now - saved.at > DRAFT_MAX_AGE_MS || saved.value === undefined) {
      store.removeItem(key);
      return null;
    }
    return saved.value;
  } catch {
    return null;
  }
}

/** Keep `value` under `key`; a value equal to the form's starting one is no draft and removes it. */
export function writeDraft<T>(store: Store, key: string, value: T, initial: T, now = Date.now()): void {
  try {
    if (same(value, initial)) store.removeItem(key);
    else store.setItem(key, JSON.stringify({ value, at: now }));
  } catch {
    // storage full or unavailable: the draft lives only in the form, as before
  }
}

export function removeDraft(store: Store, key: string): void {
  try {
    store.removeItem(key);
  } catch {
    // nothing to remove
  }
}

function browserStore(): Store | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export interface Draft<T> {
  value: T;
  set: (next: T | ((previous: T) => T)) => void;
  /** The value came from a saved draft (until it is discarded or sent). */
  restored: boolean;
  /** Back to the starting value; the saved draft is removed. */
  discard: () => void;
  /** After a successful send: back to the starting value, nothing kept. */
  clear: () => void;
}

interface State<T> {
  key: string | null;
  value: T;
  restored: boolean;
}

function load<T>(key: string | null, initial: T): State<T> {
  const store = browserStore();
  const saved = key && store ? readDraft<T>(store, key) : null;
  return saved !== null && !same(saved, initial) ? { key, value: saved, restored: true } : { key, value: initial, restored: false };
}

/**
 * A form's value that is kept as a draft under `key` (see `draftKey`; null keeps nothing), starting
 * from `initial` when there is no draft.
 */
export function useDraft<T>(key: string | null, initial: T, delayMs = 400): Draft<T> {
  const [state, setState] = useState<State<T>>(() => load(key, initial));
  const current = state.key === key ? state : load(key, initial);
  // Another subject (a new key): its own draft, decided while rendering (no flash of the old one).
  if (current !== state) setState(current);

  const latest = useRef({ key, value: current.value, initial });
  latest.current = { key, value: current.value, initial };
  const saved = useRef(true);

  const save = useCallback(() => {
    const { key: k, value, initial: start } = latest.current;
    const store = browserStore();
    if (k && store && !saved.current) writeDraft(store, k, value, start);
    saved.current = true;
  }, []);

  useEffect(() => {
    if (!key) return;
    const id = window.setTimeout(save, delayMs);
    return () => window.clearTimeout(id);
  }, [key, current.value, delayMs, save]);

  // Leaving the page or the form saves at once: a reload right after typing keeps the text.
  useEffect(() => {
    window.addEventListener('pagehide', save);
    return () => {
      window.removeEventListener('pagehide', save);
      save();
    };
  }, [save, key]);

  const set = useCallback((next: T | ((previous: T) => T)) => {
    saved.current = false;
    setState((s) => ({ ...s, value: typeof next === 'function' ? (next as (previous: T) => T)(s.value) : next }));
  }, []);

  const reset = useCallback(() => {
    const { key: k, initial: start } = latest.current;
    const store = browserStore();
    if (k && store) removeDraft(store, k);
    latest.current = { ...latest.current, value: start };
    saved.current = true;
    setState((s) => ({ ...s, value: start, restored: false }));
  }, []);

  return { value: current.value, set, restored: current.restored, discard: reset, clear: reset };
}
