import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BRIEF_CSS, groupLabels, renderHtml, renderHtmlFragment, renderJson, renderMarkdown, sourceNumbering } from '../../src/render/index.js';
import { letterLabel } from '../../src/render/common.js';
import type { Brief } from '../../src/types.js';
import { htmlText, loadBrief, validateBrief } from './helpers.js';

const EMPTY: Brief = {
  schemaVersion: 1,
  story: { id: 's', headline: '' },
  sources: [],
  summary: [],
  claims: [],
  quotes: [],
  entities: [],
  timeline: [],
};

test('an empty brief renders in every form and still validates', () => {
  assert.ok(validateBrief(JSON.parse(renderJson(EMPTY))).ok);
  const md = renderMarkdown(EMPTY);
  assert.match(md, /^# \(untitled story\)\n\n0 sources, 0 independent groups; claims: 0 corroborated, 0 single-source, 0 disputed\n$/);
  const html = renderHtml(EMPTY);
  assert.ok(htmlText(html).includes('0 sources, 0 independent groups'));
  assert.doesNotMatch(html, /<table/);
});

test('group labels run A..Z then AA, AB; numbering follows the sources list', () => {
  assert.deepEqual([0, 1, 25, 26, 27, 701, 702].map(letterLabel), ['A', 'B', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  const brief = loadBrief();
  assert.deepEqual([...groupLabels(brief).values()], ['A', 'B', 'C', 'D']);
  assert.equal(groupLabels(brief).get('000_059370087117cff7'), 'A');
  brief.sources.reverse();
  assert.equal(sourceNumbering(brief).get('004_2b244e8b02335e84'), 1);
  assert.equal(groupLabels(brief).get('004_2b244e8b02335e84'), 'A');
});

test('a citation of a source the list lacks stays visible instead of vanishing', () => {
  const brief = loadBrief();
  brief.claims[0]!.sources.push({ source: 'ghost-article', sentence: 'x' });
  assert.ok(renderMarkdown(brief).includes('[1][2][3][5][?ghost-article]'));
  assert.ok(htmlText(renderHtml(brief)).includes('[1][2][3][5][?ghost-article]'));
});

test('a single-source claim carried by copies shows its outlets; a lone one does not repeat "1 outlet"', () => {
  const brief = loadBrief();
  const claim = brief.claims.find((c) => c.id === 'c4')!;
  claim.sources.push({ source: '002_3e06153a3273df8a', sentence: 'copy' });
  claim.support = 2;
  const md = renderMarkdown(brief);
  assert.match(md, /“hegemonic forces”\. — 2 outlets, 1 independent \[2\]\[3\]/);
  assert.match(md, /last year\. \[5\]\n/);
});

test('dates: midnight UTC shows as a date, other times to the minute, anything else as given', () => {
  const brief = loadBrief();
  brief.sources[0]!.publishedAt = '2023-09-13T09:41:00+02:00';
  brief.sources[1]!.publishedAt = 'Wed, 13 Sep 2023';
  const md = renderMarkdown(brief);
  assert.ok(md.includes('- [1] The Daily Guardian · 2023-09-13 09:41 +02:00 — '));
  assert.ok(md.includes('- [2] outlet not named · Wed, 13 Sep 2023 — '));
});

test('the HTML fragment is the page body without the page around it', () => {
  const brief = loadBrief();
  const fragment = renderHtmlFragment(brief);
  assert.ok(renderHtml(brief).includes(`<main>\n${fragment}\n</main>`));
  assert.doesNotMatch(fragment, /<(html|head|style|meta)\b/);
  assert.ok(BRIEF_CSS.includes('.claim.disputed'));
});

test('a quote is never shown without sources, even when one source has two wordings or none uses the main one', () => {
  const brief = loadBrief();
  const peskov = brief.quotes[1]!;
  peskov.sources.push({ source: '004_2b244e8b02335e84', text: 'Cooperation in sensitive areas' });
  let md = renderMarkdown(brief);
  assert.ok(md.includes('disclosure and announcement” [1]\n'));
  assert.ok(md.includes('  - also: “Our countries are cooperating in sensitive areas that should not be made public.” [5]\n'));
  assert.ok(md.includes('  - also: “Cooperation in sensitive areas” [5]\n'));
  peskov.text = 'Our countries cooperate in sensitive areas';
  md = renderMarkdown(brief);
  assert.ok(md.includes('- Dmitry Peskov: “Our countries cooperate in sensitive areas” [1][5]\n'));
});

test('a huge matrix keeps every cross-checked row and drops single-source rows past its cell budget', () => {
  const base = loadBrief();
  const sources = Array.from({ length: 200 }, (_, i) => ({ ...base.sources[0]!, id: `s${i}`, group: `g${i}`, derivedFrom: [] }));
  const claims = Array.from({ length: 400 }, (_, i) => {
    const corroborated = i % 4 === 0;
    const ids = corroborated ? [`s${i % 200}`, `s${(i + 1) % 200}`] : [`s${i % 200}`];
    return {
      id: `c${i}`,
      text: `claim number ${i}`,
      sources: ids.map((source) => ({ source, sentence: `sentence ${i}` })),
      support: ids.length,
      independentSupport: ids.length,
      status: corroborated ? ('corroborated' as const) : ('single-source' as const),
      conflicts: [],
    };
  });
  const brief: Brief = { ...base, sources, claims, summary: [], quotes: [], entities: [], timeline: [] };
  const html = renderHtml(brief);
  const tbody = html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>'));
  const rows = tbody.match(/<tr class="([a-z-]+)"/g) ?? [];
  assert.equal(rows.length, 300); // 60 000 cells / 200 columns
  assert.equal(rows.filter((r) => r.includes('corroborated')).length, 100);
  assert.ok(htmlText(html).includes('100 claims (single-source first) left out'));
  // every claim is still listed with its citations
  for (const c of claims) assert.ok(html.includes(`</span> ${c.text} <`), c.id);
});
