import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from '../fast-check.js';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { accessPolicy } from '../../src/server/access.js';
import { openCatalog, type SqlCatalog } from '../../src/store/index.js';
import { seedDocuments } from '../store/suite.js';
import { Tally } from './tally.js';

/**
 * Hostile requests against every route of the API and the pages, over a real
 * store with the seeds in it: random methods, paths, percent-encodings,
 * queries, headers, content types and bodies. Every answer is an HTTP answer
 * below 500 (the store is healthy), and every error is the JSON error shape.
 */

const RUNS = Number(process.env.NEWSFUSE_FUZZ_RUNS ?? 300);
const TOKEN = 'fuzz-token-8e2d41c7';
let catalog: SqlCatalog;
let app: FastifyInstance;

before(async () => {
  catalog = await openCatalog(':memory:', { threads: 0 });
  await catalog.ingest(seedDocuments().slice(0, 2));
  app = buildApp({ catalog, access: accessPolicy({ host: '127.0.0.1', token: TOKEN }), assets: { js: Buffer.from(''), css: Buffer.from(''), version: 'x' } });
  await app.ready();
});
after(async () => {
  await app.close();
  await catalog.close();
});

const ROUTES = ['/', '/stories/', '/articles/', '/api/stories', '/api/stories/', '/api/articles/', '/api/search', '/api/revision', '/api/documents', '/openapi.json', '/healthz', '/assets/app.js', '/favicon.ico', '/api/', '/%61pi/stories', '//api//stories'];
const segment = fc.oneof(fc.string({ maxLength: 30 }).map(encodeURIComponent), fc.constantFrom('..', '%2e%2e', '%00', '%E0%A4%A', 'a'.repeat(700), '000_059370087117cff7', '\u202e', '%F0%9F%9A%A2'));
const query = fc.dictionary(fc.constantFrom('limit', 'offset', 'q', 'x', '__proto__'), fc.oneof(fc.string({ maxLength: 20 }), fc.integer().map(String), fc.constant('-1'), fc.constant('1e309')), { maxKeys: 3 });
const body = fc.oneof(
  fc.json({ maxDepth: 5 }),
  fc.constant(`{"id":"d","text":"x","deep":${'['.repeat(3000)}${']'.repeat(3000)}}`),
  fc.constant('{"__proto__":{"admin":true},"id":"p","text":"Proto pollution attempt. Two sentences."}'),
  fc.array(fc.record({ id: fc.string(), text: fc.option(fc.string()), title: fc.option(fc.string()), publishedAt: fc.option(fc.string()) }), { maxLength: 4 }).map((a) => JSON.stringify(a)),
  fc.string({ maxLength: 200 }),
);

test('fuzz: every route answers hostile requests with an HTTP answer below 500, errors in the JSON error shape', async (t) => {
  const tally = new Tally('api');
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'),
      fc.constantFrom(...ROUTES),
      fc.option(segment),
      query,
      fc.option(body),
      fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=utf-16', ''),
      fc.boolean(),
      async (method, route, seg, q, payload, type, authorised) => {
        const url = `${route}${seg ?? ''}${Object.keys(q).length > 0 ? `?${new URLSearchParams(q as Record<string, string>).toString()}` : ''}`;
        await tally.run(`${method} ${url}`, async () => {
          const headers: Record<string, string> = { host: '127.0.0.1' };
          if (type) headers['content-type'] = type;
          if (authorised) headers.authorization = `Bearer ${TOKEN}`;
          const res = await app.inject({ method: method as 'GET', url, headers, payload: payload ?? undefined });
          assert.ok(res.statusCode < 500, `${method} ${url} → ${res.statusCode} ${res.body.slice(0, 300)}`);
          if (res.statusCode >= 400 && method !== 'HEAD' && String(res.headers['content-type'] ?? '').includes('json')) {
            const err = JSON.parse(res.body) as { statusCode: number; error: string; message: string };
            assert.equal(err.statusCode, res.statusCode);
            assert.ok(typeof err.message === 'string' && err.message.length > 0);
          }
        });
      },
    ),
    { numRuns: RUNS * 2 },
  );
  assert.equal(({} as Record<string, unknown>).admin, undefined, 'no prototype pollution');
  tally.report(t);
});
