import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AccessConfigError, accessPolicy, isLoopbackHost } from '../../src/server/index.js';
import { bearerMatches, hostHeaderName } from '../../src/server/access.js';
import { MemoryCatalog, fixtureBrief } from './memory-catalog.js';
import { call, messageOf, postJson, serve } from './helpers.js';

/** A token strong enough for the server to accept. */
const SECRET = 's3cret-token-91ac4f';

describe('access rules', () => {
  it('knows loopback addresses', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]']) assert.equal(isLoopbackHost(h), true, h);
    for (const h of ['0.0.0.0', '::', '192.168.1.5', 'example.com', '10.0.0.1']) assert.equal(isLoopbackHost(h), false, h);
  });

  it('refuses a non-loopback address without a token, with a message saying how to fix it', async () => {
    assert.throws(() => accessPolicy({ host: '0.0.0.0' }), (err: unknown) => err instanceof AccessConfigError && /--token/.test(err.message) && /NEWSFUSE_TOKEN/.test(err.message));
    await assert.rejects(serve(new MemoryCatalog([]), { host: '0.0.0.0' }), AccessConfigError);
    assert.deepEqual(accessPolicy({ host: '0.0.0.0', token: SECRET }), { token: SECRET, readsNeedToken: true, loopbackOnly: false });
    assert.equal(accessPolicy({ host: '0.0.0.0', token: SECRET, publicRead: true }).readsNeedToken, false);
    assert.equal(accessPolicy({ host: '127.0.0.1', token: SECRET }).readsNeedToken, false);
  });

  it('refuses a short, blank or repetitive token, saying why and how to make a good one', async () => {
    for (const [token, why] of [
      ['1', /1 characters; at least 16/],
      [' '.repeat(20), /spaces/],
      ['correct horse battery staple', /spaces/],
      ['aaaaaaaaaaaaaaaaaaaa', /only 1 distinct/],
      ['1234123412341234', /only 4 distinct/],
      ['short-token', /11 characters/],
    ] as const) {
      assert.throws(() => accessPolicy({ host: '0.0.0.0', token }), (err: unknown) => err instanceof AccessConfigError && why.test(err.message) && /openssl rand/.test(err.message), token);
      assert.throws(() => accessPolicy({ host: '127.0.0.1', token }), AccessConfigError, 'on loopback too: writes use it');
    }
    await assert.rejects(serve(new MemoryCatalog([]), { host: '0.0.0.0', token: '1' }), AccessConfigError);
  });

  it('compares Bearer tokens exactly', () => {
    assert.equal(bearerMatches('Bearer s3cret', 's3cret'), true);
    assert.equal(bearerMatches('bearer s3cret', 's3cret'), true);
    assert.equal(bearerMatches('Bearer s3cre', 's3cret'), false);
    assert.equal(bearerMatches('s3cret', 's3cret'), false);
    assert.equal(bearerMatches(undefined, 's3cret'), false);
  });

  it('reads host names from Host headers', () => {
    assert.equal(hostHeaderName('127.0.0.1:8080'), '127.0.0.1');
    assert.equal(hostHeaderName('[::1]:80'), '::1');
    assert.equal(hostHeaderName('localhost'), 'localhost');
    assert.equal(hostHeaderName(undefined), '');
  });
});

describe('token rules over HTTP', () => {
  const doc = { id: 'tok-1', text: 'A short report about a launch. It has two sentences.', title: 'Launch' };

  it('on loopback without a token: reads open, writes refused (403)', async () => {
    const srv = await serve(new MemoryCatalog([fixtureBrief()]));
    try {
      assert.equal((await call(`${srv.url}/api/stories`)).status, 200);
      const w = await postJson(`${srv.url}/api/documents`, doc);
      assert.equal(w.status, 403);
      assert.match(messageOf(w.body), /--token/);
    } finally {
      await srv.close();
    }
  });

  it('on loopback with a token: writes need it (401 without or wrong), reads stay open', async () => {
    const catalog = new MemoryCatalog([]);
    const srv = await serve(catalog, { token: SECRET });
    try {
      const missing = await postJson(`${srv.url}/api/documents`, doc);
      assert.equal(missing.status, 401);
      assert.equal(missing.headers.get('www-authenticate'), 'Bearer');
      assert.equal((await postJson(`${srv.url}/api/documents`, doc, 'wrong')).status, 401);
      assert.equal(catalog.ingested.length, 0);
      const ok = await postJson(`${srv.url}/api/documents`, doc, SECRET);
      assert.equal(ok.status, 200);
      assert.deepEqual((ok.body as { added: string[] }).added, ['tok-1']);
      assert.equal((await call(`${srv.url}/api/stories`)).status, 200);
    } finally {
      await srv.close();
    }
  });

  it('beyond loopback: reads need the token unless --public-read; pages and health stay open', async () => {
    const srv = await serve(new MemoryCatalog([fixtureBrief()]), { host: '0.0.0.0', token: SECRET });
    const base = `http://127.0.0.1:${srv.port}`;
    try {
      assert.equal((await call(`${base}/api/stories`)).status, 401);
      assert.equal((await call(`${base}/api/stories/s-vostochny`)).status, 401);
      assert.equal((await call(`${base}/api/stories`, { headers: { authorization: `Bearer ${SECRET}` } })).status, 200);
      assert.equal((await call(`${base}/healthz`)).status, 200);
      assert.equal((await call(`${base}/`)).status, 200);
    } finally {
      await srv.close();
    }
    const pub = await serve(new MemoryCatalog([fixtureBrief()]), { host: '0.0.0.0', token: SECRET, publicRead: true });
    const pubBase = `http://127.0.0.1:${pub.port}`;
    try {
      assert.equal((await call(`${pubBase}/api/stories`)).status, 200);
      assert.equal((await postJson(`${pubBase}/api/documents`, doc)).status, 401);
      assert.equal((await postJson(`${pubBase}/api/documents`, doc, SECRET)).status, 200);
    } finally {
      await pub.close();
    }
  });

  it('beyond loopback, no spelling of an API path reads without the token', async () => {
    const srv = await serve(new MemoryCatalog([fixtureBrief()]), { host: '0.0.0.0', token: SECRET });
    try {
      const { request } = await import('node:http');
      const status = (path: string) =>
        new Promise<number>((resolve, reject) => {
          const req = request({ host: '127.0.0.1', port: srv.port, path }, (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          });
          req.on('error', reject);
          req.end();
        });
      // Percent-encoded, doubled slashes, other case, trailing slash: the router may map them to a data route.
      for (const path of ['/%61pi/stories', '/api/%73tories', '/%61pi/stories/s-vostochny', '//api/stories', '/api//stories', '/API/stories', '/api/stories/', '/%61pi/events']) {
        const s = await status(path);
        assert.ok(s === 401 || s === 404, `${path} answered ${s}`);
      }
      assert.equal(await status('/%61pi/stories'), 401);
    } finally {
      await srv.close();
    }
  });

  it('on loopback, refuses foreign Host names (DNS rebinding)', async () => {
    const srv = await serve(new MemoryCatalog([fixtureBrief()]));
    try {
      const { request } = await import('node:http');
      const status = await new Promise<number>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: srv.port, path: '/api/stories', headers: { host: 'evil.example:8080' } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
      assert.equal(status, 421);
      assert.equal((await call(`http://localhost:${srv.port}/healthz`)).status, 200);
    } finally {
      await srv.close();
    }
  });
});
