import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from '../fast-check.js';
import { MAX_ANALYSED_CHARS, analyze } from '../../src/analyze/index.js';

const piece = fc.constantFrom('Putin', 'Kim Jong-un', 'said', '“', '”', '"', '‘', '’', ',', '.', ';', ':', '40', 'almost', 'seconds', 'two', 'on Wednesday', 'in 1948', '42.7-metre', 'he', 'added', ' ', '\n', 'the', 'Ministry of Defence', '$5m', 'ten and eleven million', '?');
const paragraph = fc.array(piece, { minLength: 1, maxLength: 40 }).map((p) => p.join(' ').trim()).filter((p) => p.length > 0);

test('analyze never throws and its offsets always index the article text', () => {
  fc.assert(
    fc.property(fc.array(paragraph, { minLength: 1, maxLength: 5 }), (paragraphs) => {
      const a = analyze({ id: 'p', title: 't', language: 'en', text: paragraphs.join('\n\n'), paragraphs, publishedAt: '2023-09-13' });
      for (const s of a.sentences) {
        assert.equal(a.article.text.slice(s.start, s.end), s.text);
        assert.ok(s.paragraph >= 0 && s.paragraph < paragraphs.length);
      }
      for (const e of a.entities) assert.equal(a.article.text.slice(e.start, e.end), e.text);
      for (const q of a.quotes) assert.equal(a.article.text.slice(q.start, q.end), q.text);
      for (const n of a.numbers) assert.ok(Number.isFinite(n.value));
      for (const x of [...a.entities, ...a.numbers, ...a.dates, ...a.quotes]) assert.ok(x.sentence >= 0 && x.sentence < Math.max(1, a.sentences.length));
    }),
    { numRuns: 150, seed: 42 },
  );
});

test('a runaway text is read for claims up to MAX_ANALYSED_CHARS, and the analysis says how much it read', () => {
  const paragraph = 'The council met on Monday and approved the budget for the new bridge over the river.';
  const paragraphs = Array.from({ length: Math.ceil((MAX_ANALYSED_CHARS * 1.1) / paragraph.length) }, () => paragraph);
  const text = paragraphs.join('\n\n');
  const a = analyze({ id: 'big', title: 'Big', language: 'en', text, paragraphs });
  assert.ok(a.analysedChars !== undefined && a.analysedChars <= MAX_ANALYSED_CHARS && a.analysedChars > MAX_ANALYSED_CHARS * 0.9, String(a.analysedChars));
  assert.equal(a.article.text.length, text.length, 'the article keeps its whole text');
  assert.ok((a.sentences.at(-1)?.end ?? 0) <= MAX_ANALYSED_CHARS * 1.1);
  const small = analyze({ id: 's', title: 'S', language: 'en', text: paragraph, paragraphs: [paragraph] });
  assert.equal(small.analysedChars, undefined);
});
