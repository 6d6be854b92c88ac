// A readable word-level comparison of two texts (e.g. current and proposed policy): insertions
// in <ins>, deletions in <del>. Never colour alone: they are underlined / struck through, a
// legend says so, and screen readers hear where each change starts and ends. Computed on
// deferred values, so typing in a long text stays smooth; a huge rewrite falls back to a note.
import { useDeferredValue, useMemo } from 'react';
import { diffWordsWithSpace, type Change } from 'diff';
import { groupChanges } from './groupChanges';
import { useTranslation } from 'react-i18next';
import { formatNumber } from './format';

/** Give up on a word diff that takes longer than this (very long, very different texts). */
const DIFF_TIMEOUT_MS = 300;

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

export function TextDiff({ before, after, testId }: { before: string; after: string; testId?: string }) {
  const { t } = useTranslation();
  const deferredBefore = useDeferredValue(before);
  const deferredAfter = useDeferredValue(after);
  const changes = useMemo<Change[] | undefined>(
    () => diffWordsWithSpace(deferredBefore, deferredAfter, { timeout: DIFF_TIMEOUT_MS }),
    [deferredBefore, deferredAfter],
  );
  const stale = deferredBefore !== before || deferredAfter !== after;
  const pieces = useMemo(() => (changes ? groupChanges(changes) : null), [changes]);

  const counts = useMemo(() => {
    let added = 0;
    let removed = 0;
    for (const c of changes ?? []) {
      if (c.added) added += words(c.value);
      else if (c.removed) removed += words(c.value);
    }
    return { added, removed };
  }, [changes]);

  return (
    <div className={stale ? 'diff diff--stale' : 'diff'} data-testid={testId} aria-busy={stale || undefined}>
      <p className="diff__legend">
        <span>
          <ins>{t('ui.diff.legendAdded')}</ins>
        </span>
        <span>
          <del>{t('ui.diff.legendRemoved')}</del>
        </span>
        {changes ? (
          <span className="diff__summary">
            {counts.added === 0 && counts.removed === 0
              ? t('ui.diff.identical')
              : [
                  t('ui.diff.added', { count: counts.added, formatted: formatNumber(counts.added) }),
                  t('ui.diff.removed', { count: counts.removed, formatted: formatNumber(counts.removed) }),
                ].join(' · ')}
          </span>
        ) : null}
      </p>
      {pieces ? (
        <div className="diff__text">
          {pieces.map((c, i) => {
            const blank = c.text.trim() === '';
            if (c.kind === 'removed') {
              // A removed run of spaces or line breaks only adds noise.
              if (blank) return null;
              return (
                <del key={i}>
                  <span className="visually-hidden">({t('ui.diff.removedStart')} </span>
                  {c.text}
                  <span className="visually-hidden"> {t('ui.diff.removedEnd')})</span>
                </del>
              );
            }
            if (c.kind === 'added' && !blank) {
              return (
                <ins key={i}>
                  <span className="visually-hidden">({t('ui.diff.addedStart')} </span>
                  {c.text}
                  <span className="visually-hidden"> {t('ui.diff.addedEnd')})</span>
                </ins>
              );
            }
            return <span key={i}>{c.text}</span>;
          })}
        </div>
      ) : (
        <p className="diff__too-big">{t('ui.diff.tooBig')}</p>
      )}
    </div>
  );
}
