import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { BlockedAddressError } from '../../src/ingest/address.js';
import { canonicalUrl, Fetcher, FetchError, HostRateLimiter } from '../../src/ingest/fetch.js';
import { startNewsSite, type NewsSite } from './server.js';

let site: NewsSite;
before(async () => {
  site = await startNewsSite();
});
after(async () => {
  await site.close();
});

test('fetches a page with a real User-Agent and follows redirects', async () => {
  const f = new Fetcher({ allowPrivate: true, perHostIntervalMs: 0 });
  try {
    const page = await f.fetch(`${site.base}/redirect`);
    assert.equal(page.url, `${site.base}/a1`);
    assert.equal(page.status, 200);
    assert.equal(page.contentType, 'text/html');
    assert.equal(page.charset, 'utf-8');
    assert.match(Buffer.from(page.body!).toString('utf8'), /tram line/);
    assert.match(site.requests.at(-1)?.userAgent ?? '', /^newsfuse\/\S+ \(/);
  } finally {
    await f.close();
  }
});

test('refuses loopback addresses unless allowed', async () => {
  const f = new Fetcher({ perHostIntervalMs: 0 });
  try {
    const before = site.requests.length;
    await assert.rejects(f.fetch(`${site.base}/a1`), BlockedAddressError);
    await assert.rejects(f.fetch(site.base.replace('127.0.0.1', 'localhost') + '/a1'), BlockedAddressError);
    assert.equal(site.requests.length, before, 'no request reached the server');
    await assert.rejects(f.fetch('file:///etc/passwd'), /unsupported scheme/);
  } finally {
    await f.close();
  }
});

test('a size cap and a timeout stop hostile pages', async () => {
  const f = new Fetcher({ allowPrivate: true, perHostIntervalMs: 0, maxBytes: 64 * 1024, timeoutMs: 400 });
  try {
    await assert.rejects(f.fetch(`${site.base}/big`), (err: unknown) => err instanceof FetchError && /too large/.test(err.message));
    await assert.rejects(f.fetch(`${site.base}/slow`), (err: unknown) => err instanceof FetchError && /timed out/.test(err.message));
    await assert.rejects(f.fetch(`${site.base}/missing`), /HTTP 404/);
  } finally {
    await f.close();
  }
});

test('conditional requests get 304 without a body', async () => {
  const f = new Fetcher({ allowPrivate: true, perHostIntervalMs: 0 });
  try {
    const first = await f.fetch(`${site.base}/feed`);
    assert.equal(first.etag, '"v1"');
    const again = await f.fetch(`${site.base}/feed`, { etag: first.etag });
    assert.equal(again.status, 304);
    assert.equal(again.body, undefined);
  } finally {
    await f.close();
  }
});

test('requests to one host are spaced by the rate limit', async () => {
  const limiter = new HostRateLimiter(120);
  const start = Date.now();
  await Promise.all([limiter.wait('a.example'), limiter.wait('a.example'), limiter.wait('a.example')]);
  assert.ok(Date.now() - start >= 230, 'third request waited two intervals');
  // Another host is not behind the first one's queue: it is first in its own.
  let bDone = false;
  const b = limiter.wait('b.example').then(() => (bDone = true));
  const a = limiter.wait('a.example').then(() => bDone);
  assert.equal(await a, true);
  await b;
});

test('canonical URLs drop fragments and tracking parameters', () => {
  assert.equal(canonicalUrl('https://Example.com/a?utm_source=x&id=3#top'), 'https://example.com/a?id=3');
  assert.equal(canonicalUrl('not a url'), 'not a url');
});
