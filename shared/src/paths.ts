// Where sign-in sends people back to: the web after the password form, the server after single
// sign-on. Only paths inside this app, so a link cannot send anyone elsewhere (no open redirects).

const BASE = 'http://council.invalid';

const isControl = (c: string) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f;

/**
 * `next` when it is a path of this app, else `/`. Refused: other origins (`//host`, `/\host`),
 * whitespace and control characters (which URL parsers drop, turning `/\t/host` into `//host`),
 * and the sign-in pages themselves (no loop back to sign-in).
 */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || /[\\\s]/.test(next) || [...next].some(isControl)) return '/';
  const url = new URL(next, BASE);
  if (url.origin !== BASE) return '/';
  if (url.pathname.startsWith('/signin') || url.pathname.startsWith('/auth/')) return '/';
  return next;
}
