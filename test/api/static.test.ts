// The built web app as the server sends it: a hashed asset under /assets as its brotli or gzip copy
// (whichever the browser accepts, written at build time), cached for a year as immutable;
// index.html revalidated on every load, also when it answers a path of the app (history fallback),
// naming the language of the person signed in.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { User } from '../../server/src/modules/people/people.entity.js';
import * as f from '../support/factories.js';

let t: TestApp;
const web = mkdtempSync(join(tmpdir(), 'council-web-'));
const script = `export const rows = ${JSON.stringify(Array.from({ length: 200 }, (_, i) => `row ${i}`))};\n`;
const page = '<!doctype html><html><title>Council</title><script type="module" src="/assets/index-Ab12Cd34.js"></script>';

beforeAll(async () => {
  mkdirSync(join(web, 'assets'));
  writeFileSync(join(web, 'index.html'), page);
  writeFileSync(join(web, 'index.html.br'), brotliCompressSync(page));
  writeFileSync(join(web, 'assets/index-Ab12Cd34.js'), script);
  writeFileSync(join(web, 'assets/index-Ab12Cd34.js.br'), brotliCompressSync(script));
  writeFileSync(join(web, 'assets/index-Ab12Cd34.js.gz'), gzipSync(script));
  // A file the build did not compress (too small): sent as it is.
  writeFileSync(join(web, 'assets/tiny-Ef56Gh78.js'), 'export {};\n');
  t = await startTestApp({ webDist: web, env: { NODE_ENV: 'production' } });
});
afterAll(async () => {
  await t.close();
});

const IMMUTABLE = 'public, max-age=31536000, immutable';

describe('static files', () => {
  it('sends an asset as brotli to a browser that accepts it, immutable for a year', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/assets/index-Ab12Cd34.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(script);
  });

  it('sends gzip to a browser without brotli, and the file itself to one that accepts neither', async () => {
    const gz = await t.app.inject({ method: 'GET', url: '/assets/index-Ab12Cd34.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['cache-control']).toBe(IMMUTABLE);
    expect(gunzipSync(gz.rawPayload).toString()).toBe(script);

    const plain = await t.app.inject({ method: 'GET', url: '/assets/index-Ab12Cd34.js', headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['cache-control']).toBe(IMMUTABLE);
    expect(plain.body).toBe(script);
  });

  it('sends an asset without a compressed copy as it is, still immutable', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/assets/tiny-Ef56Gh78.js', headers: { 'accept-encoding': 'br, gzip' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
    expect(res.body).toBe('export {};\n');
  });

  it('revalidates index.html at / and for a path of the app', async () => {
    for (const url of ['/', '/index.html', '/issues/some-id']) {
      const res = await t.app.inject({ method: 'GET', url, headers: { accept: 'text/html', 'accept-encoding': 'br' } });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.headers['content-type'], url).toMatch(/text\/html/);
      const body = res.headers['content-encoding'] === 'br' ? brotliDecompressSync(res.rawPayload).toString() : res.body;
      expect(body, url).toBe(page);
    }
  });

  it("names the signed-in person's saved language on the page, whatever the browser asks for", async () => {
    const em = t.orm.em.fork();
    const anna = await f.user(em, { email: 'anna@council.test', locale: 'de' });
    const token = await t.orm.em.fork().transactional(async (tx) => t.services.auth.openSession(tx, tx.getReference(User, anna.id)).token);
    const get = (url: string, cookie?: string) => t.app.inject({ method: 'GET', url, headers: { accept: 'text/html', 'accept-language': 'en-US', ...(cookie && { cookie }) } });
    // Not signed in, or with a session that is not one: the page as built.
    expect((await get('/issues')).body).toBe(page);
    expect((await get('/issues', 'council_session=forged')).body).toBe(page);
    for (const url of ['/', '/issues', '/issues?sort=newest']) {
      const res = await get(url, `council_session=${token}`);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.body, url).toBe(page.replace('<html>', '<html lang="de" data-locale="de">'));
    }
  });

  it('answers a missing asset 404, not with the app', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/assets/gone-Zz99.js', headers: { accept: '*/*', 'accept-encoding': 'br' } });
    expect(res.statusCode).toBe(404);
  });
});
