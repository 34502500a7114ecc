import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { RunningServer, ServeOptions } from '../../src/server/index.js';
import { openCatalog } from '../../src/store/index.js';
import type { SqlCatalog } from '../../src/store/store.js';
import { serve, tempDir } from './helpers.js';

/** Debian's chromium: installed by `.ci/run`, driven by playwright-core (no browser download). */
export const CHROMIUM = process.env.NEWSFUSE_CHROMIUM ?? '/usr/bin/chromium';
export const OUTPUT_DIR = 'test-output/server';

/** Why the browser tests cannot run here, or undefined when they can. In CI a missing browser is a failure, not a skip. */
export function browserSkipReason(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  if (process.env.CI === 'true') throw new Error(`${CHROMIUM} is missing in CI: .ci/run installs Debian's chromium`);
  return `no browser at ${CHROMIUM} (apt-get install chromium, or set NEWSFUSE_CHROMIUM); skipping the browser tests`;
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A headless chromium with a fresh, empty profile, nothing fetched from the network. */
export async function launchBrowser(): Promise<Browser> {
  const profile = tempDir('newsfuse-chromium-');
  const context = await chromium.launchPersistentContext(profile.dir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      profile.cleanup();
    },
  };
}

/** Opens a page of the app and waits until its view has rendered (or failed). */
export async function open(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForSelector('#app[data-state]', { timeout: 15_000 });
}

export function outputPath(name: string): string {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  return join(OUTPUT_DIR, name);
}

/** A SQLite store in a temporary folder, a server over it and a browser: the set-up of the end-to-end page tests. */
export interface StoreSession {
  catalog: SqlCatalog;
  srv: RunningServer;
  browser: Browser;
  close(): Promise<void>;
}

/** Opens the store and runs `fill` on it before the server starts (so the first page load sees the data). */
export async function openStoreSession(prefix: string, serveOptions: Partial<ServeOptions>, fill?: (catalog: SqlCatalog) => Promise<void>): Promise<StoreSession> {
  const tmp = tempDir(prefix);
  const catalog = await openCatalog(join(tmp.dir, 'store.db'));
  await fill?.(catalog);
  const srv = await serve(catalog, serveOptions);
  const browser = await launchBrowser();
  return {
    catalog,
    srv,
    browser,
    async close() {
      await browser.close();
      await srv.close();
      await catalog.close();
      tmp.cleanup();
    },
  };
}
