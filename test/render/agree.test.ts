import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findAll, textContent } from 'domutils';
import { renderHtml, renderMarkdown, sourceNumbering } from '../../src/render/index.js';
import { assertSameContent, elements, htmlText, loadBrief, markdownText, parseHtml, squash } from './helpers.js';

const brief = loadBrief();
const md = renderMarkdown(brief);
const html = renderHtml(brief);
const pageText = htmlText(html);
const numbering = sourceNumbering(brief);

test('sourceNumbering numbers sources 1..n in list order', () => {
  assert.deepEqual([...numbering.values()], brief.sources.map((_s, i) => i + 1));
  assert.equal(numbering.get('002_3e06153a3273df8a'), 3);
});

test('JSON, Markdown and HTML carry the same content', () => {
  assert.ok(assertSameContent(brief) > 25);
});

test('sections come in the same order in Markdown and HTML', () => {
  const expected = ['Summary', 'Corroborated', 'Disputed', 'Single-source', 'Quotes', 'Entities', 'Timeline', 'Sources'];
  const mdHeadings = md.split('\n').filter((l) => l.startsWith('## ')).map((l) => l.slice(3));
  assert.deepEqual(mdHeadings, expected);
  const htmlHeadings = elements(parseHtml(html), (el) => el.name === 'h2').map((el) => textContent(el));
  assert.deepEqual(htmlHeadings.filter((h) => expected.includes(h)), expected);
});

test('the overview counts sources, groups and claims by status', () => {
  const line = '5 sources, 4 independent groups; claims: 3 corroborated, 2 single-source, 1 disputed';
  assert.ok(md.includes(line));
  assert.ok(pageText.includes(line));
});

test('Markdown cites each claim with the numbers of its sources and its support', () => {
  for (const claim of brief.claims) {
    const markers = [...new Set(claim.sources.map((s) => numbering.get(s.source) as number))]
      .sort((a, b) => a - b)
      .map((n) => `[${n}]`)
      .join('');
    const line = md.split('\n').find((l) => markdownText(l).startsWith(`- ${claim.text}`));
    assert.ok(line, `no line for ${claim.id}`);
    assert.ok(line.endsWith(` ${markers}`), `${claim.id}: ${line}`);
    const support = `— ${claim.support} outlet${claim.support === 1 ? '' : 's'}, ${claim.independentSupport} independent`;
    assert.equal(line.includes(support), claim.status !== 'single-source' || claim.support > 1, `${claim.id}: ${line}`);
  }
});

test('HTML cites each claim with links to the same numbers, and each number anchors its source', () => {
  const doc = parseHtml(html);
  for (const claim of brief.claims) {
    const item = elements(doc, (el) => el.name === 'li' && (el.attribs.class ?? '').startsWith('claim ') && textContent(el).includes(claim.text))[0];
    assert.ok(item, `no item for ${claim.id}`);
    assert.equal(item.attribs.class, `claim ${claim.status}`);
    const direct = item.children.filter((c) => 'name' in c && c.name === 'a') as { attribs: Record<string, string> }[];
    const hrefs = direct.map((a) => a.attribs.href);
    const expected = [...new Set(claim.sources.map((s) => numbering.get(s.source)))].sort((a, b) => (a as number) - (b as number)).map((n) => `#source-${n}`);
    assert.deepEqual(hrefs, expected);
  }
  brief.sources.forEach((source, i) => {
    const anchor = elements(doc, (el) => el.attribs.id === `source-${i + 1}`)[0];
    assert.ok(anchor, `no anchor source-${i + 1}`);
    assert.ok(squash(textContent(anchor)).includes(squash(source.title)));
    assert.ok(md.split('\n').some((l) => l.startsWith(`- [${i + 1}] `) && l.includes(`— “${source.title}” —`)), `Markdown source line ${i + 1}`);
  });
});

test('groups get letters, and derivation is shown against the cited number', () => {
  assert.ok(md.includes('- [1] The Daily Guardian · 2023-09-13 — “Vladimir Putin Promises'), 'a source is named by outlet, date and headline');
  assert.ok(md.includes('- [2] outlet not named — “Putin Offers'), 'and says so when no outlet is known');
  assert.match(md, /\[1\][^\n]*group A/);
  assert.match(md, /\[3\][^\n]*group A\n {2}derived from \[1\] \(rewrite, 0\.82\)/);
  assert.match(md, /\[5\] Krone · 2023-09-13 14:05 UTC — “Meeting in Russia[^\n]*en · group D · credit: Krone · example\.org/);
  assert.ok(pageText.includes('derived from [1] (rewrite, 0.82)'));
});

test('a disputed claim shows each value with its sources, and each side its own sentence and outlet', () => {
  assert.match(md, /rocket:\*?\*? “Angara” \[1\]\[2\]\[3\]\[5\] vs “Soyuz-2” \[4\]/);
  assert.ok(md.includes('    - “Soyuz-2”: [4] “Vladimir Putin and Kim Jong : The leade…” — “After the meeting, both the leaders visited the Soyuz-2 space rocket launch center.”'));
  assert.ok(md.includes('    - “Angara”: [1] The Daily Guardian · 2023-09-13 — “Putin took Kim on a tour of the facility'));
  const doc = parseHtml(html);
  const values = elements(doc, (el) => el.name === 'dd' && (el.parent as { attribs?: Record<string, string> }).attribs?.class === 'conflicts');
  const lead = (dd: (typeof values)[number]) => squash(dd.children.filter((c) => !('name' in c) || c.name !== 'ul').map((c) => textContent(c)).join(''));
  assert.deepEqual(values.map(lead), ['Angara [1][2][3][5]', 'Soyuz-2 [4]']);
  const said = values.map((dd) => findAll((el) => el.name === 'li', dd.children).map((li) => squash(textContent(li))));
  assert.equal(said[0]?.length, 4, 'one line per distinct sentence on the Angara side');
  assert.deepEqual(said[1], ['After the meeting, both the leaders visited the Soyuz-2 space rocket launch center. — [4] “Vladimir Putin and Kim Jong : The leade…”']);
});

test('a revision reads "revised from X to Y"; a conflict without a kind reads as a contradiction', () => {
  const revised = loadBrief();
  const claim = revised.claims.find((c) => c.conflicts.length > 0)!;
  (claim.conflicts[0] as { kind?: string }).kind = 'revision';
  assert.match(renderMarkdown(revised), /rocket:\*?\*? revised from “Angara” \[1\]\[2\]\[3\]\[5\] to “Soyuz-2” \[4\]/);
  assert.ok(htmlText(renderHtml(revised)).includes('revised from Angara [1][2][3][5]'));
  assert.doesNotMatch(md, /revised from/);
});

test('quote variants keep their own wording and sources; punctuation-only differences merge', () => {
  assert.ok(md.includes('- Vladimir Putin: “The leader of the DPRK shows great interest in rocket engineering; they are also trying to develop space” [1][2]'));
  assert.ok(md.includes('  - also: “The leaders of the DPRK have a keen interest in rocket technology and are trying to make their mark in this field” [4]'));
  assert.ok(md.includes('- Joseph Dempsey: “Access to these supplies is likely to prolong the conflict, but is unlikely to change the outcome” [5]'));
});

test('the HTML matrix has a row per claim, columns grouped by independence group, and marks carriers', () => {
  const doc = parseHtml(html);
  const table = elements(doc, (el) => el.name === 'table')[0];
  assert.ok(table);
  const rows = elements(doc, (el) => el.name === 'tr' && el.parent?.type === 'tag' && (el.parent as { name: string }).name === 'tbody');
  assert.equal(rows.length, brief.claims.length);
  const groupHeads = elements(doc, (el) => el.name === 'th' && el.attribs.scope === 'colgroup').map((el) => [textContent(el), el.attribs.colspan]);
  assert.deepEqual(groupHeads, [['Group A', '2'], ['Group B', '1'], ['Group C', '1'], ['Group D', '1']]);
  const columns = elements(doc, (el) => el.name === 'th' && el.attribs.scope === 'col' && el.attribs.title !== undefined).map((el) => textContent(el));
  assert.deepEqual(columns, ['[1]', '[3]', '[2]', '[4]', '[5]']);
  const handshake = rows.find((r) => textContent(r).includes('shook Kim’s hand'));
  assert.ok(handshake);
  const hits = findAll((el) => el.name === 'td', handshake.children).map((td) => (td.attribs.class === 'hit' ? td.attribs.title ?? '' : ''));
  // columns [1] [3] [2] [4] [5]: 000, 002, 004 carry it
  assert.deepEqual(hits.map((h) => h !== ''), [true, true, false, false, true]);
  assert.ok(hits[0]?.includes('almost 40 seconds'));
  // a disputed row names each source's value: columns [1] [3] [2] [4] [5]
  const disputed = rows.find((r) => r.attribs.class === 'disputed');
  assert.ok(disputed);
  const cells = findAll((el) => el.name === 'td', disputed.children).map((td) => textContent(td));
  assert.deepEqual(cells, ['Angara', 'Angara', 'Angara', 'Soyuz-2', 'Angara']);
});
