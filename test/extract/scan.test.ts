import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Parser } from 'htmlparser2';
import fc from '../fast-check.js';
import { scanHtml, type ScanHandler } from '../../src/extract/html/scan.js';
import { parsePage, textOf } from '../../src/extract/html/tree.js';

/** The events a handler is told, as short strings: "<tag", "@name=value", "</tag", and text in quotes (consecutive runs joined). */
function eventsOf(run: (h: ScanHandler) => void): string[] {
  const out: string[] = [];
  let text: string | undefined;
  const flush = (): void => {
    if (text !== undefined) out.push(JSON.stringify(text));
    text = undefined;
  };
  run({
    onopentagname(name) {
      flush();
      out.push(`<${name}`);
    },
    onattribute(name, value) {
      flush();
      out.push(`@${name}=${value}`);
    },
    onclosetag(name) {
      flush();
      out.push(`</${name}`);
    },
    ontext(t) {
      text = (text ?? '') + t;
    },
  });
  flush();
  return out;
}

const scan = (html: string): string[] => eventsOf((h) => scanHtml(html, h));
/** What htmlparser2's Parser reports with the options the tree used before it had its own tokenizer. */
const reference = (html: string): string[] =>
  eventsOf((h) => new Parser(h, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: false }).end(html));

test('tags: names lower-cased, attribute names as written, values quoted, unquoted or absent', () => {
  assert.deepEqual(scan('<DIV Class="a b" id=x data-v=\'q\' hidden>t</Div>'), ['<div', '@Class=a b', '@id=x', '@data-v=q', '@hidden=', '"t"', '</div']);
  // An unquoted value keeps its "/"; a quoted one may hold ">"; an attribute may follow a quote directly.
  assert.deepEqual(scan('<a href=/x/>y</a>'), ['<a', '@href=/x/', '"y"', '</a']);
  assert.deepEqual(scan('<a title="1 > 0"x=y>z</a>'), ['<a', '@title=1 > 0', '@x=y', '"z"', '</a']);
  assert.deepEqual(scan('<p\n class =\t"c" >x'), ['<p', '@class=c', '"x"', '</p']);
});

test('entities: decoded in text (also the legacy ones without ";") and in attributes, where "&amp=" stays', () => {
  assert.deepEqual(scan('<p>a &amp; b &lt;c&gt; &#x41;&#66; &copy 2024 &nosuch;</p>'), ['<p', '"a & b <c> AB © 2024 &nosuch;"', '</p']);
  assert.deepEqual(scan('<a href="?a=1&amp;b=2&copy=3" title=&quot;x&quot;>'), ['<a', '@href=?a=1&b=2&copy=3', '@title="x"', '</a']);
});

test('implied end tags: a block closes an open p, li closes li, a row closes a cell; end tags close what they enclose', () => {
  assert.deepEqual(scan('<p>a<div>b</div>'), ['<p', '"a"', '</p', '<div', '"b"', '</div']);
  assert.deepEqual(scan('<ul><li>a<li>b</ul>'), ['<ul', '<li', '"a"', '</li', '<li', '"b"', '</li', '</ul']);
  assert.deepEqual(scan('<table><tr><td>a<tr><td>b</table>'), ['<table', '<tr', '<td', '"a"', '</td', '</tr', '<tr', '<td', '"b"', '</td', '</tr', '</table']);
  assert.deepEqual(scan('<div><span><b>x</div>y'), ['<div', '<span', '<b', '"x"', '</b', '</span', '</div', '"y"']);
});

test('void and stray end tags: <br> closes at once, </br> is a br, </p> alone an empty p, other unmatched end tags nothing', () => {
  assert.deepEqual(scan('a<br>b<img src=x>c'), ['"a"', '<br', '</br', '"b"', '<img', '@src=x', '</img', '"c"']);
  assert.deepEqual(scan('a</br>b</img>c</p>d</span>e'), ['"a"', '<br', '</br', '"bc"', '<p', '</p', '"de"']);
});

test('a <form> inside a form is dropped, though its attributes are still told', () => {
  assert.deepEqual(scan('<form id=a><form id=b>x</form>y'), ['<form', '@id=a', '@id=b', '"x"', '</form', '"y"']);
});

test('raw text: script and style hold text up to their own end tag, in any case; title decodes entities', () => {
  assert.deepEqual(scan('<script>if (a<b) s = "</scr" + "ipt>"; x = "</scripts>"</SCRIPT >t'), [
    '<script', '"if (a<b) s = \\"</scr\\" + \\"ipt>\\"; x = \\"</scripts>\\""', '</script', '"t"',
  ]);
  assert.deepEqual(scan('<title>A &amp; <b>B</b></title>'), ['<title', '"A & <b>B</b>"', '</title']);
  // An "&" right after what could start the end tag is part of that attempt, not an entity (as htmlparser2 reads it).
  assert.deepEqual(scan('<title>a <&amp; </ti&amp; </title&amp;</title>'), ['<title', '"a <&amp; </ti&amp; </title&"', '</title']);
  assert.deepEqual(scan('<style>p{}</style/>x'), ['<style', '"p{}"', '</style', '"x"']);
  // An unclosed script makes the rest text; plaintext never ends.
  assert.deepEqual(scan('<script>a<p>b'), ['<script', '"a<p>b"', '</script']);
  assert.deepEqual(scan('<plaintext>a</plaintext><p>'), ['<plaintext', '"a</plaintext><p>"', '</plaintext']);
});

test('SVG and MathML: "/>" closes an element, SVG names get their case, <script> is no raw text; HTML ignores "/>"', () => {
  assert.deepEqual(scan('<svg><clippath/><g><script>x</script></g></svg>'), ['<svg', '<clipPath', '</clipPath', '<g', '<script', '"x"', '</script', '</g', '</svg']);
  assert.deepEqual(scan('<div/>a'), ['<div', '"a"', '</div']);
  assert.deepEqual(scan('<math><mrow/>x</math><image src=i>'), ['<math', '<mrow', '</mrow', '"x"', '</math', '<img', '@src=i', '</img']);
  // Inside an integration point (<mi>, <foreignObject>…) the content is HTML again.
  assert.deepEqual(scan('<math><mi/>x</mi></math>'), ['<math', '<mi', '"x"', '</mi', '</math']);
});

test('comments, CDATA, doctypes and processing instructions report nothing; CDATA is text inside SVG', () => {
  assert.deepEqual(scan('<!DOCTYPE html><?xml version="1.0"?>a<!-- <p>x</p> -->b<!-->c<!--->d<![CDATA[e]]>f'), ['"abcdf"']);
  assert.deepEqual(scan('<svg><![CDATA[x<y]]></svg>'), ['<svg', '"x<y"', '</svg']);
  assert.deepEqual(scan('a<!-- never closed <p>b'), ['"a"']);
});

test('a "<" that starts no tag is text: "a < b", "a<3", "<>", "</>" (nothing), "< /p>"', () => {
  assert.deepEqual(scan('a < b, a<3, <> x</>y'), ['"a < b, a<3, <> xy"']);
  assert.deepEqual(scan('<p>x</ p>y'), ['<p', '"xy"', '</p']);
});

test('the end of the document: open elements close innermost first; a cut start tag is dropped, its name told only once ended', () => {
  assert.deepEqual(scan('<div><p>a'), ['<div', '<p', '"a"', '</p', '</div']);
  assert.deepEqual(scan('a<div class="x'), ['"a"', '<div', '</div']);
  assert.deepEqual(scan('a<div'), ['"a"']);
  assert.deepEqual(scan('a</'), ['"a</"']);
});

const PIECES = [
  '<', '>', '/', '</', '<!--', '-->', '--!>', '<!', '<?', '"', "'", '=', ' ', '\n', '\t', '&', '&amp;', '&amp', '&lt', '&#', '&#x41;', '&ampx', '&amp=', ';', 'a', 'x', 'é',
  'p', 'div', 'li', 'form', 'br', 'image', 'svg', 'math', 'mi', 'foreignObject', 'clippath', 'title', 'desc', 'script', 'SCRIPT', 'style', 'textarea', 'xmp', 'plaintext', 'table', 'tr', 'td', 'h1',
  '<![CDATA[', ']]>', '<!DOCTYPE html>', ' class="c"', " id='i'", ' href=u', ' =y', '<p>', '</p>', '<div>', '</div>', '<svg>', '</svg>', '<math>', '<li>', '<form>', '</form>', '<br/>', '</br>', '<title>', '</title>', '<script>', '</script>',
];
const markup = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((p) => p.join(''));

test('property: on any markup the tokenizer reports what htmlparser2 reports', () => {
  fc.assert(
    fc.property(markup, (html) => {
      assert.deepEqual(scan(html), reference(html));
    }),
    { numRuns: 3000 },
  );
});

test('hostile pages: 100 000 nested elements, a 20 MB page, 300 000 stray end tags, a page of "<" — each parsed in bounded time', () => {
  const budgetMs = 10_000;
  let start = Date.now();
  const deep = parsePage(`${'<div>'.repeat(100_000)}deep text${'</div>'.repeat(100_000)}`);
  assert.equal(textOf(deep.root).trim(), 'deep text');
  assert.ok(Date.now() - start < budgetMs, 'deep nesting');
  start = Date.now();
  const big = parsePage(`<html><body>${'<p class="x">Some words of a paragraph &amp; more.</p>\n'.repeat(400_000)}</body></html>`);
  assert.equal(big.root.children.length, 1);
  assert.ok(Date.now() - start < budgetMs, '20 MB page');
  start = Date.now();
  // Each end tag that matches nothing searches all the open elements.
  const stray = parsePage(`${'<div>'.repeat(790)}x${'</span>'.repeat(300_000)}`);
  assert.equal(textOf(stray.root), 'x');
  assert.ok(Date.now() - start < budgetMs, 'stray end tags under deep nesting');
  start = Date.now();
  const lts = parsePage(`<p>${'< '.repeat(1_000_000)}</p>`);
  assert.equal(textOf(lts.root).length, 2_000_000);
  assert.ok(Date.now() - start < budgetMs, 'a page of "<"');
});
