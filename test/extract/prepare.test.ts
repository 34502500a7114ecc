import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { extract, ExtractError, extractPrepared, prepareInput } from '../../src/extract/index.js';
import { stripRawText } from '../../src/extract/html/strip.js';

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
