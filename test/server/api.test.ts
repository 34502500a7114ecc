import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { readInputs } from '../../src/ingest/files.js';
import type { RunningServer } from '../../src/server/index.js';
import { openCatalog } from '../../src/store/index.js';
import type { SqlCatalog } from '../../src/store/store.js';
import type { Brief, StorySummary } from '../../src/types.js';
import { biggestStory, call, messageOf, postJson, serve, tempDir } from './helpers.js';

/** Small enough that a test can exceed it cheaply. */
const BODY_LIMIT = 64 * 1024;
const TOKEN = 'test-token-4d1f-a9c27e';
const SEEDS = 'examples/vostochny';

describe('HTTP API over the real store and the five seeds', () => {
  let tmp: ReturnType<typeof tempDir>;
  let catalog: SqlCatalog;
  let srv: RunningServer;
  let story: StorySummary;
  let openapi: { openapi: string; info: { version: string }; paths: Record<string, unknown>; components: { schemas: Record<string, object> } };

  before(async () => {
    tmp = tempDir('newsfuse-api-');
    catalog = await openCatalog(join(tmp.dir, 'store.db'));
    const { docs } = await readInputs([SEEDS]);
    await catalog.ingestRaw(docs);
    srv = await serve(catalog, { token: TOKEN, bodyLimit: BODY_LIMIT });
    openapi = (await call(`${srv.url}/openapi.json`)).body as typeof openapi;
    story = await biggestStory(srv.url);
  });

  after(async () => {
    await srv?.close();
    await catalog?.close();
    tmp?.cleanup();
  });

  const validator = (name: string) => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    return ajv.compile(openapi.components.schemas[name] as object);
  };

  it('describes itself with an OpenAPI 3.1 document', () => {
    assert.equal(openapi.openapi, '3.1.0');
    assert.equal(openapi.info.version, (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version);
    for (const p of ['/api/stories', '/api/stories/{id}', '/api/articles/{id}', '/api/search', '/api/documents', '/api/revision', '/healthz']) {
      assert.ok(p in openapi.paths, p);
    }
  });

  it('answers /healthz', async () => {
    const r = await call(`${srv.url}/healthz`);
    assert.equal(r.status, 200);
    assert.equal((r.body as { ok: boolean }).ok, true);
  });

  it('lists stories with counts, as the OpenAPI document says', async () => {
    const r = await call(`${srv.url}/api/stories`);
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('cache-control'), 'no-store');
    const validate = validator('StoryPage');
    assert.ok(validate(r.body), JSON.stringify(validate.errors));
    const page = r.body as { total: number; stories: StorySummary[] };
    assert.ok(page.total >= 1 && page.total <= 5, `${page.total} stories from five articles`);
    assert.equal(page.stories.length, page.total);
    assert.equal(page.stories.reduce((n, s) => n + s.articles, 0), 5, 'every seed is in exactly one story');
    for (const s of page.stories) assert.ok(s.independentSources >= 1 && s.independentSources <= s.articles, JSON.stringify(s));
    // Newest first.
    const last = page.stories.map((s) => s.lastSeen ?? '');
    assert.deepEqual(last, [...last].sort().reverse());
    // Paging: one at a time gives the same stories in the same order.
    const paged: string[] = [];
    for (let offset = 0; offset < page.total; offset++) {
      const one = (await call(`${srv.url}/api/stories?limit=1&offset=${offset}`)).body as { total: number; stories: StorySummary[] };
      assert.equal(one.total, page.total);
      paged.push(...one.stories.map((s) => s.id));
    }
    assert.deepEqual(paged, page.stories.map((s) => s.id));
    const beyond = await call(`${srv.url}/api/stories?limit=1&offset=${page.total}`);
    assert.deepEqual((beyond.body as { stories: unknown[] }).stories, []);
  });

  it('rejects bad paging with 400 and the reason', async () => {
    for (const q of ['limit=0', 'limit=101', 'limit=abc', 'offset=-1']) {
      const r = await call(`${srv.url}/api/stories?${q}`);
      assert.equal(r.status, 400, q);
      assert.match(messageOf(r.body), new RegExp(q.split('=')[0] as string), q);
      assert.equal((r.body as { error: string }).error, 'Bad Request');
    }
  });

  it("serves a story's brief, valid against the schema", async () => {
    const r = await call(`${srv.url}/api/stories/${encodeURIComponent(story.id)}`);
    assert.equal(r.status, 200);
    const validate = validator('Brief');
    assert.ok(validate(r.body), JSON.stringify(validate.errors));
    const brief = r.body as Brief;
    assert.equal(brief.sources.length, story.articles);
    assert.equal(brief.story.id, story.id);
    assert.equal(brief.claims.filter((c) => c.status === 'disputed').length, story.claims.disputed);
  });

  it('answers 404 with a JSON message for unknown stories, articles and routes', async () => {
    for (const path of ['/api/stories/no-such-story', '/api/articles/no-such-article', '/api/nothing-here']) {
      const r = await call(`${srv.url}${path}`);
      assert.equal(r.status, 404, path);
      assert.equal((r.body as { statusCode: number }).statusCode, 404);
      assert.ok(messageOf(r.body).length > 0);
    }
  });

  it('serves an article with its story, group and claims', async () => {
    const r = await call(`${srv.url}/api/articles/002_3e06153a3273df8a`);
    const storyOf002 = ((await call(`${srv.url}/api/search?q=Angara`)).body as { articles: { id: string; story: string }[] }).articles.find((a) => a.id === '002_3e06153a3273df8a')?.story;
    assert.equal(r.status, 200);
    const validate = validator('ArticleView');
    assert.ok(validate(r.body), JSON.stringify(validate.errors));
    const view = r.body as { article: { id: string; text: string }; story: string; group: string; claims: unknown[] };
    assert.equal(view.article.id, '002_3e06153a3273df8a');
    assert.ok(view.story);
    if (storyOf002) assert.equal(view.story, storyOf002);
    assert.ok(view.group);
    assert.match(view.article.text, /Angara/);
    assert.ok(view.claims.length > 0);
  });

  it('searches stories and articles; 400 without a query', async () => {
    const r = await call(`${srv.url}/api/search?q=Angara`);
    assert.equal(r.status, 200);
    const ids = (r.body as { articles: { id: string }[] }).articles.map((a) => a.id);
    assert.ok(ids.includes('002_3e06153a3273df8a') || ids.includes('004_2b244e8b02335e84'), ids.join());
    for (const q of ['', '?q=', `?q=${'x'.repeat(201)}`]) {
      const bad = await call(`${srv.url}/api/search${q}`);
      assert.equal(bad.status, 400, q);
      assert.match(messageOf(bad.body), /q/);
    }
  });

  it('ingests a posted Document and an array; the revision grows', async () => {
    const before = ((await call(`${srv.url}/api/revision`)).body as { revision: number }).revision;
    const one = await postJson(`${srv.url}/api/documents`, { id: 'post-1', title: 'Flood in Valencia', text: 'Heavy rain flooded the old town of Valencia on Monday. Rescue teams evacuated 300 residents.' }, TOKEN);
    assert.equal(one.status, 200, JSON.stringify(one.body));
    assert.deepEqual((one.body as { added: string[] }).added, ['post-1']);
    const many = await postJson(
      `${srv.url}/api/documents`,
      [
        { id: 'post-2', html: '<html><head><title>Bridge opens</title></head><body><article><p>A new bridge opened in Porto on Tuesday after four years of work.</p><p>The mayor cut the ribbon.</p></article></body></html>' },
        { id: 'post-1', title: 'Flood in Valencia', text: 'Heavy rain flooded the old town of Valencia on Monday. Rescue teams evacuated 300 residents.' },
      ],
      TOKEN,
    );
    assert.equal(many.status, 200);
    assert.deepEqual((many.body as { duplicates: string[] }).duplicates, ['post-1']);
    const after = ((await call(`${srv.url}/api/revision`)).body as { revision: number }).revision;
    assert.ok(after > before, `${after} > ${before}`);
    const article = await call(`${srv.url}/api/articles/post-1`);
    assert.equal(article.status, 200);
  });

  it('streams new revisions as server-sent events', async () => {
    const abort = new AbortController();
    const res = await fetch(`${srv.url}/api/events`, { signal: abort.signal });
    try {
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^text\/event-stream/);
      assert.match(res.headers.get('content-security-policy') ?? '', /script-src 'self'/);
      const reader = (res.body as ReadableStream<Uint8Array>).getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      const nextRevision = async (): Promise<number> => {
        for (;;) {
          const m = /event: revision\ndata: \{"revision":(\d+)\}\n\n/.exec(buffer);
          if (m) {
            buffer = buffer.slice((m.index ?? 0) + m[0].length);
            return Number(m[1]);
          }
          const { value, done } = await reader.read();
          assert.equal(done, false, 'the stream ended');
          buffer += decoder.decode(value, { stream: true });
        }
      };
      const first = await nextRevision();
      const posted = await postJson(`${srv.url}/api/documents`, { id: 'sse-1', title: 'Storm hits Lisbon', text: 'A storm hit Lisbon on Friday night. Trees fell on cars in the city centre.' }, TOKEN);
      assert.equal(posted.status, 200);
      assert.ok((await nextRevision()) > first);
    } finally {
      abort.abort();
    }
  });

  it('rejects bad documents with 400 naming the problem, 413 when too large, 415 when not JSON', async () => {
    const noText = await postJson(`${srv.url}/api/documents`, { id: 'x' }, TOKEN);
    assert.equal(noText.status, 400);
    assert.match(messageOf(noText.body), /text|html/);
    const noId = await postJson(`${srv.url}/api/documents`, [{ text: 'hello there' }], TOKEN);
    assert.equal(noId.status, 400);
    assert.match(messageOf(noId.body), /id/);
    assert.equal((await postJson(`${srv.url}/api/documents`, [], TOKEN)).status, 400);
    const broken = await postJson(`${srv.url}/api/documents`, '{"id": "x", "text": ', TOKEN);
    assert.equal(broken.status, 400);
    assert.match(messageOf(broken.body), /JSON|body/i);
    const huge = await postJson(`${srv.url}/api/documents`, { id: 'huge', text: 'word '.repeat(BODY_LIMIT / 4) }, TOKEN);
    assert.equal(huge.status, 413);
    assert.match(messageOf(huge.body), /too large/);
    const plain = await call(`${srv.url}/api/documents`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Bearer ${TOKEN}` }, body: 'id=x&text=y' });
    assert.equal(plain.status, 415);
  });

  it('sends a CSP without inline scripts, and pages without inline script or handlers', async () => {
    for (const path of ['/', `/stories/${encodeURIComponent(story.id)}`, '/articles/000_059370087117cff7', '/api/stories']) {
      const r = await call(`${srv.url}${path}`);
      assert.equal(r.status, 200, path);
      const csp = r.headers.get('content-security-policy') ?? '';
      assert.match(csp, /script-src 'self'/);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
      assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
    }
    const shell = (await call(`${srv.url}/`)).body as string;
    for (const m of shell.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
      assert.match(m[1] ?? '', /\bsrc="\/assets\/app\.js/);
      assert.equal((m[2] ?? '').trim(), '');
    }
    assert.doesNotMatch(shell, /\son[a-z]+\s*=/i);
    const js = await call(`${srv.url}/assets/app.js`);
    assert.equal(js.status, 200);
    assert.match(js.headers.get('content-type') ?? '', /javascript/);
    assert.doesNotMatch(js.body as string, /innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });
});
