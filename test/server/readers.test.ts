import assert from 'node:assert/strict';
import { copyFileSync, readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { readInputs } from '../../src/ingest/files.js';
import type { RunningServer } from '../../src/server/index.js';
import type { Brief, StorySummary } from '../../src/types.js';
import { csvRows } from '../render/validators.js';
import { bigBrief, bigOutlets } from './big-brief.js';
import { type Browser, browserSkipReason, launchBrowser, open, openStoreSession, outputPath, type StoreSession } from './browser.js';
import { biggestStory, call, serve } from './helpers.js';
import { MemoryCatalog, fixtureBrief } from './memory-catalog.js';

/**
 * The page as its readers meet it (issue 19): phones and desktops, keyboard,
 * screen readers (axe-core), search, downloads, disputes, outlets, spoofing.
 */

const skip = browserSkipReason();
const PHONES = [360, 390];
const DESKTOP = 1280;
const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

/* Browser-side code as strings: the project's tsconfig has no DOM types. */
const PAGE_WIDTH = '({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })';
const AXE_RUN = `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations
  .filter((v) => v.impact === 'serious' || v.impact === 'critical')
  .map((v) => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')))`;

async function at(page: Page, width: number, url: string): Promise<void> {
  await page.setViewportSize({ width, height: 800 });
  await open(page, url);
  assert.equal(await page.locator('#app').getAttribute('data-state'), 'ready', url);
}

async function assertNoSidewaysScroll(page: Page, where: string): Promise<void> {
  const w = await page.evaluate<{ scroll: number; client: number }>(PAGE_WIDTH);
  assert.ok(w.scroll <= w.client, `${where}: the page is ${w.scroll} px wide on a ${w.client} px screen`);
}

async function axeViolations(page: Page): Promise<string[]> {
  // Injected through the debugging protocol: the page's own CSP forbids inline scripts, as it should.
  await page.evaluate(AXE);
  return page.evaluate<string[]>(AXE_RUN);
}

describe('the page for readers: a big made-up story and the fixture, from memory', { skip }, () => {
  let browser: Browser;
  let srv: RunningServer;
  const big = bigBrief();
  const fixture = fixtureBrief();
  const pages = ['/', `/stories/${big.story.id}`, `/stories/${fixture.story.id}`, '/articles/big-09', '/articles/big-03'];

  before(async () => {
    srv = await serve(new MemoryCatalog([fixture, big], bigOutlets()));
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await srv?.close();
  });

  it('no page scrolls sideways on a 360 or 390 px phone', async () => {
    const page = await browser.context.newPage();
    for (const width of PHONES) {
      for (const path of pages) {
        await at(page, width, `${srv.url}${path}`);
        // Open everything folded: opened, it must fit too.
        await page.evaluate('document.querySelectorAll("details").forEach((d) => (d.open = true))');
        await assertNoSidewaysScroll(page, `${path} at ${width} px`);
      }
    }
    await page.close();
  });

  it('axe-core finds no serious or critical violation on the list, story and article pages, light and dark, phone and desktop', async () => {
    const page = await browser.context.newPage();
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      for (const width of [390, DESKTOP]) {
        for (const path of pages) {
          await at(page, width, `${srv.url}${path}`);
          assert.deepEqual(await axeViolations(page), [], `${path} at ${width} px, ${colorScheme}`);
        }
      }
    }
    await page.close();
  });

  it('keyboard: the skip link comes first, Tab reaches a citation and shows its sentence, Escape hides it', async () => {
    const page = await browser.context.newPage();
    await at(page, DESKTOP, `${srv.url}/stories/${fixture.story.id}`);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate('document.activeElement.className'), 'skip');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate('document.activeElement.id'), 'app');
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate<boolean>('document.activeElement.classList.contains("cite")');
    }
    assert.ok(reached, 'a citation is reachable by Tab');
    const popover = page.locator('#popover');
    await popover.waitFor({ state: 'visible' });
    const source = await page.evaluate<string>('document.activeElement.dataset.source');
    const sentences = fixture.claims.flatMap((c) => c.sources.filter((x) => x.source === source).map((x) => x.sentence));
    assert.ok(sentences.includes((await popover.locator('.pop-body').textContent()) ?? ''), 'the popover holds that source’s own sentence');
    assert.equal(await page.evaluate('document.activeElement.getAttribute("aria-describedby")'), 'popover');
    await page.keyboard.press('Escape');
    await popover.waitFor({ state: 'hidden' });
    await page.close();
  });

  it('the matrix is a real table: caption, column and row headers, header cells spanning each group', async () => {
    const page = await browser.context.newPage();
    await at(page, DESKTOP, `${srv.url}/stories/${big.story.id}`);
    const m = page.locator('#matrix');
    assert.equal(await m.locator('caption').count(), 1);
    assert.equal(await m.locator('th[scope="col"].src').count(), big.sources.length);
    assert.equal(await m.locator('th[scope="colgroup"]').count(), new Set(big.sources.map((s) => s.group)).size);
    assert.equal(await m.locator('tbody th[scope="row"]').count(), big.claims.length);
    await page.close();
  });

  it('article text, titles and quotes carry their language', async () => {
    const page = await browser.context.newPage();
    await at(page, DESKTOP, `${srv.url}/articles/big-03`);
    assert.equal(await page.locator('.article-text').getAttribute('lang'), 'ar');
    assert.equal(await page.locator('h1.article-title').getAttribute('lang'), 'ar');
    await at(page, DESKTOP, `${srv.url}/stories/${big.story.id}`);
    assert.ok((await page.locator('#quotes blockquote[lang]').count()) > 0);
    await page.close();
  });

  it('spoofing: no bidi control reaches the page; a look-alike outlet is marked', async () => {
    const page = await browser.context.newPage();
    for (const path of [`/stories/${big.story.id}`, '/articles/big-07', '/']) {
      await at(page, DESKTOP, `${srv.url}${path}`);
      const text = (await page.locator('#app').textContent()) ?? '';
      assert.doesNotMatch(text, /[\u202a-\u202e\u2066-\u2069]/, path);
    }
    await at(page, DESKTOP, `${srv.url}/stories/${big.story.id}`);
    assert.match((await page.locator('#sources li[data-source="big-05"]').textContent()) ?? '', /⚠ mixes Latin and Cyrillic letters/);
    assert.ok((await page.locator('.chip[data-source="big-05"] .warn').count()) > 0, 'its chips carry the warning too');
    await page.close();
  });

  it('disputes show each side’s sentences and outlets; a revision reads "revised from … to …"', async () => {
    const page = await browser.context.newPage();
    await at(page, DESKTOP, `${srv.url}/stories/${big.story.id}`);
    const disputes = page.locator('#disputed .dispute');
    assert.equal(await disputes.count(), big.claims.filter((c) => c.conflicts.length > 0).length);
    const revision = page.locator('#disputed .conflict.revision');
    assert.equal(await revision.count(), 1);
    const sides = await revision.locator('.side-value').allTextContents();
    assert.match(sides[0] ?? '', /^revised from “12”/);
    assert.match(sides[2] ?? '', /^to “19”/);
    const first = page.locator('#disputed .dispute').first();
    for (const side of await first.locator('li.side').all()) {
      assert.ok((await side.locator('q').count()) > 0, 'each side quotes its own sentence');
      assert.ok((await side.locator('.chip').count()) > 0, 'and names its outlets');
    }
    await page.close();
  });

  it('a big story is navigable: single-source claims folded, filters by status, jump links, long lists folded', async () => {
    const page = await browser.context.newPage();
    await at(page, DESKTOP, `${srv.url}/stories/${big.story.id}`);
    const single = page.locator('#claims details.status-group.single-source');
    assert.equal(await single.getAttribute('open'), null, 'single-source claims start folded');
    await page.locator('#claims button.filter[data-filter="disputed"]').click();
    assert.equal(await page.locator('#claims .status-group.corroborated').isVisible(), false);
    assert.ok(await page.locator('#claims .status-group.disputed').isVisible());
    await page.locator('#claims button.filter[data-filter="single-source"]').click();
    assert.notEqual(await single.getAttribute('open'), null, 'choosing single-source opens them');
    await page.locator('#claims button.filter[data-filter="all"]').click();
    for (const id of await page.locator('nav.jump a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
      assert.equal(await page.locator(id as string).count(), 1, `jump link ${id}`);
    }
    assert.ok((await page.locator('#quotes details.more').count()) === 1, '15 quotes: the last 5 folded');
    await page.close();
  });

  it('groups stay distinct past the palette: every group a unique colour and line, and a letter', async () => {
    const page = await browser.context.newPage();
    await at(page, DESKTOP, `${srv.url}/stories/${big.story.id}`);
    const styles = await page.locator('#sources .group-tag').evaluateAll((tags) => tags.map((t) => `${(t as HTMLElement).textContent}|${getComputedStyle(t).backgroundColor}|${getComputedStyle(t).outlineStyle}`));
    const byLetter = new Map(styles.map((s) => [s.split('|')[0], s.slice(s.indexOf('|'))]));
    assert.equal(byLetter.size, new Set(big.sources.map((s) => s.group)).size);
    assert.equal(new Set(byLetter.values()).size, byLetter.size, 'no two groups look alike');
    await page.close();
  });

  it('the derivation graph keeps 12 px labels at any story size and on a phone', async () => {
    const page = await browser.context.newPage();
    for (const width of [390, DESKTOP]) {
      await at(page, width, `${srv.url}/stories/${big.story.id}`);
      const sizes = await page.locator('#graph text.node-label').evaluateAll((ts) => ts.map((t) => (t as SVGTextElement).getBoundingClientRect().height));
      assert.ok(sizes.length > 0);
      for (const h of sizes) assert.ok(h >= 12, `a label ${h.toFixed(1)} px high at ${width} px`);
    }
    await page.close();
  });

  it('outlets file: support by country, owner and kind, and a flag on one-owner corroboration', async () => {
    const page = await browser.context.newPage();
    await at(page, DESKTOP, `${srv.url}/stories/${big.story.id}`);
    const captions = await page.locator('#coverage figure.bars figcaption').allTextContents();
    assert.deepEqual(captions, ['By country', 'By owner', 'By kind of outlet']);
    assert.match((await page.locator('#coverage figure.bars').first().textContent()) ?? '', /US.*independent group/);
    const flagged = page.locator('#claims li.claim', { hasText: 'The owner announced the decision' });
    assert.match((await flagged.locator('.flag').allTextContents()).join(' '), /shares one owner: Shared Holding/);
    assert.ok((await page.locator('#coverage svg.timeline-chart circle').count()) > 30, 'the coverage timeline draws the dated reports');
    assert.equal(await page.locator('#coverage .revision-flag').count(), 3, 'each value of the revised figure is marked');
    await page.close();
  });

  it('downloads: the claims CSV parses, and every source chip links to the original', async () => {
    const page = await browser.context.newPage();
    await at(page, DESKTOP, `${srv.url}/stories/${fixture.story.id}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('nav.downloads a', { hasText: 'Claims (CSV)' }).click()]);
    const path = await download.path();
    const rows = csvRows(readFileSync(path, 'utf8'));
    assert.equal(rows.length, fixture.claims.length + 1);
    assert.equal(await page.locator('nav.downloads a').count(), 6);
    await at(page, DESKTOP, `${srv.url}/stories/${big.story.id}`);
    const chips = page.locator('#claims .chip');
    const n = await chips.count();
    assert.equal(await page.locator('#claims .chip a.orig[href^="https://"]').count(), n, 'each chip has its ↗ to the original');
    await page.close();
  });

  it('print: the page furniture is left out; dark mode follows the system', async () => {
    const page = await browser.context.newPage();
    await at(page, DESKTOP, `${srv.url}/stories/${fixture.story.id}`);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('header.top').isVisible(), false);
    assert.equal(await page.locator('nav.downloads').isVisible(), false);
    await page.emulateMedia({ media: 'screen', colorScheme: 'dark' });
    const bg = await page.evaluate<string>('getComputedStyle(document.documentElement).backgroundColor');
    assert.equal(bg, 'rgb(11, 17, 32)');
    await page.close();
  });

  it('screenshots at 390 and 1280 px', async () => {
    const page = await browser.context.newPage();
    for (const width of [390, DESKTOP]) {
      await at(page, width, `${srv.url}/stories/${big.story.id}`);
      await page.locator('#coverage').screenshot({ path: outputPath(`coverage-${width}.png`) });
      await page.locator('#derivation').screenshot({ path: outputPath(`graph-${width}.png`) });
    }
    if (process.env.NEWSFUSE_UPDATE_SCREENSHOT === '1') copyFileSync(outputPath(`coverage-${DESKTOP}.png`), 'docs/screenshot-coverage.png');
    await page.close();
  });
});

describe('the page for readers over the real store (the seeds and a conflicting report)', { skip }, () => {
  let session: StoreSession;
  let srv: RunningServer;
  let browser: Browser;
  let story: StorySummary;

  before(async () => {
    session = await openStoreSession('newsfuse-readers-', {}, async (catalog) => {
      const { docs } = await readInputs(['examples/vostochny', 'test/fixtures/server/005_conflicting_report.txt']);
      await catalog.ingestRaw(docs);
    });
    ({ srv, browser } = session);
    story = await biggestStory(srv.url);
  });
  after(async () => {
    await session?.close();
  });

  it('search from the box: inflected words found, matches marked, storage keys never match', async () => {
    const page = await browser.context.newPage();
    await at(page, 390, `${srv.url}/`);
    await page.locator('form.search input').fill('satellite launches');
    await page.locator('form.search button').click();
    await page.waitForURL(/\?q=satellite/);
    await page.waitForSelector('#app[data-state="ready"]');
    const marks = (await page.locator('.snippet mark').allTextContents()).map((m) => m.toLowerCase());
    assert.ok(marks.some((m) => m.startsWith('satellite') && m !== 'satellite'), `an inflected form is marked: ${marks.join(', ')}`);
    assert.ok(marks.some((m) => m.startsWith('launch')));
    assert.ok((await page.locator('ol.stories li.story').count()) >= 1);
    await assertNoSidewaysScroll(page, 'search results at 390 px');
    assert.deepEqual(await axeViolations(page), [], 'search results');
    await at(page, DESKTOP, `${srv.url}/?q=paragraphs`);
    assert.equal(await page.locator('.snippet').count(), 0);
    assert.match((await page.locator('#app').textContent()) ?? '', /No story matches/);
    await page.close();
  });

  it('the real story at 390 and 1280 px: fits, no serious violation (the README screenshots)', async () => {
    const page = await browser.context.newPage();
    for (const width of [390, DESKTOP]) {
      for (const path of ['/', `/stories/${story.id}`, '/articles/004_2b244e8b02335e84']) {
        await at(page, width, `${srv.url}${path}`);
        await assertNoSidewaysScroll(page, `${path} at ${width}`);
        assert.deepEqual(await axeViolations(page), [], `${path} at ${width}`);
      }
      await at(page, width, `${srv.url}/stories/${story.id}`);
      if ((await page.locator('#summary a.cite').count()) > 1) {
        await page.locator('#summary a.cite').nth(1).hover();
        await page.locator('#popover').waitFor({ state: 'visible' });
      }
      const shot = outputPath(`story-${width}.png`);
      await page.screenshot({ path: shot, fullPage: true, clip: { x: 0, y: 0, width, height: width === DESKTOP ? 1300 : 1500 } });
      if (process.env.NEWSFUSE_UPDATE_SCREENSHOT === '1') copyFileSync(shot, `docs/screenshot-${width}.png`);
    }
    const brief = (await call(`${srv.url}/api/stories/${story.id}`)).body as Brief;
    assert.ok(brief.claims.some((c) => c.conflicts.length > 0));
    await page.close();
  });
});
