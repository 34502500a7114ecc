import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { readInputs } from '../../src/ingest/files.js';
import type { RunningServer } from '../../src/server/index.js';
import { openCatalog } from '../../src/store/index.js';
import type { Brief, StorySummary } from '../../src/types.js';
import { type Browser, browserSkipReason, launchBrowser, open, openStoreSession, outputPath, type StoreSession } from './browser.js';
import { biggestStory, call, postJson, serve, tempDir } from './helpers.js';
import { MemoryCatalog, fixtureBrief } from './memory-catalog.js';

const skip = browserSkipReason();
const TOKEN = 'page-test-token-7b31e9';
/** Pages poll fast in tests so a live update shows within a second. */
const POLL_MS = 250;
/** Height of the story-page screenshot kept for the README. */
const SCREENSHOT_HEIGHT = 1500;

/** The top of a story page (headline, cited summary with one citation hovered, conflicts, start of the matrix). */
async function screenshotTop(page: Page, name: string): Promise<string> {
  if ((await page.locator('#summary a.cite').count()) > 1) {
    await page.locator('#summary a.cite').nth(1).hover();
    await page.locator('#popover').waitFor({ state: 'visible' });
  }
  const path = outputPath(name);
  await page.screenshot({ path, fullPage: true, clip: { x: 0, y: 0, width: 1280, height: SCREENSHOT_HEIGHT } });
  return path;
}

describe('web page on a fixture brief', { skip }, () => {
  let browser: Browser;
  let srv: RunningServer;
  const brief = fixtureBrief();

  before(async () => {
    srv = await serve(new MemoryCatalog([brief]), { pollMs: POLL_MS });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await srv?.close();
  });

  it('draws the matrix, the disputed values, the graph, and shows a citation’s source sentence on hover', async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await open(page, `${srv.url}/stories/s-vostochny`);
    assert.equal(await page.locator('h1.story-title').textContent(), brief.story.headline);

    // One matrix row per claim, one column per source, grouped by independence group.
    assert.equal(await page.locator('#matrix tbody tr').count(), brief.claims.length);
    assert.equal(await page.locator('#matrix th.src').count(), brief.sources.length);
    assert.equal(await page.locator('#matrix th.group').count(), new Set(brief.sources.map((s) => s.group)).size);
    const carried = brief.claims.reduce((n, c) => n + new Set([...c.sources.map((s) => s.source), ...c.conflicts.flatMap((k) => k.values.flatMap((v) => v.sources))]).size, 0);
    assert.equal(await page.locator('#matrix td.cell.on').count(), carried);
    // The disputed claim: each value with its sources, and the values in the matrix cells.
    const dispute = page.locator('#disputed .dispute');
    assert.equal(await dispute.count(), 1);
    assert.deepEqual(await dispute.locator('mark.val').allTextContents(), ['“Angara”', '“Soyuz-2”']);
    assert.equal(await page.locator('#matrix tr.row.disputed td.cell.value').count(), 3);
    // The derivation graph: one arrow (002 rewrites 000) in the row of their group; the other sources listed as independent.
    assert.equal(await page.locator('#graph path.edge.rewrite').count(), 1);
    const related = new Set(brief.sources.filter((s) => brief.sources.some((o) => o !== s && o.group === s.group)).map((s) => s.id));
    assert.equal(await page.locator('#graph a.node').count(), related.size);
    assert.equal(await page.locator('#derivation .independent .chip').count(), brief.sources.length - related.size);
    assert.equal(await page.locator('#quotes li.quote').count(), 1);
    assert.equal(await page.locator('#timeline li').count(), 3);
    // A year is shown as a year, never as 1 January.
    assert.equal(await page.locator('#timeline li time').first().textContent(), '1948');

    // Hover a citation: the popover holds that source's own sentence.
    const cite = page.locator('#summary a.cite').first();
    await cite.hover();
    const popover = page.locator('#popover');
    await popover.waitFor({ state: 'visible' });
    assert.equal(await popover.locator('.pop-body').textContent(), brief.claims[0]?.sources[0]?.sentence);
    // Click it: the article opens with that sentence highlighted.
    await cite.click();
    await page.waitForURL(/\/articles\/000_059370087117cff7#claim-c1$/);
    await page.waitForSelector('#app[data-state="ready"]');
    assert.equal(await page.locator('mark#claim-c1').textContent(), brief.claims[0]?.sources[0]?.sentence);
    assert.equal(await page.locator('mark#claim-c1.flash').count(), 1);
    assert.deepEqual(errors, []);
    await page.close();
  });
});

describe('web page behind a read token', { skip }, () => {
  it('asks for the token, then shows the stories', async () => {
    const srv = await serve(new MemoryCatalog([fixtureBrief()]), { host: '0.0.0.0', token: TOKEN });
    const browser = await launchBrowser();
    try {
      const page = await browser.context.newPage();
      await open(page, `http://127.0.0.1:${srv.port}/`);
      assert.equal(await page.locator('li.story').count(), 0, 'no data without the token');
      await page.locator('form.token input').fill('wrong');
      await page.locator('form.token button').click();
      await page.locator('form.token').waitFor();
      await page.locator('form.token input').fill(TOKEN);
      await page.locator('form.token button').click();
      await page.locator('li.story').first().waitFor();
      assert.equal(await page.locator('li.story .headline').textContent(), fixtureBrief().story.headline);
    } finally {
      await browser.close();
      await srv.close();
    }
  });
});

describe('web page over the real store: the seeds, one command away', { skip }, () => {
  let session: StoreSession;
  let srv: RunningServer;
  let browser: Browser;
  let story: StorySummary;
  let brief: Brief;

  before(async () => {
    session = await openStoreSession('newsfuse-page-', { token: TOKEN, pollMs: POLL_MS }, async (catalog) => {
      // The seeds, and a report that gives other values (15 seconds, Soyuz-2, 46.3 metres), so the story has conflicts to show.
      const { docs } = await readInputs(['examples/vostochny', 'test/fixtures/server/005_conflicting_report.txt']);
      await catalog.ingestRaw(docs);
    });
    ({ srv, browser } = session);
    story = await biggestStory(srv.url);
    brief = (await call(`${srv.url}/api/stories/${encodeURIComponent(story.id)}`)).body as Brief;
  });
  after(async () => {
    await session?.close();
  });

  it('lists the story, opens it, shows matrix and conflicts, follows a citation to its article', async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await open(page, `${srv.url}/`);
    const row = page.locator(`li.story[data-story="${story.id}"]`);
    assert.equal(await row.count(), 1);
    assert.match((await row.locator('.facts').textContent()) ?? '', new RegExp(`${story.articles} outlets`));
    await page.screenshot({ path: outputPath('list.png') });

    await row.locator('.headline a').click();
    await page.waitForURL(/\/stories\//);
    await page.waitForSelector('#app[data-state="ready"]');
    assert.equal(await page.locator('#matrix tbody tr').count(), brief.claims.length);
    assert.equal(await page.locator('#matrix th.src').count(), story.articles);
    assert.ok(story.articles >= 2, 'the seeds form a story of several outlets');
    const disputed = brief.claims.filter((c) => c.status === 'disputed');
    assert.ok(disputed.length >= 1, 'the fixture report gives other values than the seeds: the story has a disputed claim');
    // Each value of each conflict is shown, highlighted, with its sources.
    const values = disputed.flatMap((c) => c.conflicts.flatMap((k) => k.values.map((v) => `“${v.value}”`)));
    assert.deepEqual(await page.locator('#disputed mark.val').allTextContents(), values);
    assert.equal(await page.locator('#disputed .dispute').count(), disputed.length);
    assert.equal(await page.locator('#matrix tr.row.disputed').count(), disputed.length);
    // Long tails of single-source claims are folded behind a button that opens them.
    const single = brief.claims.filter((c) => c.status === 'single-source').length;
    if (single > 12) {
      assert.equal(await page.locator('#matrix tr.row.single-source:visible').count(), 0);
      await page.locator('button.fold').click();
      assert.equal(await page.locator('#matrix tr.row.single-source:visible').count(), single);
      await page.locator('button.fold').click();
    }
    await page.screenshot({ path: outputPath('story-full.png'), fullPage: true });
    await screenshotTop(page, 'story-with-conflicts.png');

    // A citation: the summary's when there is one, else a matrix cell (both link to the article at the claim).
    const cite = (await page.locator('#summary a.cite').count()) > 0 ? page.locator('#summary a.cite').first() : page.locator('#matrix td.cell.on a:visible').first();
    const href = (await cite.getAttribute('href')) ?? '';
    const articleId = decodeURIComponent(/^\/articles\/([^#]+)/.exec(href)?.[1] ?? '');
    assert.ok(brief.sources.some((s) => s.id === articleId), href);
    await cite.click();
    await page.waitForURL(/\/articles\//);
    await page.waitForSelector('#app[data-state="ready"]');
    const view = (await call(`${srv.url}/api/articles/${encodeURIComponent(articleId)}`)).body as { article: { title: string }; claims: unknown[] };
    assert.equal(await page.locator('h1.article-title').textContent(), view.article.title);
    assert.equal(await page.locator('#article-claims li').count(), view.claims.length);
    assert.ok((await page.locator('.article-text mark.claim').count()) > 0, 'aligned sentences are highlighted');
    await page.screenshot({ path: outputPath('article.png'), fullPage: true });
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('shows a newly ingested article without a reload', async () => {
    const page = await browser.context.newPage();
    await open(page, `${srv.url}/`);
    const before = await page.locator('li.story').count();
    const posted = await postJson(
      `${srv.url}/api/documents`,
      { id: 'live-1', title: 'Volcano erupts on La Palma', text: 'The Cumbre Vieja volcano on La Palma erupted on Sunday afternoon. Authorities evacuated 5,000 people from nearby villages.', publishedAt: '2021-09-19T15:00:00Z' },
      TOKEN,
    );
    assert.equal(posted.status, 200);
    await page.locator('li.story').nth(before).waitFor({ timeout: 10_000 });
    assert.match((await page.locator('#app').textContent()) ?? '', /Volcano erupts on La Palma/);
    await page.close();
  });
});

describe('the one-command demo: `newsfuse serve examples/vostochny`', { skip }, () => {
  it('shows the seeds as a story page (the README screenshot)', async () => {
    const tmp = tempDir('newsfuse-demo-');
    const catalog = await openCatalog(join(tmp.dir, 'store.db'));
    const browser = await launchBrowser();
    try {
      const { docs } = await readInputs(['examples/vostochny']);
      await catalog.ingestRaw(docs);
      const srv = await serve(catalog);
      try {
        const story = await biggestStory(srv.url);
        const brief = (await call(`${srv.url}/api/stories/${encodeURIComponent(story.id)}`)).body as Brief;
        const page = await browser.context.newPage();
        await open(page, `${srv.url}/stories/${encodeURIComponent(story.id)}`);
        assert.equal(await page.locator('#matrix tbody tr').count(), brief.claims.length);
        assert.equal(await page.locator('#summary p.sum').count(), brief.summary.length);
        await screenshotTop(page, 'story.png');
      } finally {
        await srv.close();
      }
    } finally {
      await browser.close();
      await catalog.close();
      tmp.cleanup();
    }
  });
});
