// Drafts kept in storage: per person, subject and field; a starting value is no draft; old ones go.
import { describe, expect, it } from 'vitest';
import { DRAFT_MAX_AGE_MS, draftKey, readDraft, removeDraft, writeDraft } from './useDraft';

function memoryStore() {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  };
}

describe('drafts in storage', () => {
  it('keeps one draft per person, subject and field', () => {
    const store = memoryStore();
    const ana = draftKey('u1', 'issue-1', 'comment');
    const ben = draftKey('u2', 'issue-1', 'comment');
    writeDraft(store, ana, 'half a thought', '');
    writeDraft(store, ben, 'another one', '');
    writeDraft(store, draftKey('u1', 'issue-2', 'comment'), 'elsewhere', '');
    expect(readDraft(store, ana)).toBe('half a thought');
    expect(readDraft(store, ben)).toBe('another one');
    expect(readDraft(store, draftKey('u1', 'issue-1', 'edit'))).toBeNull();
    expect(store.map.size).toBe(3);
  });

  it('a value back at the start is no draft: it is removed', () => {
    const store = memoryStore();
    const key = draftKey('u1', 'new-issue', 'form');
    const empty = { title: '', description: '' };
    writeDraft(store, key, { title: 'Rota', description: '' }, empty);
    expect(readDraft(store, key)).toEqual({ title: 'Rota', description: '' });
    writeDraft(store, key, { title: '', description: '' }, empty);
    expect(readDraft(store, key)).toBeNull();
    expect(store.map.has(key)).toBe(false);
  });

  it('drops a draft older than a month, and anything it cannot read', () => {
    const store = memoryStore();
    const key = draftKey('u1', 'issue-1', 'comment');
    writeDraft(store, key, 'old', '', 1_000);
    expect(readDraft(store, key, 1_000 + DRAFT_MAX_AGE_MS)).toBe('old');
    expect(readDraft(store, key, 1_001 + DRAFT_MAX_AGE_MS)).toBeNull();
    expect(store.map.has(key)).toBe(false);
    store.setItem(key, '{not json');
    expect(readDraft(store, key)).toBeNull();
    store.setItem(key, JSON.stringify({ value: 'no time' }));
    expect(readDraft(store, key)).toBeNull();
  });

  it('survives a storage that refuses to write, and removes on request', () => {
    const full = { ...memoryStore(), setItem: () => { throw new Error('QuotaExceededError'); } };
    expect(() => writeDraft(full, 'k', 'text', '')).not.toThrow();
    const store = memoryStore();
    writeDraft(store, 'k', 'text', '');
    removeDraft(store, 'k');
    expect(readDraft(store, 'k')).toBeNull();
  });
});
