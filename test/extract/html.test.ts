import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { extract, ExtractError } from '../../src/extract/index.js';
import { decodeBytes } from '../../src/ingest/decode.js';
import type { Article } from '../../src/types.js';

const DIR = 'test/fixtures/extract';

function page(name: string, url?: string): Article {
  const content = decodeBytes(readFileSync(`${DIR}/${name}`), { format: 'html' });
  return extract({ id: name, origin: name, format: 'html', content, url, contentHash: 'x' });
}

test('a news page: body without nav, share bar, caption, related links, tags, comments, sidebar or footer', () => {
  const a = page('article-furniture.html');
  assert.equal(a.paragraphs.length, 6);
  assert.ok(a.paragraphs[0]?.startsWith('BERLIN (AP) — Rivers across the valley rose'));
  assert.ok(a.paragraphs.at(-1)?.startsWith('Rail services between the two largest towns'));
  for (const junk of [/Home/, /Share|Tweet/, /Photo:/, /Dam holds/, /Tags:/, /Leave a Reply/, /terrible news/, /Please enter/, /Most Read/, /All rights reserved/, /Maria Keller/]) {
    assert.ok(!junk.test(a.text), `furniture in body: ${junk}`);
  }
  assert.equal(a.text, a.paragraphs.join('\n\n'));
});

test('a news page: metadata from JSON-LD first, then Open Graph and the markup', () => {
  const a = page('article-furniture.html');
  assert.equal(a.title, 'Rivers Rise as Storm Stalls Over Valley');
  assert.equal(a.byline, 'Maria Keller');
  // JSON-LD datePublished wins over article:published_time; the page's +02:00 becomes UTC.
  assert.equal(a.publishedAt, '2023-09-13T15:45:00.000Z');
  assert.equal(a.siteName, 'The Daily Example');
  assert.equal(a.url, 'https://news.example.org/2023/09/13/rivers-rise/');
  assert.equal(a.language, 'en');
  assert.equal(a.attribution, 'AP');
});

test('a news page: the in-body subheading is kept and marked as a heading', () => {
  const a = page('article-furniture.html');
  const i = a.paragraphs.indexOf('Forecast offers little relief');
  assert.ok(i > 0);
  assert.deepEqual(a.headings, [i]);
});

test('broken markup: unclosed paragraphs and stray end tags still give the paragraphs in order', () => {
  const a = page('broken.html');
  assert.equal(a.title, 'Broken & Unclosed: Council Approves Budget');
  assert.equal(a.paragraphs.length, 4);
  assert.ok(a.paragraphs[1]?.includes('from the opposition and from several neighbourhood groups.'));
  assert.ok(a.paragraphs[3]?.startsWith('A final vote on the tax rate'));
  assert.ok(!a.text.includes('Contact') && !a.text.includes('Copyright'));
});

test('windows-1251 page decodes and extracts in Russian', () => {
  const a = page('cp1251.html');
  assert.equal(a.title, 'Путин пообещал Ким Чен Ыну помощь в создании спутников');
  assert.equal(a.language, 'ru');
  assert.equal(a.paragraphs.length, 2);
  assert.ok(a.paragraphs[0]?.startsWith('Президент России Владимир Путин'));
  assert.ok(!a.text.includes('Главная'));
});

test('Shift_JIS page decodes and extracts in Japanese', () => {
  const a = page('sjis.html');
  assert.equal(a.title, 'プーチン氏、北朝鮮の衛星開発に協力を約束');
  assert.equal(a.language, 'ja');
  assert.ok(a.paragraphs[0]?.startsWith('ロシアのプーチン大統領は'));
});

test('Open Graph page: date from the URL, byline without "By", source line as attribution, locale as language', () => {
  const a = page('og-dates.html');
  assert.equal(a.publishedAt, '2021-03-05');
  assert.equal(a.byline, 'Tom Reyes');
  assert.equal(a.attribution, 'City Paper Archive');
  assert.equal(a.paragraphs.length, 3);
  assert.ok(!a.text.includes('Source:'));
  assert.equal(a.url, 'https://www.city-paper.example/2021/03/05/library-reopens.html');
});

test('a page without a body is its headline; a page without any text throws ExtractError', () => {
  for (const name of ['empty.html', 'nav-only.html']) {
    const a = page(name);
    assert.ok(a.title.length > 0, name);
    assert.deepEqual(a.paragraphs, [a.title], name);
    assert.equal(a.text, a.title, name);
  }
  assert.throws(() => extract({ id: 'e', format: 'html', content: '<html><head></head><body><div> </div></body></html>' }), ExtractError);
});

test('extractHtml(html, { url }) needs no hash; misuse of the library says what was wrong', async () => {
  const { extractHtml, extractText } = await import('../../src/extract/index.js');
  const a = extractHtml(readFileSync(`${DIR}/article-furniture.html`, 'utf8'), { url: 'https://news.example.org/x' });
  assert.equal(a.title, 'Rivers Rise as Storm Stalls Over Valley');
  assert.equal(a.id, 'html');
  assert.equal(extractText('Earthquake hits Aldera', { id: 'h' }).text, 'Earthquake hits Aldera');
  assert.throws(() => extract('<p>' as never), (err: Error) => err instanceof TypeError && /expected a document/.test(err.message) && /extractHtml/.test(err.message));
  assert.throws(() => extract({ id: 'x', format: 'html' } as never), /"content" must be a string \(got undefined/);
  assert.throws(() => extract({ id: 'x', format: 'pdf', content: 'x' } as never), /"format" must be "html" or "text" \(got the string "pdf"\)/);
  assert.throws(() => extract({ id: 'x', format: 'text', content: 'x', publishedAt: 5 } as never), /"publishedAt" must be a string/);
  assert.throws(() => extractHtml(undefined as never), /must be a string of HTML \(got undefined/);
});

test('empty input and binary junk throw ExtractError, for HTML and text alike', () => {
  for (const format of ['html', 'text'] as const) {
    assert.throws(() => extract({ id: 'e', origin: 'e', format, content: '  \n ', contentHash: 'x' }), ExtractError);
    const junk = String.fromCharCode(...Array.from({ length: 400 }, (_, i) => (i * 7) % 32));
    assert.throws(() => extract({ id: 'b', origin: 'b', format, content: junk, contentHash: 'x' }), ExtractError);
  }
});

test('a title given by the container wins over the page', () => {
  const content = readFileSync(`${DIR}/broken.html`, 'utf8');
  const a = extract({ id: 'b', origin: 'b', format: 'html', content, title: 'Given Title', contentHash: 'x' });
  assert.equal(a.title, 'Given Title');
});

test('hostile nesting and floods of elements: linear in size, nothing lost (1 000 000 nested divs, nested tables, a million spans)', { timeout: 120_000 }, () => {
  const deep = `<html><body>${'<div>'.repeat(1_000_000)}<p>The text at the bottom of a million divs.</p>${'</div>'.repeat(1_000_000)}</body></html>`;
  assert.equal(extract({ id: 'deep', format: 'html', content: deep }).text, 'The text at the bottom of a million divs.');
  let tables = '';
  for (let i = 0; i < 30_000; i++) tables += `<table><tr><td>cell ${i} `;
  const t = extract({ id: 'tables', format: 'html', content: `<html><body>${tables}</body></html>` });
  assert.ok(t.text.includes('cell 0') && t.text.includes('cell 29999'), 'first and last cells kept');
  const spans = extract({ id: 'spans', format: 'html', content: `<html><body><p>${'<span>word </span>'.repeat(1_000_000)}</p></body></html>` });
  assert.equal(spans.text.split(' ').length, 1_000_000);
});
