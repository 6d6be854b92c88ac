// `pnpm council`: an installation can start without the demo — regions, categories, people.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { run } from '../../server/src/cli/main.js';
import { buildApp } from '../../server/src/app.js';
import { loadConfig } from '../../server/src/config.js';
import { Client } from '../support/client.js';

describe('cli', () => {
  it('creates regions, categories and a user who can then sign in; refuses bad input clearly', async () => {
    const env = { DATA_DIR: mkdtempSync(join(tmpdir(), 'council-cli-')), LOG_LEVEL: 'silent' };
    const io = (password: string) => ({ env, readPassword: async () => password });
    const errors: string[] = [];
    const err = vi.spyOn(console, 'error').mockImplementation((m) => void errors.push(String(m)));
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      expect(await run(['region:create', '--code', 'nord', '--name', 'Nordics', '--time-zone', 'Europe/Copenhagen'], io(''))).toBe(0);
      expect(await run(['region:create', '--code', 'NORD', '--name', 'Again', '--time-zone', 'UTC'], io(''))).toBe(1);
      expect(await run(['region:create', '--code', 'X', '--name', 'Bad', '--time-zone', 'Mars/Base'], io(''))).toBe(1);
      expect(errors.join('\n')).toMatch(/--code[\s\S]*--time-zone/);
      expect(await run(['category:create', '--name', 'Returns'], io(''))).toBe(0);
      expect(await run(['user:create', '--email', 'ana@example.com', '--name', 'Ana Ruiz', '--role', 'coordinator', '--region', 'NORD'], io('a-long-password'))).toBe(0);
      expect(await run(['user:create', '--email', 'bo@example.com', '--name', 'Bo', '--role', 'COORDINATOR'], io('short'))).toBe(1);
      expect(errors.at(-1)).toMatch(/--password: The password needs at least 10 characters/);
      expect(await run(['user:create', '--email', 'bo@example.com', '--name', 'Bo', '--role', 'COORDINATOR', '--region', 'NOPE'], io('a-long-password'))).toBe(1);
      expect(errors.at(-1)).toMatch(/--region: This region does not exist/);
      expect(await run(['user:create', '--bogus'], io(''))).toBe(1);
      expect(await run(['frobnicate'], io(''))).toBe(1);
    } finally {
      err.mockRestore();
      log.mockRestore();
    }
    const { app } = await buildApp(loadConfig(env), { logger: false });
    try {
      const c = await new Client(app).signIn('ana@example.com', 'a-long-password');
      expect((await c.ok(`{ viewer { name roles region { code name } } categories { name } }`))).toEqual({
        viewer: { name: 'Ana Ruiz', roles: ['COORDINATOR'], region: { code: 'NORD', name: 'Nordics' } },
        categories: [{ name: 'Returns' }],
      });
    } finally {
      await app.close();
    }
  });
});
