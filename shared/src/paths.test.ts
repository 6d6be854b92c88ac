import { describe, expect, it } from 'vitest';
import { safeNext } from './paths.js';

describe('safeNext', () => {
  it('keeps paths of this app, with their query and fragment', () => {
    expect(safeNext('/issues?status=OPEN#top')).toBe('/issues?status=OPEN#top');
    expect(safeNext('/proposals/UHJvcG9zYWw6MQ')).toBe('/proposals/UHJvcG9zYWw6MQ');
  });

  it('sends everything else home', () => {
    for (const next of [null, undefined, '', 'issues', 'https://evil.test/', '//evil.test', '/\\evil.test', '/\t/evil.test', '/\n/evil.test', ' /issues', '/signin', '/signin?next=/x', '/auth/oidc/start']) {
      expect(safeNext(next), JSON.stringify(next)).toBe('/');
    }
  });
});
