import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { tempDir } from './helpers.js';

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
