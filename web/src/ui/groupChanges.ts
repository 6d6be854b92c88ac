// Turns a word diff into readable pieces for TextDiff (pure: no React, no i18n).
import type { Change } from 'diff';

export interface Piece {
  kind: 'same' | 'removed' | 'added';
  text: string;
}

/**
 * Reading aid: a run of changes separated only by spaces becomes one deletion followed by one
 * insertion ("~~only if the~~ <ins>, seal or no</ins>") instead of alternating word by word.
 */
export function groupChanges(changes: readonly Change[]): Piece[] {
  const out: Piece[] = [];
  let removed = '';
  let added = '';
  let open = false;
  // Spaces at either end of a change are shown as plain text: a struck-through or underlined
  // space reads as noise. The new text's spaces win (it is the text being read).
  const flush = () => {
    // A removal of nothing but spaces or line breaks shows nothing at all.
    const base = added || (removed.trim() ? removed : '');
    if (base) {
      const lead = base.match(/^\s*/)![0];
      const trail = base.trim() ? base.match(/\s*$/)![0] : '';
      if (lead) out.push({ kind: 'same', text: lead });
      if (removed.trim()) out.push({ kind: 'removed', text: removed.trim() });
      if (added.trim()) out.push({ kind: 'added', text: added.trim() });
      if (trail) out.push({ kind: 'same', text: trail });
    }
    removed = '';
    added = '';
    open = false;
  };
  changes.forEach((c, i) => {
    if (c.added || c.removed) {
      if (c.added) added += c.value;
      else removed += c.value;
      open = true;
      return;
    }
    const next = changes[i + 1];
    if (open && c.value.trim() === '' && !c.value.includes('\n') && next && (next.added || next.removed)) {
      removed += c.value;
      added += c.value;
      return;
    }
    flush();
    out.push({ kind: 'same', text: c.value });
  });
  flush();
  return out;
}
