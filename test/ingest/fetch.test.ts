import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { BlockedAddressError } from '../../src/ingest/address.js';
import { canonicalUrl, Fetcher, FetchError, HostRateLimiter, RobotsRefusal } from '../../src/ingest/fetch.js';
import { rulesOf } from '../../src/ingest/robots.js';
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

test('canonical URLs drop the common trackers and order the other parameters, leaving encodings alone when nothing changes', () => {
  assert.equal(canonicalUrl('https://news.example/a?b=2&a=1&fbclid=x&gclid=y&mc_cid=z&_ga=1&WT.mc_id=t&igshid=i&msclkid=m'), 'https://news.example/a?a=1&b=2');
  assert.equal(canonicalUrl('https://news.example:443/a?'), 'https://news.example/a');
  assert.equal(canonicalUrl('https://news.example/a?id=3&q=a%20b'), 'https://news.example/a?id=3&q=a%20b');
  assert.equal(canonicalUrl('https://news.example/a?cid=7&utm_medium=x'), 'https://news.example/a?cid=7', 'a content id stays');
});

/** A site whose robots.txt is given (or answers with a status). */
async function robotsSite(robots: { status: number; body?: string }): Promise<{ base: string; paths: string[]; close: () => Promise<void> }> {
  const http = await import('node:http');
  const paths: string[] = [];
  const server = http.createServer((req, res) => {
    paths.push(req.url ?? '');
    if (req.url === '/robots.txt') res.writeHead(robots.status, { 'content-type': 'text/plain' }).end(robots.body ?? '');
    else res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body><p>ok</p></body></html>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return { base, paths, close: () => new Promise<void>((r) => server.close(() => r())) };
}

test('robots.txt is read once per site and honoured: disallowed paths are refused, Crawl-delay spaces requests', async () => {
  const site = await robotsSite({ status: 200, body: 'User-agent: *\nDisallow: /private\nCrawl-delay: 0.3\n\nUser-agent: otherbot\nDisallow: /\n' });
  const f = new Fetcher({ allowPrivate: true, perHostIntervalMs: 0 });
  try {
    assert.equal((await f.fetch(`${site.base}/news/1`)).status, 200);
    assert.equal((await f.fetch(`${site.base}/news/2`)).status, 200);
    await assert.rejects(f.fetch(`${site.base}/private/x`), (err: unknown) => err instanceof RobotsRefusal && /robots\.txt/.test(err.message));
    assert.equal(site.paths.filter((p) => p === '/robots.txt').length, 1, 'read once');
    assert.ok(!site.paths.includes('/private/x'), 'the refused page was never asked for');
  } finally {
    await f.close();
    await site.close();
  }
  const ignoring = await robotsSite({ status: 200, body: 'User-agent: *\nDisallow: /\n' });
  const own = new Fetcher({ allowPrivate: true, perHostIntervalMs: 0, robots: false });
  try {
    assert.equal((await own.fetch(`${ignoring.base}/x`)).status, 200, 'robots: false for one\'s own sites');
  } finally {
    await own.close();
    await ignoring.close();
  }
});

test('robots rules: our group or *, Crawl-delay in ms and capped, failures forbid', () => {
  const rules = rulesOf('https://s.example/robots.txt', { status: 200, body: 'User-agent: newsfuse\nDisallow: /drafts\nCrawl-delay: 2\n\nUser-agent: *\nDisallow: /\n' });
  assert.equal(rules.allows('https://s.example/news/1'), true);
  assert.equal(rules.allows('https://s.example/drafts/1'), false);
  assert.equal(rules.delayMs, 2000);
  assert.equal(rulesOf('https://s.example/robots.txt', { status: 200, body: 'User-agent: *\nCrawl-delay: 86400\n' }).delayMs, 60_000);
  assert.equal(rulesOf('https://s.example/robots.txt', { status: 404, body: '' }).allows('https://s.example/x'), true);
  assert.equal(rulesOf('https://s.example/robots.txt', { failed: 'timed out' }).allows('https://s.example/x'), false);
});

test('a missing robots.txt allows everything; a site that cannot answer for it (5xx) is left alone', async () => {
  const missing = await robotsSite({ status: 404 });
  const broken = await robotsSite({ status: 503 });
  const f = new Fetcher({ allowPrivate: true, perHostIntervalMs: 0 });
  try {
    assert.equal((await f.fetch(`${missing.base}/a`)).status, 200);
    await assert.rejects(f.fetch(`${broken.base}/a`), (err: unknown) => err instanceof RobotsRefusal && /HTTP 503/.test(err.message));
    assert.ok(!broken.paths.includes('/a'));
  } finally {
    await f.close();
    await missing.close();
    await broken.close();
  }
});
