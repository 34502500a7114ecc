import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from '../fast-check.js';
import { collectBlocks } from '../../src/extract/html/blocks.js';
import { stripRawTextOfUtf8 } from '../../src/extract/html/strip.js';
import { parsePage, stripRawText, textOf } from '../../src/extract/html/tree.js';
import { cleanTitle, urlDate } from '../../src/extract/html/meta.js';
import { normaliseDate } from '../../src/ingest/dates.js';

test('raw-text bodies are cut before tokenizing; JSON-LD, tags and text stay', () => {
  const html = '<head><script>var a = "<p>not text</p>";</script><SCRIPT>x()</SCRIPT><script type="application/ld+json">{"@type":"NewsArticle"}</script><style>p{}</style></head>'
    + '<body><!-- <p>commented</p> --><nav><a href="/">Home</a></nav><svg><text>icon</text></svg><svg/><p>Kept text.</p><noscript><p>no js</p></noscript></body>';
  const out = stripRawText(html);
  assert.ok(!out.includes('not text') && !out.includes('x()') && !out.includes('p{}') && !out.includes('commented'));
  assert.ok(!out.includes('Home') && !out.includes('icon') && !out.includes('no js'));
  assert.ok(out.includes('{"@type":"NewsArticle"}'));
  assert.ok(out.includes('<p>Kept text.</p>'));
  const page = parsePage(html);
  assert.equal(textOf(page.root).trim(), 'Kept text.');
  assert.deepEqual(page.meta.jsonLd, ['{"@type":"NewsArticle"}']);
});

test('a page stripped as UTF-8 bytes is the page stripped as characters, whatever its markup and characters', () => {
  // The markup stripping looks for, in the cases and forms that take its other routes, among characters of one to
  // four bytes, among them those a regex \s matches (no-break space, ideographic space, line separator).
  const pieces = fc.constantFrom(
    '<script>', '</script>', '<SCRIPT type="x">', '</SCRIPT >', '<Script>', '</Script>', '</script\u00a0>', '</script \n>', '</script\u3000>',
    '<script type="application/ld+json">', '<script TYPE="APPLICATION/LD+JSON">', '<style>', '</style\u2028>', '<svg/>', '<svg>', '</svg>',
    '<nav>', '</Nav>', '<noscript>', '</noscript>', '<template>', '</template>', '<!--', '-->', '<!-->', '<', '>', '/', '<s', '<n', '<t',
    '<p>', '</p>', ' ', '\n', '\u00a0', 'é', '€', '😀', 'x', '<sé', '<scr\u00efpt>', '\ufeff',
  );
  fc.assert(
    fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
      const html = parts.join('');
      assert.equal(stripRawTextOfUtf8(Buffer.from(html, 'utf8')), stripRawText(html));
    }),
    { numRuns: 2000 },
  );
});

test('an unclosed script swallows the rest, as in a browser, without hanging', () => {
  const page = parsePage('<p>Before.</p><script>never closed <p>after</p>');
  assert.equal(textOf(page.root).trim(), 'Before.');
});

test('hidden subtrees are dropped; class names in camelCase become words', () => {
  const page = parsePage('<div hidden><p>a</p></div><div style="display: none"><p>b</p></div><div class="imageEmbedCaption"><p>c</p></div>');
  assert.deepEqual(collectBlocks(page.root).map((b) => b.text), ['c']);
  const div = page.root.children.find((c) => typeof c !== 'string' && c.sig !== '');
  assert.equal(typeof div === 'string' ? '' : div?.sig, 'image-embed-caption');
});

test('metadata helpers: ISO dates, URL dates, titles without the site name', () => {
  assert.equal(normaliseDate('2019-11-19T21:57:01+0000'), '2019-11-19T21:57:01.000Z');
  assert.equal(normaliseDate('2019-11-20T09:28:00.000Z'), '2019-11-20T09:28:00.000Z');
  assert.equal(normaliseDate('November 5, 2021'), '2021-11-05');
  assert.equal(urlDate('https://x.example/2019/11/19/story.html'), '2019-11-19');
  assert.equal(urlDate('https://x.example/story-123456'), undefined);
  assert.equal(cleanTitle('Rivers Rise | The Daily Example', 'The Daily Example'), 'Rivers Rise');
  assert.equal(cleanTitle('Opinion | Republicans Are Following Trump to Nowhere'), 'Republicans Are Following Trump to Nowhere');
  assert.equal(cleanTitle('Section - Headline Here Today', undefined, 'Headline Here Today'), 'Headline Here Today');
});
