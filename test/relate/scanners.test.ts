import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from '../fast-check.js';
import { hashString } from '../../src/relate/hash.js';
import { minhashSignature } from '../../src/relate/minhash.js';
import { distinctFeatures } from '../../src/relate/features.js';
import { buildProfile, KIND_WEIGHT, shingleHashes, unquotedTokens } from '../../src/relate/profile.js';
import { resolveSettings } from '../../src/relate/settings.js';
import { countWords, isStopWord, splitSentences, stem, words } from '../../src/relate/text.js';
import { fold } from '../../src/lang/index.js';
import { forEachWord } from '../../src/relate/vocabulary.js';
import type { AnalyzedArticle } from '../../src/types.js';

// The hand-written scanners and packed structures must give exactly what the plain code they replace gives.

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
function referenceWords(text: string): string[] {
  return [...text.toLowerCase().matchAll(WORD)].map(([w]) => (w.includes("'") || w.includes('’') ? w.replace(/['’]s$/u, '').replace(/['’]/gu, '') : w));
}

const tricky = fc.constantFrom('a', 'Z', 'İ', 'ß', "'", '’', 's', 'S', ' ', '1', '٣', 'Ⅻ', 'ǅ', 'Σ', 'σ', '\ud835\udc00', '\ud800', '\udc00', '😀', '-', '.', '\u0301', 'ﬁ', '日', '\u00a0', 'Å', 'the', 'Kim', '\n\n', '“', '”', '"', 'launched');
const trickyText = fc.array(tricky, { maxLength: 30 }).map((a) => a.join(''));

test('words, countWords and the vocabulary scan agree with the word pattern', () => {
  fc.assert(
    fc.property(trickyText, (text) => {
      const want = referenceWords(text);
      assert.deepEqual(words(text), want);
      for (const limit of [1, 3, 5]) assert.equal(countWords(text, limit), Math.min(want.length, limit));
      const seen: string[] = [];
      forEachWord(text.toLowerCase(), (w) => {
        seen.push(w.word);
        assert.equal(w.hash, hashString(w.word));
        assert.equal(w.content, w.word.length >= 3 && !isStopWord(w.word));
        assert.equal(w.term, w.content && !/^\d/.test(w.word) ? hashString(`t:${stem(fold(w.word))}`) : -1);
      });
      assert.deepEqual(seen, want);
    }),
    { numRuns: 2000, seed: 11 },
  );
});

test('splitSentences: the quick path gives what the split gives', () => {
  const reference = (t: string): string[] => t.split(/(?<=[.!?]["”’»]?)\s+(?=["“‘«]?[\p{Lu}\p{N}])/u).map((s) => s.trim()).filter((s) => s.length > 0);
  fc.assert(
    fc.property(fc.array(fc.constantFrom('It rained.', ' ', 'He said “Go.”', 'x', '!', '? ', 'A', '3 men', '\n', '»', ''), { maxLength: 12 }), (parts) => {
      const text = parts.join('');
      assert.deepEqual(splitSentences(text), reference(text));
    }),
    { numRuns: 1000, seed: 5 },
  );
});

test('minhash of a set equals minhash of its packed array', () => {
  const set = new Set(Array.from({ length: 300 }, (_, i) => hashString(`s${i}`)));
  assert.deepEqual(minhashSignature(set, 64), minhashSignature(Uint32Array.from(set), 64));
});

test('distinctFeatures keeps, per hash, the weightiest kind first seen, sorted; also past the packed limit', () => {
  const reference = (hashes: number[], kinds: number[]): [number[], number[]] => {
    const m = new Map<number, number>();
    hashes.forEach((h, i) => {
      const prev = m.get(h);
      if (prev === undefined || KIND_WEIGHT[kinds[i]!]! > KIND_WEIGHT[prev]!) m.set(h, kinds[i]!);
    });
    const sorted = [...m.keys()].sort((a, b) => a - b);
    return [sorted, sorted.map((h) => m.get(h)!)];
  };
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.constantFrom(0, 1, 0xffffffff, 0x80000000, 12345), fc.integer({ min: 0, max: 3 })), { maxLength: 40 }), (pairs) => {
      const got = distinctFeatures(pairs.map((p) => p[0]), pairs.map((p) => p[1]), KIND_WEIGHT);
      assert.deepEqual([Array.from(got.features), Array.from(got.kinds)], reference(pairs.map((p) => p[0]), pairs.map((p) => p[1])));
    }),
    { numRuns: 500, seed: 3 },
  );
  const n = 2 ** 18 + 5;
  const hashes = Array.from({ length: n }, (_, i) => hashString(`h${i % 1000}`));
  const kinds = Array.from({ length: n }, (_, i) => i % 4);
  const got = distinctFeatures(hashes, kinds, KIND_WEIGHT);
  assert.deepEqual([Array.from(got.features), Array.from(got.kinds)], reference(hashes, kinds));
});

function analyzed(paragraphs: string[]): AnalyzedArticle {
  const text = paragraphs.join('\n\n');
  return { article: { id: 'a', title: 't', language: 'en', text, paragraphs }, sentences: [], entities: [], numbers: [], dates: [], quotes: [] };
}

test('profiles: sentence words taken from the article stream equal those read from each sentence', () => {
  // A capital sigma anywhere makes buildProfile read every sentence's words from its own text.
  const body = [
    'The rocket “Angara” was launched from the cosmodrome, officials said on Wednesday.',
    'Kim’s delegation toured the site; the leaders’ talks lasted four hours, Peskov told reporters.',
    '"We will help them build satellites," Putin said. "That is why we came here."',
    'Exports of grain rose by 12.5 percent in the first half, the ministry reported.',
  ];
  const plain = buildProfile(analyzed(body), resolveSettings());
  const read = buildProfile(analyzed([...body, 'ΑΘΗΝΑΣ short']), resolveSettings());
  assert.deepEqual(read.sentences.texts.slice(0, plain.sentences.texts.length), plain.sentences.texts);
  const n = plain.sentences.offsets[plain.sentences.texts.length]!;
  assert.deepEqual(Array.from(read.sentences.features.slice(0, n)), Array.from(plain.sentences.features));
  assert.deepEqual(Array.from(read.sentences.kinds.slice(0, n)), Array.from(plain.sentences.kinds));
  // The shingle stream is the word stream of unquotedTokens.
  const tokens = unquotedTokens(analyzed(body).article.text);
  assert.equal(plain.shingleCount, shingleHashes(tokens, 5).size);
});
