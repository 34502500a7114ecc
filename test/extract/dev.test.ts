import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { SHARED_DATA } from '../../bench/lib.js';
import { extract } from '../../src/extract/index.js';
import { decodeBytes } from '../../src/ingest/decode.js';

const DEV = path.join(SHARED_DATA, 'extraction-dev');
const DAY_MS = 86_400_000;
const skip = existsSync(DEV) ? false : 'needs ../shared/data/extraction-dev';

/** Titles and dates checked by hand against what each page shows (h1, og:title, JSON-LD, URL): the date as the page shows it, in its own time zone. */
const PINNED = JSON.parse(readFileSync('test/fixtures/extract/dev-meta.json', 'utf8')) as Record<string, { title?: string; date?: string }>;

test('dev pages: hand-checked titles and publication dates', { skip }, () => {
  const truth = JSON.parse(readFileSync(path.join(DEV, 'ground-truth.json'), 'utf8')) as Record<string, { url: string }>;
  for (const [id, want] of Object.entries(PINNED)) {
    const html = decodeBytes(gunzipSync(readFileSync(path.join(DEV, 'html', `${id}.html.gz`))), { format: 'html' });
    const a = extract({ id, origin: id, format: 'html', content: html, url: truth[id]?.url, contentHash: 'x' });
    if (want.title !== undefined) assert.equal(a.title, want.title, id);
    // publishedAt is UTC: the page's local date, or the day before or after it.
    if (want.date !== undefined) assert.ok(a.publishedAt !== undefined && Math.abs(Date.parse(a.publishedAt.slice(0, 10)) - Date.parse(want.date)) <= DAY_MS, `${id}: ${a.publishedAt} for ${want.date}`);
    assert.ok(a.paragraphs.length > 0, id);
  }
});
