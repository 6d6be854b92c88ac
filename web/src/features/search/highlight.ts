// A snippet cut into plain and highlighted pieces by the server's ranges (in order, not overlapping;
// ranges outside the text or out of order are dropped rather than trusted).
export interface Piece {
  text: string;
  marked: boolean;
}

export function pieces(snippet: string, ranges: readonly { start: number; end: number }[]): Piece[] {
  const out: Piece[] = [];
  let at = 0;
  for (const { start, end } of ranges) {
    if (start < at || end <= start || end > snippet.length) continue;
    if (start > at) out.push({ text: snippet.slice(at, start), marked: false });
    out.push({ text: snippet.slice(start, end), marked: true });
    at = end;
  }
  if (at < snippet.length) out.push({ text: snippet.slice(at), marked: false });
  return out;
}
