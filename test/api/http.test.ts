// The HTTP surface: health, the SPA with history fallback, GraphiQL only outside production,
// security headers, limits on abusive queries, and configuration that refuses bad values clearly.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { ConfigError, loadConfig } from '../../server/src/config.js';

let t: TestApp;
let prod: TestApp;
const web = mkdtempSync(join(tmpdir(), 'council-web-'));

beforeAll(async () => {
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>Council SPA</title>');
  writeFileSync(join(web, 'app.js'), 'console.log(1)');
  t = await startTestApp({ webDist: web });
  prod = await startTestApp({ webDist: web, env: { NODE_ENV: 'production' } });
});
afterAll(async () => {
  await t.close();
  await prod.close();
});

describe('http', () => {
  it('answers /healthz once migrated and the database answers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('serves the SPA, its files, and index.html for any page route', async () => {
    expect((await t.app.inject({ url: '/', headers: { accept: 'text/html' } })).body).toContain('Council SPA');
    expect((await t.app.inject({ url: '/app.js' })).body).toBe('console.log(1)');
    const deep = await t.app.inject({ url: '/issues/abc', headers: { accept: 'text/html,application/xhtml+xml' } });
    expect(deep.statusCode).toBe(200);
    expect(deep.body).toContain('Council SPA');
    expect((await t.app.inject({ url: '/missing.js', headers: { accept: '*/*' } })).statusCode).toBe(404);
    // A file added after start (a rebuilt SPA) is served without a restart.
    writeFileSync(join(web, 'late.js'), 'console.log(2)');
    expect((await t.app.inject({ url: '/late.js' })).body).toBe('console.log(2)');
  });

  it('offers GraphiQL outside production only', async () => {
    const dev = await t.app.inject({ url: '/graphql', headers: { accept: 'text/html' } });
    expect(dev.statusCode).toBe(200);
    expect(dev.body).toMatch(/graphiql/i);
    const live = await prod.app.inject({ url: '/graphql', headers: { accept: 'text/html' } });
    expect(live.body).not.toMatch(/graphiql/i);
  });

  it('sends security headers, and a strict script policy in production', async () => {
    const res = await prod.app.inject({ url: '/', headers: { accept: 'text/html' } });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(String(res.headers['content-security-policy'])).toContain("script-src 'self'");
  });

  it('refuses abusive queries (too many aliases, too deep)', async () => {
    const aliases = `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: viewer { id }`).join(' ')} }`;
    const res = await t.app.inject({ method: 'POST', url: '/graphql', payload: { query: aliases } });
    expect(JSON.stringify(res.json().errors)).toMatch(/alias/i);
    const nest = (n: number): string => (n === 0 ? 'id' : `mergedInto { ${nest(n - 1)} }`);
    const deep = `{ issues { edges { node { ${nest(17)} } } } }`;
    const res2 = await t.app.inject({ method: 'POST', url: '/graphql', payload: { query: deep } });
    expect(JSON.stringify(res2.json().errors)).toMatch(/depth/i);
  });
});

describe('config', () => {
  it('applies the documented defaults', () => {
    const dir = mkdtempSync(join(tmpdir(), 'council-cfg-'));
    const c = loadConfig({ DATA_DIR: dir });
    expect(c).toMatchObject({ port: 4000, host: '127.0.0.1', demo: true, production: false, database: { kind: 'sqlite', file: join(dir, 'council.sqlite') } });
    expect(c.sessionSecret).toHaveLength(64);
    expect(loadConfig({ DATA_DIR: dir }).sessionSecret).toBe(c.sessionSecret); // kept in DATA_DIR
    expect(loadConfig({ DATA_DIR: dir, DATABASE_URL: 'postgresql://u@h/db' }).database).toEqual({ kind: 'postgresql', url: 'postgresql://u@h/db' });
  });

  it('refuses bad values, naming each', () => {
    const dir = mkdtempSync(join(tmpdir(), 'council-cfg-'));
    expect(() => loadConfig({ DATA_DIR: dir, PORT: 'eighty' })).toThrow(ConfigError);
    let message = '';
    try {
      loadConfig({ DATA_DIR: dir, PORT: '99999', COUNCIL_DEMO: 'yes', DATABASE_URL: 'mysql://x' });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/PORT/);
    expect(message).toMatch(/COUNCIL_DEMO/);
    expect(message).toMatch(/DATABASE_URL/);
    expect(() => loadConfig({ DATA_DIR: dir, SESSION_SECRET: 'short' })).toThrow(/SESSION_SECRET/);
  });
});
