import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../src/analyze/index.js';
import { consolidate } from '../../src/consolidate/index.js';
import type { AnalyzedArticle, QuoteMention } from '../../src/types.js';

/** Who said it, wherever English puts the speaker; made-up sentences, one form each. */

function analysed(id: string, text: string): AnalyzedArticle {
  return analyze({ id, title: 'Made-up report', language: 'en', text, paragraphs: text.split(/\n\n/) });
}

function quotes(text: string): QuoteMention[] {
  return analysed('a', text).quotes;
}

test('after the quote, through an apposition: "…," the mayor, Ann Lee, said.', () => {
  assert.deepEqual(quotes('“We are looking into it,” the mayor, Ann Lee, said.').map((q) => q.speakerText), ['Ann Lee']);
});

test('before the quote, with a colon or a verb: Ann Lee told reporters: “…”', () => {
  assert.deepEqual(quotes('The mayor, Ann Lee, told reporters: “We are looking into it.”').map((q) => q.speakerText), ['Ann Lee']);
  assert.deepEqual(quotes('Ann Lee wrote in a statement: “We are looking into it.”').map((q) => q.speakerText), ['Ann Lee']);
});

test('in the sentence before or after, when it speaks: "Mayor Ann Lee spoke to reporters. “…”"', () => {
  assert.deepEqual(quotes('Mayor Ann Lee spoke to reporters on Monday. “We are looking into it.”').map((q) => q.speakerText), ['Ann Lee']);
  assert.deepEqual(quotes('“We are looking into it.” That was how Mayor Ann Lee put it on Monday.').map((q) => q.speakerText), ['Ann Lee']);
  // A sentence that only names someone, without a word of speaking, gives no speaker.
  assert.deepEqual(quotes('Ann Lee arrived on Monday. “We are looking into it.”').map((q) => q.speaker), [undefined]);
});

test('written words belong to their writer: "He then wrote in the guest book, “…”" after a sentence about him', () => {
  const q = quotes('Kim Jong Un thanked Vladimir Putin for the invitation. He then wrote in the guest book, “The glory to Russia will be immortal”.');
  assert.deepEqual(q.map((x) => x.speaker), ['kim jong un']);
});

test('a place never speaks', () => {
  const q = quotes('The call came from Gaza City: “Everything burned down today.”');
  assert.deepEqual(q.map((x) => x.speaker), [undefined]);
});

test('variants of one short quote are one quote: “That’s why we came here” / “That’s why we have come here”', () => {
  const a = analysed('a', 'Putin replied, “That’s why we came here.”');
  const b = analysed('b', 'Putin answered, “That’s why we have come here.”');
  const c = analysed('c', 'Putin added, “We came here to talk about rockets.”');
  const brief = consolidate([a, b, c], { edges: [], groups: [a, b, c].map((x) => ({ id: x.article.id, members: [x.article.id] })) });
  const merged = brief.quotes.find((q) => q.sources.length === 2);
  assert.ok(merged, JSON.stringify(brief.quotes));
  assert.deepEqual(merged.sources.map((s) => s.source), ['a', 'b']);
  assert.equal(brief.quotes.length, 2, 'a quote that shares some of the words is another quote');
});
