#!/usr/bin/env node
// Bundles the browser client (web/) into dist/web/ with esbuild: one script
// (app.js) and one stylesheet (app.css), no CDN, so the page works offline and
// the server can forbid inline scripts with its Content-Security-Policy.
// Run by `npm run build`; the server also runs it when dist/web is missing or
// older than web/ (development through tsx).
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'web');
mkdirSync(outdir, { recursive: true });

await build({
  absWorkingDir: root,
  entryPoints: [
    { in: 'web/main.ts', out: 'app' },
    { in: 'web/style.css', out: 'app' },
  ],
  outdir,
  bundle: true,
  format: 'esm',
  // Chromium, Firefox and Safari of the last few years; no transpiling of modern syntax needed beyond this.
  target: ['es2020'],
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
});
