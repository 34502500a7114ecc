import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { SqlCatalog } from '../../src/store/index.js';
import { documentToRaw } from '../../src/ingest/document.js';
import type { Document } from '../../src/types.js';

/** The five seed articles shipped in examples/: one real story from five outlets. */
export function seedDocuments(): Document[] {
  const dir = 'examples/vostochny';
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ id: path.basename(f, '.txt'), text: readFileSync(path.join(dir, f), 'utf8') }));
}

/** A plain article of several sentences, distinct per n. */
export function syntheticDocument(n: number, topic = 'harbour'): Document {
  const body = [
    `Officials in the town of Port ${topic} ${n} said on Monday that the new ${topic} bridge number ${n} would open next spring after two years of construction work.`,
    `The mayor told reporters that the project cost ${n + 10} million euros and employed about ${n + 200} workers from the region during the busiest months.`,
    `Residents welcomed the news, although some complained about the noise and the traffic jams that the building site had caused in the old town centre.`,
  ];
  return { id: `syn-${topic}-${n}`, title: `Bridge ${n} in Port ${topic} to open in spring`, text: body.join('\n\n') };
}

/**
 * The behaviour every store engine must share. `open` gives a fresh, empty
 * catalog each time.
 */
export function storeSuite(open: () => Promise<SqlCatalog>): void {
  test('ingests once by content hash and lists the story with numeric counts', async () => {
    const c = await open();
    try {
      const docs = seedDocuments();
      const first = await c.ingest(docs);
      assert.deepEqual([...first.added].sort(), docs.map((d) => d.id).sort());
      assert.equal(first.failed.length, 0);
      const rev = await c.revision();
      const again = await c.ingest(docs);
      assert.equal(again.added.length, 0);
      assert.deepEqual([...again.duplicates].sort(), docs.map((d) => d.id).sort());
      assert.equal(await c.revision(), rev, 'a batch of duplicates changes nothing');
      const { total, stories } = await c.listStories({ limit: 50, offset: 0 });
      assert.ok(total >= 1);
      assert.equal(stories.reduce((n, s) => n + s.articles, 0), 5, 'every article in exactly one story');
      for (const s of stories) {
        assert.equal(typeof s.articles, 'number');
        assert.equal(typeof s.independentSources, 'number');
        assert.equal(typeof s.claims.corroborated, 'number');
        assert.ok(s.headline.length > 0);
      }
      const status = await c.status();
      assert.equal(status.done, 5);
      assert.equal(status.clusteredUpTo, status.lastSeq);
    } finally {
      await c.close();
    }
  });

  test('builds, caches and invalidates the brief of a growing story', async () => {
    const c = await open();
    try {
      const docs = seedDocuments();
      await c.ingest(docs.slice(0, 3));
      const { stories } = await c.listStories({ limit: 10, offset: 0 });
      const biggest = [...stories].sort((a, b) => b.articles - a.articles)[0];
      assert.ok(biggest);
      const before = await c.getBrief(biggest.id);
      assert.ok(before);
      assert.equal(before.schemaVersion, 1);
      assert.equal(before.story.id, biggest.id);
      assert.equal(before.sources.length, biggest.articles);
      assert.deepEqual(await c.getBrief(biggest.id), before, 'served from the cache');
      await c.ingest(docs.slice(3));
      const members = (await c.listStories({ limit: 10, offset: 0 })).stories.reduce((n, s) => n + s.articles, 0);
      assert.equal(members, 5);
      const story = (await c.getArticle(docs[0]!.id))?.story;
      assert.ok(story);
      const after = await c.getBrief(story);
      assert.ok(after);
      const count = (await c.listStories({ limit: 10, offset: 0 })).stories.find((s) => s.id === story)?.articles;
      assert.equal(after.sources.length, count, 'the brief follows the story, not a stale cache');
      assert.equal(await c.getBrief('no-such-story'), null);
    } finally {
      await c.close();
    }
  });

  test('articles, search and failures', async () => {
    const c = await open();
    try {
      const docs = seedDocuments();
      const report = await c.ingest([...docs.slice(0, 2), { id: 'empty', text: '   \n\n \t \n' }]);
      assert.equal(report.added.length, 2);
      assert.equal(report.failed.length, 1);
      assert.match(report.failed[0]!.input, /empty/);
      const view = await c.getArticle(docs[0]!.id);
      assert.ok(view);
      assert.equal(view.article.id, docs[0]!.id);
      assert.ok(view.story);
      assert.ok(view.group);
      assert.ok(view.claims.length > 0);
      for (const claim of view.claims) assert.ok(claim.sentence.length > 0);
      assert.equal(await c.getArticle('nope'), null);
      const found = await c.search('PUTIN', 10);
      assert.ok(found.articles.some((a) => a.id === docs[0]!.id));
      assert.ok(found.stories.length >= 1);
      assert.deepEqual(await c.search('zzzz%_nothing', 10), { stories: [], articles: [], claims: [] });
    } finally {
      await c.close();
    }
  });

  test('the same id with other content keeps both; same URL and same text is one article', async () => {
    const c = await open();
    try {
      const a = syntheticDocument(1);
      const b = { ...syntheticDocument(2), id: a.id };
      const r1 = await c.ingest([a, b]);
      assert.equal(r1.added.length, 2);
      assert.equal(new Set(r1.added).size, 2, 'distinct article ids');
      assert.ok(r1.added.includes(a.id));
      const url = 'https://example.org/news/bridge-7';
      const d1 = { ...syntheticDocument(7), id: 'u1', url };
      // Different bytes (a trailing blank line), same article text.
      const d2 = { ...d1, id: 'u2', text: `${d1.text}\n\n\n` };
      const r2 = await c.ingest([d1, d2]);
      assert.deepEqual(r2.added, ['u1']);
      assert.deepEqual(r2.duplicates, ['u2']);
      // The same bytes twice in one batch: stored once, the second reported as a duplicate.
      const twin = syntheticDocument(9);
      const r3 = await c.ingest([twin, { ...twin, id: 'twin-copy' }]);
      assert.deepEqual(r3.added, [twin.id]);
      assert.deepEqual(r3.duplicates, ['twin-copy']);
    } finally {
      await c.close();
    }
  });

  test('a large raw page is stored compressed and read back by the worker as it came; a short text is stored as it is', async () => {
    const c = await open();
    try {
      const paragraph = (i: number): string =>
        `<p>Paragraph ${i}: the harbour authority of Saint-Étienne-du-Rouvray said on Tuesday that the new quay — 北港 — would open in spring 🚢, after ${i + 2} years of work.</p>`;
      const html = `<html><head><title>The new quay opens</title></head><body><article><h1>The new quay opens</h1>${Array.from({ length: 200 }, (_, i) => paragraph(i)).join('')}</article></body></html>`;
      const big = documentToRaw({ id: 'big-page', html }, 'test:big');
      const small = documentToRaw(syntheticDocument(1), 'test:small');
      assert.equal((await c.enqueueOnly([big, small])).accepted, 2);
      const rows = await c.engine.all<{ hash: string; content: string; content_br: Buffer | null }>('SELECT hash, content, content_br FROM raw_documents');
      const bigRow = rows.find((r) => r.hash === big.contentHash)!;
      const smallRow = rows.find((r) => r.hash === small.contentHash)!;
      assert.equal(bigRow.content, '');
      assert.ok(bigRow.content_br !== null && bigRow.content_br.length * 4 < Buffer.byteLength(html), `${bigRow.content_br?.length} bytes stored for ${Buffer.byteLength(html)}`);
      assert.equal(smallRow.content, small.content);
      assert.equal(smallRow.content_br, null);
      // The worker reads both back from the store, as another machine's worker would.
      const outcomes = await c.workBatch();
      assert.deepEqual(outcomes.map((o) => o.state).sort(), ['done', 'done']);
      const id = outcomes.find((o) => o.hash === big.contentHash)!.articleId!;
      const article = await c.getArticle(id);
      assert.ok(article?.article.text.includes('Saint-Étienne-du-Rouvray said on Tuesday that the new quay — 北港 — would open in spring 🚢, after 201 years'), article?.article.text.slice(0, 200));
    } finally {
      await c.close();
    }
  });

  test('dates: parsed once at the boundary; publication and ingest times never confused', async () => {
    const c = await open();
    try {
      const dated = [
        { ...syntheticDocument(1, 'ferry'), id: 'rfc', publishedAt: 'Tue, 05 Mar 2024 10:00:00 GMT' },
        { ...syntheticDocument(2, 'ferry'), id: 'nonsense', publishedAt: 'not a date' },
        { ...syntheticDocument(3, 'ferry'), id: 'future', publishedAt: '3024-01-01T00:00:00Z' },
      ];
      const report = await c.ingest(dated);
      assert.deepEqual([...report.added].sort(), ['future', 'nonsense', 'rfc']);
      assert.deepEqual(report.warnings?.map((w) => w.input).sort(), ['document future', 'document nonsense']);
      assert.match(report.warnings!.find((w) => w.input === 'document future')!.reason, /in the future/);
      const stored = await c.engine.all<{ id: string; published_at: string | null; added_at: string }>('SELECT id, published_at, added_at FROM articles ORDER BY id');
      assert.deepEqual(stored.map((r) => [r.id, r.published_at]), [['future', null], ['nonsense', null], ['rfc', '2024-03-05T10:00:00.000Z']]);
      const view = await c.getArticle('rfc');
      assert.equal(view?.article.publishedAt, '2024-03-05T10:00:00.000Z');
      assert.equal(view?.ingestedAt, stored[2]!.added_at);
      // A story with one dated article takes its times from publication only, however recent the ingest.
      const { stories } = await c.listStories({ limit: 10, offset: 0 });
      const withRfc = stories.find((s) => s.firstSeen === '2024-03-05T10:00:00.000Z');
      assert.ok(withRfc, JSON.stringify(stories));
      assert.equal(withRfc.seenFrom, 'published');
      assert.equal(withRfc.lastSeen, '2024-03-05T10:00:00.000Z');
      // A story of undated articles shows when they were stored, and says so.
      const undated = await c.ingest([seedDocuments()[0]!]);
      const loneId = (await c.getArticle(undated.added[0]!))!.story!;
      const lone = (await c.listStories({ limit: 10, offset: 0 })).stories.find((s) => s.id === loneId)!;
      assert.equal(lone.seenFrom, 'ingested');
      const added = (await c.engine.all<{ added_at: string }>('SELECT added_at FROM articles WHERE id = $1', [undated.added[0]!]))[0]!.added_at;
      assert.equal(lone.firstSeen, added);
      const brief = await c.getBrief(lone.id);
      assert.equal(brief?.story.seenFrom, 'ingested');
      assert.equal(brief?.story.firstSeen, added);
      const datedBrief = await c.getBrief(withRfc.id);
      assert.equal(datedBrief?.story.seenFrom, 'published');
    } finally {
      await c.close();
    }
  });

  test('a growing story keeps counts and times equal to a recount of its members, across batches and merges', async () => {
    const c = await open();
    try {
      const recount = `SELECT s.id, s.articles, s.first_seen, s.last_seen, s.seen_from, s.last_seq,
          (SELECT COUNT(*) FROM story_members m WHERE m.story_id = s.id) AS members,
          (SELECT MAX(m.seq) FROM story_members m WHERE m.story_id = s.id) AS max_seq,
          COALESCE((SELECT MIN(a.published_at) FROM story_members m JOIN articles a ON a.id = m.article_id WHERE m.story_id = s.id),
                   (SELECT MIN(a.added_at) FROM story_members m JOIN articles a ON a.id = m.article_id WHERE m.story_id = s.id)) AS first,
          COALESCE((SELECT MAX(a.published_at) FROM story_members m JOIN articles a ON a.id = m.article_id WHERE m.story_id = s.id),
                   (SELECT MAX(a.added_at) FROM story_members m JOIN articles a ON a.id = m.article_id WHERE m.story_id = s.id)) AS last
        FROM stories s WHERE s.merged_into IS NULL`;
      const check = async (when: string): Promise<void> => {
        const rows = await c.engine.all<Record<string, string | number | null>>(recount);
        assert.ok(rows.length > 0);
        for (const r of rows) {
          assert.equal(Number(r.articles), Number(r.members), `${when}: count of ${r.id}`);
          if (Number(r.members) === 0) continue;
          assert.equal(Number(r.last_seq), Number(r.max_seq), `${when}: last_seq of ${r.id}`);
          assert.deepEqual([r.first_seen, r.last_seen], [r.first, r.last], `${when}: times of ${r.id}`);
        }
      };
      const seeds = seedDocuments();
      // Undated first, then dated members join (the times switch to publication), then older and newer ones.
      await c.ingest(seeds.slice(0, 2));
      await check('undated');
      await c.ingest([{ ...seeds[2]!, publishedAt: '2024-05-02T09:00:00Z' }]);
      await check('first dated member');
      await c.ingest([{ ...seeds[3]!, publishedAt: '2024-05-01T08:00:00Z' }, seeds[4]!]);
      await check('older dated member and another undated');
      for (let n = 0; n < 6; n++) await c.ingest([{ ...syntheticDocument(n, 'tunnel'), publishedAt: `2024-06-0${n + 1}T12:00:00Z` }]);
      await check('a second story grown one article a batch');
    } finally {
      await c.close();
    }
  });
}
