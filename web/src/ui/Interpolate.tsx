// A translated sentence with one React element in place of a `{{slot}}` placeholder — for
// links inside sentences, without parsing user text as markup (titles may contain "<").
import type { ReactNode } from 'react';

const MARK = '\u0000';

export function Interpolate({ text, element }: { text: (slot: string) => string; element: ReactNode }) {
  const [before, after = ''] = text(MARK).split(MARK);
  return (
    <>
      {before}
      {element}
      {after}
    </>
  );
}
