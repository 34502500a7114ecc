import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from '../fast-check.js';
import { extract, ExtractError } from '../../src/extract/index.js';
import type { Article } from '../../src/types.js';

function tryExtract(content: string, format: 'html' | 'text'): Article | undefined {
  try {
    return extract({ id: 'p', origin: 'p', format, content, contentHash: 'x' });
  } catch (err) {
    assert.ok(err instanceof ExtractError, `unexpected ${(err as Error)?.name}: ${(err as Error)?.message}`);
    return undefined;
  }
}

const WORDS = ['the', 'council', 'said', 'on', 'Tuesday,', 'that', 'rain', 'fell.', 'Home', 'Share', 'Recent Posts', 'Source: AP', '5 hours ago', '“quoted”', 'Ünïcödé', '北京', 'и'];
const line = fc.array(fc.constantFrom(...WORDS), { maxLength: 40 }).map((w) => w.join(' '));
const scrape = fc.array(fc.oneof(line, fc.constant(''), fc.string()), { maxLength: 30 }).map((ls) => ls.join('\n'));

const TAGS = ['<p>', '</p>', '<div class="content">', '<div class="share">', '</div>', '<a href="/x">', '</a>', '<br>', '<br/>', '<script>', '</script>', '<!--', '-->', '&amp;', '&#x41;', '<h2>', '</h2>', '<ul><li>', '</li></ul>', '<table><tr><td>', '</td></tr></table>', '<meta charset="utf-8">', '<title>', '</title>', '<script type="application/ld+json">{"@type":"NewsArticle","headline":"H"', '"}</script>'];
const html = fc.array(fc.oneof(fc.constantFrom(...TAGS), line, fc.string()), { maxLength: 60 }).map((p) => p.join(''));

test('property: scraped text never throws anything but ExtractError, and the body comes from the input', () => {
  fc.assert(
    fc.property(scrape, (content) => {
      const a = tryExtract(content, 'text');
      if (!a) return;
      const flat = content.replace(/\s+/g, ' ');
      for (const p of a.paragraphs) {
        assert.ok(p.length > 0 && p === p.trim());
        assert.ok(flat.includes(p), `paragraph not in input: ${p}`);
      }
      assert.equal(a.text, a.paragraphs.join('\n\n'));
    }),
    { numRuns: 300 },
  );
});

test('property: arbitrary markup never throws anything but ExtractError; paragraphs are clean', () => {
  fc.assert(
    fc.property(html, (content) => {
      const a = tryExtract(content, 'html');
      if (!a) return;
      assert.ok(a.paragraphs.length > 0);
      for (const p of a.paragraphs) {
        assert.ok(p.length > 0 && p === p.trim());
        // A page without a body is its title, and a <title> holds text, whatever it looks like ("<title><p>&#x41;" is the title "<p>A").
        assert.ok(!/<\/?(?:p|div|script)\b/.test(p) || content.includes(p.slice(0, 20)) || p === a.title, `markup leaked: ${p}`);
      }
      for (const h of a.headings ?? []) assert.ok(h >= 0 && h < a.paragraphs.length);
    }),
    { numRuns: 300 },
  );
});

test('property: arbitrary strings of any kind never crash extraction', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 500 }), fc.constantFrom('html' as const, 'text' as const), (content, format) => {
      tryExtract(content, format);
    }),
    { numRuns: 300 },
  );
});

test('deeply nested markup does not overflow the stack', () => {
  const deep = `${'<div>'.repeat(20000)}<p>${'A sentence of the article that is long enough to count, with commas, and more. '.repeat(5)}</p>${'</div>'.repeat(20000)}`;
  const a = tryExtract(deep, 'html');
  assert.ok(a && a.text.includes('A sentence of the article'));
});
