import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from '../fast-check.js';
import type { Element } from 'domhandler';
import { escapeHtml, renderHtml, safeHttpUrl } from '../../src/render/index.js';
import { HOSTILE_URLS, elements, htmlText, loadBrief, parseHtml, poison } from './helpers.js';

/** Every tag renderHtml writes itself; anything else in the output came from data. */
const OWN_TAGS = new Set([
  'html', 'head', 'meta', 'title', 'style', 'body', 'main', 'header', 'footer', 'nav', 'h1', 'h2', 'p', 'section',
  'ul', 'ol', 'li', 'a', 'span', 'div', 'dl', 'dt', 'dd', 'figure', 'blockquote', 'figcaption', 'cite',
  'time', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'strong', 'bdi', 'q', 'details', 'summary',
]);

const HOSTILE = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' onmouseover='alert(1)",
  '</title><script>alert(2)</script>',
  '</style><script>alert(3)</script>',
  '<svg/onload=alert(4)>',
  '<!-- x --><iframe src="javascript:alert(5)">',
  '`onfocus=alert(6) autofocus x=`',
  '&lt;script&gt;entity&lt;/script&gt;',
];
function assertInert(html: string): void {
  const doc = parseHtml(html);
  const all = elements(doc, () => true);
  const foreign = all.filter((el) => !OWN_TAGS.has(el.name)).map((el) => el.name);
  assert.deepEqual(foreign, [], 'elements that renderHtml does not write');
  assert.equal(all.filter((el) => el.name === 'style').length, 1);
  assert.equal(all.filter((el) => el.name === 'script').length, 0);
  for (const el of all) {
    for (const [name, value] of Object.entries(el.attribs)) {
      assert.ok(!name.startsWith('on'), `event handler ${name} on <${el.name}>`);
      assert.ok(/^[a-z-]+$/.test(name), `odd attribute name ${name}`);
      if (name === 'href') assert.match(value, /^(#[a-z0-9-]+$|https?:\/\/)/, `href ${value}`);
      if (name === 'src') assert.fail(`src attribute on <${el.name}>`);
    }
  }
  const csp = all.find((el: Element) => el.attribs['http-equiv'] === 'Content-Security-Policy');
  assert.ok(csp?.attribs.content?.includes("default-src 'none'"));
}

test('escapeHtml escapes the characters that matter in text and attributes', () => {
  assert.equal(escapeHtml(`<a href="x" title='y'>&\``), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&#96;');
  assert.equal(escapeHtml('plain ünïcödé – “quotes”'), 'plain ünïcödé – “quotes”');
  assert.equal(escapeHtml('a\u0000b\u0007c'), 'abc');
});

test('safeHttpUrl keeps http(s) only', () => {
  assert.equal(safeHttpUrl('https://example.org/a b'), 'https://example.org/a%20b');
  assert.equal(safeHttpUrl('http://example.org'), 'http://example.org/');
  for (const url of HOSTILE_URLS.slice(0, 8)) assert.equal(safeHttpUrl(url), undefined, url);
  assert.equal(safeHttpUrl(undefined), undefined);
});

test('hostile article text in every field renders inert and stays visible as text', () => {
  HOSTILE.forEach((payload, k) => {
    const brief = poison(loadBrief(), (i) => `${HOSTILE[(i + k) % HOSTILE.length]} #${i}`);
    const html = renderHtml(brief);
    assertInert(html);
    const text = htmlText(html);
    assert.ok(text.includes(payload), `payload not shown as text: ${payload}`);
  });
});

test('non-http URLs are shown as text, not links; http(s) URLs become links', () => {
  const brief = loadBrief();
  brief.sources[0]!.url = 'javascript:alert(document.cookie)';
  brief.sources[1]!.url = 'https://example.org/story?a=1&b="2"';
  const html = renderHtml(brief);
  assertInert(html);
  assert.ok(htmlText(html).includes('javascript:alert(document.cookie)'));
  const links = elements(parseHtml(html), (el) => el.name === 'a' && !(el.attribs.href ?? '').startsWith('#'));
  assert.deepEqual(links.map((a) => a.attribs.href), ['https://example.org/story?a=1&b=%222%22', 'https://example.org/krone/putin-kim-satellites']);
  assert.ok(links.every((a) => a.attribs.rel === 'noopener noreferrer nofollow'));
});

test('the page is self-contained: no scripts, no external resources', () => {
  const html = renderHtml(loadBrief());
  assertInert(html);
  assert.doesNotMatch(html, /<(script|link|img|iframe|object|embed)\b/i);
  assert.doesNotMatch(html, /@import|url\(/i);
  assert.match(html, /^<!doctype html>\n<html lang="en">/);
});

/** Strings rich in markup characters, plus arbitrary Unicode. */
const markupString = fc.oneof(
  fc.string({ unit: fc.constantFrom('<', '>', '&', '"', "'", '`', '/', '=', ' ', '\n', 's', 'c', 'r', 'i', 'p', 't', 'o', 'n', ':', '!', '-') }),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
);

test('property: renderHtml never emits an unescaped "<" from any string field', () => {
  const own = new RegExp(`<!doctype html>|</?(?:${[...OWN_TAGS].join('|')})(?=[\\s>])`, 'g');
  fc.assert(
    fc.property(fc.array(markupString, { minLength: 1, maxLength: 12 }), (strings) => {
      const brief = poison(loadBrief(), (i) => strings[i % strings.length] as string);
      const html = renderHtml(brief);
      // Inside <style> the CSS uses ">" selectors only, never "<".
      assert.equal(html.replace(own, '').includes('<'), false);
      assertInert(html);
    }),
    { numRuns: 150, seed: 20231113 },
  );
});
