// The HTTP surface: health, the SPA with history fallback, GraphiQL only outside production,
// introspection only for signed-in people in production, security headers, limits on abusive
// queries, and configuration that refuses bad values clearly.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { Client } from '../support/client.js';
import * as f from '../support/factories.js';
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
  it('answers /healthz once migrated and the database answers, with the scheduler role', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    // Each test app has its own database, so each one holds the scheduler lease.
    expect(res.json()).toEqual({ status: 'ok', scheduler: 'leader' });
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

  it('answers introspection in production only to signed-in people', async () => {
    const introspection = [
      '{ __schema { queryType { name } } }',
      '{ __type(name: "Issue") { name } }',
      '{ ...schema } fragment schema on Query { __schema { types { name } } }',
    ];
    const anonymous = new Client(prod.app);
    for (const query of introspection) expect(await anonymous.code(query), query).toBe('UNAUTHENTICATED');
    expect(await anonymous.ok('{ __typename viewer { id } }')).toEqual({ __typename: 'Query', viewer: null });
    const member = await new Client(prod.app).signIn((await f.user(prod.orm.em.fork())).email);
    for (const query of introspection) expect(await member.ok(query), query).toBeTruthy();
    // Outside production (GraphiQL's own schema requests) it answers everyone.
    expect((await new Client(t.app).ok<any>(introspection[0])).__schema.queryType.name).toBe('Query');
  });

  it('sends security headers, and a strict script policy in production', async () => {
    const res = await prod.app.inject({ url: '/', headers: { accept: 'text/html' } });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(String(res.headers['content-security-policy'])).toContain("script-src 'self'");
  });

  it('refuses abusive queries (too many aliases, too deep)', async () => {
    const aliases = `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: viewer { id }`).join(' ')} }`;
    const res = await t.app.inject({ method: 'POST', url: '/graphql', payload: { query: aliases } });
    expect(res.json().errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'ALIAS_LIMIT' });
    const nest = (n: number): string => (n === 0 ? 'id' : `mergedInto { ${nest(n - 1)} }`);
    const deep = `{ issues { edges { node { ${nest(17)} } } } }`;
    const res2 = await t.app.inject({ method: 'POST', url: '/graphql', payload: { query: deep } });
    expect(res2.json().errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'DEPTH_LIMIT' });
  });
});

describe('config', () => {
  it('applies the documented defaults', () => {
    const dir = mkdtempSync(join(tmpdir(), 'council-cfg-'));
    const c = loadConfig({ DATA_DIR: dir });
    expect(c).toMatchObject({ port: 4000, host: '127.0.0.1', demo: true, production: false, database: { kind: 'sqlite', file: join(dir, 'council.sqlite') } });
    expect(c.sessionSecret).toHaveLength(64);
    expect(loadConfig({ DATA_DIR: dir }).sessionSecret).toBe(c.sessionSecret); // kept in DATA_DIR
    expect(c.trustProxy).toBe(false);
    const pg = loadConfig({ DATA_DIR: dir, DATABASE_URL: 'postgresql://u@h/db', SESSION_SECRET: 's'.repeat(32) });
    expect(pg.database).toEqual({ kind: 'postgresql', url: 'postgresql://u@h/db' });
    expect(pg.sessionSecret).toBe('s'.repeat(32));
  });

  it('seeds the demo by default on SQLite only; on PostgreSQL only with COUNCIL_DEMO=1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'council-cfg-'));
    const pg = { DATA_DIR: dir, DATABASE_URL: 'postgresql://u@h/db', SESSION_SECRET: 's'.repeat(32) };
    expect(loadConfig({ DATA_DIR: dir }).demo).toBe(true);
    expect(loadConfig({ DATA_DIR: dir, COUNCIL_DEMO: '0' }).demo).toBe(false);
    expect(loadConfig(pg).demo).toBe(false);
    expect(loadConfig({ ...pg, COUNCIL_DEMO: '1' }).demo).toBe(true);
  });

  it('requires SESSION_SECRET with PostgreSQL, where instances must share it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'council-cfg-'));
    expect(() => loadConfig({ DATA_DIR: dir, DATABASE_URL: 'postgresql://u@h/db' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATA_DIR: dir, DATABASE_URL: 'postgresql://u@h/db' })).toThrow(/SESSION_SECRET: required with a PostgreSQL DATABASE_URL/);
    expect(existsSync(join(dir, 'session-secret'))).toBe(false); // nothing generated for one instance alone
  });

  it('takes TRUST_PROXY as a hop count or proxy addresses, never as "trust anyone"', () => {
    const dir = mkdtempSync(join(tmpdir(), 'council-cfg-'));
    const trust = (TRUST_PROXY: string) => loadConfig({ DATA_DIR: dir, TRUST_PROXY }).trustProxy;
    expect(trust('0')).toBe(false);
    expect(trust('1')).toBe(1);
    expect(trust('2')).toBe(2);
    expect(trust('10.0.0.5, 172.16.0.0/12,::1, loopback')).toEqual(['10.0.0.5', '172.16.0.0/12', '::1', 'loopback']);
    for (const bad of ['true', 'proxy.example.com', '10.0.0.0/33', '10.0.0.1/8/1', '-1']) {
      expect(() => trust(bad), bad).toThrow(/TRUST_PROXY/);
    }
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
    expect(() => loadConfig({ DATA_DIR: dir, REDIS_URL: 'localhost:6379' })).toThrow(/REDIS_URL/);
    expect(() => loadConfig({ DATA_DIR: dir, REDIS_PREFIX: 'two words' })).toThrow(/REDIS_PREFIX/);
    for (const host of ['bad host', 'host_name', '-lead.example.com', 'http://x']) expect(() => loadConfig({ DATA_DIR: dir, HOST: host }), host).toThrow(/HOST/);
    for (const host of ['127.0.0.1', '0.0.0.0', '::', '::1', 'localhost', 'council.internal']) expect(loadConfig({ DATA_DIR: dir, HOST: host }).host).toBe(host);
    expect(() => loadConfig({ DATA_DIR: join(dir, 'session-secret', 'below-a-file') })).toThrow(/DATA_DIR: cannot create .*not a directory \(ENOTDIR\)/);
  });
});
