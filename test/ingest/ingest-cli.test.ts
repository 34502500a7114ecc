import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { StorySummary } from '../../src/types.js';
import { runCli } from './cli.js';
import { startNewsSite, type NewsSite } from './server.js';

let site: NewsSite;
const dir = mkdtempSync(path.join(os.tmpdir(), 'newsfuse-ingest-'));
before(async () => {
  site = await startNewsSite();
});
after(async () => {
  await site.close();
  rmSync(dir, { recursive: true, force: true });
});

test('a feed URL: items fetched and stored, then not modified (ETag) on the next poll', async () => {
  const db = path.join(dir, 'feed.db');
  const first = await runCli(['ingest', `${site.base}/feed`, '--db', db, '--allow-private', '--host-interval', '0']);
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stderr, /ingest: 2 new, 0 duplicate, 0 failed/);
  const second = await runCli(['ingest', `${site.base}/feed`, '--db', db, '--allow-private', '--host-interval', '0']);
  assert.equal(second.code, 0, second.stderr);
  assert.match(second.stderr, /ingest: 0 new/);
  assert.equal(site.requests.filter((r) => r.path === '/feed').at(-1)?.ifNoneMatch, '"v1"', 'conditional request');
  const stories = await runCli(['stories', '--db', db, '--format', 'json']);
  assert.equal(stories.code, 0);
  const list = JSON.parse(stories.stdout) as StorySummary[];
  assert.equal(list.reduce((n, s) => n + s.articles, 0), 2);
  for (const s of list) assert.equal(typeof s.claims.singleSource, 'number');
  const table = await runCli(['stories', '--db', db]);
  assert.match(table.stdout, /^story\s+articles/);
});

test('private addresses are refused without --allow-private', async () => {
  const r = await runCli(['ingest', `${site.base}/a1`, '--db', path.join(dir, 'refused.db')]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /refused: 127\.0\.0\.1 resolves to the non-public address/);
});

test('corrupt, truncated, oversized and non-feed inputs are reported and skipped; the rest is stored', async () => {
  const f = (name: string): string => path.join('test/fixtures/ingest', name);
  const r = await runCli([
    'ingest', f('truncated.html.gz'), f('broken.warc'), f('not-a-feed.xml'), f('news.warc.gz'), f('feed.rss'),
    `${site.base}/big`, `${site.base}/image`,
    '--db', path.join(dir, 'mixed.db'), '--allow-private', '--max-bytes', '65536', '--host-interval', '0',
  ]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /truncated\.html\.gz: corrupt or truncated gzip/);
  assert.match(r.stderr, /broken\.warc#2: record is truncated \(291 of 774 bytes; the archive ends\)/);
  assert.match(r.stderr, /not-a-feed\.xml: not a feed: not XML/);
  assert.match(r.stderr, /\/big: too large/);
  assert.match(r.stderr, /\/image: not a page \(image\/png\)/);
  // broken.warc's first record and news.warc.gz's bridge page are the same bytes: stored once.
  const summary = r.stderr.match(/ingest: (\d+) new, (\d+) duplicate, (\d+) failed/);
  assert.ok(summary, r.stderr);
  assert.equal(Number(summary[2]), 1);
  assert.ok(Number(summary[1]) >= 2, r.stderr);
});

test('--watch polls again until interrupted', async () => {
  const db = path.join(dir, 'watch.db');
  const before = site.requests.filter((q) => q.path === '/feed').length;
  const r = await runCli(['ingest', `${site.base}/feed`, '--db', db, '--allow-private', '--watch', '200ms', '--host-interval', '0'], {
    signalAfter: async () => {
      for (let i = 0; i < 600 && site.requests.filter((q) => q.path === '/feed').length < before + 3; i++) await new Promise((res) => setTimeout(res, 100));
    },
  });
  assert.equal(r.code, 0, r.stderr);
  const polls = site.requests.filter((q) => q.path === '/feed').slice(before);
  assert.ok(polls.length >= 3);
  assert.ok(polls.slice(1).every((p) => p.ifNoneMatch === '"v1"'));
  assert.equal((r.stderr.match(/ingest: /g) ?? []).length >= 3, true);
});

test('--threads takes a whole number from 0 to 4; anything else is a usage error', async () => {
  const db = path.join(dir, 'threads.db');
  const bad = await runCli(['ingest', 'examples/vostochny', '--db', db, '--threads', 'many']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--threads must be a whole number from 0 to 4/);
  const none = await runCli(['ingest', 'examples/vostochny', '--db', db, '--threads', '0']);
  assert.equal(none.code, 0, none.stderr);
  assert.match(none.stderr, /ingest: 5 new, 0 duplicate, 0 failed/);
});
