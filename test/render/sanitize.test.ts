import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OutletDirectory } from '../../src/outlets/index.js';
import { cleanText, lookalikeWarning, renderClaimsCsv, renderHtml, renderMarkdown, sanitizeBrief, unicodeHost } from '../../src/render/index.js';
import { decodePunycodeLabel } from '../../src/render/sanitize.js';
import { htmlText, loadBrief, markdownText } from './helpers.js';

const BIDI = /[\u202a-\u202e\u2066-\u2069]/;

test('cleanText drops controls and bidi controls, mends lone surrogates, keeps real text', () => {
  assert.equal(cleanText('exe.\u202egepj'), 'exe.gepj');
  assert.equal(cleanText('a\u0000b\u001b[2Jc\u009b'), 'ab[2Jc');
  assert.equal(cleanText('x\ud800y'), 'x\ufffdy');
  assert.equal(cleanText('שלום عربي 中文 – “quotes”\n\ttab'), 'שלום عربي 中文 – “quotes”\n\ttab');
});

test('sanitizeBrief cleans every string of a brief and leaves the input alone', () => {
  const brief = loadBrief();
  brief.sources[0]!.siteName = 'Daily \u202eswen';
  brief.claims[0]!.sources[0]!.sentence = 'said \u2067x\u2069';
  const clean = sanitizeBrief(brief);
  assert.ok(!BIDI.test(JSON.stringify(clean)));
  assert.equal(clean.sources[0]!.siteName, 'Daily swen');
  assert.equal(brief.sources[0]!.siteName, 'Daily \u202eswen', 'a copy');
});

test('every renderer shows spoofed outlet names and titles without their bidi controls', () => {
  const brief = loadBrief();
  brief.sources[0]!.siteName = 'Reuters\u202e moc.liame';
  brief.sources[0]!.title = 'Title \u202dforced\u202c';
  brief.claims[0]!.text = 'Claim \u2066isolated\u2069';
  for (const out of [renderMarkdown(brief), renderHtml(brief), renderClaimsCsv(brief)]) assert.ok(!BIDI.test(out));
  assert.ok(htmlText(renderHtml(brief)).includes('Reuters moc.liame'));
  assert.ok(markdownText(renderMarkdown(brief)).includes('Title forced'));
});

test('look-alikes: a word mixing Latin with Cyrillic or Greek letters is marked; single-script names are not', () => {
  assert.match(lookalikeWarning('Rеuters') ?? '', /mixes Latin and Cyrillic/); // Cyrillic е
  assert.match(lookalikeWarning('bbс.com') ?? '', /Latin and Cyrillic/);
  assert.match(lookalikeWarning('xn--bb-olc.com') ?? '', /Latin and Cyrillic/, 'punycode is decoded first');
  assert.match(lookalikeWarning('Αpple News') ?? '', /Latin and Greek/); // Greek Α
  assert.equal(lookalikeWarning('Известия'), undefined);
  assert.equal(lookalikeWarning('Reuters / ТАСС'), undefined, 'two scripts in two words are two names, not a spoof');
  assert.equal(lookalikeWarning('bücher.de'), undefined);
  assert.equal(lookalikeWarning(undefined), undefined);
});

test('punycode labels decode as RFC 3492 says', () => {
  assert.equal(decodePunycodeLabel('xn--bcher-kva'), 'bücher');
  assert.equal(decodePunycodeLabel('xn--80ak6aa92e'), 'аррӏе');
  assert.equal(decodePunycodeLabel('xn--mgbh0fb'), 'مثال');
  assert.equal(decodePunycodeLabel('xn--!!'), undefined);
  assert.equal(unicodeHost('www.xn--bcher-kva.de'), 'www.bücher.de');
});

test('the source list marks a look-alike outlet in Markdown and HTML', () => {
  const brief = loadBrief();
  brief.sources[1]!.url = 'https://xn--80ak6aa92e.com/story';
  brief.sources[2]!.siteName = 'Rеuters';
  const md = renderMarkdown(brief);
  assert.match(md, /\[2\] аррӏе\.com[^\n]*⚠ mixes Latin and Cyrillic letters|\[2\] аррӏе\.com/);
  assert.match(md, /\[3\] Rеuters ⚠ mixes Latin and Cyrillic letters/);
  assert.ok(htmlText(renderHtml(brief)).includes('Rеuters ⚠ mixes Latin and Cyrillic letters'));
});

test('with an outlets file, sources show its name, country, owner and kind, and flags reach Markdown and HTML', () => {
  const brief = loadBrief();
  brief.sources.forEach((s, i) => (s.url = `https://site${i}.example/a`));
  brief.sources.forEach((s) => delete s.siteName);
  const outlets = new OutletDirectory(brief.sources.map((_s, i) => ({ domain: `site${i}.example`, name: `Outlet ${i}`, country: 'RU', owner: 'One Group', kind: 'wire', extra: {} })));
  const md = renderMarkdown(brief, { outlets });
  assert.match(md, /- \[1\] Outlet 0 · 2023-09-13 — “[^\n]*site0\.example · country RU, owner One Group, kind wire/);
  assert.match(md, /⚑ all its independent support shares one owner: One Group/);
  assert.match(md, /⚑ all its independent support shares one country: RU/);
  assert.ok(htmlText(renderHtml(brief, { outlets })).includes('⚑ all its independent support shares one owner: One Group'));
});

test('single-source claims: folded past ten in HTML (a closed details) and counted in Markdown', () => {
  const brief = loadBrief();
  const lone = brief.claims.find((c) => c.status === 'single-source')!;
  for (let i = 0; i < 12; i++) brief.claims.push({ ...lone, id: `x${i}`, text: `Lone claim number ${i}.` });
  const html = renderHtml(brief);
  assert.match(html, /<details class="fold"><summary>14 single-source claims/);
  const md = renderMarkdown(brief);
  assert.ok(md.includes('Lone claim number 7.'));
  assert.ok(!md.includes('Lone claim number 8.'));
  assert.ok(md.includes('… and 4 more single-source claims, not listed'));
  assert.ok(renderMarkdown(brief, { singleSourceShown: Infinity }).includes('Lone claim number 11.'));
});
