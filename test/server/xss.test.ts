import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { RunningServer } from '../../src/server/index.js';
import type { Brief } from '../../src/types.js';
import { type Browser, browserSkipReason, launchBrowser, open, openStoreSession, type StoreSession } from './browser.js';
import { call, postJson, serve } from './helpers.js';
import { MemoryCatalog, fixtureBrief } from './memory-catalog.js';

const skip = browserSkipReason();
const TOKEN = 'xss-test-token-5fe0c2';
/** Citations and cells hovered per page: enough to open popovers of every kind without a slow test. */
const HOVERS = 30;

/** Every payload, if it ran, would set window.__xss and open a dialog. */
const SCRIPT = '<script>window.__xss=1;alert(1)</script>';
const IMG = '<img src=x onerror="window.__xss=2;alert(2)">';
const JS_URL = 'javascript:window.__xss=3;alert(3)';
const SVG = '<svg onload="window.__xss=4;alert(4)"></svg>';
const POISON = ` ${SCRIPT} ${IMG} ${SVG}`;

/* Browser-side code, as strings: the project's tsconfig has no DOM types. */
const RECORD_CSP_VIOLATIONS = `
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
`;
const INSPECT_DOM = `(() => {
  const all = [...document.querySelectorAll('*')];
  return {
    xss: window.__xss ?? null,
    csp: window.__csp,
    handlers: all.flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => el.tagName + '.' + a.name)),
    scripts: [...document.scripts].map((s) => s.getAttribute('src') ?? 'inline'),
    jsLinks: all.filter((el) => /^\\s*javascript:/i.test(el.getAttribute('href') ?? '')).length,
    imgs: document.querySelectorAll('#app img, #app svg:not(.graph)').length,
  };
})()`;

interface InertState {
  xss: number | null;
  csp: string[];
  handlers: string[];
  scripts: string[];
  jsLinks: number;
  imgs: number;
}

interface Watch {
  dialogs: string[];
  errors: string[];
}

/** Records dialogs and page errors, and (before any page script) CSP violations: if escaping failed, the CSP would have to block something. */
async function watch(page: Page): Promise<Watch> {
  const w: Watch = { dialogs: [], errors: [] };
  page.on('dialog', (d) => {
    w.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => w.errors.push(e.message));
  await page.addInitScript({ content: RECORD_CSP_VIOLATIONS });
  return w;
}

/** Nothing ran, nothing was even attempted, and no dangerous markup exists in the DOM. */
async function assertInert(page: Page, w: Watch, where: string): Promise<void> {
  await page.waitForTimeout(300);
  const state = await page.evaluate<InertState>(INSPECT_DOM);
  assert.equal(state.xss, null, `${where}: a payload ran`);
  assert.deepEqual(w.dialogs, [], `${where}: a dialog opened`);
  assert.deepEqual(state.csp, [], `${where}: markup from data reached the DOM (the CSP had to block it)`);
  assert.deepEqual(state.handlers, [], `${where}: inline handlers in the DOM`);
  assert.equal(state.scripts.length, 1, `${where}: scripts ${state.scripts.join()}`);
  assert.match(state.scripts[0] ?? '', /^\/assets\/app\.js/);
  assert.equal(state.jsLinks, 0, `${where}: javascript: links`);
  assert.equal(state.imgs, 0, `${where}: images from data`);
  assert.deepEqual(w.errors, [], `${where}: page errors`);
}

/** The fixture brief with every text field carrying payloads and every URL a javascript: one. */
function poisoned(brief: Brief): Brief {
  const ID_KEYS = new Set(['id', 'source', 'group', 'sources', 'claims']);
  const walk = (value: unknown, key: string): unknown => {
    if (typeof value === 'string') {
      if (ID_KEYS.has(key)) return value;
      if (key === 'url') return JS_URL;
      return `${value}${POISON}`;
    }
    if (Array.isArray(value)) return value.map((v) => walk(v, key));
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    return value;
  };
  const b = walk(brief, '') as Brief;
  b.sources = b.sources.map((s) => ({ ...s, url: JS_URL }));
  return b;
}

describe('article-derived text never executes (fixture brief, every field poisoned)', { skip }, () => {
  let srv: RunningServer;
  let browser: Browser;
  const brief = poisoned(fixtureBrief());

  before(async () => {
    srv = await serve(new MemoryCatalog([brief]));
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await srv?.close();
  });

  it('renders the payloads as text on every page', async () => {
    const page = await browser.context.newPage();
    const w = await watch(page);
    const pages = [
      '/',
      `/?q=${encodeURIComponent(SCRIPT)}`,
      '/stories/s-vostochny',
      '/articles/003_a26a1da6f88ac7de',
      `/stories/${encodeURIComponent(SCRIPT)}`,
    ];
    for (const path of pages) {
      await open(page, `${srv.url}${path}`);
      // Hover every citation and matrix cell: popovers must stay inert too.
      for (const el of (await page.locator('a.cite:visible, td.cell.on a:visible').all()).slice(0, HOVERS)) await el.hover();
      await assertInert(page, w, path);
    }
    await open(page, `${srv.url}/stories/s-vostochny`);
    const text = (await page.locator('#app').textContent()) ?? '';
    assert.ok(text.includes(SCRIPT), 'the script tag is shown as text, not dropped or run');
    assert.ok(text.includes(IMG));
    await page.close();
  });
});

describe('a hostile article through the real pipeline never executes', { skip }, () => {
  let session: StoreSession;
  let srv: RunningServer;
  let browser: Browser;

  before(async () => {
    session = await openStoreSession('newsfuse-xss-', { token: TOKEN });
    ({ srv, browser } = session);
  });
  after(async () => {
    await session?.close();
  });

  it('ingests markup payloads and renders them inert', async () => {
    const title = `Rocket launch delayed ${SCRIPT} ${IMG}`;
    const html = `<!doctype html><html><head><title>${title.replace(/</g, '&lt;')}</title></head><body><article>
<h1>${title.replace(/</g, '&lt;')}</h1>
<p>The launch of the new rocket was delayed by two days, officials said on Monday. ${SCRIPT}</p>
<p>Engineers found a leak in a fuel line ${IMG} during the final checks at the cosmodrome on Sunday evening.</p>
<p>Read the <a href="${JS_URL}">full statement</a> or <a href="javascript:alert(5)">javascript:alert(5)</a>. The text itself says &lt;img src=x onerror=alert(6)&gt; and &lt;script&gt;alert(7)&lt;/script&gt; literally.</p>
</article></body></html>`;
    const docs = [
      { id: 'xss-html', html, url: JS_URL, title },
      { id: 'xss-text', title, text: `Officials delayed the rocket launch by two days on Monday. ${SCRIPT}\n\nA fuel line leaked ${IMG} during checks. See ${JS_URL} for more.` },
    ];
    const r = await postJson(`${srv.url}/api/documents`, docs, TOKEN);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const page = await browser.context.newPage();
    const w = await watch(page);
    const stories = ((await call(`${srv.url}/api/stories`)).body as { stories: { id: string }[] }).stories;
    assert.ok(stories.length >= 1);
    const paths = ['/', ...stories.map((s) => `/stories/${encodeURIComponent(s.id)}`), '/articles/xss-html', '/articles/xss-text', `/?q=${encodeURIComponent('rocket')}`];
    for (const path of paths) {
      await open(page, `${srv.url}${path}`);
      for (const el of (await page.locator('a.cite:visible, td.cell.on a:visible').all()).slice(0, HOVERS)) await el.hover();
      await assertInert(page, w, path);
    }
    await open(page, `${srv.url}/articles/xss-text`);
    assert.ok(((await page.locator('#app').textContent()) ?? '').includes('<script>'), 'the payload is visible as text');
    await page.close();
  });
});
