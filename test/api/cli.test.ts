// `pnpm council`: an installation can start without the demo — regions, categories, people.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { run } from '../../server/src/cli/main.js';
import { buildApp } from '../../server/src/app.js';
import { loadConfig } from '../../server/src/config.js';
import { Client } from '../support/client.js';
import * as f from '../support/factories.js';
import { openOrm } from '../../server/src/db/orm.js';
import { supportIssue } from '../../server/src/modules/issues/issues.service.js';

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
      expect(errors.at(-1)).toMatch(/--password: The password needs at least 12 characters/);
      expect(await run(['user:create', '--email', 'bo@example.com', '--name', 'Bo', '--role', 'COORDINATOR'], io('password1234'))).toBe(1);
      expect(errors.at(-1)).toMatch(/--password: This password is too easy to guess/);
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

  it('check: exits 0 on a clean database, names a drift and exits 1, repairs it with --repair', async () => {
    const env = { DATA_DIR: mkdtempSync(join(tmpdir(), 'council-cli-')), LOG_LEVEL: 'silent', COUNCIL_DEMO: '0' };
    const io = { env, readPassword: async () => '' };
    const lines: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((m) => void lines.push(String(m)));
    const err = vi.spyOn(console, 'error').mockImplementation((m) => void lines.push(String(m)));
    const output = async (argv: string[]) => {
      lines.length = 0;
      const code = await run(argv, io);
      return { code, text: lines.join('\n') };
    };
    try {
      expect(await run(['region:create', '--code', 'NORD', '--name', 'Nordics'], io)).toBe(0);
      const { orm } = await openOrm(loadConfig(env).database);
      let issueId: string;
      try {
        const em = orm.em.fork();
        const [home, away] = [await f.region(em), await f.region(em)];
        const issue = await f.issue(em, await f.user(em, { region: home }));
        await supportIssue(em, await f.user(em, { region: away }), issue.id);
        issueId = issue.id;
        expect(await output(['check'])).toEqual({ code: 0, text: 'No drift: every denormalized value agrees with its rows.' });
        await orm.em.getConnection().execute('update issue set support_count = 7 where id = ?', [issueId]);
      } finally {
        await orm.close();
      }
      const found = await output(['check']);
      expect(found.code).toBe(1);
      expect(found.text).toContain(`Issue ${issueId} supportCount: 7 → 1`);
      expect(found.text).toMatch(/1 drift found/);
      const repaired = await output(['check', '--repair']);
      expect(repaired).toEqual({ code: 0, text: `Issue ${issueId} supportCount: 7 → 1\nRepaired 1 of 1 drift in one transaction.` });
      expect(await output(['check'])).toMatchObject({ code: 0 });
      expect((await output(['help'])).text).toMatch(/check --repair/);
    } finally {
      log.mockRestore();
      err.mockRestore();
    }
  });
});
