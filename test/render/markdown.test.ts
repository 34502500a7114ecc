import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from '../fast-check.js';
import type Token from 'markdown-it/lib/token.mjs';
import { escapeMarkdown, renderMarkdown } from '../../src/render/index.js';
import { disputeSides } from '../../src/render/common.js';
import { visibleLength } from '../../src/render/markdown.js';
import type { Brief } from '../../src/types.js';
import { loadBrief, markdownParser, markdownText, scramble, squash } from './helpers.js';

const SECTIONS = ['Summary', 'Corroborated', 'Disputed', 'Single-source', 'Quotes', 'Entities', 'Timeline', 'Sources'];
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

/** All tokens, inline children included. */
function tokens(md: string): Token[] {
  return markdownParser.parse(md, {}).flatMap((t) => [t, ...(t.children ?? [])]);
}

function headings(md: string): { level: string; text: string }[] {
  const all = markdownParser.parse(md, {});
  return all.flatMap((t, i) => (t.type === 'heading_open' ? [{ level: t.tag, text: (all[i + 1]?.children ?? []).map((c) => c.content).join('') }] : []));
}

/** Syntax our own Markdown never uses: if it shows up, article text created it. */
const FOREIGN = new Set(['em_open', 'strong_open', 'link_open', 'image', 'code_inline', 'code_block', 'fence', 'html_inline', 'html_block', 'blockquote_open', 'hr', 'table_open', 'ordered_list_open', 'lheading_open']);

function assertStructure(md: string, brief: Brief): void {
  const hs = headings(md);
  assert.equal(hs.filter((h) => h.level === 'h1').length, 1, 'one h1');
  assert.deepEqual(hs.filter((h) => h.level !== 'h1').map((h) => h.text), SECTIONS);
  // The one link we write ourselves: a source's http(s) URL as an autolink.
  const ownLink = (t: Token): boolean => t.type === 'link_open' && t.markup === 'autolink' && /^https?:\/\//.test(t.attrGet('href') ?? '');
  const foreign = tokens(md).filter((t) => FOREIGN.has(t.type) && !ownLink(t));
  assert.deepEqual(foreign.map((t) => t.type), []);
  const items = markdownParser.parse(md, {}).filter((t) => t.type === 'list_item_open').length;
  // a conflict is an item, and so is each distinct sentence of each of its sides
  const conflicts = brief.claims.reduce((n, c) => n + c.conflicts.reduce((m, k) => m + 1 + disputeSides(c, k).reduce((x, side) => x + side.sentences.length, 0), 0), 0);
  const variants = brief.quotes.reduce((n, q) => n + new Set(q.sources.map((s) => s.text)).size, 0);
  // one item per claim, conflict, source and timeline event; quotes and entity types add their own
  assert.ok(items >= brief.claims.length + conflicts + brief.sources.length + brief.timeline.length, `items ${items}`);
  assert.ok(items <= brief.claims.length + conflicts + brief.sources.length + brief.timeline.length + brief.quotes.length + variants + 4);
}

test('the fixture renders to the expected Markdown structure', () => {
  const brief = loadBrief();
  const md = renderMarkdown(brief);
  assertStructure(md, brief);
  assert.equal(headings(md)[0]?.text, brief.story.headline);
  assert.ok(md.endsWith('\n') && !md.endsWith('\n\n'));
});

test('a headline and texts with #, *, |, _, [, <, and newlines stay literal text', () => {
  const brief = loadBrief();
  const nasty = '# Breaking | *Putin* & _Kim_\n## meet [here](javascript:x) <b>now</b> `code`\n- not a list\n1. nor this\n> nor a quote\n===';
  brief.story.headline = nasty;
  brief.claims[0]!.text = nasty;
  brief.sources[0]!.title = nasty;
  brief.quotes[0]!.speaker = '*Vladimir* | Putin';
  brief.claims[5]!.conflicts[0]!.values[0]!.value = '| a | b |\n|---|---|';
  const md = renderMarkdown(brief);
  assertStructure(md, brief);
  assert.equal(headings(md)[0]?.text, squash(nasty));
  const rendered = markdownParser.render(md);
  assert.ok(rendered.includes(squash(nasty).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')));
  assert.doesNotMatch(rendered, /<(b|table|code)\b|<a href="(?!https:\/\/example.org\/krone)/);
});

test('property: escapeMarkdown output parses back to exactly its input, as one paragraph', () => {
  const unit = fc.constantFrom('#', '*', '_', '|', '[', ']', '(', ')', '<', '>', '`', '\\', '-', '+', '=', '1', '2', '.', '!', '&', ';', 'a', ' ', '\n', '\t', '~');
  fc.assert(
    fc.property(fc.string({ unit, minLength: 1 }), (text) => {
      const expected = squash(text);
      fc.pre(expected !== '');
      const parsed = markdownParser.parse(`- ${escapeMarkdown(text)}`, {});
      const inline = parsed.filter((t) => t.type === 'inline');
      assert.equal(inline.length, 1);
      const children = inline[0]!.children ?? [];
      assert.ok(children.every((c) => c.type === 'text' || c.type === 'softbreak'), children.map((c) => c.type).join());
      assert.equal(children.map((c) => c.content).join(''), expected);
    }),
    { numRuns: 300, seed: 7 },
  );
});

test('colour only when asked, and colour changes nothing but escape codes', () => {
  const brief = loadBrief();
  const plain = renderMarkdown(brief);
  const colored = renderMarkdown(brief, { color: true });
  assert.equal(plain.includes('\u001b'), false);
  assert.ok(colored.includes('\u001b[32m'), 'corroborated in green');
  assert.ok(colored.includes('\u001b[31m'), 'disputed in red');
  assert.equal(colored.replace(ANSI, ''), plain);
  // and where nothing is cited or said, colour adds nothing either
  brief.summary[0]!.sources = [];
  brief.quotes[0]!.speaker = '';
  assert.equal(renderMarkdown(brief, { color: true }).replace(ANSI, ''), renderMarkdown(brief));
  assert.ok(renderMarkdown(brief).includes('launch facility.\n') || renderMarkdown(brief).includes('launch facility.  \n'));
});

test('width wraps every line that has room to wrap, with and without colour', () => {
  const brief = loadBrief();
  const width = 60;
  const wrapped = renderMarkdown(brief, { width });
  for (const line of wrapped.split('\n')) {
    if (line.startsWith('# ')) continue; // a heading is never wrapped
    const words = line.trim().split(' ');
    if (words.length > 1) assert.ok(visibleLength(line) <= width, `too long: ${line}`);
  }
  assert.equal(renderMarkdown(brief, { width, color: true }).replace(ANSI, ''), wrapped);
  assert.equal(squash(wrapped), squash(renderMarkdown(brief)));
  assertStructure(wrapped, brief);
});

test('article text cannot send terminal control sequences or reorder the line', () => {
  const brief = loadBrief();
  brief.story.headline = 'Clear \u001b[2J screen \u009b31m and \u001b]8;;https://evil.example\u0007link\u001b]8;;\u0007';
  brief.claims[0]!.text = 'Reversed \u202eelttil a\u202c text \u2067isolate\u2069';
  for (const color of [false, true]) {
    const md = renderMarkdown(brief, { color });
    assert.equal(md.replace(ANSI, '').match(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/), null);
    const text = markdownText(md.replace(ANSI, ''));
    assert.ok(text.includes('Clear [2J screen 31m and ]8;;https://evil.examplelink]8;;'), text.slice(0, 120));
    assert.ok(text.includes('Reversed elttil a text isolate'));
  }
});

test('property: whatever the article text, the Markdown keeps its structure', () => {
  const unit = fc.constantFrom('#', '*', '_', '|', '[', ']', '(', ')', '<', '>', '`', '\\', '-', '+', '=', '1', '.', '!', '&', ':', 'a', ' ', '\n', '~', '\u001b');
  const text = fc.oneof(fc.string({ unit, maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 30 }));
  fc.assert(
    fc.property(fc.array(text, { minLength: 1, maxLength: 8 }), fc.constantFrom(undefined, 40), (strings, width) => {
      const brief = scramble(loadBrief(), strings);
      assertStructure(renderMarkdown(brief, { width }), brief);
    }),
    { numRuns: 60, seed: 11 },
  );
});
