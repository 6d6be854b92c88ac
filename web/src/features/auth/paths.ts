// Where sign-in sends people back to: only paths inside this app (the rule is shared with the server).
import { safeNext } from '@council/shared';

export { safeNext };

export function signInPath(next: string): string {
  const target = safeNext(next);
  return target === '/' ? '/signin' : `/signin?next=${encodeURIComponent(target)}`;
}
