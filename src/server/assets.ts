import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The browser client, bundled by scripts/build-web.mjs into dist/web/, held in memory (it is small). */
export interface WebAssets {
  js: Buffer;
  css: Buffer;
  /** Short content hash: cache-busting query and ETag. */
  version: string;
}

/** The package root: the nearest folder above this file with a package.json. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('newsfuse: cannot find the package root');
    dir = up;
  }
}

/** The package's version, for the OpenAPI document. */
export function packageVersion(root = packageRoot()): string {
  try {
    return (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * Loads dist/web/app.{js,css}. When the web/ sources are there and newer than
 * the bundle (running from a checkout through tsx), rebuilds it first so a
 * developer never sees a stale page; an installed package ships only the bundle.
 */
export function loadWebAssets(root = packageRoot()): WebAssets {
  const out = join(root, 'dist', 'web');
  const js = join(out, 'app.js');
  const css = join(out, 'app.css');
  const src = join(root, 'web');
  const script = join(root, 'scripts', 'build-web.mjs');
  const stale = !existsSync(js) || !existsSync(css) || (existsSync(src) && newestMtime(src) > Math.min(statSync(js).mtimeMs, statSync(css).mtimeMs));
  if (stale && existsSync(script) && existsSync(src)) {
    execFileSync(process.execPath, [script], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  if (!existsSync(js) || !existsSync(css)) {
    throw new Error(`newsfuse: the web page is not built (${out} is missing); run \`npm run build\``);
  }
  const jsBuf = readFileSync(js);
  const cssBuf = readFileSync(css);
  const version = createHash('sha256').update(jsBuf).update(cssBuf).digest('hex').slice(0, 12);
  return { js: jsBuf, css: cssBuf, version };
}
