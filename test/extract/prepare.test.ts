import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import fc from '../fast-check.js';
import { extract, ExtractError, extractPrepared, prepareInput } from '../../src/extract/index.js';
import { stripRawText } from '../../src/extract/html/strip.js';
import { preparePage } from '../../src/extract/prepare.js';
import { isProblem } from '../../src/ingest/document.js';
import { readEach } from '../../src/ingest/files.js';

test('a page prepared apart (checks done, raw-text bodies stripped) extracts to the same article as the page itself', () => {
  const html = readFileSync('test/fixtures/extract/article-furniture.html', 'utf8');
  const raw = { id: 'a', format: 'html' as const, content: html, url: 'https://example.com/a', publishedAt: '2024-03-05T10:00:00Z' };
  const prepared = prepareInput(raw);
  assert.equal(prepared.body, stripRawText(html));
  assert.ok(!('content' in prepared), 'the whole page is not carried along');
  assert.equal(prepared.url, raw.url);
  // A structured clone (what a thread receives) extracts the same.
  assert.deepEqual(extractPrepared(structuredClone(prepared)), extract(raw));
  const text = { id: 't', format: 'text' as const, content: 'A flood reached the town.\n\nRivers rose overnight across the valley.' };
  assert.equal(prepareInput(text).body, text.content);
  assert.deepEqual(extractPrepared(prepareInput(text)), extract(text));
});

test('a document extraction refuses is refused by the prepared path with the same message, and misuse still throws at once', () => {
  for (const content of [' \n\t ', `${'\u0001'.repeat(100)}text`]) {
    const raw = { id: 'x', format: 'html' as const, content };
    const prepared = prepareInput(raw);
    assert.equal(prepared.body, '');
    assert.ok(prepared.refused);
    assert.throws(() => extractPrepared(prepared), (e: unknown) => e instanceof ExtractError && e.message === prepared.refused);
    assert.throws(() => extract(raw), (e: unknown) => e instanceof ExtractError && e.message === prepared.refused);
  }
  assert.throws(() => prepareInput({ id: 'x', format: 'html', content: 42 } as never), TypeError);
});

test('a document is refused as binary when more than 2 % of its first 2048 characters are controls (not tab, line or form feed, carriage return) or U+FFFD', () => {
  const share = (content: string): number => {
    const n = Math.min(content.length, 2048);
    let junk = 0;
    for (let i = 0; i < n; i++) {
      const c = content.charCodeAt(i);
      if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) junk++;
    }
    return n === 0 ? 0 : junk / n;
  };
  const chars = fc.oneof(fc.constantFrom('\u0000', '\u0008', '\t', '\n', '\u000b', '\f', '\r', '\u001f', '\ufffd', ' '), fc.string({ minLength: 1, maxLength: 3 }));
  fc.assert(
    fc.property(fc.array(chars, { maxLength: 120 }), fc.nat(2100), (parts, pad) => {
      const content = `${'x'.repeat(pad)}${parts.join('')}`;
      if (content.trim() === '') return;
      const prepared = prepareInput({ id: 'p', format: 'text', content });
      assert.equal(prepared.refused === 'binary or undecodable content', share(content) > 0.02);
    }),
  );
});

test('a page or text file read with preparePage is what articleDocument and prepareInput make of it, less the content hash', async () => {
  const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
  const page = '<html><head><script>var s = "é";</script><title>Für alle — heute</title></head><body><!-- Ünïcode --><p>Der Bürgermeister sagte am Montag, die Stadt baue 2024 neue Straßen. 😀</p></body></html>';
  const dir = mkdtempSync(path.join(os.tmpdir(), 'newsfuse-prepare-'));
  try {
    const files: Record<string, string | Buffer> = {
      'page.html': readFileSync('test/fixtures/extract/article-furniture.html'),
      'cp1251.html': readFileSync('test/fixtures/extract/cp1251.html'),
      'sjis.html': readFileSync('test/fixtures/extract/sjis.html'),
      'page.html.gz': gzipSync(readFileSync('test/fixtures/extract/og-dates.html')),
      'notes.txt': 'A flood reached the town.\n\nRivers rose overnight across the valley.',
      'blank.html': ' \n\t ',
      'binary.txt': `${'\u0001'.repeat(100)}text`,
      'rows.jsonl': `${JSON.stringify({ id: 'row', html: '<p>A row of a JSONL file, read as before.</p>' })}\n`,
      // UTF-8 pages, stripped as bytes: byte-order marks (one, two, one after a comment), a page of no-break spaces,
      // one that opens with one, controls and U+FFFD enough to be binary, malformed bytes, a character cut at the end.
      'bom.html': Buffer.concat([BOM, Buffer.from(page)]),
      'bom2.html': Buffer.concat([BOM, BOM, Buffer.from(page)]),
      'comment-bom.html': Buffer.concat([Buffer.from('<!-- c -->'), BOM, Buffer.from(page)]),
      'nbsp.html': '\u00a0\u3000 \n',
      'nbsp-first.html': `\u00a0${page}`,
      'controls.html': `<p>${'\u0001'.repeat(60)}${'\ufffd'.repeat(60)}</p>${page}`,
      'late-controls.html': `${page}${' '.repeat(5000)}${'\u0001'.repeat(500)}`,
      'malformed.html': Buffer.concat([Buffer.from('<meta charset="utf-8"><p>\u00e9'), Buffer.from([0xc3]), Buffer.from('<!-- x -->'), Buffer.from([0x80]), Buffer.from(page)]),
      'cut.html': Buffer.concat([Buffer.from(page), Buffer.from('\u00e9').subarray(0, 1)]),
    };
    for (const [name, data] of Object.entries(files)) writeFileSync(path.join(dir, name), data);
    const expected: unknown[] = [];
    for await (const item of readEach([dir])) {
      if (isProblem(item)) expected.push(item);
      else {
        const { contentHash, ...prepared } = prepareInput(item);
        expected.push(item.origin.endsWith('.jsonl:1') ? { ...prepared, contentHash } : prepared);
      }
    }
    const got: unknown[] = [];
    for await (const item of readEach([dir], {}, new Set(), preparePage)) got.push(isProblem(item) || !('content' in item) ? item : prepareInput(item));
    assert.equal(got.length, Object.keys(files).length);
    assert.deepEqual(got, expected);
    assert.ok(got.some((d) => typeof d === 'object' && d !== null && 'refused' in d), 'a refusal is among them');
    assert.ok(got.some((d) => typeof d === 'object' && d !== null && 'reason' in d), 'a problem is among them');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
