import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { FeedError, looksLikeFeed, parseFeed } from '../../src/ingest/feed.js';

test('RSS 2.0 items with links, dates and full content', () => {
  const feed = parseFeed(readFileSync('test/fixtures/ingest/feed.rss', 'utf8'));
  assert.equal(feed.title, 'Example Regional News');
  assert.equal(feed.items.length, 2);
  assert.equal(feed.items[0]!.link, 'http://127.0.0.1:9/library-reopens?utm_source=rss');
  assert.equal(feed.items[0]!.publishedAt, '2024-03-05T09:30:00.000Z');
  assert.match(feed.items[0]!.content ?? '', /reading garden/);
  assert.equal(feed.items[1]!.content, undefined);
});

test('Atom entries take the alternate link, RSS 1.0 works too', () => {
  const atom = parseFeed(`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
    <entry><title>One</title><link rel="self" href="https://x.example/self"/><link rel="alternate" href="https://x.example/one"/><id>1</id><updated>2024-01-02T03:04:05Z</updated></entry>
    <entry><title>Two &amp; more</title><link href="https://x.example/two"/><id>2</id></entry></feed>`);
  assert.deepEqual(atom.items.map((i) => i.link), ['https://x.example/one', 'https://x.example/two']);
  assert.equal(atom.items[1]!.title, 'Two & more');
  assert.equal(atom.items[0]!.publishedAt, '2024-01-02T03:04:05.000Z');
  const rdf = parseFeed(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel><title>R</title></channel><item><title>I</title><link>https://r.example/i</link></item></rdf:RDF>`);
  assert.deepEqual(rdf.items.map((i) => i.link), ['https://r.example/i']);
});

test('anything that is not a feed is refused with a reason', () => {
  assert.throws(() => parseFeed(readFileSync('test/fixtures/ingest/not-a-feed.xml', 'utf8')), FeedError);
  assert.throws(() => parseFeed('<rss><channel><item></rss>'), /not well-formed/);
  // A shape the validator lets through and the parser refuses is refused as a feed error too, never a parser's own.
  assert.throws(() => parseFeed('<h1>Headline</h1><?'), (err: unknown) => err instanceof FeedError && /not well-formed/.test(err.message));
  assert.throws(() => parseFeed('<html><body>page</body></html>'), /neither an RSS nor an Atom/);
});

test('feeds are told from pages by media type and first bytes', () => {
  assert.equal(looksLikeFeed('application/rss+xml', '<rss>'), true);
  assert.equal(looksLikeFeed('text/html', '<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'), true);
  assert.equal(looksLikeFeed('text/html', '<!doctype html><html>'), false);
  assert.equal(looksLikeFeed('application/xml', '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml">'), false);
});
