// Escaping for the meeting exports. Whatever people typed (titles, notes, names) is embedded as
// text: in Markdown it cannot start a heading, list, quote, table, code block or HTML, nor make a
// link or an image; in iCalendar it is a TEXT value escaped per RFC 5545 (§3.3.11) with no raw
// control character, in content lines folded at 75 octets (§3.1). The input schemas already
// refuse most of this; the exports do not rely on it (older rows, the CLI, a future importer).

/** Control characters but tab and line feed, and lone UTF-16 surrogates (UTF-8 cannot encode them). */
const CONTROL = /(?![\t\n])\p{Cc}/gu;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const LINE_BREAKS = /\r\n?|[\n\u0085\u2028\u2029]/g;

/** Text with its line ends as LF, without other control characters or broken surrogates. */
function plain(text: string): string {
  return text.replace(LINE_BREAKS, '\n').replace(CONTROL, ' ').replace(LONE_SURROGATE, '\uFFFD');
}

/** The same on one line: every line break becomes a space. */
function oneLine(text: string): string {
  return plain(text).replace(/\s*\n\s*/g, ' ').trim();
}

/**
 * ASCII punctuation that means something inline in CommonMark or GitHub's Markdown: escapes,
 * code, emphasis, strikethrough, links and images, HTML and autolinks, entities, table cells,
 * headings (also a closing `#` sequence). Any ASCII punctuation may be backslash-escaped.
 */
const INLINE = /[\\`*_~[\]<>&|#]/g;

function escapeInline(text: string): string {
  return (
    text
      .replace(INLINE, '\\$&')
      // GitHub's extended autolinks need no brackets: `https://…`, `www.…`, `name@host`.
      .replace(/([a-z][a-z0-9+.-]*):(?=\/\/)/gi, '$1\\:')
      .replace(/\b(www)\./gi, '$1\\.')
      .replace(/@/g, '\\@')
  );
}

/** One line of user text inside a Markdown line (a heading, a list item, after a label). */
export function markdownInline(text: string): string {
  return escapeInline(oneLine(text));
}

/**
 * Multi-line user text as Markdown paragraphs that read as typed: lines keep their breaks (hard
 * breaks), blank lines separate paragraphs, and no line can open a block of its own.
 */
export function markdownBlock(text: string): string {
  const paragraphs = plain(text)
    .split(/\n[ \t]*\n+/)
    .map((p) =>
      p
        .split('\n')
        .map((line) => markdownLine(line))
        .filter((line) => line.length > 0)
        .join('\\\n'),
    )
    .filter((p) => p.length > 0);
  return paragraphs.join('\n\n');
}

function markdownLine(line: string): string {
  // Leading blanks would make an indented code block or continue a list item.
  const text = escapeInline(line.trim());
  // What opens a block at the start of a line and is not escaped inline: list bullets (`-`, `+`),
  // ordered list numbers (`1.`, `1)`), quotes are `>` (escaped), setext underlines and breaks (`=`, `-`).
  return text.replace(/^([-+=])/, '\\$1').replace(/^(\d{1,9})([.)])/, '$1\\$2');
}

/** A value for an iCalendar TEXT property; `ics` adds the RFC 5545 escapes (`\\`, `;`, `,`, newline). */
export function icsText(text: string, { multiline = false } = {}): string {
  return multiline ? plain(text).replace(/\t/g, ' ') : oneLine(text).replace(/\t/g, ' ');
}

/**
 * Refolds an iCalendar document's content lines at 75 octets (RFC 5545 §3.1: `ics` folds at 75
 * characters, which for non-ASCII text is more), never inside a character. Content lines end with
 * CRLF; a continuation starts with one space.
 */
export function foldIcs(document: string): string {
  const lines = document.replace(/\r\n[ \t]/g, '').split('\r\n');
  if (lines.at(-1) === '') lines.pop();
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

const encoder = new TextEncoder();

function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74; // the leading space of a continuation line is one of its 75 octets
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}
