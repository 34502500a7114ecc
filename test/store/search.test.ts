import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { SnippetPart } from '../../src/store/catalog.js';
import { openCatalog, type SqlCatalog } from '../../src/store/index.js';
import { parseQuery, toFts5, toTsquery } from '../../src/store/search-query.js';
import type { Document } from '../../src/types.js';
import { postgresUnavailable, startPostgres, type PgServer } from '../helpers/postgres.js';
import { seedDocuments } from './suite.js';

const marked = (parts: SnippetPart[]): string[] => parts.filter((p) => p.mark).map((p) => p.text.toLowerCase());

/** Three reports of one quake and one of a football match: the stemming, ranking and key tests need no more. */
const DOCS: Document[] = [
  {
    id: 'quake-1',
    title: 'Strong earthquake shakes the coast of Peru',
    text: 'A strong earthquake shook the coast of Peru on Tuesday, officials said.\n\nThe quake damaged dozens of houses in the port town of Ilo, and rescuers searched the rubble overnight.',
  },
  {
    id: 'quake-2',
    title: 'Peru quake damages houses',
    text: 'Dozens of houses were damaged when the earthquake struck southern Peru on Tuesday.\n\nRescuers searched the rubble of the houses in Ilo through the night, the mayor said.',
  },
  {
    id: 'match-1',
    title: 'Lima side wins the derby',
    text: 'The home side won the derby in Lima on Sunday with two late goals.\n\nThe coach praised his players, saying the earthquakes of last year had made the city stronger.',
  },
];

function searchSuite(open: () => Promise<SqlCatalog>): void {
  let c: SqlCatalog;
  before(async () => {
    c = await open();
    await c.ingest([...DOCS, ...seedDocuments()]);
  });
  after(async () => {
    await c?.close();
  });

  test('finds inflected words: "earthquakes" finds "earthquake", "searching" finds "searched"', async () => {
    const r = await c.search('earthquakes', 20);
    assert.deepEqual(r.articles.map((a) => a.id).sort(), ['match-1', 'quake-1', 'quake-2']);
    const s = await c.search('searching rubble', 20);
    assert.deepEqual(s.articles.map((a) => a.id).sort(), ['quake-1', 'quake-2']);
  });

  test('ranks a title match first and marks the matched words in each snippet', async () => {
    const r = await c.search('earthquake', 20);
    assert.equal(r.articles[0]?.id, 'quake-1', 'the article with the word in its title and text ranks first');
    for (const a of r.articles) assert.ok(marked(a.snippet).some((w) => w.startsWith('earthquake')), `${a.id}: ${JSON.stringify(a.snippet)}`);
    assert.ok(r.stories.length >= 1);
    for (const s of r.stories) assert.ok(marked(s.snippet).length > 0, `story ${s.id} snippet ${JSON.stringify(s.snippet)}`);
  });

  test('never matches storage keys of the stored JSON', async () => {
    for (const key of ['paragraphs', 'siteName', 'publishedAt']) {
      const r = await c.search(key, 20);
      assert.deepEqual([r.stories.length, r.articles.length, r.claims.length], [0, 0, 0], key);
    }
  });

  test('phrases, alternatives and exclusions', async () => {
    assert.deepEqual((await c.search('"port town"', 20)).articles.map((a) => a.id), ['quake-1']);
    assert.deepEqual((await c.search('derby or rubble', 20)).articles.map((a) => a.id).sort(), ['match-1', 'quake-1', 'quake-2']);
    assert.deepEqual((await c.search('houses -mayor', 20)).articles.map((a) => a.id), ['quake-1']);
    assert.deepEqual((await c.search('-houses', 20)).articles, [], 'exclusions alone are no search');
  });

  test('finds claims of built briefs, with the claim text marked', async () => {
    const story = (await c.search('Angara', 5)).stories[0];
    assert.ok(story, 'the seeds story matches Angara');
    await c.getBrief(story.id);
    const r = await c.search('Angara', 20);
    assert.ok(r.claims.length >= 1);
    for (const claim of r.claims) {
      assert.equal(claim.story, story.id);
      assert.deepEqual(marked(claim.snippet), ['angara']);
      assert.equal(claim.snippet.map((p) => p.text).join(''), claim.text);
    }
  });

  test("engine syntax in a query is only text: no error, no injection", async () => {
    for (const q of ['NEAR(a b)', '"', 'title:putin', 'putin*', '^putin', 'a AND', '(((', "it's", 'a & b | !c', 'x:*', "'; DROP TABLE articles; --", '\u0002Putin\u0003']) {
      const r = await c.search(q, 5);
      assert.ok(Array.isArray(r.articles), q);
    }
    assert.deepEqual((await c.search('Soyuz-2', 5)).articles.map((a) => a.id), ['003_a26a1da6f88ac7de'], 'a hyphenated name is a phrase of its parts');
  });
}

describe('search on SQLite (FTS5)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsfuse-search-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  searchSuite(() => openCatalog(join(dir, 'store.db')));
});

const pgSkip = postgresUnavailable();
describe('search on PostgreSQL (tsvector, GIN)', { skip: pgSkip }, () => {
  let server: PgServer | undefined;
  before(async () => {
    server = await startPostgres();
  });
  after(async () => {
    await server?.stop();
  });
  searchSuite(async () => openCatalog(await (server as PgServer).createDatabase()));
});

describe('query parsing', () => {
  test('words, phrases, or, exclusions; engine syntax becomes words', () => {
    assert.deepEqual(parseQuery('Putin "space centre" -Soyuz or Angara'), [
      [
        { words: ['putin'], negated: false },
        { words: ['space', 'centre'], negated: false },
        { words: ['soyuz'], negated: true },
      ],
      [{ words: ['angara'], negated: false }],
    ]);
    assert.equal(toFts5(parseQuery('Putin "space centre" -Soyuz or Angara')), '("putin" AND "space centre" NOT "soyuz") OR ("angara")');
    assert.equal(toTsquery(parseQuery('Putin "space centre" -Soyuz or Angara')), '((putin) & (space <-> centre) & !(soyuz)) | ((angara))');
    assert.deepEqual(parseQuery('NEAR(a) title:x "'), [[{ words: ['near', 'a'], negated: false }, { words: ['title', 'x'], negated: false }]]);
    assert.deepEqual(parseQuery('  '), []);
  });
});
