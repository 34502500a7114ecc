import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from '../fast-check.js';
import { charClass, charWidth, LETTER, LOWER, NUMBER, UPPER } from '../../src/analyze/chars.js';
import { findDates } from '../../src/analyze/dates.js';
import { allMatches } from '../../src/analyze/matches.js';
import { NUMBER_PATTERN, numberMatches } from '../../src/analyze/numbers.js';
import { spelling } from '../../src/analyze/terms.js';

// The hand-written scanners must find exactly what the regular expressions they replace find.

test('charClass agrees with the Unicode property escapes on every BMP character and on astral ones', () => {
  const astral = [0x1d400, 0x1f600, 0x10400, 0x10428, 0x1d7ce, 0x20000];
  const codes = [...Array.from({ length: 0x10000 }, (_, c) => c).filter((c) => c < 0xd800 || c > 0xdfff), ...astral];
  for (const c of codes) {
    const ch = String.fromCodePoint(c);
    const want = (/\p{L}/u.test(ch) ? LETTER : 0) | (/\p{N}/u.test(ch) ? NUMBER : 0) | (/\p{Lu}/u.test(ch) ? UPPER : 0) | (/\p{Ll}/u.test(ch) ? LOWER : 0);
    assert.equal(charClass(ch, 0), want, `U+${c.toString(16)}`);
    assert.equal(charWidth(ch, 0), ch.length);
  }
  // A lone surrogate is no letter, as for a /u pattern.
  assert.equal(charClass('\ud835x', 0), 0);
  assert.equal(charClass('\udc00', 0), 0);
});

const numberPiece = fc.constantFrom('about', 'as many as', 'as  many\u00a0as', 'US$', 'us$', '$', '€', ' ', '\u00a0', '5', '10', '1,000', '2.5', 'ten', 'Ten', 'TWENTY-one', 'ſix', 'K', 'million', 'bn', 'm', 'km', 'per cent', '%', '-', '–', 'to', 'and', 'or', ',', '.', ':', '/', 'x', 'the', 'nearly', 'more than', 'up to', '\ud835\udc00', '日', 'é', 'th', '\n', 'seconds', 'nautical miles', 'old', 'at least', 'between', 'someone', 'often');

test('numberMatches finds what a scan with NUMBER_RE finds', () => {
  const key = (ms: RegExpExecArray[]): string => JSON.stringify(ms.map((m) => [m.index, m[0], m.groups]));
  fc.assert(
    fc.property(fc.array(fc.tuple(numberPiece, fc.boolean()), { maxLength: 12 }), (parts) => {
      const text = parts.map(([p, space]) => (space ? `${p} ` : p)).join('');
      assert.equal(key(numberMatches(text)), key([...text.matchAll(NUMBER_PATTERN as RegExp)]), JSON.stringify(text));
    }),
    { numRuns: 3000, seed: 7 },
  );
});

test('numberMatches finds what NUMBER_RE finds around number words in any case, long s and astral letters included', () => {
  // Fragments that start, end or nearly make number words, glued without spaces as often as not.
  const piece = fc.constantFrom('one', 'ONE', 'Ten', 'tEn', 'ſix', 'ſeven', 'Sixty', 'sixteen', 'fif', 'teen', 'zero', 'Zero', 'dozen', 'twelve', 'thirty', 'forty', 'fourteen', 'eight', 'nine', 'ninety', 'seven', 'three', '7', '42', '3.5', '1,200', 'o', 'e', 'n', 't', 's', 'ſ', 'K', 'x', 'é', 'İ', '\u0301', '\ud835\udc00', '\ud835', '\udc00', '日', '-', '.', ',', ':', '/', ' ', '\u00a0', '$', 'US$', 'about', 'more than', 'million', 'km', '%', 'old');
  const key = (ms: RegExpExecArray[]): string => JSON.stringify(ms.map((m) => [m.index, m[0], m.groups]));
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 16 }), (parts) => {
      const text = parts.join('');
      assert.equal(key(numberMatches(text)), key([...text.matchAll(NUMBER_PATTERN as RegExp)]), JSON.stringify(text));
    }),
    { numRuns: 5000, seed: 11 },
  );
});

test('allMatches gives what matchAll gives, empty matches and surrogate pairs included', () => {
  const patterns = [/\d+/g, /(?<w>\p{L}+)/gu, /a*/g, /(?:)/gu, /x*|\ud835/g, /\b(?:one|two)\b/gi];
  const key = (ms: RegExpExecArray[]): string => JSON.stringify(ms.map((m) => [m.index, [...m], m.groups]));
  fc.assert(
    fc.property(fc.array(fc.constantFrom('a', 'x', '1', '23', ' ', 'one', 'Two', '\ud835\udc00', '\ud835', '\udc00', 'é'), { maxLength: 10 }), fc.integer({ min: 0, max: patterns.length - 1 }), (parts, k) => {
      const text = parts.join('');
      const re = patterns[k]!;
      assert.equal(key(allMatches(re, text)), key([...text.matchAll(re)]), `${re} ${JSON.stringify(text)}`);
    }),
    { numRuns: 3000, seed: 5 },
  );
  assert.throws(() => allMatches(/a/, 'a'), TypeError);
});

test('dates: every kind is still found once its cheap pre-scans pass', () => {
  const pub = new Date(Date.UTC(2023, 8, 14));
  const found = (s: string): string[] => findDates(s, 0, 0, pub).map((d) => `${d.text}=${d.iso ?? ''}`);
  assert.deepEqual(found('They met on Sept. 13, 2023 in the east.'), ['Sept. 13, 2023=2023-09-13']);
  assert.deepEqual(found('It was founded in 1948 and renamed in March 1991.'), ['in 1948=1948', 'March 1991=1991-03']);
  assert.deepEqual(found('He left early Tuesday, came back yesterday and goes next year.'), ['early Tuesday=2023-09-12', 'yesterday=2023-09-13', 'next year=2024']);
  assert.deepEqual(found('Nothing here has a date at all.'), []);
});

test('spelling folds British forms as the suffix patterns did', () => {
  const reference = (w: string): string => {
    if (w.length > 5 && w.endsWith('our')) return `${w.slice(0, -3)}or`;
    if (w.length > 5 && w.endsWith('ours')) return `${w.slice(0, -4)}ors`;
    if (w.length > 4 && /[^aeiou]tre$/.test(w)) return `${w.slice(0, -3)}ter`;
    if (w.length > 5 && /ence$/.test(w) && /(?:def|off|lic|pret)ence$/.test(w)) return `${w.slice(0, -4)}ense`;
    if (w.length > 5 && /is(?:e|ed|es|ing|ation)$/.test(w)) return w.replace(/is(e|ed|es|ing|ation)$/, 'iz$1');
    if (w.length > 5 && w.endsWith('ogue')) return w.slice(0, -2);
    return w;
  };
  const parts = fc.constantFrom('a', 'e', 'o', 'u', 'i', 't', 'r', 'n', 'c', 'd', 'f', 'l', 'p', 's', 'z', 'g', 'tre', 'ence', 'ise', 'ised', 'ises', 'ising', 'isation', 'our', 'ours', 'ogue', 'def', 'off', 'lic', 'pret', 'é', '日');
  fc.assert(
    fc.property(fc.array(parts, { maxLength: 6 }), (p) => {
      const w = p.join('');
      assert.equal(spelling(w), reference(w), w);
    }),
    { numRuns: 3000, seed: 9 },
  );
  for (const w of ['centre', 'theatre', 'defence', 'licence', 'organise', 'organisation', 'analogue', 'colour', 'metre']) assert.equal(spelling(w), reference(w));
});
