import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { readInputs } from '../../src/ingest/files.js';
import type { RunningServer } from '../../src/server/index.js';
import { openCatalog } from '../../src/store/index.js';
import type { SqlCatalog } from '../../src/store/store.js';
import type { Brief, StorySummary } from '../../src/types.js';
import { CLAIMS_CSV_COLUMNS } from '../../src/render/index.js';
import { assertNoErrors, atomErrors, csvRows, jsonLdErrors, schemaOrgErrors } from '../render/validators.js';
import { biggestStory, call, serve, tempDir } from './helpers.js';

const SEEDS = 'examples/vostochny';

/** The five seeds with addresses, so that the outlets file can describe them. */
async function seedsWithUrls(): Promise<Awaited<ReturnType<typeof readInputs>>['docs']> {
  const { docs } = await readInputs([SEEDS]);
  return docs.map((d, i) => ({ ...d, url: `https://news${i % 3}.example/${d.id}` }));
}

describe('exports, search and outlets over the real store', () => {
  let tmp: ReturnType<typeof tempDir>;
  let catalog: SqlCatalog;
  let srv: RunningServer;
  let story: StorySummary;
  let brief: Brief;

  before(async () => {
    tmp = tempDir('newsfuse-exports-');
    catalog = await openCatalog(join(tmp.dir, 'store.db'));
    await catalog.ingestRaw(await seedsWithUrls());
    srv = await serve(catalog);
    story = await biggestStory(srv.url);
    brief = (await call(`${srv.url}/api/stories/${story.id}`)).body as Brief;
  });

  after(async () => {
    await srv?.close();
    await catalog?.close();
    tmp?.cleanup();
  });

  const get = (path: string) => call(`${srv.url}${path}`);

  it('downloads the brief as JSON, Markdown and a self-contained HTML page', async () => {
    const json = await get(`/api/stories/${story.id}/brief.json`);
    assert.equal(json.status, 200);
    assert.match(json.headers.get('content-disposition') ?? '', /^attachment; filename="story-[A-Za-z0-9._-]+\.json"$/);
    assert.deepEqual(json.body, brief);
    const md = await get(`/api/stories/${story.id}/brief.md`);
    assert.match(md.headers.get('content-type') ?? '', /^text\/markdown/);
    assert.ok(String(md.body).startsWith(`# ${brief.story.headline}`));
    const html = await get(`/api/stories/${story.id}/brief.html`);
    assert.match(html.headers.get('content-security-policy') ?? '', /style-src 'unsafe-inline'/);
    assert.doesNotMatch(html.headers.get('content-security-policy') ?? '', /script-src/);
    assert.match(String(html.body), /<!doctype html>/);
  });

  it('downloads the claims as CSV that parses, one row per claim', async () => {
    const r = await get(`/api/stories/${story.id}/claims.csv`);
    assert.match(r.headers.get('content-type') ?? '', /^text\/csv/);
    const rows = csvRows(String(r.body));
    assert.deepEqual(rows[0], [...CLAIMS_CSV_COLUMNS]);
    assert.equal(rows.length - 1, brief.claims.length);
  });

  it('downloads the disputed claims as valid schema.org ClaimReview pointing at this server', async () => {
    const r = await get(`/api/stories/${story.id}/claimreview.jsonld`);
    assert.match(r.headers.get('content-type') ?? '', /^application\/ld\+json/);
    const doc = r.body as { '@graph': { url: string }[] };
    assert.equal(doc['@graph'].length, brief.claims.filter((c) => c.conflicts.length > 0).length);
    assert.ok(doc['@graph'].length >= 1, 'the seeds have the Angara/Soyuz-2 dispute');
    assertNoErrors(await jsonLdErrors(doc), 'the JSON-LD');
    for (const node of doc['@graph']) {
      assertNoErrors(schemaOrgErrors(node), 'ClaimReview');
      assert.ok(node.url.startsWith(`${srv.url}/stories/${story.id}#row-`));
    }
  });

  it('serves valid Atom feeds of the stories and of one story’s reports', async () => {
    const all = await get('/api/feed.atom');
    assert.match(all.headers.get('content-type') ?? '', /^application\/atom\+xml/);
    assertNoErrors(await atomErrors(String(all.body)), 'the feed of stories');
    assert.ok(String(all.body).includes(`<link rel="alternate" type="text/html" href="${srv.url}/stories/${story.id}"/>`));
    const one = await get(`/api/stories/${story.id}/feed.atom`);
    assertNoErrors(await atomErrors(String(one.body)), 'the story feed');
    assert.equal(String(one.body).match(/<entry>/g)?.length, brief.sources.length);
  });

  it('404 for an unknown story, 400 for a bad id, on every export', async () => {
    for (const ext of ['brief.json', 'brief.md', 'brief.html', 'claims.csv', 'claimreview.jsonld', 'feed.atom', 'outlets']) {
      assert.equal((await get(`/api/stories/nope/${ext}`)).status, 404, ext);
      assert.equal((await get(`/api/stories/a%01b/${ext}`)).status, 400, ext);
    }
  });

  it('search: inflected words, marked snippets, claims once a brief is built, never storage keys', async () => {
    const r = (await get('/api/search?q=satellite')).body as { stories: { snippet: { text: string; mark?: true }[] }[]; articles: { snippet: { text: string; mark?: true }[] }[]; claims: unknown[] };
    assert.ok(r.articles.length >= 4, 'satellite finds "satellites"');
    for (const a of r.articles) assert.ok(a.snippet.some((p) => p.mark && /^satellite/i.test(p.text)));
    assert.ok(r.stories.length >= 1);
    assert.ok(r.claims.length >= 1, 'the brief was built, its claims are searchable');
    const keys = (await get('/api/search?q=paragraphs')).body as { stories: unknown[]; articles: unknown[]; claims: unknown[] };
    assert.deepEqual([keys.stories.length, keys.articles.length, keys.claims.length], [0, 0, 0]);
    const openapi = (await get('/openapi.json')).body as { components: { schemas: Record<string, object> }; paths: Record<string, unknown> };
    const validate = new Ajv2020({ strict: false }).compile(openapi.components.schemas.SearchResult as object);
    assert.ok(validate(r), JSON.stringify(validate.errors));
    for (const p of ['/api/stories/{id}/claims.csv', '/api/stories/{id}/claimreview.jsonld', '/api/feed.atom', '/api/stories/{id}/outlets']) assert.ok(p in openapi.paths, p);
  });

  it('outlets: none stored gives empty support; a stored file gives support by country/owner/kind and flags', async () => {
    const none = (await get(`/api/stories/${story.id}/outlets`)).body as { outlets: number; flags: unknown[] };
    assert.deepEqual([none.outlets, none.flags.length], [0, 0]);
    await catalog.setOutlets([
      { domain: 'news0.example', name: 'News Zero', country: 'RU', owner: 'Holding', kind: 'wire', extra: { rating: '2' } },
      { domain: 'news1.example', name: 'News One', country: 'RU', owner: 'Holding', kind: 'tabloid', extra: {} },
      { domain: 'news2.example', name: 'News Two', country: 'RU', owner: 'Holding', kind: 'tabloid', extra: {} },
    ]);
    const r = (await get(`/api/stories/${story.id}/outlets`)).body as { outlets: number; sources: Record<string, { name: string }>; by: { country: { value: string; groups: number }[] }; flags: { field: string; value: string }[] };
    assert.equal(r.outlets, 3);
    assert.equal(Object.keys(r.sources).length, brief.sources.length);
    assert.deepEqual(r.by.country.map((c) => c.value), ['RU']);
    assert.ok(r.flags.some((f) => f.field === 'owner' && f.value === 'Holding'), 'every outlet has one owner: corroborated claims are flagged');
    const md = String((await get(`/api/stories/${story.id}/brief.md`)).body);
    assert.match(md, /\[1\] News \w+ — “/);
    assert.match(md, /⚑ all its independent support shares one owner: Holding/);
    await catalog.setOutlets([]);
  });
});
